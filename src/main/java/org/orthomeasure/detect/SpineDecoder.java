package org.orthomeasure.detect;

/**
 * Integral-regression decoding of the network outputs, exactly as in training
 * ({@code training/spine_common.py, decode}): per level k, p_k = softmax of its heat-map logits over all
 * output cells; centre_k = sum p_k(cell) * cellCentre(cell); corner offsets = offsetScale * sum p_k(cell)
 * * offsets(cell); corners = centre + offsets. Also the spread of p_k, sqrt(var_x + var_y) in input px,
 * which is small for a sharp, single peak. Always yields all 17 levels in order.
 */
public final class SpineDecoder {

    /** Levels decoded, T1..L5. */
    public static final int LEVELS = 17;
    private static final int OFFSET_CHANNELS = 8;

    private SpineDecoder() {
    }

    /**
     * Decodes row-major outputs {@code heat} (17 x H x W) and {@code offsets} (8 x H x W).
     *
     * @return corners in input px, per level TLx, TLy, TRx, TRy, BLx, BLy, BRx, BRy, and spreads in input px
     */
    public static Decoded decode(ModelSpec spec, float[] heat, float[] offsets) {
        int h = spec.outputHeight();
        int w = spec.outputWidth();
        int n = h * w;
        if (heat.length != LEVELS * n || offsets.length != OFFSET_CHANNELS * n) {
            throw new IllegalArgumentException("network outputs have " + heat.length + " and " + offsets.length
                    + " values, expected " + (LEVELS * n) + " and " + (OFFSET_CHANNELS * n));
        }
        double[][] corners = new double[LEVELS][OFFSET_CHANNELS];
        double[] spread = new double[LEVELS];
        double[] p = new double[n];
        for (int k = 0; k < LEVELS; k++) {
            int base = k * n;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                max = Math.max(max, heat[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < n; c++) {
                p[c] = Math.exp(heat[base + c] - max);
                sum += p[c];
            }
            double cx = 0;
            double cy = 0;
            double cxx = 0;
            double cyy = 0;
            double[] eo = new double[OFFSET_CHANNELS];
            for (int c = 0; c < n; c++) {
                double q = p[c] / sum;
                double gx = spec.cellCentre(c % w);
                double gy = spec.cellCentre(c / w);
                cx += q * gx;
                cy += q * gy;
                cxx += q * gx * gx;
                cyy += q * gy * gy;
                for (int o = 0; o < OFFSET_CHANNELS; o++) {
                    eo[o] += q * offsets[o * n + c];
                }
            }
            spread[k] = Math.sqrt(Math.max(0, cxx - cx * cx) + Math.max(0, cyy - cy * cy));
            for (int o = 0; o < OFFSET_CHANNELS; o += 2) {
                corners[k][o] = cx + spec.offsetScale() * eo[o];
                corners[k][o + 1] = cy + spec.offsetScale() * eo[o + 1];
            }
        }
        return new Decoded(corners, spread);
    }

    /** Decoded levels in input px; arrays are owned by the caller. */
    public record Decoded(double[][] corners, double[] spread) {
    }
}
