package org.orthomeasure.detect.longleg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.CircleFit;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.detect.GreyImage;

/**
 * Proposes the femoral head's outline from one click inside the head, on any film and without the model.
 *
 * <p>Method, for each radius the film may show the head at (one radius when calibrated, else several):
 * <ol>
 *   <li>the film around the click is resampled (area average) so that the expected radius spans
 *       {@link #WORK_RADIUS} px, then smoothed (Gaussian, sigma 1 px);</li>
 *   <li>polar unwrap around the current centre: {@link #ANGLES} rays, radii 0.35–1.9 × the expected radius;
 *       edge strength = the fall from bright (bone) inside to dark outside over ±1 px, negatives 0;</li>
 *   <li>the closed contour of greatest edge strength whose radius changes by at most
 *       {@link #MAX_STEP} px from ray to ray (dynamic programming over three turns, the middle one kept):
 *       the head's rim is a continuous bright-to-dark fall, where crossing lines (acetabulum, rulers) are
 *       not;</li>
 *   <li>a circle through the contour by RANSAC (seeded: the same film and click give the same circle),
 *       inliers within max(1 px, 4 % of r), refitted by least squares on them; then steps 2–4 again
 *       around that circle's centre (radii ±25 %, then ±15 %, at most {@link #PASSES} passes, until it
 *       moves less than 0.25 px);</li>
 *   <li>steps 2–5 from the click and from {@link #SEEDS} points on each of two rings around it (0.3 and 0.6
 *       × the expected radius away): a click near the rim may start inside the acetabulum's arc; the best
 *       supported circle that contains the click is kept.</li>
 * </ol>
 * A circle is proposed when its rim is supported on at least {@link #MIN_SUPPORT} of the rays, the head side
 * of the rim is brighter on at least {@link #MIN_BRIGHTER} of them ({@link #insideBrighter}), the click lies
 * inside it and its radius is within the searched range; of several radii tried, the best supported wins.
 * (On the real hip film of the tests: support 0.69–0.78, brighter 0.73–0.76; on a synthetic texture of
 * sharp sawtooth edges, circles fitted reached support 0.54 or brighter 0.71, never both above the limits.)
 */
public final class HeadCircleFinder {

    /** The expected head radius after resampling, px. */
    static final double WORK_RADIUS = 24;
    /** Rays of the polar unwrap. */
    static final int ANGLES = 96;
    /** Radial step of the polar unwrap, working px. */
    static final double RADIAL_STEP = 0.5;
    /** Largest change of the contour's radius from one ray to the next, in radial steps. */
    static final int MAX_STEP = 2;
    /** Share of the rays whose contour point must lie on the fitted circle. */
    static final double MIN_SUPPORT = 0.55;
    /** Seeds around the click (besides the click itself), at {@link #SEED_OFFSET} × the expected radius. */
    static final int SEEDS = 8;
    static final double SEED_OFFSET = 0.3;
    /** Refining passes around the circle found. */
    static final int PASSES = 5;
    /**
     * Smallest head radius proposed, film px. Below it the rim spans too few pixels to be told from the
     * acetabulum and the rulers: on the OAI crops (head radius ~18 px) 2 of the 15 circles proposed from 50
     * clicks were the head. A film that coarse gets no proposal; the user places the centre or rim points.
     */
    public static final double MIN_RADIUS_PX = 30;
    /** Share of rays with the head side brighter ({@link #insideBrighter}). */
    static final double MIN_BRIGHTER = 0.65;
    /** Grey levels (0..255) by which the head side must be brighter. */
    static final double MIN_RIM_CONTRAST = 2;
    /** Femoral head radius assumed on a calibrated film, mm (adult heads 20–28 mm, projected ~10 % larger). */
    static final double HEAD_RADIUS_MM = 24;

    private HeadCircleFinder() {
    }

    /** A proposed head circle in film px and its support (share of rays on the rim, 0..1). */
    public record Proposal(Circle circle, double support) {
        public Proposal {
            Objects.requireNonNull(circle, "circle");
        }
    }

    /**
     * The radii to try, film px: 24 mm at {@code spacingMm} per pixel; uncalibrated, from 1.5 % to 7 % of the
     * film's height in steps of 1.5× (a long-leg film shows the head at about 2–2.5 % of its height, a hip
     * film at 5–7 %); radii under {@link #MIN_RADIUS_PX} are left out.
     */
    public static List<Double> radiiToTry(Optional<Double> spacingMm, int filmHeight) {
        List<Double> radii = new ArrayList<>();
        if (spacingMm.isPresent() && spacingMm.get() > 0) {
            radii.add(HEAD_RADIUS_MM / spacingMm.get());
        } else {
            for (double share = 0.015; share <= 0.071; share *= 1.5) {
                radii.add(share * filmHeight);
            }
        }
        return radii.stream().filter(r -> r >= MIN_RADIUS_PX).toList();
    }

    /** The head circle around {@code click}, when the film shows one there, over the radii to try. */
    public static Optional<Proposal> propose(GreyImage film, Point2 click, List<Double> radii) {
        Objects.requireNonNull(film, "film");
        Objects.requireNonNull(click, "click");
        Proposal best = null;
        for (double r : radii) {
            Optional<Proposal> p = propose(film, click, r);
            if (p.isPresent() && (best == null || p.get().support() > best.support())) {
                best = p.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The head circle around {@code click} for one expected radius (film px). */
    public static Optional<Proposal> propose(GreyImage film, Point2 click, double expectedRadius) {
        if (!(expectedRadius >= MIN_RADIUS_PX) || click.x() < 0 || click.y() < 0 || click.x() >= film.width() || click.y() >= film.height()) {
            return Optional.empty();
        }
        double scale = expectedRadius / WORK_RADIUS; // film px per working px
        int half = (int) Math.ceil(2.2 * WORK_RADIUS) + 4;
        float[] patch = resample(film, click, scale, half);
        int size = 2 * half + 1;
        smooth(patch, size);
        GreyImage work = GreyImage.of(size, size, patch);
        // working coordinates: the click at (half, half); seeds at the click and around it, best supported kept
        Point2 centre = Point2.of(half, half);
        Fit fit = null;
        for (int s = 0; s <= 2 * SEEDS; s++) {
            double t = 2 * Math.PI * s / SEEDS;
            double d = s == 0 ? 0 : (s <= SEEDS ? SEED_OFFSET : 2 * SEED_OFFSET) * WORK_RADIUS;
            Fit f = refined(work, Point2.of(half + d * Math.cos(t), half + d * Math.sin(t)));
            if (f != null && f.circle.center().distanceTo(centre) < f.circle.radius() && (fit == null || f.support > fit.support)) {
                fit = f;
            }
        }
        if (fit == null) {
            return Optional.empty();
        }
        Circle w = fit.circle;
        boolean clickInside = w.center().distanceTo(centre) < w.radius();
        boolean radiusInRange = w.radius() >= 0.5 * WORK_RADIUS && w.radius() <= 1.75 * WORK_RADIUS
                && w.radius() * scale >= MIN_RADIUS_PX;
        double brighter = insideBrighter(work, w);
        if (fit.support < MIN_SUPPORT || !clickInside || !radiusInRange || brighter < MIN_BRIGHTER) {
            return Optional.empty();
        }
        Point2 c = Point2.of(click.x() + (w.center().x() - half) * scale, click.y() + (w.center().y() - half) * scale);
        return Optional.of(new Proposal(Circle.of(c, w.radius() * scale), fit.support));
    }

    private record Fit(Circle circle, double support) {
    }

    /**
     * The share of rays along which the head side of the rim (0.75–0.95 r) is brighter than the outside
     * (1.05–1.25 r) by at least {@link #MIN_RIM_CONTRAST} grey levels: a head is a bright disc, a circle fitted to
     * the edges of a texture is not.
     */
    static double insideBrighter(GreyImage img, Circle c) {
        int brighter = 0;
        for (int a = 0; a < ANGLES; a++) {
            double t = 2 * Math.PI * a / ANGLES;
            double dx = Math.cos(t);
            double dy = Math.sin(t);
            double in = 0;
            double out = 0;
            for (int k = 0; k < 5; k++) {
                double ri = c.radius() * (0.75 + 0.05 * k);
                double ro = c.radius() * (1.05 + 0.05 * k);
                in += LegCrop.bilinear(img, c.center().x() + ri * dx, c.center().y() + ri * dy);
                out += LegCrop.bilinear(img, c.center().x() + ro * dx, c.center().y() + ro * dy);
            }
            if ((in - out) / 5 >= MIN_RIM_CONTRAST) {
                brighter++;
            }
        }
        return brighter / (double) ANGLES;
    }

    /** Steps 2–4 from {@code seed}, then {@link #PASSES} more passes around each pass's circle. */
    private static Fit refined(GreyImage patch, Point2 seed) {
        Fit fit = contourFit(patch, seed, 0.35 * WORK_RADIUS, 1.9 * WORK_RADIUS);
        for (int pass = 0; pass < PASSES && fit != null; pass++) {
            Circle c = fit.circle;
            double band = pass == 0 ? 0.25 : 0.15;
            fit = contourFit(patch, c.center(), (1 - band) * c.radius(), (1 + band) * c.radius());
            if (fit != null && pass > 0 && fit.circle.center().distanceTo(c.center()) < 0.25
                    && Math.abs(fit.circle.radius() - c.radius()) < 0.25) {
                break;
            }
        }
        return fit;
    }

    /** Steps 2–4 of the class comment around {@code centre}, radii {@code from..to} (working px). */
    private static Fit contourFit(GreyImage img, Point2 centre, double from, double to) {
        int nr = (int) Math.floor((to - from) / RADIAL_STEP) + 1;
        if (nr < 3) {
            return null;
        }
        double[][] edge = new double[ANGLES][nr];
        for (int a = 0; a < ANGLES; a++) {
            double t = 2 * Math.PI * a / ANGLES;
            double dx = Math.cos(t);
            double dy = Math.sin(t);
            for (int i = 0; i < nr; i++) {
                double r = from + i * RADIAL_STEP;
                double fall = LegCrop.bilinear(img, centre.x() + (r - 1) * dx, centre.y() + (r - 1) * dy)
                        - LegCrop.bilinear(img, centre.x() + (r + 1) * dx, centre.y() + (r + 1) * dy);
                edge[a][i] = Math.max(0, fall);
            }
        }
        int[] path = closedContour(edge, nr);
        List<Point2> points = new ArrayList<>(ANGLES);
        double[] strength = new double[ANGLES];
        for (int a = 0; a < ANGLES; a++) {
            double t = 2 * Math.PI * a / ANGLES;
            double r = from + path[a] * RADIAL_STEP;
            points.add(Point2.of(centre.x() + r * Math.cos(t), centre.y() + r * Math.sin(t)));
            strength[a] = edge[a][path[a]];
        }
        return ransac(points, strength);
    }

    /** The index path (one radius per ray) of greatest total edge, |step| <= MAX_STEP, closed over three turns. */
    private static int[] closedContour(double[][] edge, int nr) {
        int turns = 3;
        int n = ANGLES * turns;
        double[][] score = new double[n][nr];
        int[][] from = new int[n][nr];
        for (int i = 0; i < nr; i++) {
            score[0][i] = edge[0][i];
        }
        for (int k = 1; k < n; k++) {
            double[] e = edge[k % ANGLES];
            for (int i = 0; i < nr; i++) {
                double best = Double.NEGATIVE_INFINITY;
                int arg = i;
                for (int d = -MAX_STEP; d <= MAX_STEP; d++) {
                    int j = i + d;
                    if (j >= 0 && j < nr) {
                        // a small cost per step keeps the contour from wandering along noise
                        double s = score[k - 1][j] - 0.02 * Math.abs(d);
                        if (s > best) {
                            best = s;
                            arg = j;
                        }
                    }
                }
                score[k][i] = best + e[i];
                from[k][i] = arg;
            }
        }
        int arg = 0;
        for (int i = 1; i < nr; i++) {
            if (score[n - 1][i] > score[n - 1][arg]) {
                arg = i;
            }
        }
        int[] full = new int[n];
        full[n - 1] = arg;
        for (int k = n - 1; k > 0; k--) {
            full[k - 1] = from[k][full[k]];
        }
        int[] path = new int[ANGLES];
        System.arraycopy(full, ANGLES, path, 0, ANGLES); // the middle turn: free of both ends' start-up
        return path;
    }

    /** RANSAC circle through the contour points, weighted by edge strength, refitted on its inliers. */
    private static Fit ransac(List<Point2> points, double[] strength) {
        Random random = new Random(17);
        double total = 0;
        for (double s : strength) {
            total += s;
        }
        if (!(total > 0)) {
            return null;
        }
        Circle best = null;
        double bestScore = -1;
        int n = points.size();
        for (int trial = 0; trial < 400; trial++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            int k = random.nextInt(n);
            if (i == j || j == k || i == k) {
                continue;
            }
            Circle c;
            try {
                c = CircleFit.fit(List.of(points.get(i), points.get(j), points.get(k)));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!(c.radius() > 3)) {
                continue;
            }
            double score = inlierStrength(points, strength, c);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        for (int iter = 0; iter < 2; iter++) {
            List<Point2> in = inliers(points, best);
            if (in.size() < 3) {
                return null;
            }
            try {
                best = CircleFit.fit(in);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        double mean = total / n;
        int supported = 0;
        double tol = tolerance(best);
        for (int a = 0; a < n; a++) {
            if (Math.abs(points.get(a).distanceTo(best.center()) - best.radius()) <= tol && strength[a] >= 0.25 * mean) {
                supported++;
            }
        }
        return new Fit(best, supported / (double) n);
    }

    private static double tolerance(Circle c) {
        return Math.max(1.0, 0.04 * c.radius());
    }

    private static double inlierStrength(List<Point2> points, double[] strength, Circle c) {
        double tol = tolerance(c);
        double s = 0;
        for (int a = 0; a < points.size(); a++) {
            if (Math.abs(points.get(a).distanceTo(c.center()) - c.radius()) <= tol) {
                s += strength[a] + 1e-3;
            }
        }
        return s;
    }

    private static List<Point2> inliers(List<Point2> points, Circle c) {
        double tol = tolerance(c);
        return points.stream().filter(p -> Math.abs(p.distanceTo(c.center()) - c.radius()) <= tol).toList();
    }

    /** The film around {@code click}, (2 half + 1)² working px of {@code scale} film px, by area average. */
    private static float[] resample(GreyImage film, Point2 click, double scale, int half) {
        int size = 2 * half + 1;
        float[] out = new float[size * size];
        int sub = Math.max(1, Math.min(6, (int) Math.round(scale)));
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                double cx = click.x() + (u - half) * scale;
                double cy = click.y() + (v - half) * scale;
                double sum = 0;
                for (int sy = 0; sy < sub; sy++) {
                    for (int sx = 0; sx < sub; sx++) {
                        double ox = ((sx + 0.5) / sub - 0.5) * scale;
                        double oy = ((sy + 0.5) / sub - 0.5) * scale;
                        sum += LegCrop.bilinear(film, cx + ox - 0.5, cy + oy - 0.5); // film px centres at +0.5
                    }
                }
                out[v * size + u] = (float) (sum / (sub * sub));
            }
        }
        return out;
    }

    /** In-place Gaussian smoothing, sigma 1 px (separable 5-tap kernel), edges clamped. */
    static void smooth(float[] img, int size) {
        double[] k = {0.0545, 0.2442, 0.4026, 0.2442, 0.0545};
        float[] tmp = new float[img.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double s = 0;
                for (int d = -2; d <= 2; d++) {
                    s += k[d + 2] * img[y * size + Math.max(0, Math.min(size - 1, x + d))];
                }
                tmp[y * size + x] = (float) s;
            }
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double s = 0;
                for (int d = -2; d <= 2; d++) {
                    s += k[d + 2] * tmp[Math.max(0, Math.min(size - 1, y + d)) * size + x];
                }
                img[y * size + x] = (float) s;
            }
        }
    }
}
