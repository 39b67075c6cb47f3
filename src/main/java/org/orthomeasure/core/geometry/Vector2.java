package org.orthomeasure.core.geometry;

/**
 * A 2-D vector in image coordinates (x right, y down). Immutable; components finite.
 * Angles are in radians; {@link Angles} converts to degrees at the documented boundary.
 */
public record Vector2(double x, double y) {

    public Vector2 {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("vector components must be finite, got (" + x + ", " + y + ")");
        }
    }

    public static Vector2 of(double x, double y) {
        return new Vector2(x, y);
    }

    /** The vector {@code to - from}. */
    public static Vector2 between(Point2 from, Point2 to) {
        return from.vectorTo(to);
    }

    /** Euclidean length. */
    public double length() {
        return Math.hypot(x, y);
    }

    /** True when both components are exactly zero. */
    public boolean isZero() {
        return x == 0 && y == 0;
    }

    public double dot(Vector2 o) {
        return x * o.x + y * o.y;
    }

    /** The z component of the 3-D cross product: {@code x*o.y - y*o.x}. */
    public double cross(Vector2 o) {
        return x * o.y - y * o.x;
    }

    public Vector2 plus(Vector2 o) {
        return new Vector2(x + o.x, y + o.y);
    }

    public Vector2 minus(Vector2 o) {
        return new Vector2(x - o.x, y - o.y);
    }

    public Vector2 times(double f) {
        return new Vector2(x * f, y * f);
    }

    public Vector2 negate() {
        return new Vector2(-x, -y);
    }

    /** The unit vector in this direction; a zero vector has no direction and is rejected. */
    public Vector2 normalized() {
        double len = length();
        if (len == 0) {
            throw new IllegalArgumentException("a zero vector has no direction");
        }
        return new Vector2(x / len, y / len);
    }

    /**
     * Unsigned angle to {@code o} in radians, in [0, pi], computed as {@code atan2(|cross|, dot)}
     * which stays accurate for nearly parallel vectors (where {@code acos} loses precision).
     * Zero vectors are rejected.
     */
    public double angleTo(Vector2 o) {
        requireNonZero(this, o);
        return Math.atan2(Math.abs(cross(o)), dot(o));
    }

    /**
     * Signed angle from this vector to {@code o} in radians, in (-pi, pi]: positive when turning from
     * +x towards +y (clockwise on screen, since y points down).
     */
    public double signedAngleTo(Vector2 o) {
        requireNonZero(this, o);
        return Math.atan2(cross(o), dot(o));
    }

    /** This vector rotated by {@code radians} (from +x towards +y). */
    public Vector2 rotated(double radians) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        return new Vector2(x * c - y * s, x * s + y * c);
    }

    private static void requireNonZero(Vector2 a, Vector2 b) {
        if (a.isZero() || b.isZero()) {
            throw new IllegalArgumentException("the angle with a zero-length vector is undefined");
        }
    }
}
