package org.orthomeasure.core.spine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;

/** Synthetic spines: 17 vertebrae 40 x 20 px, one every 60 px from y = 100, with given centres and tilts. */
public final class SpineFixtures {

    private SpineFixtures() {
    }

    /** A vertebra centred at (cx, cy), width 40, height 20, rotated by {@code tiltDeg} (+x towards +y). */
    public static Vertebra vertebra(SpineLevel level, double cx, double cy, double tiltDeg) {
        double t = Math.toRadians(tiltDeg);
        double c = Math.cos(t);
        double s = Math.sin(t);
        Point2[] corners = new Point2[4];
        double[][] local = {{-20, -10}, {20, -10}, {-20, 10}, {20, 10}}; // TL, TR, BL, BR
        for (int i = 0; i < 4; i++) {
            double x = local[i][0];
            double y = local[i][1];
            corners[i] = Point2.of(cx + x * c - y * s, cy + x * s + y * c);
        }
        return Vertebra.of(level, corners[0], corners[1], corners[2], corners[3]);
    }

    /** 17 vertebrae with centre x from {@code centreX(i)} and tilt {@code tilts[i]} degrees. */
    public static List<Vertebra> spine(IntToDoubleFunction centreX, double[] tilts) {
        List<Vertebra> list = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            list.add(vertebra(SpineLevel.values()[i], centreX.applyAsDouble(i), 100 + 60 * i, tilts[i]));
        }
        return list;
    }
}
