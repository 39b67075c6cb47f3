package org.orthomeasure.core.geometry;

import java.util.Objects;
import java.util.Optional;

/**
 * An infinite line given by a point on it and a unit direction. Built from two distinct points or a
 * point and a non-zero direction; a degenerate line is rejected at construction.
 */
public final class Line2 {

    private final Point2 origin;
    private final Vector2 direction;

    private Line2(Point2 origin, Vector2 unitDirection) {
        this.origin = origin;
        this.direction = unitDirection;
    }

    /** The line through {@code a} and {@code b}; the points must differ. */
    public static Line2 through(Point2 a, Point2 b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) {
            throw new IllegalArgumentException("a line needs two distinct points, both are " + a);
        }
        return new Line2(a, a.vectorTo(b).normalized());
    }

    /** The line through {@code origin} with direction {@code direction} (non-zero). */
    public static Line2 fromPointAndDirection(Point2 origin, Vector2 direction) {
        Objects.requireNonNull(origin, "origin");
        if (direction.isZero()) {
            throw new IllegalArgumentException("a line needs a non-zero direction");
        }
        return new Line2(origin, direction.normalized());
    }

    public Point2 origin() {
        return origin;
    }

    /** The unit direction. */
    public Vector2 direction() {
        return direction;
    }

    /**
     * Signed perpendicular distance of {@code p} from this line: {@code cross(direction, p - origin)},
     * positive when p lies on the +y side when looking along the direction with x right, y down
     * (i.e. to the right on screen of the direction).
     */
    public double signedDistanceTo(Point2 p) {
        return direction.cross(origin.vectorTo(p));
    }

    /** Perpendicular distance of {@code p} from this line. */
    public double distanceTo(Point2 p) {
        return Math.abs(signedDistanceTo(p));
    }

    /** The orthogonal projection of {@code p} onto this line. */
    public Point2 project(Point2 p) {
        double t = direction.dot(origin.vectorTo(p));
        return origin.plus(direction.times(t));
    }

    /**
     * The unsigned angle between this line and {@code other} in radians, in [0, pi/2]
     * (lines have no orientation).
     */
    public double angleTo(Line2 other) {
        double a = direction.angleTo(other.direction);
        return a > Math.PI / 2 ? Math.PI - a : a;
    }

    /** The intersection with {@code other}; empty when the lines are parallel (or identical). */
    public Optional<Point2> intersection(Line2 other) {
        double denom = direction.cross(other.direction);
        if (denom == 0) {
            return Optional.empty();
        }
        double t = origin.vectorTo(other.origin).cross(other.direction) / denom;
        return Optional.of(origin.plus(direction.times(t)));
    }

    @Override
    public String toString() {
        return "Line2[" + origin + " dir " + direction + "]";
    }
}
