package org.orthomeasure.io.image;

import java.util.Arrays;

/**
 * Stored pixel value to modality value (PS3.3 C.11.1): either linear,
 * {@code v = slope * stored + intercept} (Rescale Slope/Intercept; identity when absent), or a
 * Modality LUT, {@code v = table[clamp(stored - firstMapped)]}.
 */
public final class ModalityTransform {
    private final double slope;
    private final double intercept;
    private final int firstMapped;
    private final int[] table;

    private ModalityTransform(double slope, double intercept, int firstMapped, int[] table) {
        this.slope = slope;
        this.intercept = intercept;
        this.firstMapped = firstMapped;
        this.table = table;
    }

    /** The identity (no rescale in the file). */
    public static ModalityTransform identity() {
        return new ModalityTransform(1, 0, 0, null);
    }

    /** {@code v = slope * stored + intercept}; slope finite and non-zero, intercept finite. */
    public static ModalityTransform linear(double slope, double intercept) {
        if (!Double.isFinite(slope) || slope == 0 || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("rescale slope must be finite and non-zero and intercept finite, got "
                    + slope + ", " + intercept);
        }
        return new ModalityTransform(slope, intercept, 0, null);
    }

    /** A Modality LUT: stored values below {@code firstMapped} map to the first entry, above the end to the last. */
    public static ModalityTransform lut(int firstMapped, int[] table) {
        if (table.length == 0) {
            throw new IllegalArgumentException("modality LUT has no entries");
        }
        return new ModalityTransform(1, 0, firstMapped, table.clone());
    }

    public boolean isLut() {
        return table != null;
    }

    public boolean isIdentity() {
        return table == null && slope == 1 && intercept == 0;
    }

    public double slope() {
        return slope;
    }

    public double intercept() {
        return intercept;
    }

    /** The modality value of one stored value. */
    public double apply(int stored) {
        if (table != null) {
            long i = (long) stored - firstMapped;
            return table[(int) Math.max(0, Math.min(table.length - 1, i))];
        }
        return slope * stored + intercept;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModalityTransform m && m.slope == slope && m.intercept == intercept
                && m.firstMapped == firstMapped && Arrays.equals(m.table, table);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(slope) * 31 + Double.hashCode(intercept) + 7 * firstMapped + Arrays.hashCode(table);
    }

    @Override
    public String toString() {
        return table != null ? "modality LUT (" + table.length + " entries from " + firstMapped + ")"
                : "rescale slope " + slope + ", intercept " + intercept;
    }
}
