package org.orthomeasure.detect;

/**
 * Integral-regression decoding of the network outputs, exactly as {@code training/spine_common.py,
 * decode_windowed}. Per level k:
 * <ol>
 *   <li>p_k = softmax of its heat-map logits over all output cells; the global centre is the expected cell
 *   position; the spread sqrt(var_x + var_y) (input px) is small and the peak (largest cell probability)
 *   large for a sharp, single peak;</li>
 *   <li>with a decode window w &gt; 0, p_k is re-normalised over the (2w+1)^2 cells around the cell nearest
 *   the global centre, so the vertebra's corners come from where it was found rather than from an average
 *   over the whole map;</li>
 *   <li>centre = expected cell position, corners = centre + offsetScale * expected offsets (TL, TR, BL, BR),
 *   both under that distribution.</li>
 * </ol>
 * Always yields all 17 levels in order.
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
        double[] peak = new double[LEVELS];
        for (int k = 0; k < LEVELS; k++) {
            int base = k * n;
            // 1. global soft-argmax and spread
            Moments g = moments(spec, heat, offsets, base, 0, h - 1, 0, w - 1);
            spread[k] = Math.sqrt(Math.max(0, g.xx - g.x * g.x) + Math.max(0, g.yy - g.y * g.y));
            peak[k] = g.peak;
            Moments m = g;
            int win = spec.decodeWindow();
            if (win > 0) {
                // 2. the window around the cell nearest the global centre
                double half = (spec.stride() - 1) / 2.0;
                int iu = clamp((int) Math.floor((g.x - half) / spec.stride() + 0.5), 0, w - 1);
                int iv = clamp((int) Math.floor((g.y - half) / spec.stride() + 0.5), 0, h - 1);
                m = moments(spec, heat, offsets, base, Math.max(0, iv - win), Math.min(h - 1, iv + win),
                        Math.max(0, iu - win), Math.min(w - 1, iu + win));
            }
            // 3. corners
            for (int o = 0; o < OFFSET_CHANNELS; o += 2) {
                corners[k][o] = m.x + spec.offsetScale() * m.offsets[o];
                corners[k][o + 1] = m.y + spec.offsetScale() * m.offsets[o + 1];
            }
        }
        return new Decoded(corners, spread, peak);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Expectations under the softmax of one level restricted to rows v0..v1, columns u0..u1 (inclusive). */
    private static Moments moments(ModelSpec spec, float[] heat, float[] offsets, int base, int v0, int v1,
                                   int u0, int u1) {
        int w = spec.outputWidth();
        int n = w * spec.outputHeight();
        double max = Double.NEGATIVE_INFINITY;
        for (int v = v0; v <= v1; v++) {
            for (int u = u0; u <= u1; u++) {
                max = Math.max(max, heat[base + v * w + u]);
            }
        }
        double sum = 0;
        for (int v = v0; v <= v1; v++) {
            for (int u = u0; u <= u1; u++) {
                sum += Math.exp(heat[base + v * w + u] - max);
            }
        }
        Moments m = new Moments();
        m.peak = 1 / sum;
        for (int v = v0; v <= v1; v++) {
            double gy = spec.cellCentre(v);
            for (int u = u0; u <= u1; u++) {
                int c = v * w + u;
                double q = Math.exp(heat[base + c] - max) / sum;
                double gx = spec.cellCentre(u);
                m.x += q * gx;
                m.y += q * gy;
                m.xx += q * gx * gx;
                m.yy += q * gy * gy;
                for (int o = 0; o < OFFSET_CHANNELS; o++) {
                    m.offsets[o] += q * offsets[o * n + c];
                }
            }
        }
        return m;
    }

    /** Running expectations (local to one decode call). */
    private static final class Moments {
        private double x;
        private double y;
        private double xx;
        private double yy;
        private double peak;
        private final double[] offsets = new double[OFFSET_CHANNELS];
    }

    /**
     * Decoded levels: corners in input px, the global spread (input px) and the largest cell probability
     * of each level's global softmax; arrays are owned by the caller.
     */
    public record Decoded(double[][] corners, double[] spread, double[] peak) {
    }
}
