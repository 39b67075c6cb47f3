package org.orthomeasure.core.compare;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementId;

/**
 * One measurement in two readings.
 *
 * @param id         the measurement
 * @param a          its value in reading A, if measurable there
 * @param b          its value in reading B, if measurable there
 * @param difference A − B in the measurement's unit, when both are numbers
 * @param limit      the inter-observer limit that applies, if any (same unit)
 * @param verdict    what the difference means
 * @param sameEnds   for curves with end vertebrae in both readings: whether both chose the same two
 *                   end vertebrae; empty otherwise
 */
public record MeasurementDifference(MeasurementId id, Optional<Measurement> a, Optional<Measurement> b,
                                    OptionalDouble difference, Optional<Double> limit, Verdict verdict,
                                    Optional<Boolean> sameEnds) {

    public MeasurementDifference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(sameEnds, "sameEnds");
    }

    /** True when the difference is larger than the inter-observer limit. */
    public boolean exceeds() {
        return verdict == Verdict.EXCEEDS_LIMIT;
    }
}
