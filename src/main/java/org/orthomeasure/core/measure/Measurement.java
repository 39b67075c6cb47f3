package org.orthomeasure.core.measure;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.orthomeasure.core.landmarks.SpineLevel;

/**
 * One measured value: a number with its unit ({@code deg}, {@code mm}, {@code px}) or a text value
 * (the CPAK type), never both; optional end vertebrae (Cobb curves); for lengths the calibration label
 * the user reads beside the value (e.g. "mm, detector plane", "px (uncalibrated)"); an optional note
 * (e.g. "varus; 177.136° as 180°-based HKA"); a short qualifier the tables print beside the value
 * ("varus", "H–A medial of K", "right longer"); the normal range that applies to the value, as its
 * definition gives it under the options of the run (with the Asian CPAK band aHKA's is ±3°).
 */
public record Measurement(MeasurementId id, OptionalDouble number, Optional<String> text, Unit unit,
                          Optional<SpineLevel> from, Optional<SpineLevel> to, Optional<String> calibrationLabel,
                          Optional<String> note, Optional<String> qualifier, Optional<NormalRange> normalRange) {

    public Measurement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(calibrationLabel, "calibrationLabel");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(normalRange, "normalRange");
        if (normalRange.isPresent() && normalRange.get().unit() != unit) {
            throw new IllegalArgumentException(id + ": normal range in " + normalRange.get().unit() + " for a value in "
                    + unit);
        }
        if (number.isPresent() == text.isPresent()) {
            throw new IllegalArgumentException(id + ": a measurement has either a number or a text value");
        }
        if (number.isPresent() && !Double.isFinite(number.getAsDouble())) {
            throw new IllegalArgumentException(id + ": value must be finite, got " + number.getAsDouble());
        }
        if (from.isPresent() != to.isPresent()) {
            throw new IllegalArgumentException(id + ": end vertebrae come in pairs");
        }
    }

    /** An angle in degrees. */
    public static Measurement angle(MeasurementId id, double degrees) {
        return new Measurement(id, OptionalDouble.of(degrees), Optional.empty(), Unit.DEG, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), defaultRange(id, Unit.DEG));
    }

    /** A length in {@code unit} (MM or PX) with the calibration label the user reads. */
    public static Measurement length(MeasurementId id, double value, Unit unit, String calibrationLabel) {
        if (unit != Unit.MM && unit != Unit.PX) {
            throw new IllegalArgumentException(id + ": a length is in mm or px, not " + unit);
        }
        return new Measurement(id, OptionalDouble.of(value), Optional.empty(), unit, Optional.empty(),
                Optional.empty(), Optional.of(calibrationLabel), Optional.empty(), Optional.empty(),
                defaultRange(id, unit));
    }

    /** A text value (classification), unit NONE. */
    public static Measurement text(MeasurementId id, String value) {
        return new Measurement(id, OptionalDouble.empty(), Optional.of(value), Unit.NONE, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This measurement with end vertebrae. */
    public Measurement withEnds(SpineLevel upper, SpineLevel lower) {
        return new Measurement(id, number, text, unit, Optional.of(upper), Optional.of(lower), calibrationLabel, note,
                qualifier, normalRange);
    }

    /** This measurement with a note. */
    public Measurement withNote(String note) {
        return new Measurement(id, number, text, unit, from, to, calibrationLabel, Optional.of(note), qualifier,
                normalRange);
    }

    /** This measurement with a short qualifier for tables ("varus", "right longer"). */
    public Measurement withQualifier(String qualifier) {
        return new Measurement(id, number, text, unit, from, to, calibrationLabel, note, Optional.of(qualifier),
                normalRange);
    }

    /** This measurement with its normal range as its definition gives it under {@code options}. */
    public Measurement under(MeasurementOptions options) {
        return new Measurement(id, number, text, unit, from, to, calibrationLabel, note, qualifier,
                number.isPresent() ? id.definition().normalRange(options, unit) : Optional.empty());
    }

    private static Optional<NormalRange> defaultRange(MeasurementId id, Unit unit) {
        return id.definition().normalRange(MeasurementOptions.defaults(), unit);
    }

    /** The numeric value; throws when this is a text measurement. */
    public double value() {
        return number.orElseThrow(() -> new IllegalStateException(id + " has a text value"));
    }

    /** The value as the user reads it: the text, or the number with 3 decimals (never "-0.000"). */
    public String formattedValue() {
        return text.orElseGet(() -> {
            String s = String.format(java.util.Locale.ROOT, "%.3f", number.getAsDouble());
            return s.equals("-0.000") ? "0.000" : s;
        });
    }

    /** True when a normal range applies and the value lies outside it. */
    public boolean isOutsideNormal() {
        return number.isPresent() && normalRange().map(r -> !r.contains(number.getAsDouble())).orElse(false);
    }
}
