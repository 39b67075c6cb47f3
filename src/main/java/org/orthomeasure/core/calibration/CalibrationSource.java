package org.orthomeasure.core.calibration;

/**
 * Where a pixel spacing came from; decides how far lengths can be trusted.
 * Spec: measurements.md, "Calibration of projection radiographs" (decision order 1-6).
 */
public enum CalibrationSource {
    /** (1) Pixel Spacing (0028,0030) alone: used as given, its meaning unknown. */
    PIXEL_SPACING("pixel spacing, source unknown"),
    /** (2, 3) Imager Pixel Spacing without magnification correction: sizes at the detector, magnified. */
    DETECTOR_PLANE("detector plane"),
    /** (2) Imager Pixel Spacing divided by the Estimated Radiographic Magnification Factor. */
    MAGNIFICATION_CORRECTED("magnification corrected"),
    /** (4) Pixel Spacing differing from Imager Pixel Spacing, with a calibration type or description. */
    CALIBRATED("calibrated in file"),
    /** (5) The user drew a line of known length. */
    USER_LINE("user line"),
    /** (5) A calibration ball of known diameter fitted as a circle. */
    CALIBRATION_BALL("calibration ball"),
    /** No valid spacing: lengths are in pixels. */
    NONE("uncalibrated");

    private final String label;

    CalibrationSource(String label) {
        this.label = label;
    }

    /** The id used in files and JSON output: the name in lower case with '-', e.g. "detector-plane". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The source with {@link #id()} {@code id}, if any. */
    public static java.util.Optional<CalibrationSource> fromId(String id) {
        for (CalibrationSource s : values()) {
            if (s.id().equals(id)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /** Short human label, e.g. "detector plane". */
    public String label() {
        return label;
    }
}
