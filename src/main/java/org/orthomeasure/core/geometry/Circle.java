package org.orthomeasure.core.geometry;

import java.util.Objects;

/** A circle with a finite, positive radius (pixels). */
public record Circle(Point2 center, double radius) {

    public Circle {
        Objects.requireNonNull(center, "center");
        if (!(Double.isFinite(radius) && radius > 0)) {
            throw new IllegalArgumentException("circle radius must be finite and positive, got " + radius);
        }
    }

    public static Circle of(Point2 center, double radius) {
        return new Circle(center, radius);
    }

    public double diameter() {
        return 2 * radius;
    }
}
