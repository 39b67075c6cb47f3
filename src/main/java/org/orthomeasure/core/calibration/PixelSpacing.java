package org.orthomeasure.core.calibration;

/**
 * Physical size of one pixel, in millimetres: {@code rowMm} is the distance between the centres of
 * adjacent rows (vertical, along y), {@code columnMm} between adjacent columns (horizontal, along x).
 * This is the DICOM (0028,0030) order: row spacing first. Spec: measurements.md, "Calibration".
 *
 * @param rowMm    vertical spacing in mm per pixel, finite and &gt; 0
 * @param columnMm horizontal spacing in mm per pixel, finite and &gt; 0
 */
public record PixelSpacing(double rowMm, double columnMm) {

    public PixelSpacing {
        if (!(Double.isFinite(rowMm) && rowMm > 0) || !(Double.isFinite(columnMm) && columnMm > 0)) {
            throw new IllegalArgumentException(
                    "pixel spacing must be finite and positive, got row " + rowMm + " mm, column " + columnMm + " mm");
        }
    }

    /**
     * Smallest spacing taken as a projection radiograph's calibration, mm per pixel. X-ray detectors have
     * pixel pitches of 0.05-0.2 mm (mammography 0.05-0.1 mm, DR and CR 0.1-0.2 mm); film digitisers go
     * down to about 0.04 mm. 0.02 mm is half the finest of these: below it the value is not a radiograph's.
     */
    public static final double MIN_PLAUSIBLE_MM = 0.02;
    /**
     * Largest spacing taken as calibration, mm per pixel: 10 times the coarsest detector pitch (0.2 mm),
     * room for films downsampled for export or stitching (0.3-1 mm); a 2 mm pixel is coarser than any
     * measurement on a radiograph could use, and 100 mm or 1e308 mm is a damaged value.
     */
    public static final double MAX_PLAUSIBLE_MM = 2.0;

    /**
     * True when both spacings lie in [{@link #MIN_PLAUSIBLE_MM}, {@link #MAX_PLAUSIBLE_MM}]: the range a
     * projection radiograph can have. A spacing outside it is treated as invalid (uncalibrated, with a note),
     * as a zero or negative one is, so that no length in mm is shown that no patient has.
     */
    public boolean isPlausibleForRadiograph() {
        return isPlausible(rowMm) && isPlausible(columnMm);
    }

    /** True when {@code mm} lies in [{@link #MIN_PLAUSIBLE_MM}, {@link #MAX_PLAUSIBLE_MM}]. */
    public static boolean isPlausible(double mm) {
        return mm >= MIN_PLAUSIBLE_MM && mm <= MAX_PLAUSIBLE_MM;
    }

    /** The plausible range as the messages write it. */
    public static String plausibleRange() {
        return "0.02-2 mm per pixel";
    }

    /** Spacing with row and column values (mm per pixel). */
    public static PixelSpacing of(double rowMm, double columnMm) {
        return new PixelSpacing(rowMm, columnMm);
    }

    /** Square pixels of {@code mm} millimetres. */
    public static PixelSpacing isotropic(double mm) {
        return new PixelSpacing(mm, mm);
    }

    /** True when row and column spacing differ (angles must then be computed in mm). */
    public boolean isAnisotropic() {
        return rowMm != columnMm;
    }

    /** This spacing divided by a magnification factor (spacing in the object plane = detector spacing / factor). */
    public PixelSpacing dividedBy(double factor) {
        if (!(Double.isFinite(factor) && factor > 0)) {
            throw new IllegalArgumentException("magnification factor must be finite and positive, got " + factor);
        }
        return new PixelSpacing(rowMm / factor, columnMm / factor);
    }
}
