package org.orthomeasure.core.measure;

import java.util.OptionalDouble;

/**
 * Options of one measurement run.
 *
 * @param cpakAsianBand widen the CPAK aHKA neutral band from ±2° to ±3° (spec: CPAK, Asian modification)
 * @param filmHeightPx  height of the film in px for the S-shaped-spine rule (step 4); empty: the
 *                      vertical extent of the labelled spine is used and the result says so
 */
public record MeasurementOptions(boolean cpakAsianBand, OptionalDouble filmHeightPx) {

    public MeasurementOptions {
        if (filmHeightPx.isPresent() && !(filmHeightPx.getAsDouble() > 0 && Double.isFinite(filmHeightPx.getAsDouble()))) {
            throw new IllegalArgumentException("film height must be positive, got " + filmHeightPx.getAsDouble());
        }
    }

    /** Standard CPAK band, no film height. */
    public static MeasurementOptions defaults() {
        return new MeasurementOptions(false, OptionalDouble.empty());
    }

    public MeasurementOptions withCpakAsianBand(boolean on) {
        return new MeasurementOptions(on, filmHeightPx);
    }

    public MeasurementOptions withFilmHeight(double px) {
        return new MeasurementOptions(cpakAsianBand, OptionalDouble.of(px));
    }
}
