package org.orthomeasure.core.overlay;

import java.util.Objects;
import org.orthomeasure.core.geometry.Point2;

/** A straight segment between two distinct points (image pixels). */
public record LineSegment(Point2 from, Point2 to) implements OverlayShape {

    public LineSegment {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("overlay segment end points coincide at " + from);
        }
    }

    public static LineSegment of(Point2 from, Point2 to) {
        return new LineSegment(from, to);
    }

    public double length() {
        return from.distanceTo(to);
    }

    @Override
    public Bounds bounds() {
        return Bounds.of(from).including(to);
    }
}
