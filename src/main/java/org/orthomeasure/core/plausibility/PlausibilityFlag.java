package org.orthomeasure.core.plausibility;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.Side;

/**
 * One implausible finding of a reading: which rule, the leg, the landmark to check first, the one it
 * was judged against, and the value found with the limit it broke, in {@link #unit()}.
 *
 * @param rule      what is implausible
 * @param side      the leg
 * @param landmark  the landmark to check (the one judged)
 * @param reference the landmark it was judged against (e.g. the knee centre), if any
 * @param value     what was found: a distance (mm, or px uncalibrated), an angle (°) or a ratio
 * @param limit     the limit the value is beyond, in the same unit
 * @param unit      "mm", "px", "°" or "" (a ratio)
 */
public record PlausibilityFlag(Rule rule, Side side, LandmarkKey landmark, Optional<LandmarkKey> reference,
                               double value, double limit, String unit) {

    /** The rules, each with the limit it applies. */
    public enum Rule {
        /** A knee, ankle or hip landmark farther from its joint's centre than a fraction of the femur length. */
        FAR_FROM_JOINT,
        /** A femoral condyle point distal to (below) the tibial plateau point of the same compartment. */
        CONDYLE_DISTAL_TO_PLATEAU,
        /** The condylar and plateau lines converge by more than {@link LimbPlausibility#MAX_JLCA_DEG}. */
        JOINT_LINES_CONVERGE,
        /** Femur length over tibia length outside [{@link LimbPlausibility#MIN_FEMUR_TIBIA_RATIO}, {@link LimbPlausibility#MAX_FEMUR_TIBIA_RATIO}]. */
        FEMUR_TIBIA_PROPORTION,
        /** The knee centre is not between the hip and ankle centres along the leg. */
        KNEE_NOT_BETWEEN
    }

    public PlausibilityFlag {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(landmark, "landmark");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(unit, "unit");
    }

    /** Every landmark the flag names: the one judged, then its reference. */
    public List<LandmarkKey> landmarks() {
        return reference.map(r -> List.of(landmark, r)).orElse(List.of(landmark));
    }
}
