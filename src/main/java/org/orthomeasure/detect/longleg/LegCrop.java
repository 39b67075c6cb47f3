package org.orthomeasure.detect.longleg;

import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.detect.GreyImage;

/**
 * Where one leg of a film sits in the network's input, and the mapping between the two. The input is
 * {@link #WIDTH} × {@link #HEIGHT} (the OAI crop geometry): film columns [x0, x0 + w) of the leg, mirrored for
 * a left leg so that every leg is seen as a right leg (lateral image-left), scaled by {@code scale} with
 * the film's top at row 0 and zero padding below and to the right. Pixel centres are at integer
 * coordinates in both frames, so crop x maps to film {@code x0 + (x + 0.5) / scale − 0.5} (mirrored:
 * {@code x0 + w − 1 − ((x + 0.5) / scale − 0.5)}) and crop y to {@code (y + 0.5) / scale − 0.5}.
 *
 * @param side     the patient's leg shown
 * @param x0       first film column of the leg's part of the film
 * @param w        film columns in the leg's part
 * @param filmHeight film rows
 * @param scale    crop pixels per film pixel
 * @param mirrored true when the film part is mirrored into the crop (a left leg on an AP film)
 */
public record LegCrop(Side side, int x0, int w, int filmHeight, double scale, boolean mirrored) {

    public static final int WIDTH = 128;
    public static final int HEIGHT = 1024;
    /** Width of a bilateral film in the crops' source geometry (two legs of {@link #WIDTH}). */
    public static final int BILATERAL_WIDTH = 2 * WIDTH;

    public LegCrop {
        if (w < 1 || filmHeight < 1 || !(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("leg crop of " + w + " x " + filmHeight + " at scale " + scale);
        }
    }

    /**
     * The two legs of a bilateral AP film (the patient's right leg on the image's left): the film
     * scaled so that it is {@link #BILATERAL_WIDTH} wide (or, for a film taller than 4 widths, so that it is
     * {@link #HEIGHT} tall), the left half the right leg, the right half mirrored the left leg.
     */
    public static LegCrop[] bilateral(int filmWidth, int filmHeight) {
        double scale = Math.min((double) BILATERAL_WIDTH / filmWidth, (double) HEIGHT / filmHeight);
        int half = filmWidth / 2;
        return new LegCrop[] {new LegCrop(Side.R, 0, half, filmHeight, scale, false),
            new LegCrop(Side.L, half, filmWidth - half, filmHeight, scale, true)};
    }

    /** One leg filling the film: scaled to {@link #WIDTH} wide (or {@link #HEIGHT} tall), a left leg mirrored. */
    public static LegCrop single(Side side, int filmWidth, int filmHeight) {
        double scale = Math.min((double) WIDTH / filmWidth, (double) HEIGHT / filmHeight);
        return new LegCrop(side, 0, filmWidth, filmHeight, scale, side == Side.L);
    }

    /** Crop rows that show film (the rest is padding). */
    public int contentHeight() {
        return Math.min(HEIGHT, (int) Math.ceil(filmHeight * scale - 1e-9));
    }

    /** Crop columns that show film. */
    public int contentWidth() {
        return Math.min(WIDTH, (int) Math.ceil(w * scale - 1e-9));
    }

    /** The film point of crop point {@code p}. */
    public Point2 toFilm(Point2 p) {
        double u = (p.x() + 0.5) / scale - 0.5;
        double x = mirrored ? x0 + w - 1 - u : x0 + u;
        return Point2.of(x, (p.y() + 0.5) / scale - 0.5);
    }

    /** The crop point of film point {@code p}. */
    public Point2 toCrop(Point2 p) {
        double u = mirrored ? x0 + w - 1 - p.x() : p.x() - x0;
        return Point2.of((u + 0.5) * scale - 0.5, (p.y() + 0.5) * scale - 0.5);
    }

    /**
     * The crop's grey values 0..255 (row-major, {@link #WIDTH} × {@link #HEIGHT}), each the area-weighted mean
     * of the film pixels it covers (bilinear when the film is enlarged); padding 0.
     */
    public float[] sample(GreyImage film) {
        float[] out = new float[WIDTH * HEIGHT];
        int cw = contentWidth();
        int ch = contentHeight();
        if (scale <= 1) {
            double[][] xw = areaWeights(cw, w, scale);
            double[][] yw = areaWeights(ch, filmHeight, scale);
            int[] xStart = starts(cw, scale);
            int[] yStart = starts(ch, scale);
            for (int y = 0; y < ch; y++) {
                for (int x = 0; x < cw; x++) {
                    double sum = 0;
                    double weight = 0;
                    for (int j = 0; j < yw[y].length; j++) {
                        int fy = yStart[y] + j;
                        if (fy >= filmHeight) {
                            break;
                        }
                        for (int i = 0; i < xw[x].length; i++) {
                            int u = xStart[x] + i;
                            if (u >= w) {
                                break;
                            }
                            double wt = yw[y][j] * xw[x][i];
                            sum += wt * film.value(filmColumn(u), fy);
                            weight += wt;
                        }
                    }
                    out[y * WIDTH + x] = weight > 0 ? (float) (sum / weight) : 0f;
                }
            }
        } else {
            for (int y = 0; y < ch; y++) {
                for (int x = 0; x < cw; x++) {
                    Point2 f = toFilm(Point2.of(x, y));
                    out[y * WIDTH + x] = bilinear(film, f.x(), f.y());
                }
            }
        }
        return out;
    }

    private int filmColumn(int u) {
        return mirrored ? x0 + w - 1 - u : x0 + u;
    }

    /** First film index covered by each of {@code n} output cells of size 1 / scale. */
    private static int[] starts(int n, double scale) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = (int) Math.floor(i / scale + 1e-9);
        }
        return s;
    }

    /** Per output cell, the overlap of each film pixel from its start with [i / scale, (i + 1) / scale). */
    private static double[][] areaWeights(int n, int filmSize, double scale) {
        double[][] weights = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = i / scale;
            double b = Math.min(filmSize, (i + 1) / scale);
            int first = (int) Math.floor(a + 1e-9);
            int last = (int) Math.ceil(b - 1e-9) - 1;
            double[] wts = new double[Math.max(1, last - first + 1)];
            for (int k = first; k <= last; k++) {
                wts[k - first] = Math.max(0, Math.min(b, k + 1) - Math.max(a, k));
            }
            weights[i] = wts;
        }
        return weights;
    }

    /** Bilinear grey of {@code film} at (x, y), coordinates clamped to the film. */
    static float bilinear(GreyImage film, double x, double y) {
        double cx = Math.max(0, Math.min(film.width() - 1, x));
        double cy = Math.max(0, Math.min(film.height() - 1, y));
        int x1 = (int) Math.floor(cx);
        int y1 = (int) Math.floor(cy);
        int x2 = Math.min(x1 + 1, film.width() - 1);
        int y2 = Math.min(y1 + 1, film.height() - 1);
        double fx = cx - x1;
        double fy = cy - y1;
        double top = film.value(x1, y1) * (1 - fx) + film.value(x2, y1) * fx;
        double bottom = film.value(x1, y2) * (1 - fx) + film.value(x2, y2) * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }
}
