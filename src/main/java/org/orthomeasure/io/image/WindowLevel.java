package org.orthomeasure.io.image;

/**
 * A linear VOI window as DICOM defines it (PS3.3 C.11.2.1.2.1, "LINEAR"): modality values
 * {@code <= c - 0.5 - (w-1)/2} show black, {@code > c - 0.5 + (w-1)/2} white, in between
 * {@code ((v - (c - 0.5)) / (w - 1) + 0.5)} of full scale. Units are those of the modality values
 * (e.g. HU, or stored values when there is no rescale).
 *
 * @param center window centre, finite
 * @param width  window width, finite and &gt;= 1
 */
public record WindowLevel(double center, double width) {

    public WindowLevel {
        if (!Double.isFinite(center) || !Double.isFinite(width) || width < 1) {
            throw new IllegalArgumentException("window needs a finite centre and a width >= 1, got centre "
                    + center + ", width " + width);
        }
    }

    public static WindowLevel of(double center, double width) {
        return new WindowLevel(center, width);
    }

    /** The window spanning {@code [min, max]} (both inclusive) of modality values. */
    public static WindowLevel spanning(double min, double max) {
        double width = Math.max(1, max - min + 1);
        return new WindowLevel(min + width / 2, width);
    }

    /** Display fraction 0..1 of modality value {@code v} under this window (DICOM LINEAR function). */
    public double fraction(double v) {
        double lower = center - 0.5 - (width - 1) / 2;
        double upper = center - 0.5 + (width - 1) / 2;
        if (v <= lower) {
            return 0;
        }
        if (v > upper) {
            return 1;
        }
        return width == 1 ? 1 : (v - (center - 0.5)) / (width - 1) + 0.5;
    }
}
