package org.orthomeasure.core.calibration;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.Point2;

/**
 * The calibration decision order of measurements.md ("Calibration of projection radiographs") as pure
 * functions: DICOM attribute values in, a {@link Calibration} with its source, detail and warning out;
 * plus the two user calibrations (a line of known length, a calibration ball).
 *
 * <p>DICOM values are passed as the raw strings of the attributes (null when absent): Pixel Spacing
 * (0028,0030) and Imager Pixel Spacing (0018,1164) as "row\column" in mm, Estimated Radiographic
 * Magnification Factor (0018,1114), Pixel Spacing Calibration Type (0028,0A02) and Description
 * (0028,0A04).
 */
public final class CalibrationRules {

    private CalibrationRules() {
    }

    /**
     * Decision order 1-4 and 6:
     * <ol>
     *   <li>Only Pixel Spacing: use it, source unknown ({@link CalibrationSource#PIXEL_SPACING}).</li>
     *   <li>Only Imager Pixel Spacing: with a magnification factor IPS / factor
     *       ({@link CalibrationSource#MAGNIFICATION_CORRECTED}); without, IPS at the detector plane, warned.</li>
     *   <li>Both present and equal: detector plane, warned.</li>
     *   <li>Both present, different, with a calibration type or description: Pixel Spacing, calibrated.
     *       Different without either (not covered by the spec): Pixel Spacing, source unknown, warned.</li>
     *   <li value="6">A present spacing that is zero, negative or unparsable: uncalibrated, saying which.
     *       An unusable magnification factor is ignored with a warning.</li>
     * </ol>
     * A spacing (as written, or after magnification correction) outside the range a projection radiograph
     * can have ({@link PixelSpacing#isPlausibleForRadiograph}, 0.02-2 mm) is invalid in the same way as a
     * zero one: uncalibrated with a warning naming the value, never a calibration of 1e308 or 1e-300 mm.
     * A value is parsed as a DICOM Decimal String: digits, sign, point and exponent, padded with spaces
     * only (a NUL or other character inside makes it unparsable, not "1").
     */
    public static Calibration fromDicom(String pixelSpacing, String imagerPixelSpacing, String magnificationFactor,
                                        String calibrationType, String calibrationDescription) {
        boolean hasPs = present(pixelSpacing);
        boolean hasIps = present(imagerPixelSpacing);
        Optional<PixelSpacing> ps = hasPs ? parseSpacing(pixelSpacing) : Optional.empty();
        Optional<PixelSpacing> ips = hasIps ? parseSpacing(imagerPixelSpacing) : Optional.empty();
        if (hasPs && ps.isEmpty()) {
            return Calibration.none("Pixel Spacing '" + shown(pixelSpacing)
                    + "' is invalid (zero, negative or unparsable): lengths are in px");
        }
        if (hasIps && ips.isEmpty()) {
            return Calibration.none("Imager Pixel Spacing '" + shown(imagerPixelSpacing)
                    + "' is invalid (zero, negative or unparsable): lengths are in px");
        }
        if (ps.isPresent() && !ps.get().isPlausibleForRadiograph()) {
            return Calibration.none(implausible("Pixel Spacing '" + shown(pixelSpacing) + "'"));
        }
        if (ips.isPresent() && !ips.get().isPlausibleForRadiograph()) {
            return Calibration.none(implausible("Imager Pixel Spacing '" + shown(imagerPixelSpacing) + "'"));
        }
        if (ps.isEmpty() && ips.isEmpty()) {
            return Calibration.none("no Pixel Spacing or Imager Pixel Spacing in the file: lengths are in px");
        }
        if (ips.isEmpty()) {
            // 1.
            return Calibration.of(ps.get(), CalibrationSource.PIXEL_SPACING, "Pixel Spacing " + fmt(ps.get()),
                    "Pixel Spacing without Imager Pixel Spacing: the plane it refers to is unknown");
        }
        if (ps.isEmpty()) {
            // 2.
            OptionalDouble factor = present(magnificationFactor) ? parsePositive(magnificationFactor)
                    : OptionalDouble.empty();
            if (factor.isPresent()) {
                PixelSpacing corrected = ips.get().dividedBy(factor.getAsDouble());
                if (!corrected.isPlausibleForRadiograph()) {
                    return Calibration.none(implausible("Imager Pixel Spacing " + fmt(ips.get()) + " / magnification "
                            + shown(magnificationFactor)));
                }
                return Calibration.of(corrected, CalibrationSource.MAGNIFICATION_CORRECTED,
                        "Imager Pixel Spacing " + fmt(ips.get()) + " / magnification " + num(factor.getAsDouble()),
                        null);
            }
            String badFactor = present(magnificationFactor)
                    ? "; the magnification factor '" + magnificationFactor.trim() + "' is invalid and was ignored" : "";
            return Calibration.of(ips.get(), CalibrationSource.DETECTOR_PLANE,
                    "Imager Pixel Spacing " + fmt(ips.get()),
                    "sizes are at the detector plane (geometrically magnified, typically 10-20 % too large)" + badFactor);
        }
        if (ps.get().equals(ips.get())) {
            // 3.
            return Calibration.of(ps.get(), CalibrationSource.DETECTOR_PLANE,
                    "Pixel Spacing = Imager Pixel Spacing " + fmt(ps.get()),
                    "Pixel Spacing equals Imager Pixel Spacing: sizes are at the detector plane (magnified)");
        }
        // 4.
        String type = present(calibrationType) ? calibrationType.trim() : null;
        String description = present(calibrationDescription) ? calibrationDescription.trim() : null;
        if (type != null || description != null) {
            StringBuilder detail = new StringBuilder("Pixel Spacing " + fmt(ps.get()) + ", calibration");
            if (type != null) {
                detail.append(" type ").append(type);
            }
            if (description != null) {
                detail.append(type != null ? ": " : " ").append(description);
            }
            return Calibration.of(ps.get(), CalibrationSource.CALIBRATED, detail.toString(), null);
        }
        return Calibration.of(ps.get(), CalibrationSource.PIXEL_SPACING,
                "Pixel Spacing " + fmt(ps.get()) + " (Imager Pixel Spacing " + fmt(ips.get()) + ")",
                "Pixel Spacing differs from Imager Pixel Spacing but no calibration type or description says why");
    }

    /**
     * Rule 5, user line: a line from {@code a} to {@code b} (pixels) known to be {@code knownLengthMm} long;
     * mm/px = known length / measured length in px, square pixels assumed.
     */
    public static Calibration userLine(Point2 a, Point2 b, double knownLengthMm) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        requirePositive(knownLengthMm, "known length");
        double px = a.distanceTo(b);
        if (px == 0) {
            throw new IllegalArgumentException("the calibration line has zero length: its two points coincide");
        }
        return Calibration.of(PixelSpacing.isotropic(knownLengthMm / px), CalibrationSource.USER_LINE,
                "line " + num(knownLengthMm) + " mm over " + String.format(Locale.ROOT, "%.1f", px) + " px", null);
    }

    /**
     * Rule 5, calibration ball: mm/px = ball diameter / measured diameter in px (worked number 5:
     * 25 mm over 200 px → 0.125 mm/px). Warns that the ball is only accurate at the level of the bone.
     */
    public static Calibration calibrationBall(double diameterMm, double measuredDiameterPx) {
        requirePositive(diameterMm, "ball diameter");
        requirePositive(measuredDiameterPx, "measured ball diameter");
        return Calibration.of(PixelSpacing.isotropic(diameterMm / measuredDiameterPx),
                CalibrationSource.CALIBRATION_BALL,
                "ball " + num(diameterMm) + " mm, measured " + String.format(Locale.ROOT, "%.1f", measuredDiameterPx) + " px",
                "a calibration ball is only accurate when it lies at the level of the bone");
    }

    /** Rule 5, calibration ball from a circle fitted to its rim (pixels). */
    public static Calibration calibrationBall(double diameterMm, Circle fittedPx) {
        return calibrationBall(diameterMm, fittedPx.diameter());
    }

    private static String implausible(String what) {
        return what + " is outside the " + PixelSpacing.plausibleRange()
                + " a projection radiograph has: treated as invalid, lengths are in px";
    }

    /** The value as the user may see it: padding removed, control characters written as \\uXXXX. */
    private static String shown(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.strip().toCharArray()) {
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }

    /**
     * Parses a DICOM spacing "row\column" (a single value is rejected: the attribute has two). Empty when
     * unparsable, zero, negative or not finite.
     */
    public static Optional<PixelSpacing> parseSpacing(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\\\\", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        OptionalDouble row = parsePositive(parts[0]);
        OptionalDouble column = parsePositive(parts[1]);
        if (row.isEmpty() || column.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PixelSpacing.of(row.getAsDouble(), column.getAsDouble()));
    }

    /** A DICOM Decimal String (PS3.5 6.2): optional sign, digits with an optional point, optional exponent. */
    private static final java.util.regex.Pattern DECIMAL_STRING =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private static OptionalDouble parsePositive(String s) {
        String v0 = s.replaceAll("^ +| +$", ""); // DS pads with spaces only; String.trim would also drop a NUL
        if (!DECIMAL_STRING.matcher(v0).matches()) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(v0);
            return Double.isFinite(v) && v > 0 ? OptionalDouble.of(v) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static void requirePositive(double v, String what) {
        if (!(Double.isFinite(v) && v > 0)) {
            throw new IllegalArgumentException(what + " must be finite and positive, got " + v);
        }
    }

    private static String fmt(PixelSpacing s) {
        return s.isAnisotropic() ? num(s.rowMm()) + " x " + num(s.columnMm()) + " mm" : num(s.rowMm()) + " mm";
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
