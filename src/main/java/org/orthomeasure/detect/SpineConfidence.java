package org.orthomeasure.detect;

import org.orthomeasure.core.geometry.Point2;

import java.util.List;
import java.util.Optional;

/**
 * How far a suggestion can be trusted: a score in 0..1 and, when low, the first reason found.
 * <ul>
 *   <li>sharpness: the median over the 17 levels of the heat-map spread s (input px);
 *   score = 1 / (1 + (s / {@value #SPREAD_LIMIT})^4), 0.5 at the limit; and the median peak (largest
 *   cell probability of a level's softmax) must reach {@value #PEAK_MIN};</li>
 *   <li>plausibility (film px): centres strictly top to bottom, each centre-to-centre gap within
 *   [{@value #GAP_MIN}, {@value #GAP_MAX}] x the median gap, each vertebra's height (mean of its left
 *   and right edge) within [{@value #HEIGHT_MIN}, {@value #HEIGHT_MAX}] x its local spacing (the mean of
 *   the gaps to its neighbours, the one gap at either end), each mid-line tilted at most
 *   {@value #TILT_MAX_DEG} degrees.</li>
 * </ul>
 * On a film that shows fewer than 17 vertebrae the same rules apply to the levels it shows.
 * Low confidence when a rule fails or the score is below {@value #SCORE_MIN}. The limits were set on the
 * committed model from the validation films against noise, blank, gradient and hip images
 * ({@code training/README.md}, "Confidence"); the height limits from the labelled corners of the training films
 * (397 clean films, validation cases left out: 1.5 % of them have a vertebra outside; against the median gap,
 * as before, 15 % had, T1 above all, whose height is about half the median gap).
 */
public record SpineConfidence(double score, Optional<String> lowConfidenceReason) {

    static final double SPREAD_LIMIT = 88.0;
    static final double PEAK_MIN = 0.0024;
    static final double SCORE_MIN = 0.5;
    static final double GAP_MIN = 0.45;
    static final double GAP_MAX = 2.0;
    static final double HEIGHT_MIN = 0.30;
    static final double HEIGHT_MAX = 1.25;
    static final double TILT_MAX_DEG = 50.0;
    /** Second-stage corner spread (patch px) at which a partial film's score is 0.5 ({@link #assessByCorners}). */
    static final double CORNER_SPREAD_LIMIT = 14.5;
    private static final String[] NAMES = {"T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11",
        "T12", "L1", "L2", "L3", "L4", "L5"};

    public SpineConfidence {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("confidence score must be in 0..1, got " + score);
        }
    }

    /** True when the suggestion must not be trusted as it is. */
    public boolean low() {
        return lowConfidenceReason.isPresent();
    }

    /**
     * Assesses 17 levels (corners TL, TR, BL, BR in film px) with their heat-map spreads (input px) and peaks.
     */
    static SpineConfidence assess(List<List<Point2>> levels, double[] spread, double[] peak) {
        return assess(levels, spread, peak, 0);
    }

    /**
     * {@link #assess(List, double[], double[])} for consecutive levels from level {@code first} (0 = T1), as on a
     * film that shows fewer than 17 vertebrae; the reasons name the levels.
     */
    static SpineConfidence assess(List<List<Point2>> levels, double[] spread, double[] peak, int first) {
        double medianSpread = median(spread);
        double medianPeak = median(peak);
        double score = 1 / (1 + Math.pow(medianSpread / SPREAD_LIMIT, 4));
        String reason = null;
        if (score < SCORE_MIN) {
            reason = String.format(java.util.Locale.ROOT,
                    "no clear vertebrae found (median heat-map spread %.0f px)", medianSpread);
        } else if (medianPeak < PEAK_MIN) {
            reason = String.format(java.util.Locale.ROOT,
                    "no distinct vertebra peaks (median peak probability %.4f)", medianPeak);
        } else {
            reason = implausibility(levels, first).orElse(null);
        }
        if (reason != null) {
            score = Math.min(score, SCORE_MIN * 0.99);
        }
        return new SpineConfidence(score, Optional.ofNullable(reason));
    }

    /**
     * For a film that shows only some levels (consecutive from {@code first}, 0 = T1): the first stage's heat maps
     * are spread there whatever the film, so the sharpness is the second stage's: the median c over the levels of
     * their corner heat-map spread (patch px, {@link VertebraHeatDecoder#spread}); score =
     * 1 / (1 + (c / {@value #CORNER_SPREAD_LIMIT})^4), low below {@value #SCORE_MIN}; then the same plausibility
     * rules as {@link #assess}. The limit was set on the thoracic-only and lumbar-only cuts of the validation films
     * against noise, blank and gradient images ({@code training/README.md}, "Partial films").
     */
    static SpineConfidence assessByCorners(List<List<Point2>> levels, double[] cornerSpread, int first) {
        double c = median(cornerSpread);
        double score = 1 / (1 + Math.pow(c / CORNER_SPREAD_LIMIT, 4));
        String reason = null;
        if (!(score >= SCORE_MIN)) {
            reason = String.format(java.util.Locale.ROOT,
                    "no clear vertebrae found (median corner heat-map spread %.1f patch px)", c);
            score = Double.isFinite(score) ? score : 0;
        } else {
            reason = implausibility(levels, first).orElse(null);
        }
        if (reason != null) {
            score = Math.min(score, SCORE_MIN * 0.99);
        }
        return new SpineConfidence(score, Optional.ofNullable(reason));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Optional<String> implausibility(List<List<Point2>> levels, int first) {
        int n = levels.size();
        double[] cy = new double[n];
        double[] cx = new double[n];
        for (int k = 0; k < n; k++) {
            for (Point2 p : levels.get(k)) {
                cx[k] += p.x() / 4;
                cy[k] += p.y() / 4;
            }
        }
        double[] gaps = new double[n - 1];
        for (int k = 0; k + 1 < n; k++) {
            if (cy[k + 1] <= cy[k]) {
                return Optional.of(NAMES[first + k + 1] + " is not below " + NAMES[first + k]);
            }
            gaps[k] = Math.hypot(cx[k + 1] - cx[k], cy[k + 1] - cy[k]);
        }
        double[] sortedGaps = gaps.clone();
        java.util.Arrays.sort(sortedGaps);
        double medianGap = sortedGaps[sortedGaps.length / 2];
        for (int k = 0; k + 1 < n; k++) {
            double r = gaps[k] / medianGap;
            if (r < GAP_MIN || r > GAP_MAX) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "irregular spacing between %s and %s (%.1f x the median)", NAMES[first + k], NAMES[first + k + 1],
                        r));
            }
        }
        for (int k = 0; k < n; k++) {
            List<Point2> q = levels.get(k);
            double localGap = k == 0 ? gaps[0] : k == n - 1 ? gaps[n - 2] : (gaps[k - 1] + gaps[k]) / 2;
            double height = (q.get(0).distanceTo(q.get(2)) + q.get(1).distanceTo(q.get(3))) / 2 / localGap;
            if (height < HEIGHT_MIN || height > HEIGHT_MAX) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "implausible height of %s (%.2f x the local spacing)", NAMES[first + k], height));
            }
            Point2 left = q.get(0).midpoint(q.get(2));
            Point2 right = q.get(1).midpoint(q.get(3));
            double dx = right.x() - left.x();
            double tilt = Math.toDegrees(Math.atan2(Math.abs(right.y() - left.y()), dx));
            if (!(tilt <= TILT_MAX_DEG)) {
                return Optional.of(String.format(java.util.Locale.ROOT, "implausible tilt of %s (%.0f deg)",
                        NAMES[first + k], tilt));
            }
        }
        return Optional.empty();
    }
}
