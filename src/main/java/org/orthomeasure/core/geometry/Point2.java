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

    /** The vector from this point to {@code other} ({@code other - this}). */
    public Vector2 vectorTo(Point2 other) {
        return new Vector2(other.x - x, other.y - y);
    }

    /** This point moved by {@code v}. */
    public Point2 plus(Vector2 v) {
        return new Point2(x + v.x(), y + v.y());
    }

    /** This point with x multiplied by {@code sx} and y by {@code sy} (e.g. px to mm: column, row spacing). */
    public Point2 scaled(double sx, double sy) {
        return new Point2(x * sx, y * sy);
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
