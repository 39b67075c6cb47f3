package org.orthomeasure.ui;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import org.orthomeasure.ui.viewer.ViewerDialogs;

/**
 * The questions the workstation asks the user, behind an interface so view models can be tested
 * without a stage (tests answer them with fixed values).
 */
public interface Dialogs extends ViewerDialogs {

    /** Asks for an image to open; empty when cancelled. */
    Optional<Path> chooseImage(Optional<Path> initialFolder);

    /** Asks where to save a file with the given extension ("pdf", "png"); empty when cancelled. */
    Optional<Path> chooseSaveFile(String title, String extension, Path suggested);

    /** Asks for a positive number (e.g. a known length in mm); empty when cancelled or not a positive number. */
    @Override
    OptionalDouble askPositiveNumber(String title, String prompt, double suggested);

    /** Asks for a file to load (e.g. a reference landmark file); empty when cancelled. */
    Optional<Path> chooseLandmarkFile(Optional<Path> initialFolder);

    /** Asks for a line of text (may be empty); empty Optional when cancelled. */
    Optional<String> askText(String title, String prompt, String suggested);

    /** Asks the user to confirm an action; false when declined or cancelled. */
    boolean confirm(String title, String message);

    /** Shows a one-line error. */
    @Override
    void showError(String title, String message);

    /** Shows information (several lines, e.g. the keyboard shortcuts), non-blocking where the toolkit allows. */
    void showInfo(String title, String message);
}
