package org.orthomeasure.core.compare;

import java.util.Optional;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.Unit;

/**
 * How far two readings of one film may differ before the difference is larger than the usual
 * inter-observer variability (spec: measurements.md, spine "inter-observer about 7°"; issue 6: "about
 * 1–1.5° for HKA, mLDFA, MPTA; a few mm for lengths"). A difference exceeds a limit when its absolute
 * value is strictly greater.
 *
 * <p>Choices: the limb angle limit is the upper end of 1–1.5° (1.5°), so a resident is not told off for
 * a difference inside the published range; "a few mm" is taken as 3 mm and applies only to
 * calibrated lengths (a pixel length has no mm limit). JLCA (low reliability), aHKA and JLO (sums
 * and differences of two angles) and the angles of the extended set (mLPFA ... aTFA) have no limit in
 * the spec and are compared without a verdict. Which limit applies is part of each measurement's
 * definition ({@code MeasurementDefinition.interObserver()}).
 *
 * @param cobbDeg      Cobb angles (two lines and the automatic curves), degrees
 * @param limbAngleDeg HKA, mLDFA, MPTA, degrees
 * @param lengthMm     MAD, femur, tibia, leg and full leg lengths, LLD, millimetres
 */
public record InterObserverLimits(double cobbDeg, double limbAngleDeg, double lengthMm) {

    public InterObserverLimits {
        if (!(cobbDeg > 0 && limbAngleDeg > 0 && lengthMm > 0)
                || !Double.isFinite(cobbDeg + limbAngleDeg + lengthMm)) {
            throw new IllegalArgumentException("inter-observer limits must be positive, got Cobb " + cobbDeg
                    + "°, limb " + limbAngleDeg + "°, length " + lengthMm + " mm");
        }
    }

    /** Cobb 7°, HKA/mLDFA/MPTA 1.5°, lengths 3 mm. */
    public static InterObserverLimits standard() {
        return new InterObserverLimits(7.0, 1.5, 3.0);
    }

    /**
     * The limit for measurement {@code id} measured in {@code unit}, by the class its definition names;
     * empty when the spec gives none (JLCA, aHKA, JLO, CPAK, the extended angles, and lengths in px).
     */
    public Optional<Double> limitFor(MeasurementId id, Unit unit) {
        return switch (id.definition().interObserver()) {
            case COBB_ANGLE -> Optional.of(cobbDeg);
            case LIMB_ANGLE -> Optional.of(limbAngleDeg);
            case LENGTH -> unit == Unit.MM ? Optional.of(lengthMm) : Optional.empty();
            case NONE -> Optional.empty();
        };
    }
}
