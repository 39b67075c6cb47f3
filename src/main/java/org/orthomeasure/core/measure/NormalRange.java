package org.orthomeasure.core.measure;

import java.util.Locale;
import java.util.Optional;

/**
 * A normal range (inclusive bounds unless {@link #upperExclusive}) as given in measurements.md, and
 * whether the measurement is known to be of low reliability (JLCA). Each measurement states its range in
 * its {@link MeasurementDefinition}; a range applies only to a value in its unit (MAD's range is in mm,
 * so an uncalibrated MAD has none).
 *
 * @param lower          inclusive lower bound
 * @param upper          inclusive upper bound (Cobb: exclusive, see {@link #upperExclusive})
 * @param upperExclusive true when the upper bound itself is abnormal (Cobb ≥ 10° is scoliosis)
 * @param unit           unit of the bounds
 * @param lowReliability true when the measurement is of known low reliability
 */
public record NormalRange(double lower, double upper, boolean upperExclusive, Unit unit, boolean lowReliability) {

    /** The inclusive range [lower, upper] in {@code unit}. */
    public static NormalRange of(double lower, double upper, Unit unit) {
        if (!(lower <= upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("a normal range needs finite lower <= upper, got " + lower + ", " + upper);
        }
        return new NormalRange(lower, upper, false, unit, false);
    }

    /** [0, upper): the upper bound itself is abnormal (Cobb: ≥ 10° is scoliosis). */
    public static NormalRange below(double upper, Unit unit) {
        return new NormalRange(0, upper, true, unit, false);
    }

    /** This range flagged as belonging to a measurement of known low reliability (JLCA). */
    public NormalRange withLowReliability() {
        return new NormalRange(lower, upper, upperExclusive, unit, true);
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
