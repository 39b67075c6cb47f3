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
