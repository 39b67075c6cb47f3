package org.orthomeasure.ui.session;

import java.util.Objects;
import org.orthomeasure.core.protocol.Reading;

/**
 * The check-mode reference of a session as it is saved and restored: a second reading of the same film
 * (an attending's landmark file, or the detector's suggestion), what it is called, and whether the user
 * has revealed it (false: the user's reading is still blind to it). Immutable.
 *
 * @param reading  the reference landmarks
 * @param name     how it is called (its file name, or "OrthoMeasure suggestion ..."); not blank
 * @param revealed whether it is shown and compared
 */
public record ReferenceReading(Reading reading, String name, boolean revealed) {

    public ReferenceReading {
        Objects.requireNonNull(reading, "reading");
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("a reference reading needs a name");
        }
    }
}
