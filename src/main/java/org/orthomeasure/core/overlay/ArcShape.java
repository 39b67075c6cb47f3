package org.orthomeasure.core.overlay;

import java.util.Objects;
import org.orthomeasure.core.geometry.Point2;

/**
 * A circular arc marking an angle. Angles are in degrees <b>counter-clockwise on the screen from
 * 3 o'clock</b> (the screen angle of a direction (dx, dy) with y down is {@code atan2(-dy, dx)}), and
 * a positive extent turns counter-clockwise on the screen: the convention of {@code java.awt.geom.Arc2D}
 * and of JavaFX's {@code GraphicsContext.strokeArc} / {@code Arc}, so both render it unchanged.
 *
 * @param center   the vertex of the angle, image pixels
 * @param radius   in image pixels, &gt; 0
 * @param startDeg screen angle where the arc starts, degrees
 * @param extentDeg signed angular extent, degrees, in [-360, 360]
 */
public record ArcShape(Point2 center, double radius, double startDeg, double extentDeg) implements OverlayShape {

    public ArcShape {
        Objects.requireNonNull(center, "center");
        if (!(Double.isFinite(radius) && radius > 0)) {
            throw new IllegalArgumentException("arc radius must be finite and positive, got " + radius);
        }
        if (!Double.isFinite(startDeg) || !Double.isFinite(extentDeg) || Math.abs(extentDeg) > 360) {
            throw new IllegalArgumentException("arc angles must be finite with |extent| <= 360, got start "
                    + startDeg + ", extent " + extentDeg);
        }
    }

    /**
     * The arc at {@code vertex} spanning the smaller angle (at most 180 degrees) between the rays
     * vertex to {@code onFirstRay} and vertex to {@code onSecondRay}, starting on the first ray.
     *
     * @throws IllegalArgumentException when a ray point coincides with the vertex (no direction)
     */
    public static ArcShape between(Point2 vertex, Point2 onFirstRay, Point2 onSecondRay, double radius) {
        double a = screenAngleDeg(vertex, onFirstRay);
        double b = screenAngleDeg(vertex, onSecondRay);
        double extent = b - a;
        // Normalise to (-180, 180]: the smaller of the two arcs between the rays.
        while (extent > 180) {
            extent -= 360;
        }
        while (extent <= -180) {
            extent += 360;
        }
        return new ArcShape(vertex, radius, a, extent);
    }

    /**
     * Screen angle of the direction {@code from} to {@code to} in degrees, (-180, 180], counter-clockwise
     * on the screen from 3 o'clock.
     *
     * @throws IllegalArgumentException when the points coincide
     */
    public static double screenAngleDeg(Point2 from, Point2 to) {
        double dx = to.x() - from.x();
        double up = from.y() - to.y(); // screen up is -y; written this way to avoid a -0.0 (atan2 gives -180)
        if (dx == 0 && up == 0) {
            throw new IllegalArgumentException("no direction between coincident points " + from);
        }
        return Math.toDegrees(Math.atan2(up, dx));
    }

    /** The unsigned angle the arc spans, degrees. */
    public double spannedDeg() {
        return Math.abs(extentDeg);
    }

    /** The screen angle halfway along the arc, degrees. */
    public double middleDeg() {
        return startDeg + extentDeg / 2;
    }

    /** The point of the arc's circle at screen angle {@code deg} (image pixels, y down). */
    public Point2 pointAt(double deg) {
        double r = Math.toRadians(deg);
        return Point2.of(center.x() + radius * Math.cos(r), center.y() - radius * Math.sin(r));
    }

    @Override
    public Bounds bounds() {
        // Conservative: the arc's whole circle.
        return Bounds.of(Point2.of(center.x() - radius, center.y() - radius))
                .including(Point2.of(center.x() + radius, center.y() + radius));
    }
}
