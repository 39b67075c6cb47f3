package org.orthomeasure.core.geometry;

import java.util.Objects;

/**
 * A segment between two distinct points (e.g. an endplate line drawn by the user). Coincident end
 * points are rejected at construction: a segment of zero length has no direction.
 */
public record Segment2(Point2 start, Point2 end) {

    public Segment2 {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("segment end points coincide at " + start);
        }
    }

    public static Segment2 of(Point2 start, Point2 end) {
        return new Segment2(start, end);
    }

    /** {@code end - start}. */
    public Vector2 direction() {
        return start.vectorTo(end);
    }

    public double length() {
        return start.distanceTo(end);
    }

    public Point2 midpoint() {
        return start.midpoint(end);
    }

    /** The infinite line through this segment. */
    public Line2 toLine() {
        return Line2.through(start, end);
    }
}
