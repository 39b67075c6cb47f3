package org.orthomeasure.core.measure;

import java.util.Locale;
import java.util.Optional;

/**
 * The normal range of a measurement (inclusive bounds) as given in measurements.md, and whether the
 * measurement is known to be of low reliability (JLCA).
 *
 * <ul>
 *   <li>HKA 0 ± 3° → [-3, 3] deg</li>
 *   <li>mLDFA, MPTA 85–90°</li>
 *   <li>JLCA 0–2°, low reliability</li>
 *   <li>MAD about 8 ± 7 mm, line medial of K → [1, 15] mm (only when calibrated)</li>
 *   <li>aHKA neutral band ±2°, JLO 177–183° (CPAK neutral)</li>
 *   <li>Cobb &lt; 10° (no scoliosis) → [0, 10) deg; treated as [0, 10] with scoliosis at ≥ 10</li>
 * </ul>
 *
 * @param lower          inclusive lower bound
 * @param upper          inclusive upper bound (Cobb: exclusive, see {@link #upperExclusive})
 * @param upperExclusive true when the upper bound itself is abnormal (Cobb ≥ 10° is scoliosis)
 * @param unit           unit of the bounds
 * @param lowReliability true when the measurement is of known low reliability
 */
public record NormalRange(double lower, double upper, boolean upperExclusive, Unit unit, boolean lowReliability) {

    private static NormalRange of(double lower, double upper, Unit unit) {
        return new NormalRange(lower, upper, false, unit, false);
    }

    /** The range for {@code id} when measured in {@code unit}; empty when the spec gives none. */
    public static Optional<NormalRange> forId(MeasurementId id, Unit unit) {
        if (id.limbMeasure().isPresent()) {
            NormalRange r = switch (id.limbMeasure().get()) {
                case HKA -> of(-3, 3, Unit.DEG);
                case MLDFA, MPTA -> of(85, 90, Unit.DEG);
                case JLCA -> new NormalRange(0, 2, false, Unit.DEG, true);
                case MAD -> of(1, 15, Unit.MM);
                case AHKA -> of(-2, 2, Unit.DEG);
                case JLO -> of(177, 183, Unit.DEG);
                default -> null;
            };
            return Optional.ofNullable(r).filter(x -> x.unit == unit);
        }
        if (id.equals(MeasurementId.COBB) || id.equals(MeasurementId.COBB_MAJOR)
                || id.equals(MeasurementId.COBB_UPPER) || id.equals(MeasurementId.COBB_LOWER)) {
            return Optional.of(new NormalRange(0, 10, true, Unit.DEG, false)).filter(x -> x.unit == unit);
        }
        return Optional.empty();
    }

    /** True when {@code value} lies inside the range. */
    public boolean contains(double value) {
        return value >= lower && (upperExclusive ? value < upper : value <= upper);
    }

    /** e.g. "85–90 deg", "−3 to 3 deg", "0–2 deg (low reliability)" or "< 10 deg". */
    public String describe() {
        String s = upperExclusive && lower == 0
                ? String.format(Locale.ROOT, "< %s %s", fmt(upper), unit.symbol())
                : String.format(Locale.ROOT, "%s%s%s %s", fmt(lower), lower < 0 ? " to " : "–", fmt(upper),
                        unit.symbol());
        return lowReliability ? s + " (low reliability)" : s;
    }

    /** A bound as text; negative with the minus sign (U+2212), so "−3 to 3" cannot read as a dash. */
    private static String fmt(double v) {
        String abs = Math.abs(v) == Math.rint(Math.abs(v)) ? Long.toString((long) Math.abs(v)) : Double.toString(Math.abs(v));
        return v < 0 ? "\u2212" + abs : abs;
    }
}
