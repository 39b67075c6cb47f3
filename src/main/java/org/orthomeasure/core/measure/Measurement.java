package org.orthomeasure.core.measure;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.orthomeasure.core.landmarks.SpineLevel;

/**
 * One measured value: a number with its unit ({@code deg}, {@code mm}, {@code px}) or a text value
 * (the CPAK type), never both; optional end vertebrae (Cobb curves); for lengths the calibration label
 * the user reads beside the value (e.g. "mm, detector plane", "px (uncalibrated)"); an optional note
 * (e.g. "varus; 177.136° as 180°-based HKA").
 */
public record Measurement(MeasurementId id, OptionalDouble number, Optional<String> text, Unit unit,
                          Optional<SpineLevel> from, Optional<SpineLevel> to, Optional<String> calibrationLabel,
                          Optional<String> note) {

    public Measurement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(calibrationLabel, "calibrationLabel");
        Objects.requireNonNull(note, "note");
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
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A length in {@code unit} (MM or PX) with the calibration label the user reads. */
    public static Measurement length(MeasurementId id, double value, Unit unit, String calibrationLabel) {
        if (unit != Unit.MM && unit != Unit.PX) {
            throw new IllegalArgumentException(id + ": a length is in mm or px, not " + unit);
        }
        return new Measurement(id, OptionalDouble.of(value), Optional.empty(), unit, Optional.empty(),
                Optional.empty(), Optional.of(calibrationLabel), Optional.empty());
    }

    /** A text value (classification), unit NONE. */
    public static Measurement text(MeasurementId id, String value) {
        return new Measurement(id, OptionalDouble.empty(), Optional.of(value), Unit.NONE, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This measurement with end vertebrae. */
    public Measurement withEnds(SpineLevel upper, SpineLevel lower) {
        return new Measurement(id, number, text, unit, Optional.of(upper), Optional.of(lower), calibrationLabel, note);
    }

    /** This measurement with a note. */
    public Measurement withNote(String note) {
        return new Measurement(id, number, text, unit, from, to, calibrationLabel, Optional.of(note));
    }

    /** The numeric value; throws when this is a text measurement. */
    public double value() {
        return number.orElseThrow(() -> new IllegalStateException(id + " has a text value"));
    }

    /** The value as the user reads it: the text, or the number with 3 decimals. */
    public String formattedValue() {
        return text.orElseGet(() -> String.format(java.util.Locale.ROOT, "%.3f", number.getAsDouble()));
    }

    /** The normal range of this measurement's kind, if the spec gives one for its unit. */
    public Optional<NormalRange> normalRange() {
        return NormalRange.forId(id, unit);
    }

    /** True when a normal range applies and the value lies outside it. */
    public boolean isOutsideNormal() {
        return number.isPresent() && normalRange().map(r -> !r.contains(number.getAsDouble())).orElse(false);
    }
}
