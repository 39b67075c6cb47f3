package org.orthomeasure.detect;

/**
 * Decodes the second-stage heat maps into the four corners of one vertebra in patch px, exactly as
 * {@code training/refine_common.py, decode}: per corner (TL, TR, BL, BR) p = softmax of its logits over all
 * {@code O x O} cells; corner = sum over cells of p * (cell centre), cell (row v, column u) centred at patch px
 * (stride u + (stride - 1)/2, stride v + (stride - 1)/2). Corners are returned as
 * {TLx, TLy, TRx, TRy, BLx, BLy, BRx, BRy}.
 */
public final class VertebraHeatDecoder {

    /** Corner heat maps per patch: TL, TR, BL, BR. */
    public static final int CORNERS = 4;

    private VertebraHeatDecoder() {
    }

    /**
     * The corners (patch px) of the patch whose heat maps start at {@code offset} in the row-major output
     * {@code heat} (n x 4 x O x O).
     *
     * @throws IllegalArgumentException when {@code heat} is too short for a patch at {@code offset}
     */
    public static double[] decode(RefineSpec spec, float[] heat, int offset) {
        int o = spec.outputPx();
        int cells = o * o;
        if (offset < 0 || (long) offset + (long) CORNERS * cells > heat.length) {
            throw new IllegalArgumentException("vertebra heat maps of " + heat.length + " values have no patch at "
                    + offset + " (" + CORNERS * cells + " values each)");
        }
        double[] corners = new double[2 * CORNERS];
        for (int c = 0; c < CORNERS; c++) {
            int base = offset + c * cells;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < cells; i++) {
                max = Math.max(max, heat[base + i]);
            }
            double sum = 0;
            double sx = 0;
            double sy = 0;
            for (int v = 0; v < o; v++) {
                double gy = spec.cellCentre(v);
                for (int u = 0; u < o; u++) {
                    double e = Math.exp(heat[base + v * o + u] - max);
                    sum += e;
                    sx += e * spec.cellCentre(u);
                    sy += e * gy;
                }
            }
            corners[2 * c] = sx / sum;
            corners[2 * c + 1] = sy / sum;
        }
        return corners;
    }

    /**
     * How sharp the four corner heat maps of the patch at {@code offset} are: the mean over TL, TR, BL, BR of
     * sqrt(var_x + var_y) (patch px) under each corner's softmax, as in {@link #decode}. A vertebra at the patch
     * centre gives a few px; a patch without one (noise, soft tissue) spreads its maps over the patch.
     *
     * @throws IllegalArgumentException when {@code heat} is too short for a patch at {@code offset}
     */
    public static double spread(RefineSpec spec, float[] heat, int offset) {
        int o = spec.outputPx();
        int cells = o * o;
        if (offset < 0 || (long) offset + (long) CORNERS * cells > heat.length) {
            throw new IllegalArgumentException("vertebra heat maps of " + heat.length + " values have no patch at "
                    + offset + " (" + CORNERS * cells + " values each)");
        }
        double total = 0;
        for (int c = 0; c < CORNERS; c++) {
            int base = offset + c * cells;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < cells; i++) {
                max = Math.max(max, heat[base + i]);
            }
            double sum = 0;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double syy = 0;
            for (int v = 0; v < o; v++) {
                double gy = spec.cellCentre(v);
                for (int u = 0; u < o; u++) {
                    double e = Math.exp(heat[base + v * o + u] - max);
                    double gx = spec.cellCentre(u);
                    sum += e;
                    sx += e * gx;
                    sy += e * gy;
                    sxx += e * gx * gx;
                    syy += e * gy * gy;
                }
            }
            double mx = sx / sum;
            double my = sy / sum;
            total += Math.sqrt(Math.max(0, sxx / sum - mx * mx) + Math.max(0, syy / sum - my * my));
        }
        return total / CORNERS;
    }

    /**
     * The corners found on the left-right mirrored patch, mapped back onto the patch: x becomes
     * patchPx - 1 - x, and the sides swap (TL with TR, BL with BR).
     */
    public static double[] mirroredBack(double[] mirrored, int patchPx) {
        int[] swap = {1, 0, 3, 2};
        double[] out = new double[2 * CORNERS];
        for (int c = 0; c < CORNERS; c++) {
            out[2 * c] = patchPx - 1 - mirrored[2 * swap[c]];
            out[2 * c + 1] = mirrored[2 * swap[c] + 1];
        }
        return out;
    }

    /** The element-wise mean of two corner sets. */
    public static double[] mean(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (a[i] + b[i]) / 2;
        }
        return out;
    }
}
