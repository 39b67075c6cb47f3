package org.orthomeasure.core.plausibility;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.plausibility.PlausibilityFlag.Rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The long-leg plausibility rules on worked number 1 of measurements.md (×2), one landmark misplaced at a time. */
class LimbPlausibilityTest {

    private static final Optional<PixelSpacing> NONE = Optional.empty();
    /** 0.3 mm/px: the femur of the worked leg (800 px) is 240 mm. */
    private static final Optional<PixelSpacing> MM = Optional.of(PixelSpacing.isotropic(0.3));

    /** Worked number 1 ×2, right leg: both joint lines horizontal, femur and tibia 800 px. */
    private static LandmarkSet leg() {
        return LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(200, 200))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, Point2.of(240, 960))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(120, 960))
                .withPoint(Side.R, LimbLandmark.KNEE_CENTER, Point2.of(180, 1000))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(240, 1040))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(120, 1040))
                .withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(200, 1800));
    }

    private static List<Rule> rules(LandmarkSet set) {
        return LimbPlausibility.check(set, NONE).stream().map(PlausibilityFlag::rule).toList();
    }

    private static LandmarkKey r(LimbLandmark l) {
        return LandmarkKey.of(Side.R, l);
    }

    @Test
    void aWellPlacedLegHasNoFlagAndAnIncompleteOneIsNotJudged() {
        assertEquals(List.of(), LimbPlausibility.check(leg(), MM));
        assertEquals(List.of(), rules(LandmarkSet.empty().withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(5, 5))));
    }

    @Test
    void aPlateauPointOnTheFemurIsFarFromTheKneeAboveItsCondyleAndTiltsTheJointLine() {
        // the medial plateau point 800 px (240 mm) above the knee, as after a stray click on mid-femur
        LandmarkSet set = leg().withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(180, 200));
        List<PlausibilityFlag> flags = LimbPlausibility.check(set, MM);
        PlausibilityFlag far = flags.get(0);
        assertEquals(Rule.FAR_FROM_JOINT, far.rule());
        assertEquals(r(LimbLandmark.TIBIAL_PLATEAU_MEDIAL), far.landmark());
        assertEquals(Optional.of(r(LimbLandmark.KNEE_CENTER)), far.reference());
        assertEquals(240.0, far.value(), 1e-9);
        // the limit: 0.2 × the femur length |HK| = 0.2 × sqrt(20² + 800²) px × 0.3 mm/px
        assertEquals(0.2 * Math.hypot(20, 800) * 0.3, far.limit(), 1e-9);
        assertEquals("mm", far.unit());
        assertEquals(List.of(Rule.FAR_FROM_JOINT, Rule.CONDYLE_DISTAL_TO_PLATEAU, Rule.JOINT_LINES_CONVERGE),
                flags.stream().map(PlausibilityFlag::rule).toList());
        assertEquals(r(LimbLandmark.FEMORAL_CONDYLE_MEDIAL), flags.get(1).landmark());
    }

    @Test
    void aCondyleBelowItsPlateauPointIsFlaggedBeyondTwoMillimetres() {
        // the leg axis H->A is (0, 1600)/1600: straight down; tolerance 0.005 × 800.25 px = 4.0 px
        LandmarkSet low = leg().withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(120, 1060));
        PlausibilityFlag f = LimbPlausibility.check(low, NONE).stream()
                .filter(x -> x.rule() == Rule.CONDYLE_DISTAL_TO_PLATEAU).findFirst().orElseThrow();
        assertEquals(r(LimbLandmark.FEMORAL_CONDYLE_LATERAL), f.landmark());
        assertEquals(Optional.of(r(LimbLandmark.TIBIAL_PLATEAU_LATERAL)), f.reference());
        assertEquals(20.0, f.value(), 1e-9);
        assertEquals("px", f.unit());
        // both condyles 3 px below their plateau points: within the tolerance (the points may touch)
        assertEquals(List.of(), rules(leg().withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(120, 1043))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, Point2.of(240, 1043))));
    }

    @Test
    void jointLinesConvergingByMoreThanTenDegreesAreFlagged() {
        // the lateral plateau point lowered so that the plateau line falls 12° (tan 12° × 120 px = 25.5 px)
        double dy = 120 * Math.tan(Math.toRadians(12));
        LandmarkSet tilted = leg().withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(120, 1040 + dy));
        PlausibilityFlag f = LimbPlausibility.check(tilted, NONE).get(0);
        assertEquals(Rule.JOINT_LINES_CONVERGE, f.rule());
        assertEquals(12.0, f.value(), 1e-9);
        assertEquals(10.0, f.limit(), 0);
        assertEquals("°", f.unit());
        double ok = 120 * Math.tan(Math.toRadians(9.5));
        assertEquals(List.of(), rules(leg().withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(120, 1040 + ok))));
    }

    @Test
    void aFemurHalfAsLongAsItsTibiaIsFlagged() {
        // hip centre moved down: femur |HK| = 400.5 px, tibia |KA| = 800.25 px, ratio 0.50
        LandmarkSet shortFemur = leg().withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(200, 600));
        PlausibilityFlag f = LimbPlausibility.check(shortFemur, NONE).stream()
                .filter(x -> x.rule() == Rule.FEMUR_TIBIA_PROPORTION).findFirst().orElseThrow();
        assertEquals(Math.hypot(20, 400) / Math.hypot(20, 800), f.value(), 1e-12);
        assertEquals(0.8, f.limit(), 0);
    }

    @Test
    void aKneeBelowTheAnkleIsNotBetweenHipAndAnkle() {
        LandmarkSet swapped = leg().withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(200, 700));
        assertTrue(rules(swapped).contains(Rule.KNEE_NOT_BETWEEN), rules(swapped).toString());
    }

    @Test
    void theFlagsDoNotDependOnPositionRotationOrMirroring() {
        LandmarkSet bad = leg().withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(180, 200))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(120, 1060));
        List<PlausibilityFlag> flags = LimbPlausibility.check(bad, NONE);
        double c = Math.cos(Math.toRadians(33));
        double s = Math.sin(Math.toRadians(33));
        LandmarkSet moved = bad.map(p -> Point2.of(1000 + c * p.x() - s * p.y(), -300 + s * p.x() + c * p.y()));
        assertSame(flags, LimbPlausibility.check(moved, NONE));
        // mirrored left to right, the same leg is the left leg
        LandmarkSet mirrored = bad.map(p -> Point2.of(2000 - p.x(), p.y())).withSidesSwapped();
        List<PlausibilityFlag> left = LimbPlausibility.check(mirrored, NONE);
        assertEquals(flags.size(), left.size());
        for (int i = 0; i < flags.size(); i++) {
            assertEquals(Side.L, left.get(i).side());
            assertEquals(flags.get(i).landmark().landmark(), left.get(i).landmark().landmark());
            assertEquals(flags.get(i).value(), left.get(i).value(), 1e-9);
        }
    }

    private static void assertSame(List<PlausibilityFlag> a, List<PlausibilityFlag> b) {
        assertEquals(a.stream().map(PlausibilityFlag::rule).toList(), b.stream().map(PlausibilityFlag::rule).toList());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).landmark(), b.get(i).landmark());
            assertEquals(a.get(i).value(), b.get(i).value(), 1e-9);
            assertEquals(a.get(i).limit(), b.get(i).limit(), 1e-9);
        }
    }
}
