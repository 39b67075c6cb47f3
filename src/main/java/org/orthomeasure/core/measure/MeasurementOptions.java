package org.orthomeasure.core.measure;

import java.util.OptionalDouble;

/**
 * Options of one measurement run.
 *
 * @param cpakAsianBand widen the CPAK aHKA neutral band from ±2° to ±3° (spec: CPAK, Asian modification)
 * @param filmHeightPx  height of the film in px for the S-shaped-spine rule (step 4); empty: the
 *                      vertical extent of the labelled spine is used and the result says so
 * @param filmMirrored  the film shows the patient's right on the image's right (its Patient Orientation
 *                      runs the rows to the patient's right: a PA view or a mirrored film). The landmarks
 *                      are then measured mirrored (x → −x), so that medial/lateral, varus/valgus and the MAD
 *                      direction come out as on the AP view the definitions assume; lengths and angle
 *                      magnitudes do not change
 */
public record MeasurementOptions(boolean cpakAsianBand, OptionalDouble filmHeightPx, boolean filmMirrored) {

    /** Options for a film in the AP convention. */
    public MeasurementOptions(boolean cpakAsianBand, OptionalDouble filmHeightPx) {
        this(cpakAsianBand, filmHeightPx, false);
    }

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
        return new MeasurementOptions(on, filmHeightPx, filmMirrored);
    }

    public MeasurementOptions withFilmHeight(double px) {
        return new MeasurementOptions(cpakAsianBand, OptionalDouble.of(px), filmMirrored);
    }

    public MeasurementOptions withFilmMirrored(boolean mirrored) {
        return new MeasurementOptions(cpakAsianBand, filmHeightPx, mirrored);
    }

    /**
     * True when a film's Patient Orientation (0020,0020, e.g. "R\F") runs its rows (+x) to the patient's
     * right; false when it runs them to the left, or the film does not say (the AP convention).
     */
    public static boolean mirroredOrientation(java.util.Optional<String> patientOrientation) {
        return patientOrientation.map(po -> po.strip().toUpperCase(java.util.Locale.ROOT))
                .map(po -> !po.isEmpty() && po.charAt(0) == 'R').orElse(false);
    }
}
