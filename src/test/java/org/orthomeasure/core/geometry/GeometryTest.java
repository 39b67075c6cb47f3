package org.orthomeasure.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeometryTest {

    private static final double EPS = 1e-12;

    @Test
    void nonFiniteCoordinatesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Point2.of(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> Vector2.of(0, Double.POSITIVE_INFINITY));
    }

    @Test
    void unsignedAndSignedAngles() {
        Vector2 x = Vector2.of(1, 0);
        assertEquals(90, Angles.betweenDegrees(x, Vector2.of(0, 5)), EPS);
        assertEquals(180, Angles.betweenDegrees(x, Vector2.of(-2, 0)), EPS);
        // +x towards +y (down on screen) is positive
        assertEquals(90, Angles.signedDegrees(x, Vector2.of(0, 1)), EPS);
        assertEquals(-45, Angles.signedDegrees(x, Vector2.of(1, -1)), EPS);
    }

    @Test
    void nearlyParallelVectorsKeepTheirTinyAngle() {
        // acos(dot/|a||b|) rounds this to 0; atan2(|cross|, dot) keeps it.
        double tiny = 1e-9;
        Vector2 a = Vector2.of(1, 0);
        Vector2 b = Vector2.of(Math.cos(tiny), Math.sin(tiny));
        assertEquals(tiny, a.angleTo(b), 1e-18);
        assertEquals(Math.toDegrees(tiny), Angles.clippedCosineDegrees(a, b), 1e-15);
    }

    @Test
    void zeroLengthVectorsHaveNoAngle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vector2.of(0, 0).angleTo(Vector2.of(1, 0)));
        assertTrue(e.getMessage().contains("zero"));
        assertThrows(IllegalArgumentException.class, () -> Angles.clippedCosineDegrees(Vector2.of(1, 1), Vector2.of(0, 0)));
        assertThrows(IllegalArgumentException.class, () -> Vector2.of(0, 0).normalized());
    }

    @Test
    void clippedCosineGivesNinetyBeyondARightAngle() {
        assertEquals(90, Angles.clippedCosineDegrees(Vector2.of(1, 0), Vector2.of(-1, 0.1)), EPS);
        assertEquals(30, Angles.clippedCosineDegrees(Vector2.of(1, 0), Vector2.of(Math.cos(Math.PI / 6), Math.sin(Math.PI / 6))), 1e-12);
    }

    @Test
    void linesDistancesAndIntersections() {
        Line2 l = Line2.through(Point2.of(0, 0), Point2.of(10, 0));
        assertEquals(5, l.distanceTo(Point2.of(3, -5)), EPS);
        assertEquals(5, l.signedDistanceTo(Point2.of(3, 5)), EPS); // +y side is positive
        assertEquals(Point2.of(3, 0), l.project(Point2.of(3, 7)));
        Line2 v = Line2.through(Point2.of(4, -1), Point2.of(4, 1));
        assertEquals(4, v.intersection(l).orElseThrow().x(), EPS);
        assertEquals(0, v.intersection(l).orElseThrow().y(), EPS);
        assertEquals(90, Angles.betweenLinesDegrees(l, v), EPS);
    }

    @Test
    void parallelLinesDoNotIntersectAndMakeZeroAngle() {
        Line2 a = Line2.through(Point2.of(0, 0), Point2.of(1, 1));
        Line2 b = Line2.through(Point2.of(0, 5), Point2.of(-2, 3)); // opposite direction, parallel
        assertTrue(a.intersection(b).isEmpty());
        assertEquals(0, Angles.betweenLinesDegrees(a, b), EPS);
    }

    @Test
    void degenerateLinesAndSegmentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Line2.through(Point2.of(1, 1), Point2.of(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> Line2.fromPointAndDirection(Point2.of(1, 1), Vector2.of(0, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Segment2.of(Point2.of(2, 3), Point2.of(2, 3)));
        assertTrue(e.getMessage().contains("coincide"));
        assertThrows(IllegalArgumentException.class, () -> Circle.of(Point2.of(0, 0), 0));
    }

    @Test
    void circleFitIsExactForPointsOnACircle() {
        List<Point2> pts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double t = 0.3 + i * 0.4; // an arc of about 92 degrees, like a femoral head rim
            pts.add(Point2.of(512.5 + 23 * Math.cos(t), 300.25 + 23 * Math.sin(t)));
        }
        Circle c = CircleFit.fit(pts);
        assertEquals(512.5, c.center().x(), 1e-9);
        assertEquals(300.25, c.center().y(), 1e-9);
        assertEquals(23, c.radius(), 1e-9);
        assertEquals(46, c.diameter(), 1e-9);
    }

    @Test
    void circleFitThroughThreePoints() {
        Circle c = CircleFit.fit(List.of(Point2.of(880, 210), Point2.of(900, 190), Point2.of(920, 210)));
        assertEquals(900, c.center().x(), 1e-9);
        assertEquals(210, c.center().y(), 1e-9);
        assertEquals(20, c.radius(), 1e-9);
    }

    @Test
    void circleFitLeastSquaresWithNoise() {
        // Points alternately 0.5 px inside and outside a radius-50 circle: centre stays, radius ~50.
        List<Point2> pts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double t = i * Math.PI / 6;
            double r = 50 + (i % 2 == 0 ? 0.5 : -0.5);
            pts.add(Point2.of(100 + r * Math.cos(t), 200 + r * Math.sin(t)));
        }
        Circle c = CircleFit.fit(pts);
        assertEquals(100, c.center().x(), 1e-9);
        assertEquals(200, c.center().y(), 1e-9);
        assertEquals(50, c.radius(), 0.01);
    }

    @Test
    void circleFitRejectsTooFewAndCollinearPoints() {
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> CircleFit.fit(List.of(Point2.of(0, 0), Point2.of(1, 1))));
        assertEquals("a circle needs at least 3 rim points, got 2", few.getMessage());
        IllegalArgumentException line = assertThrows(IllegalArgumentException.class,
                () -> CircleFit.fit(List.of(Point2.of(0, 0), Point2.of(1, 1), Point2.of(2, 2), Point2.of(5, 5))));
        assertEquals("the 4 rim points are collinear: no circle fits them", line.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CircleFit.fit(List.of(Point2.of(3, 3), Point2.of(3, 3), Point2.of(3, 3))));
    }
}
