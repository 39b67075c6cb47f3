package org.orthomeasure.core.spine;

import org.orthomeasure.core.geometry.Angles;
import org.orthomeasure.core.landmarks.CobbLines;

/**
 * Manual Cobb angle from two endplate lines: the unsigned angle between the two (unoriented) lines,
 * degrees, in [0, 90]. Spec: measurements.md, spine, manual; worked number 4:
 * (0,0)→(100,26.795) and (0,500)→(100,473.205) → 30.0°. Parallel lines give 0°.
 */
public final class CobbAngle {

    private CobbAngle() {
    }

    /** The Cobb angle between the two lines, degrees. Points must already be in a Cartesian frame (mm). */
    public static double degrees(CobbLines lines) {
        return Angles.betweenLinesDegrees(lines.upper().toLine(), lines.lower().toLine());
    }
}
