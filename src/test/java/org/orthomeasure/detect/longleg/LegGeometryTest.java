package org.orthomeasure.detect.longleg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;

class LegGeometryTest {

    private static final DerivedLeg LEG = LegGeometry.derive(SyntheticLeg.mask(0, 0), 1024);

    private static Point2 p(LegPoint l) {
        return LEG.point(l).orElseThrow(() -> new AssertionError(l + " not derived"));
    }

    @Test
    void drawnLegHasEveryLandmarkAndNoProblem() {
        assertTrue(LEG.problems().isEmpty(), LEG.problems().toString());
        assertEquals(LegPoint.values().length, LEG.points().size());
    }

    @Test
    void headCircleIsTheDrawnCircle() {
        Point2 c = p(LegPoint.FEMORAL_HEAD_CENTER);
        assertEquals(80, c.x(), 0.5);
        assertEquals(150, c.y(), 0.5);
        assertEquals(18.5, LEG.head().orElseThrow().radius(), 0.7); // drawn to pixel centres at 18: edge at 18.5
        assertEquals(131.5, p(LegPoint.FEMORAL_HEAD_TOP).y(), 1e-9); // top row 132, its upper edge
        assertEquals(80, p(LegPoint.FEMORAL_HEAD_TOP).x(), 1.5);
    }

    @Test
    void trochanterTipIsTheTopOfTheLateralBlock() {
        Point2 gt = p(LegPoint.GREATER_TROCHANTER_TIP);
        assertEquals(159.5, gt.y(), 1e-9);
        assertTrue(gt.x() >= 35 && gt.x() < 80 - 1.6 * 18, "GT x " + gt.x());
    }

    @Test
    void condylesAreWhereTheJointLineTouchesBothCircles() {
        Point2 lat = p(LegPoint.FEMORAL_CONDYLE_LATERAL);
        Point2 med = p(LegPoint.FEMORAL_CONDYLE_MEDIAL);
        assertEquals(560.5, lat.y(), 0.3);
        assertEquals(560.5, med.y(), 0.3);
        assertEquals(55, lat.x(), 2.5);
        assertEquals(75, med.x(), 2.5);
    }

    @Test
    void plateauPointsSitAQuarterInFromEachEdge() {
        assertEquals(Point2.of(44 + 0.25 * 42, 565.5), p(LegPoint.TIBIAL_PLATEAU_LATERAL));
        assertEquals(Point2.of(44 + 0.75 * 42, 565.5), p(LegPoint.TIBIAL_PLATEAU_MEDIAL));
        Point2 k = p(LegPoint.KNEE_CENTER);
        assertEquals(65, k.x(), 1e-9);
        assertEquals((560.5 + 565.5) / 2, k.y(), 0.3);
    }

    @Test
    void plafondEndsAtTheLateralEdgeAndTheMalleolus() {
        assertEquals(Point2.of(50, 900.5), p(LegPoint.PLAFOND_LATERAL));
        assertEquals(Point2.of(75, 900.5), p(LegPoint.PLAFOND_MEDIAL));
        assertEquals(Point2.of(62.5, 900.5), p(LegPoint.ANKLE_CENTER));
    }

    @Test
    void shaftPointsAreMidCortexAtThirds() {
        Point2 tp = p(LegPoint.TIBIAL_SHAFT_PROXIMAL);
        assertEquals(65, tp.x(), 1e-9);
        assertEquals(566 + (915 - 566) / 3.0, tp.y(), 1e-9);
        Point2 fp = p(LegPoint.FEMORAL_SHAFT_PROXIMAL);
        double yFp = 132 + (560 - 132) / 3.0;
        assertEquals(yFp, fp.y(), 1e-9);
        assertEquals(52 + (yFp - 185) * 10.0 / 335, fp.x(), 0.8);
    }

    @Test
    void shiftingTheMaskShiftsEveryPointByTheSameAmount() {
        DerivedLeg moved = LegGeometry.derive(SyntheticLeg.mask(7, 40), 1024);
        assertEquals(LEG.points().keySet(), moved.points().keySet());
        for (Map.Entry<LegPoint, Point2> e : LEG.points().entrySet()) {
            Point2 m = moved.points().get(e.getKey());
            assertEquals(e.getValue().x() + 7, m.x(), 1e-6, e.getKey().id());
            assertEquals(e.getValue().y() + 40, m.y(), 1e-6, e.getKey().id());
        }
    }

    @Test
    void aTibiaCutByTheFilmEdgeIsReported() {
        DerivedLeg cut = LegGeometry.derive(SyntheticLeg.mask(0, 0), 910);
        assertTrue(cut.problems().contains("the tibia runs off the film at the bottom (ankle not on the film)"),
                cut.problems().toString());
        DerivedLeg top = LegGeometry.derive(SyntheticLeg.mask(0, -132), 1024);
        assertTrue(top.problems().contains("the femur runs off the film at the top (hip not on the film)"), top.problems().toString());
    }

    @Test
    void missingBonesAndNoiseAreProblemsNotLandmarks() {
        DerivedLeg empty = LegGeometry.derive(BoneMask.of(128, 1024, new byte[128 * 1024]), 1024);
        assertEquals(java.util.List.of("no femur found", "no tibia found"), empty.problems());
        assertTrue(empty.points().isEmpty());
        byte[] noise = new byte[128 * 1024];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) r.nextInt(3);
        }
        DerivedLeg speckle = LegGeometry.derive(BoneMask.of(128, 1024, noise), 1024);
        assertTrue(!speckle.problems().isEmpty());
    }
}
