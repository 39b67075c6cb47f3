package org.orthomeasure.detect.longleg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;

/**
 * A long-leg suggestion as core landmarks: every suggested point under the core landmark of the same id
 * ({@link LimbLandmark#fromId}), the femoral head as {@link #RIM_POINTS} points on its fitted circle (so the
 * workstation draws and lets the user edit the circle, and the engine fits the same centre), and the ids of
 * what was suggested (the landmark file's {@code suggested} list).
 *
 * @param landmarks the landmarks, on top of the set they were added to
 * @param suggested landmark-file ids of the suggested landmarks, e.g. "R.kneeCenter", "R.femoralHeadRim"
 */
public record SuggestedLandmarks(LandmarkSet landmarks, List<String> suggested) {

    /** Rim points placed on the head circle, spread over its upper three quarters. */
    public static final int RIM_POINTS = 8;

    public SuggestedLandmarks {
        suggested = List.copyOf(suggested);
    }

    /** {@code base} with the landmarks of {@code legs} added (legs' existing points replaced). */
    public static SuggestedLandmarks of(LandmarkSet base, List<LegSuggestion> legs) {
        LandmarkSet set = base;
        List<String> ids = new ArrayList<>();
        for (LegSuggestion leg : legs) {
            Side side = leg.side();
            for (Map.Entry<LegPoint, Point2> e : leg.points().entrySet()) {
                if (e.getKey() == LegPoint.FEMORAL_HEAD_CENTER && leg.head().isPresent()) {
                    continue;
                }
                Optional<LimbLandmark> l = LimbLandmark.fromId(e.getKey().id());
                if (l.isPresent()) {
                    set = set.withPoint(side, l.get(), e.getValue());
                    ids.add(LandmarkKey.of(side, l.get()).id());
                }
            }
            if (leg.head().isPresent()) {
                set = set.without(LandmarkKey.of(side, LimbLandmark.FEMORAL_HEAD_CENTER))
                        .withHeadRim(side, rim(leg.head().get()));
                ids.add(side.prefix() + "femoralHeadRim");
            }
        }
        return new SuggestedLandmarks(set, ids);
    }

    /** {@link #RIM_POINTS} points on {@code c} from 9 o'clock over the top to 4:30 (clear of the neck below). */
    public static List<Point2> rim(Circle c) {
        List<Point2> pts = new ArrayList<>();
        for (int i = 0; i < RIM_POINTS; i++) {
            double a = Math.toRadians(180 + 225.0 * i / (RIM_POINTS - 1));
            pts.add(Point2.of(c.center().x() + c.radius() * Math.cos(a), c.center().y() + c.radius() * Math.sin(a)));
        }
        return pts;
    }
}
