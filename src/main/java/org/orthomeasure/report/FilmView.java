package org.orthomeasure.report;

import java.util.Objects;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.image.WindowPreset;

/**
 * A radiograph as the user looks at it: the image, the window and the polarity.
 *
 * @param radiograph the decoded image
 * @param window     the window (or VOI LUT preset) to render with
 * @param invert     true to show it inverted
 */
public record FilmView(Radiograph radiograph, WindowPreset window, boolean invert) {

    public FilmView {
        Objects.requireNonNull(radiograph, "radiograph");
        Objects.requireNonNull(window, "window");
    }

    /** The image with its default window and polarity. */
    public static FilmView of(Radiograph radiograph) {
        return new FilmView(radiograph, radiograph.defaultWindow(), radiograph.invertedByDefault());
    }
}
