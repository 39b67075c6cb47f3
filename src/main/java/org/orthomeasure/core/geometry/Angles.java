package org.orthomeasure.core.geometry;

/**
 * The single boundary where radians become degrees, and angle helpers used by the measurements.
 * Inside the core angles are radians; results shown to users are degrees.
 */
public final class Angles {

    private Angles() {
    }

    public static double toDegrees(double radians) {
        return Math.toDegrees(radians);
    }

    public static double toRadians(double degrees) {
        return Math.toRadians(degrees);
    }

    /** Unsigned angle between two vectors in degrees, [0, 180]; zero vectors rejected. */
    public static double betweenDegrees(Vector2 a, Vector2 b) {
        return toDegrees(a.angleTo(b));
    }

    /** Signed angle from {@code a} to {@code b} in degrees, (-180, 180], positive from +x towards +y. */
    public static double signedDegrees(Vector2 a, Vector2 b) {
        return toDegrees(a.signedAngleTo(b));
    }

    /** Unsigned angle between two (unoriented) lines in degrees, [0, 90]. */
    public static double betweenLinesDegrees(Line2 a, Line2 b) {
        return toDegrees(a.angleTo(b));
    }

    /**
     * The AASCE reference angle between two vectors: {@code acos(clip(cos, 0, 1))} in degrees, so in
     * [0, 90]; vectors more than 90 degrees apart give 90. Spec: measurements.md, spine, "Angles between
     * mid-lines are unsigned, taken from the clipped cosine (0..90)". Zero vectors rejected.
     */
    public static double clippedCosineDegrees(Vector2 a, Vector2 b) {
        if (a.isZero() || b.isZero()) {
            throw new IllegalArgumentException("the angle with a zero-length vector is undefined");
        }
        double cos = a.dot(b) / (a.length() * b.length());
        if (cos <= 0) {
            return 90.0;
        }
        // atan2 form of acos(cos) for cos in (0, 1]: accurate near parallel vectors.
        return toDegrees(Math.atan2(Math.abs(a.cross(b)), a.dot(b)));
    }
}
