package org.orthomeasure.detect.longleg;

/**
 * Contrast-limited adaptive histogram equalisation of an 8-bit image, as OpenCV's {@code createCLAHE}
 * computes it (the OAI crops were made with clip limit 1.0 and 8 × 8 tiles): per tile a 256-bin
 * histogram clipped at {@code max(1, (int) (clip · tileArea / 256))}, the excess spread evenly (the
 * remainder one count every {@code max(256 / residual, 1)} bins), the cumulative histogram scaled by
 * 255 / tileArea and rounded as the lookup table, and each pixel mapped through the four nearest
 * tiles' tables with bilinear weights. Images whose size is not a multiple of the tile count are
 * extended by reflection (OpenCV's BORDER_REFLECT_101) for the histograms.
 */
public final class Clahe {

    private static final int BINS = 256;

    private Clahe() {
    }

    /**
     * Equalises {@code grey} (row-major, values 0..255) of {@code width} × {@code height}.
     *
     * @param clipLimit OpenCV's clip limit (1.0 for the crops)
     * @param tiles     tiles along each axis (8)
     */
    public static int[] apply(int[] grey, int width, int height, double clipLimit, int tiles) {
        if (grey.length != width * height || width < 1 || height < 1 || tiles < 1) {
            throw new IllegalArgumentException("image of " + width + " x " + height + " with " + grey.length + " values");
        }
        int extW = width % tiles == 0 ? width : width + tiles - width % tiles;
        int extH = height % tiles == 0 ? height : height + tiles - height % tiles;
        int tileW = extW / tiles;
        int tileH = extH / tiles;
        int area = tileW * tileH;
        int clip = clipLimit > 0 ? Math.max(1, (int) (clipLimit * area / BINS)) : Integer.MAX_VALUE;
        float lutScale = (float) (BINS - 1) / area;
        int[][] lut = new int[tiles * tiles][BINS];
        for (int ty = 0; ty < tiles; ty++) {
            for (int tx = 0; tx < tiles; tx++) {
                int[] hist = new int[BINS];
                for (int y = ty * tileH; y < (ty + 1) * tileH; y++) {
                    int sy = reflect(y, height);
                    for (int x = tx * tileW; x < (tx + 1) * tileW; x++) {
                        hist[grey[sy * width + reflect(x, width)]]++;
                    }
                }
                int clipped = 0;
                for (int i = 0; i < BINS; i++) {
                    if (hist[i] > clip) {
                        clipped += hist[i] - clip;
                        hist[i] = clip;
                    }
                }
                int batch = clipped / BINS;
                int residual = clipped - batch * BINS;
                for (int i = 0; i < BINS; i++) {
                    hist[i] += batch;
                }
                if (residual != 0) {
                    int step = Math.max(BINS / residual, 1);
                    for (int i = 0; i < BINS && residual > 0; i += step, residual--) {
                        hist[i]++;
                    }
                }
                int[] table = lut[ty * tiles + tx];
                int sum = 0;
                for (int i = 0; i < BINS; i++) {
                    sum += hist[i];
                    table[i] = saturate((float) sum * lutScale);
                }
            }
        }
        int[] out = new int[grey.length];
        float invW = 1.0f / tileW;
        float invH = 1.0f / tileH;
        for (int y = 0; y < height; y++) {
            float tyf = y * invH - 0.5f;
            int ty1 = (int) Math.floor(tyf);
            float ya = tyf - ty1;
            float ya1 = 1.0f - ya;
            int ty2 = Math.min(ty1 + 1, tiles - 1);
            ty1 = Math.max(ty1, 0);
            for (int x = 0; x < width; x++) {
                float txf = x * invW - 0.5f;
                int tx1 = (int) Math.floor(txf);
                float xa = txf - tx1;
                float xa1 = 1.0f - xa;
                int tx2 = Math.min(tx1 + 1, tiles - 1);
                tx1 = Math.max(tx1, 0);
                int v = grey[y * width + x];
                float res = (lut[ty1 * tiles + tx1][v] * xa1 + lut[ty1 * tiles + tx2][v] * xa) * ya1
                        + (lut[ty2 * tiles + tx1][v] * xa1 + lut[ty2 * tiles + tx2][v] * xa) * ya;
                out[y * width + x] = saturate(res);
            }
        }
        return out;
    }

    /** OpenCV's saturate_cast to 8 bits: round to nearest, ties to even, clamped to 0..255. */
    private static int saturate(float v) {
        return (int) Math.max(0, Math.min(255, Math.rint(v)));
    }

    /** BORDER_REFLECT_101 index for i in [0, 2n - 2]. */
    private static int reflect(int i, int n) {
        return i < n ? i : n == 1 ? 0 : 2 * n - 2 - i;
    }
}
