package org.orthomeasure.core.geometry;

/**
 * A point in image pixel coordinates: x to the right, y downwards (spec: measurements.md, first paragraph).
 * Coordinates are finite; a NaN or infinite coordinate is rejected.
 */
public record Point2(double x, double y) {

    public Point2 {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("point coordinates must be finite, got (" + x + ", " + y + ")");
        }
    }

    public static Point2 of(double x, double y) {
        return new Point2(x, y);
    }

    /** Euclidean distance in pixels. */
    public double distanceTo(Point2 other) {
        return Math.hypot(other.x - x, other.y - y);
    }

    /** The midpoint of this point and {@code other}. */
    public Point2 midpoint(Point2 other) {
        return new Point2((x + other.x) / 2, (y + other.y) / 2);
    }
}
