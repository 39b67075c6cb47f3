package org.orthomeasure.core.spine;

import java.util.Objects;
import org.orthomeasure.core.landmarks.SpineLevel;

/**
 * One curve of the automatic Cobb evaluation: its angle in degrees [0, 90] and its two end vertebrae,
 * {@code upperEnd} at or above {@code lowerEnd}.
 */
public record Curve(double degrees, SpineLevel upperEnd, SpineLevel lowerEnd) {

    public Curve {
        Objects.requireNonNull(upperEnd, "upperEnd");
        Objects.requireNonNull(lowerEnd, "lowerEnd");
        if (!(degrees >= 0 && degrees <= 90)) {
            throw new IllegalArgumentException("curve angle must be in [0, 90], got " + degrees);
        }
        if (upperEnd.compareTo(lowerEnd) > 0) {
            throw new IllegalArgumentException("upper end " + upperEnd + " lies below lower end " + lowerEnd);
        }
    }

    /** A curve between two levels given in either order. */
    static Curve between(double degrees, SpineLevel a, SpineLevel b) {
        return a.compareTo(b) <= 0 ? new Curve(degrees, a, b) : new Curve(degrees, b, a);
    }
}
