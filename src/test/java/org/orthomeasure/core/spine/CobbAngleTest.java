package org.orthomeasure.core.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Segment2;
import org.orthomeasure.core.landmarks.CobbLines;

class CobbAngleTest {

    @Test
    void workedNumber4() {
        CobbLines lines = CobbLines.of(Segment2.of(Point2.of(0, 0), Point2.of(100, 26.795)),
                Segment2.of(Point2.of(0, 500), Point2.of(100, 473.205)));
        assertEquals(30.0, CobbAngle.degrees(lines), 1e-3);
    }

    @Test
    void drawingDirectionDoesNotMatter() {
        CobbLines lines = CobbLines.of(Segment2.of(Point2.of(100, 26.795), Point2.of(0, 0)),
                Segment2.of(Point2.of(0, 500), Point2.of(100, 473.205)));
        assertEquals(30.0, CobbAngle.degrees(lines), 1e-3);
    }

    @Test
    void parallelLinesGiveZero() {
        CobbLines lines = CobbLines.of(Segment2.of(Point2.of(0, 0), Point2.of(100, 10)),
                Segment2.of(Point2.of(0, 500), Point2.of(-100, 490)));
        assertEquals(0.0, CobbAngle.degrees(lines), 1e-12);
    }

    @Test
    void perpendicularLinesGiveNinety() {
        CobbLines lines = CobbLines.of(Segment2.of(Point2.of(0, 0), Point2.of(100, 0)),
                Segment2.of(Point2.of(0, 500), Point2.of(0, 600)));
        assertEquals(90.0, CobbAngle.degrees(lines), 1e-12);
    }
}
