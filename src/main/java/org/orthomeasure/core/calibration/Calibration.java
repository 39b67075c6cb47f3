package org.orthomeasure.core.calibration;

import java.util.Objects;
import java.util.Optional;

/**
 * The pixel spacing an image is measured with, where it came from and what the user must be warned
 * of. Without a spacing ({@link CalibrationSource#NONE}) lengths are reported in px, never in mm.
 * Spec: measurements.md, "Calibration of projection radiographs".
 *
 * @param spacing     the spacing, empty when uncalibrated
 * @param source      where the spacing came from
 * @param detail      a precise statement for the report, e.g. "Imager Pixel Spacing 0.148 mm / magnification 1.2"
 *                    or "calibration ball 25 mm"; never null, may be empty
 * @param warning     what the user must know (detector plane, invalid value, ...); empty when nothing
 */
public record Calibration(Optional<PixelSpacing> spacing, CalibrationSource source, String detail,
                          Optional<String> warning) {

    public Calibration {
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(warning, "warning");
        if (spacing.isPresent() == (source == CalibrationSource.NONE)) {
            throw new IllegalArgumentException("a spacing is required exactly when the source is not NONE");
        }
    }

    /** A calibrated image. */
    public static Calibration of(PixelSpacing spacing, CalibrationSource source, String detail, String warningOrNull) {
        return new Calibration(Optional.of(spacing), source, detail, Optional.ofNullable(warningOrNull));
    }

    /** No usable calibration; {@code reasonOrNull} says why (e.g. "Pixel Spacing '0\0' is invalid"). */
    public static Calibration none(String reasonOrNull) {
        return new Calibration(Optional.empty(), CalibrationSource.NONE, "", Optional.ofNullable(reasonOrNull));
    }

    /** True when lengths can be given in mm. */
    public boolean isCalibrated() {
        return spacing.isPresent();
    }

    /** "mm" when calibrated, "px" otherwise. */
    public String lengthUnit() {
        return isCalibrated() ? "mm" : "px";
    }

    /** The unit as the user reads it beside a length, e.g. "mm, detector plane" or "px (uncalibrated)". */
    public String unitLabel() {
        return isCalibrated() ? "mm, " + source.label() : "px (uncalibrated)";
    }
}
