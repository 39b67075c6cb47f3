package org.orthomeasure.detect;

import org.orthomeasure.core.geometry.Point2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The square, axis-aligned patch of the film that the second-stage network sees for one vertebra, exactly as
 * {@code training/refine_common.py} ({@code spacings}, {@code sample_patch}) builds it:
 * {@code patchPx x patchPx} pixels covering {@code side} film px around {@code centre}, so one patch pixel is
 * {@code step = side / patchPx} film px. Film coordinates put the centre of pixel (row i, column j) at
 * (x, y) = (j, i).
 */
public record VertebraPatch(Point2 centre, double side, int patchPx) {

    /** Offsets (patch px) of the four bilinear sub-samples averaged into one patch pixel, along x and y. */
    private static final double[] SUB_SAMPLES = {-0.25, 0.25};

    public VertebraPatch {
        Objects.requireNonNull(centre, "centre");
        if (!(side > 0) || !Double.isFinite(side) || patchPx <= 0) {
            throw new IllegalArgumentException("a vertebra patch needs a positive side and size, got side " + side
                    + " film px, " + patchPx + " px");
        }
    }

    /** Film px per patch px: side / patchPx. */
    public double step() {
        return side / patchPx;
    }

    /**
     * Local vertebra spacings (film px) from the first-stage centres c_0..c_(n-1), n &ge; 2, top to bottom:
     * d_k = |c_(k+1) - c_k|, m = median(d) (mean of the two middle values for an even count);
     * s_0 = d_0, s_(n-1) = d_(n-2), otherwise s_k = (d_(k-1) + d_k) / 2; each clamped to [0.5 m, 2 m].
     *
     * @throws IllegalArgumentException when fewer than 2 centres are given or the median gap is not positive
     *                                  (at least half the centres coincide: there is no spacing to scale by)
     */
    public static double[] spacings(List<Point2> centres) {
        int n = centres.size();
        if (n < 2) {
            throw new IllegalArgumentException("vertebra spacing needs at least 2 centres, got " + n);
        }
        double[] d = gaps(centres);
        double m = median(d);
        if (!(m > 0) || !Double.isFinite(m)) {
            throw new IllegalArgumentException("the vertebra centres coincide (median gap " + m + " px)");
        }
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            double raw = k == 0 ? d[0] : k == n - 1 ? d[n - 2] : (d[k - 1] + d[k]) / 2;
            s[k] = Math.min(Math.max(raw, 0.5 * m), 2.0 * m);
        }
        return s;
    }

    /** Whether {@link #spacings} can size patches for these centres: at least 2, median gap positive and finite. */
    public static boolean hasSpacing(List<Point2> centres) {
        if (centres.size() < 2) {
            return false;
        }
        double m = median(gaps(centres));
        return m > 0 && Double.isFinite(m);
    }

    /** d_k = |c_(k+1) - c_k|, film px. */
    private static double[] gaps(List<Point2> centres) {
        double[] d = new double[centres.size() - 1];
        for (int k = 0; k + 1 < centres.size(); k++) {
            d[k] = centres.get(k).distanceTo(centres.get(k + 1));
        }
        return d;
    }

    /** One patch per centre, of side {@code spec.sideFactor()} x its {@link #spacings spacing}. */
    public static List<VertebraPatch> around(List<Point2> centres, RefineSpec spec) {
        double[] s = spacings(centres);
        List<VertebraPatch> out = new ArrayList<>(centres.size());
        for (int k = 0; k < s.length; k++) {
            out.add(new VertebraPatch(centres.get(k), spec.sideFactor() * s[k], spec.patchPx()));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The network input of this patch, row-major {@code patchPx x patchPx}: patch pixel (i, j) is the mean of
     * four bilinear samples of the film (grey 0..255) at x = c_x + (j + 0.5 - P/2 + dx) * step,
     * y = c_y + (i + 0.5 - P/2 + dy) * step, dx, dy in {-0.25, 0.25}; a sample outside
     * [-0.5, w - 0.5] x [-0.5, h - 0.5] counts 0, inside its coordinates are clamped to the pixel centres.
     * Then / 255 (rounded to float32 as in numpy) and standardised over the patch:
     * (v - mean) / max(std, 1e-6) with the population std; a patch wholly off the film is all 0.
     */
    public float[] sample(GreyImage film) {
        int p = patchPx;
        Axis[] xs = new Axis[SUB_SAMPLES.length];
        Axis[] ys = new Axis[SUB_SAMPLES.length];
        for (int s = 0; s < SUB_SAMPLES.length; s++) {
            xs[s] = Axis.of(centre.x(), step(), p, SUB_SAMPLES[s], film.width());
            ys[s] = Axis.of(centre.y(), step(), p, SUB_SAMPLES[s], film.height());
        }
        float[] out = new float[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double acc = 0;
                for (Axis y : ys) {
                    for (Axis x : xs) {
                        acc += bilinear(film, x, j, y, i);
                    }
                }
                out[i * p + j] = (float) (acc / 4 / 255.0);
            }
        }
        SpinePreprocessor.standardise(out);
        return out;
    }

    /** Film point of patch px (px, py): c + (p + 0.5 - P/2) * step on each axis. */
    public Point2 toFilm(double px, double py) {
        double half = patchPx / 2.0;
        return new Point2(centre.x() + (px + 0.5 - half) * step(), centre.y() + (py + 0.5 - half) * step());
    }

    /** (g00 (1 - fx) + g01 fx)(1 - fy) + (g10 (1 - fx) + g11 fx) fy, or 0 when the sample is off the film. */
    private static double bilinear(GreyImage film, Axis x, int j, Axis y, int i) {
        if (!x.inside[j] || !y.inside[i]) {
            return 0;
        }
        double fx = x.frac[j];
        double fy = y.frac[i];
        double top = film.value(x.lo[j], y.lo[i]) * (1 - fx) + film.value(x.hi[j], y.lo[i]) * fx;
        double bottom = film.value(x.lo[j], y.hi[i]) * (1 - fx) + film.value(x.hi[j], y.hi[i]) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * Where the samples of one sub-sample offset fall along one film axis, per patch index: whether inside the
     * film, the two neighbouring pixel indices and the fraction between them (coordinate clamped first).
     */
    private record Axis(boolean[] inside, int[] lo, int[] hi, double[] frac) {

        static Axis of(double c, double step, int p, double offset, int size) {
            boolean[] inside = new boolean[p];
            int[] lo = new int[p];
            int[] hi = new int[p];
            double[] frac = new double[p];
            for (int k = 0; k < p; k++) {
                double t = c + (k + 0.5 - p / 2.0 + offset) * step;
                inside[k] = t >= -0.5 && t <= size - 0.5;
                double clamped = Math.min(Math.max(t, 0), size - 1);
                lo[k] = (int) Math.floor(clamped);
                hi[k] = Math.min(lo[k] + 1, size - 1);
                frac[k] = clamped - lo[k];
            }
            return new Axis(inside, lo, hi, frac);
        }
    }
}
