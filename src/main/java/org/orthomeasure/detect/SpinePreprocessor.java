package org.orthomeasure.detect;

/**
 * Turns a film into the network input, exactly as in training ({@code training/spine_common.py, preprocess}):
 * grey / 255; letterboxed ({@link Letterbox}) with bilinear sampling at half-pixel centres, source
 * coordinates clamped to the film; input pixels whose sample falls outside the film are 0; finally
 * standardised over the whole tensor, {@code (v - mean) / max(std, 1e-6)} (population std).
 */
public final class SpinePreprocessor {

    private SpinePreprocessor() {
    }

    /** The row-major {@code inHeight x inWidth} input tensor for {@code image} placed by {@code box}. */
    public static float[] toInput(GreyImage image, Letterbox box, int inWidth, int inHeight) {
        int w = image.width();
        int h = image.height();
        int[] x0 = new int[inWidth];
        int[] x1 = new int[inWidth];
        float[] fx = new float[inWidth];
        boolean[] insideX = new boolean[inWidth];
        for (int j = 0; j < inWidth; j++) {
            double sx = box.sourceX(j);
            insideX[j] = sx >= -0.5 && sx <= w - 0.5;
            double c = Math.min(Math.max(sx, 0), w - 1);
            x0[j] = (int) Math.floor(c);
            x1[j] = Math.min(x0[j] + 1, w - 1);
            fx[j] = (float) (c - x0[j]);
        }
        float[] out = new float[inWidth * inHeight];
        for (int i = 0; i < inHeight; i++) {
            double sy = box.sourceY(i);
            if (!(sy >= -0.5 && sy <= h - 0.5)) {
                continue;
            }
            double c = Math.min(Math.max(sy, 0), h - 1);
            int y0 = (int) Math.floor(c);
            int y1 = Math.min(y0 + 1, h - 1);
            float fy = (float) (c - y0);
            for (int j = 0; j < inWidth; j++) {
                if (!insideX[j]) {
                    continue;
                }
                float a = image.value(x0[j], y0) / 255f;
                float b = image.value(x1[j], y0) / 255f;
                float d = image.value(x0[j], y1) / 255f;
                float e = image.value(x1[j], y1) / 255f;
                float top = a * (1 - fx[j]) + b * fx[j];
                float bot = d * (1 - fx[j]) + e * fx[j];
                out[i * inWidth + j] = top * (1 - fy) + bot * fy;
            }
        }
        standardise(out);
        return out;
    }

    /** (v - mean) / max(std, 1e-6) over the whole array, population std (also the second stage's patches). */
    static void standardise(float[] a) {
        double sum = 0;
        for (float v : a) {
            sum += v;
        }
        double mean = sum / a.length;
        double ss = 0;
        for (float v : a) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.max(Math.sqrt(ss / a.length), 1e-6);
        for (int k = 0; k < a.length; k++) {
            a[k] = (float) ((a[k] - mean) / sd);
        }
    }
}
