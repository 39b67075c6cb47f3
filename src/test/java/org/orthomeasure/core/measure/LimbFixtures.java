package org.orthomeasure.core.measure;

import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;

/** Landmark sets of worked number 1 (right leg) and its mirror image (left leg). */
final class LimbFixtures {

    private LimbFixtures() {
    }

    /** Worked number 1 on the right leg: H (100,100), K (90,500), A (100,900), horizontal joint lines. */
    static LandmarkSet workedNumber1Right() {
        return LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(100, 100))
                .withPoint(Side.R, LimbLandmark.KNEE_CENTER, Point2.of(90, 500))
                .withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(100, 900))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, Point2.of(120, 495))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(60, 495))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(120, 505))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(60, 505));
    }

    /** Worked number 1 on both legs: the left leg is the right one mirrored about x = 1000. */
    static LandmarkSet workedNumber1Both() {
        LandmarkSet right = workedNumber1Right();
        LandmarkSet set = right;
        for (var e : right.points().entrySet()) {
            Point2 p = e.getValue();
            set = set.withPoint(Side.L, e.getKey().landmark(), Point2.of(2000 - p.x(), p.y()));
        }
        return set;
    }
}
