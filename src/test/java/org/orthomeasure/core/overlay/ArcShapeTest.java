package org.orthomeasure.core.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;

class ArcShapeTest {

    private static final Point2 O = Point2.of(100, 100);

    @Test
    void screenAnglesAreCounterClockwiseFromThreeOClockWithYDown() {
        assertEquals(0, ArcShape.screenAngleDeg(O, Point2.of(150, 100)), 1e-12);
        assertEquals(90, ArcShape.screenAngleDeg(O, Point2.of(100, 40)), 1e-12); // up on screen
        assertEquals(-90, ArcShape.screenAngleDeg(O, Point2.of(100, 160)), 1e-12); // down on screen
        assertEquals(180, ArcShape.screenAngleDeg(O, Point2.of(10, 100)), 1e-12);
    }

    @Test
    void arcBetweenRaysSpansTheSmallerAngleStartingOnTheFirstRay() {
        // Right (0 deg) to up-left (135 deg): +135, counter-clockwise.
        ArcShape a = ArcShape.between(O, Point2.of(200, 100), Point2.of(50, 50), 10);
        assertEquals(0, a.startDeg(), 1e-12);
        assertEquals(135, a.extentDeg(), 1e-9);
        // The other way round turns clockwise.
        ArcShape b = ArcShape.between(O, Point2.of(50, 50), Point2.of(200, 100), 10);
        assertEquals(135, b.startDeg(), 1e-9);
        assertEquals(-135, b.extentDeg(), 1e-9);
        // Across the +-180 cut: 170 deg to -170 deg is 20 deg, not 340.
        Point2 p170 = Point2.of(100 + Math.cos(Math.toRadians(170)), 100 - Math.sin(Math.toRadians(170)));
        Point2 m170 = Point2.of(100 + Math.cos(Math.toRadians(-170)), 100 - Math.sin(Math.toRadians(-170)));
        assertEquals(20, ArcShape.between(O, p170, m170, 5).extentDeg(), 1e-9);
        assertEquals(20, ArcShape.between(O, p170, m170, 5).spannedDeg(), 1e-9);
    }

    @Test
    void pointAtUsesTheSameConvention() {
        ArcShape a = ArcShape.between(O, Point2.of(200, 100), Point2.of(100, 0), 10);
        assertEquals(90, a.extentDeg(), 1e-9);
        Point2 mid = a.pointAt(a.middleDeg());
        assertEquals(100 + 10 / Math.sqrt(2), mid.x(), 1e-9);
        assertEquals(100 - 10 / Math.sqrt(2), mid.y(), 1e-9); // up-right of the centre on screen
    }

    @Test
    void degenerateInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ArcShape.between(O, O, Point2.of(1, 1), 5));
        assertThrows(IllegalArgumentException.class, () -> new ArcShape(O, 0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ArcShape(O, 1, 0, 400));
        assertThrows(IllegalArgumentException.class, () -> LineSegment.of(O, O));
        assertThrows(IllegalArgumentException.class, () -> TextLabel.of(O, " ", TextAnchor.EAST));
    }

    @Test
    void textAnchorSnapsDirections() {
        assertEquals(TextAnchor.EAST, TextAnchor.toward(1, 0.1));
        assertEquals(TextAnchor.NORTH, TextAnchor.toward(0.1, -1));
        assertEquals(TextAnchor.SOUTH_WEST, TextAnchor.toward(-1, 1));
        assertEquals(TextAnchor.CENTER, TextAnchor.toward(0, 0));
    }

    @Test
    void boundsGrowAndUnite() {
        Bounds b = Bounds.of(Point2.of(1, 2)).including(Point2.of(-3, 5));
        assertEquals(new Bounds(-3, 2, 1, 5), b);
        assertEquals(new Bounds(-4, 1, 2, 6), b.expanded(1));
        assertEquals(new Bounds(-10, -10, 10, 10), new CircleShape(Point2.of(0, 0), 10).bounds());
        assertThrows(IllegalArgumentException.class, () -> new Bounds(2, 0, 1, 0));
    }
}
