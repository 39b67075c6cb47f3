package org.orthomeasure.core.overlay;

import org.orthomeasure.core.geometry.Point2;

/**
 * An axis-aligned box in image pixels, {@code min <= max} on both axes (a single point is a box of
 * zero size). Used to crop a report picture around the annotations.
 */
public record Bounds(double minX, double minY, double maxX, double maxY) {

    public Bounds {
        if (!(Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY))
                || minX > maxX || minY > maxY) {
            throw new IllegalArgumentException("invalid bounds (" + minX + ", " + minY + ") - (" + maxX + ", " + maxY + ")");
        }
    }

    /** The zero-size box at {@code p}. */
    public static Bounds of(Point2 p) {
        return new Bounds(p.x(), p.y(), p.x(), p.y());
    }

    /** The smallest box holding this one and {@code p}. */
    public Bounds including(Point2 p) {
        return new Bounds(Math.min(minX, p.x()), Math.min(minY, p.y()), Math.max(maxX, p.x()), Math.max(maxY, p.y()));
    }

    /** The smallest box holding this one and {@code o}. */
    public Bounds union(Bounds o) {
        return new Bounds(Math.min(minX, o.minX), Math.min(minY, o.minY), Math.max(maxX, o.maxX), Math.max(maxY, o.maxY));
    }

    /** This box grown by {@code margin} pixels on every side (margin &gt;= 0). */
    public Bounds expanded(double margin) {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("margin must be >= 0, got " + margin);
        }
        return new Bounds(minX - margin, minY - margin, maxX + margin, maxY + margin);
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }
}
