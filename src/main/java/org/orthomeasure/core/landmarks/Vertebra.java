package org.orthomeasure.core.landmarks;

import java.util.Objects;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Vector2;

/**
 * One vertebra's four corners in the AASCE order: top-left, top-right, bottom-left, bottom-right
 * (image left/right). Its mid-line runs from the midpoint of the left edge (TL, BL) to the midpoint of
 * the right edge (TR, BR); a vertebra whose two edge midpoints coincide has no mid-line and is
 * rejected at construction. Spec: measurements.md, spine, automatic Cobb.
 */
public record Vertebra(SpineLevel level, Point2 topLeft, Point2 topRight, Point2 bottomLeft, Point2 bottomRight) {

    public Vertebra {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(topLeft, "topLeft");
        Objects.requireNonNull(topRight, "topRight");
        Objects.requireNonNull(bottomLeft, "bottomLeft");
        Objects.requireNonNull(bottomRight, "bottomRight");
        if (topLeft.midpoint(bottomLeft).equals(topRight.midpoint(bottomRight))) {
            throw new IllegalArgumentException("vertebra " + level
                    + ": the midpoints of its left and right edges coincide, it has no mid-line");
        }
    }

    public static Vertebra of(SpineLevel level, Point2 topLeft, Point2 topRight, Point2 bottomLeft,
                              Point2 bottomRight) {
        return new Vertebra(level, topLeft, topRight, bottomLeft, bottomRight);
    }

    /** Midpoint of the left edge (top-left, bottom-left). */
    public Point2 leftMid() {
        return topLeft.midpoint(bottomLeft);
    }

    /** Midpoint of the right edge (top-right, bottom-right). */
    public Point2 rightMid() {
        return topRight.midpoint(bottomRight);
    }

    /** Midpoint of the superior endplate (top-left, top-right). */
    public Point2 topMid() {
        return topLeft.midpoint(topRight);
    }

    /** Midpoint of the inferior endplate (bottom-left, bottom-right). */
    public Point2 bottomMid() {
        return bottomLeft.midpoint(bottomRight);
    }

    /** The mid-line vector, left-edge midpoint to right-edge midpoint (non-zero). */
    public Vector2 midLine() {
        return leftMid().vectorTo(rightMid());
    }

    /** This vertebra with every corner mapped through {@code f} (e.g. px to mm). */
    public Vertebra map(java.util.function.UnaryOperator<Point2> f) {
        return new Vertebra(level, f.apply(topLeft), f.apply(topRight), f.apply(bottomLeft), f.apply(bottomRight));
    }
}
