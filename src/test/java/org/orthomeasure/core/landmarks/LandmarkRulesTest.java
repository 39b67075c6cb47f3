package org.orthomeasure.core.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;

class LandmarkRulesTest {

    private static final LandmarkKey KNEE = LandmarkKey.of(Side.R, LimbLandmark.KNEE_CENTER);
    private static final LandmarkKey ANKLE = LandmarkKey.of(Side.R, LimbLandmark.ANKLE_CENTER);

    @Test
    void twoLandmarksOfOneSideMayNotCoincideButOfTwoSidesMay() {
        LandmarkSet set = LandmarkSet.empty().withPoint(KNEE, Point2.of(90, 500));
        assertEquals(Optional.of("R.kneeCenter and R.ankleCenter coincide at [90, 500]; two different landmarks cannot "
                + "be at the same place"), LandmarkRules.placementProblem(set, ANKLE, Point2.of(90, 500)));
        assertEquals(Optional.empty(), LandmarkRules.placementProblem(set, KNEE, Point2.of(90, 500))); // itself
        assertEquals(Optional.empty(), LandmarkRules.placementProblem(set,
                LandmarkKey.of(Side.L, LimbLandmark.ANKLE_CENTER), Point2.of(90, 500)));
        LandmarkSet bad = set.withPoint(ANKLE, Point2.of(90, 500));
        assertEquals(1, LandmarkRules.coincidences(bad).size());
        assertEquals(LandmarkRules.coincidences(bad).get(0),
                LandmarkRules.introducedCoincidence(set, bad).orElseThrow());
        assertEquals(Optional.empty(), LandmarkRules.introducedCoincidence(bad, bad));
        // obeying: the later one (ankle after knee in the set's order) is left out, the rest kept
        assertEquals(set, LandmarkRules.obeying(bad));
        assertEquals(set, LandmarkRules.obeying(set));
    }

    @Test
    void aRimNeedsThreeDistinctPointsNotOnOneLine() {
        assertEquals(Optional.of("too few rim points: 2 given, a circle needs at least 3"),
                LandmarkRules.rimProblem(List.of(Point2.of(0, 0), Point2.of(1, 1))));
        assertEquals(Optional.of("rim point 2 [0, 0] repeats an earlier rim point"),
                LandmarkRules.rimProblem(List.of(Point2.of(0, 0), Point2.of(1, 1), Point2.of(0, 0))));
        assertTrue(LandmarkRules.rimProblem(List.of(Point2.of(0, 0), Point2.of(1, 1), Point2.of(2, 2))).isPresent());
        assertEquals(Optional.empty(), LandmarkRules.rimProblem(List.of(Point2.of(0, 10), Point2.of(10, 0),
                Point2.of(20, 10))));
        LandmarkSet withRim = LandmarkSet.empty().withHeadRim(Side.L, List.of(Point2.of(0, 0), Point2.of(1, 1)));
        assertEquals(List.of("L.femoralHeadRim: too few rim points: 2 given, a circle needs at least 3"),
                LandmarkRules.problems(withRim));
        assertEquals(LandmarkSet.empty(), LandmarkRules.obeying(withRim));
    }
}
