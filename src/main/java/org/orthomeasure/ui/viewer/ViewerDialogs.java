package org.orthomeasure.ui.viewer;

import java.util.OptionalDouble;

/**
 * The questions the viewer asks while calibrating, behind an interface so that its view model is
 * testable without a stage and the viewer does not depend on the workstation package
 * ({@code ui.Dialogs} extends it).
 */
public interface ViewerDialogs {

    /** Asks for a positive number (e.g. a known length in mm); empty when cancelled or not a positive number. */
    OptionalDouble askPositiveNumber(String title, String prompt, double suggested);

    /** Shows a one-line error. */
    void showError(String title, String message);
}
