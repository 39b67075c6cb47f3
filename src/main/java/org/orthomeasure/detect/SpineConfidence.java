package org.orthomeasure.detect;

import org.orthomeasure.core.geometry.Point2;

import java.util.List;
import java.util.Optional;

/**
 * How far a suggestion can be trusted: a score in 0..1 and, when low, the first reason found.
 * <ul>
 *   <li>sharpness: each level's heat-map spread (input px); a diffuse or split map means the network
 *   did not find that vertebra; score = exp(-max(0, medianSpread - {@value #SPREAD_TYPICAL}) / {@value #SPREAD_SCALE});</li>
 *   <li>plausibility (film px): centres strictly top to bottom, each centre-to-centre gap within
 *   [{@value #GAP_MIN}, {@value #GAP_MAX}] x the median gap, each vertebra's height (mean of its left
 *   and right edge) within [{@value #HEIGHT_MIN}, {@value #HEIGHT_MAX}] x the median gap, each mid-line
 *   tilted at most {@value #TILT_MAX_DEG} degrees.</li>
 * </ul>
 * Low confidence when a rule fails, any level's spread exceeds {@value #SPREAD_MAX} input px, or the score
 * is below {@value #SCORE_MIN}. Thresholds were set from the validation films and non-spine images
 * (training/evaluate.py prints the spreads).
 */
public record SpineConfidence(double score, Optional<String> lowConfidenceReason) {

    static final double SPREAD_TYPICAL = 4.0;
    static final double SPREAD_SCALE = 8.0;
    static final double SPREAD_MAX = 20.0;
    static final double SCORE_MIN = 0.5;
    static final double GAP_MIN = 0.45;
    static final double GAP_MAX = 2.0;
    static final double HEIGHT_MIN = 0.35;
    static final double HEIGHT_MAX = 1.25;
    static final double TILT_MAX_DEG = 50.0;
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
     * Assesses 17 levels (corners TL, TR, BL, BR in film px) and their heat-map spreads (input px).
     */
    static SpineConfidence assess(List<List<Point2>> levels, double[] spread) {
        int n = levels.size();
        double[] sorted = spread.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[n / 2];
        double score = Math.exp(-Math.max(0, median - SPREAD_TYPICAL) / SPREAD_SCALE);
        String reason = null;
        int worst = 0;
        for (int k = 1; k < n; k++) {
            if (spread[k] > spread[worst]) {
                worst = k;
            }
        }
        if (spread[worst] > SPREAD_MAX) {
            reason = String.format(java.util.Locale.ROOT, "no clear vertebra found for %s (heat-map spread %.0f px)",
                    NAMES[worst], spread[worst]);
        }
        if (reason == null) {
            reason = implausibility(levels).orElse(null);
        }
        if (reason == null && score < SCORE_MIN) {
            reason = String.format(java.util.Locale.ROOT, "vertebrae found only vaguely (median heat-map spread %.1f px)",
                    median);
        }
        if (reason != null) {
            score = Math.min(score, SCORE_MIN * 0.99);
        }
        return new SpineConfidence(score, Optional.ofNullable(reason));
    }

    private static Optional<String> implausibility(List<List<Point2>> levels) {
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
                return Optional.of(NAMES[k + 1] + " is not below " + NAMES[k]);
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
                        "irregular spacing between %s and %s (%.1f x the median)", NAMES[k], NAMES[k + 1], r));
            }
        }
        for (int k = 0; k < n; k++) {
            List<Point2> q = levels.get(k);
            double height = (q.get(0).distanceTo(q.get(2)) + q.get(1).distanceTo(q.get(3))) / 2 / medianGap;
            if (height < HEIGHT_MIN || height > HEIGHT_MAX) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "implausible height of %s (%.2f x the spacing)", NAMES[k], height));
            }
            Point2 left = q.get(0).midpoint(q.get(2));
            Point2 right = q.get(1).midpoint(q.get(3));
            double dx = right.x() - left.x();
            double tilt = Math.toDegrees(Math.atan2(Math.abs(right.y() - left.y()), dx));
            if (!(tilt <= TILT_MAX_DEG)) {
                return Optional.of(String.format(java.util.Locale.ROOT, "implausible tilt of %s (%.0f deg)",
                        NAMES[k], tilt));
            }
        }
        return Optional.empty();
    }
}
