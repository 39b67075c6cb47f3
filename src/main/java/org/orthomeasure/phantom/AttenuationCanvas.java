package org.orthomeasure.phantom;

import org.orthomeasure.core.geometry.Point2;

import java.util.SplittableRandom;

/**
 * Accumulates X-ray attenuation {@code sum(mu_i * L_i)} per pixel, where {@code L_i} is the path
 * length (in mm) of the ray through primitive {@code i} and {@code mu_i} its attenuation per mm.
 * Path lengths come from closed forms: a capsule of radius r at distance d from its axis gives
 * {@code 2 sqrt(r^2 - d^2)}, an ellipsoid {@code 2c sqrt(1 - (u/a)^2 - (v/b)^2)}. Exposure then maps
 * attenuation to 12-bit detector values with deterministic noise. Coordinates are pixels; sizes are
 * given in mm and converted with {@code pxPerMm}. All maths uses {@link StrictMath} so the film is the
 * same on every JVM.
 */
final class AttenuationCanvas {

    private final int width;
    private final int height;
    private final double pxPerMm;
    private final float[] mu;

    AttenuationCanvas(int width, int height, double pxPerMm) {
        this.width = width;
        this.height = height;
        this.pxPerMm = pxPerMm;
        this.mu = new float[width * height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    double pxPerMm() {
        return pxPerMm;
    }

    /** Millimetres to pixels. */
    double px(double mm) {
        return mm * pxPerMm;
    }

    /**
     * A tapered capsule from {@code a} (radius {@code ra} mm) to {@code b} (radius {@code rb} mm):
     * a cylinder-like bone shaft or limb. Negative {@code muPerMm} removes material (a marrow cavity).
     */
    void capsule(Point2 a, Point2 b, double ra, double rb, double muPerMm) {
        capsuleInto(mu, false, a, b, ra, rb, muPerMm);
    }

    /** Path length (mm) through the capsule into {@code target}: added times {@code factor}, or kept as the maximum. */
    private void capsuleInto(float[] target, boolean max, Point2 a, Point2 b, double ra, double rb, double factor) {
        if (Math.max(ra, rb) <= 0) {
            return;
        }
        double rmax = px(Math.max(ra, rb));
        int x0 = clampX(Math.min(a.x(), b.x()) - rmax - 1);
        int x1 = clampX(Math.max(a.x(), b.x()) + rmax + 1);
        int y0 = clampY(Math.min(a.y(), b.y()) - rmax - 1);
        int y1 = clampY(Math.max(a.y(), b.y()) + rmax + 1);
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double t = len2 == 0 ? 0 : ((x - a.x()) * dx + (y - a.y()) * dy) / len2;
                t = Math.max(0, Math.min(1, t));
                double cx = a.x() + t * dx;
                double cy = a.y() + t * dy;
                double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (pxPerMm * pxPerMm);
                double r = ra + t * (rb - ra);
                if (d2 < r * r) {
                    put(target, max, y * width + x, factor * 2 * StrictMath.sqrt(r * r - d2));
                }
            }
        }
    }

    /**
     * An ellipsoid centred at {@code c}, semi-axes {@code a} (along {@code angle} radians from +x),
     * {@code b} (perpendicular) in the image plane and {@code depth} along the beam, all in mm.
     */
    void ellipsoid(Point2 c, double a, double b, double depth, double angle, double muPerMm) {
        ellipsoidInto(mu, false, c, a, b, depth, angle, muPerMm);
    }

    private void ellipsoidInto(float[] target, boolean max, Point2 c, double a, double b, double depth, double angle,
                               double factor) {
        if (a <= 0 || b <= 0 || depth <= 0) {
            return;
        }
        double r = px(Math.max(a, b));
        int x0 = clampX(c.x() - r - 1);
        int x1 = clampX(c.x() + r + 1);
        int y0 = clampY(c.y() - r - 1);
        int y1 = clampY(c.y() + r + 1);
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double px = (x - c.x()) / pxPerMm;
                double py = (y - c.y()) / pxPerMm;
                double u = (px * cos + py * sin) / a;
                double v = (-px * sin + py * cos) / b;
                double q = 1 - u * u - v * v;
                if (q > 0) {
                    put(target, max, y * width + x, factor * 2 * depth * StrictMath.sqrt(q));
                }
            }
        }
    }

    private static void put(float[] target, boolean max, int i, double v) {
        if (max) {
            if (v > target[i]) {
                target[i] = (float) v;
            }
        } else {
            target[i] += (float) v;
        }
    }

    /**
     * One bone made of several overlapping parts: each part's outer path length and its inner
     * (cancellous) path length, with the part shrunk by its cortical thickness, are combined by
     * maximum, an approximation of the union that keeps overlapping parts from doubling up. When
     * {@linkplain Bone#add added}, the bone contributes {@code muCortex * (outer - inner) + muCancellous * inner}.
     */
    Bone bone() {
        return new Bone();
    }

    /** See {@link #bone()}. */
    final class Bone {
        private final float[] outer = new float[width * height];
        private final float[] inner = new float[width * height];

        Bone capsule(Point2 a, Point2 b, double ra, double rb, double cortexMm) {
            capsuleInto(outer, true, a, b, ra, rb, 1);
            capsuleInto(inner, true, a, b, ra - cortexMm, rb - cortexMm, 1);
            return this;
        }

        Bone ellipsoid(Point2 c, double a, double b, double depth, double angle, double cortexMm) {
            ellipsoidInto(outer, true, c, a, b, depth, angle, 1);
            ellipsoidInto(inner, true, c, a - cortexMm, b - cortexMm, depth - cortexMm, angle, 1);
            return this;
        }

        void add(double muCortex, double muCancellous) {
            for (int i = 0; i < mu.length; i++) {
                float o = outer[i];
                if (o > 0) {
                    float in = Math.min(inner[i], o);
                    mu[i] += (float) (muCortex * (o - in) + muCancellous * in);
                }
            }
        }
    }

    /**
     * A vertebral-body-like slab: a rectangle centred at {@code c}, {@code w} x {@code h} mm, rotated
     * by {@code angle}, with rounded profile (path length falls off over {@code edge} mm at the
     * borders) and a denser rim (the cortex / endplates) {@code rim} mm thick.
     */
    void slab(Point2 c, double w, double h, double angle, double depth, double edge, double rim,
              double muPerMm, double rimMuPerMm) {
        double r = px(Math.hypot(w, h) / 2 + 1);
        int x0 = clampX(c.x() - r);
        int x1 = clampX(c.x() + r);
        int y0 = clampY(c.y() - r);
        int y1 = clampY(c.y() + r);
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double px = (x - c.x()) / pxPerMm;
                double py = (y - c.y()) / pxPerMm;
                double u = Math.abs(px * cos + py * sin);
                double v = Math.abs(-px * sin + py * cos);
                double inside = Math.min(w / 2 - u, h / 2 - v); // mm from the nearest border
                if (inside > 0) {
                    double f = inside >= edge ? 1 : StrictMath.sqrt(inside / edge);
                    double m = muPerMm * depth * f;
                    if (inside < rim) {
                        m += rimMuPerMm * depth * f;
                    }
                    mu[y * width + x] += (float) m;
                }
            }
        }
    }

    /**
     * Detector values: {@code floor + range * h(y) * (1 - exp(-A))}, with a mild anode-heel falloff
     * {@code h(y) = 1 - 0.05 y / height}, blurred by the detector (binomial [1 2 1]/4 applied twice in
     * x and y, about 1 px standard deviation), plus Gaussian noise of standard deviation
     * {@code noise * sqrt(value / range)} (quantum-like), clamped to {@code 0..2^bits-1}. The noise
     * comes from {@code SplittableRandom(seed)} through Box-Muller, so it is reproducible.
     */
    short[] expose(int bits, double floor, double range, double noise, long seed) {
        float[] v = new float[mu.length];
        for (int y = 0; y < height; y++) {
            double heel = 1 - 0.05 * y / height;
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                v[i] = (float) (floor + range * heel * (1 - StrictMath.exp(-mu[i])));
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            blur(v, 1, width, height, width);
            blur(v, width, height, width, 1);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int max = (1 << bits) - 1;
        short[] out = new short[mu.length];
        for (int i = 0; i < mu.length; i++) {
            double u1 = rnd.nextDouble();
            double u2 = rnd.nextDouble();
            double g = StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * Math.PI * u2);
            double value = v[i] + g * noise * StrictMath.sqrt(Math.max(0, v[i]) / range);
            out[i] = (short) Math.max(0, Math.min(max, (int) Math.round(value)));
        }
        return out;
    }

    /**
     * In-place [1 2 1]/4 filter along lines: {@code n} samples {@code step} apart, {@code lines} lines
     * starting {@code lineStep} apart; the ends repeat their edge sample.
     */
    private static void blur(float[] v, int step, int n, int lines, int lineStep) {
        for (int line = 0; line < lines; line++) {
            int base = line * lineStep;
            float prev = v[base];
            for (int k = 0; k < n; k++) {
                int i = base + k * step;
                float cur = v[i];
                float next = k + 1 < n ? v[i + step] : cur;
                v[i] = (prev + 2 * cur + next) / 4;
                prev = cur;
            }
        }
    }

    private int clampX(double x) {
        return (int) Math.max(0, Math.min(width - 1, Math.floor(x)));
    }

    private int clampY(double y) {
        return (int) Math.max(0, Math.min(height - 1, Math.floor(y)));
    }
}
