package org.orthomeasure.detect;

import org.orthomeasure.core.landmarks.SpineLevel;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the spine locator network ({@link SpineRegionModel}) sees on a film: the box of the spine column (the
 * vertebral bodies shown and the disc spaces between them; film px, {@code [x0, x1) x [y0, y1)}), empty when no
 * cell of the film looks like spine, and for each level T1..L5 the probability that the film shows it.
 */
public record SpineRegion(Optional<Box> box, double[] shown) {

    /** A probability at least this is "shown"; at most {@code 1 - } it, "not shown". */
    static final double SURE = 0.8;
    /** At least this many levels must look shown for the film to count as showing a spine. */
    static final int MIN_LEVELS = org.orthomeasure.core.spine.SpineCurves.MIN_VERTEBRAE;

    /** An axis-aligned box, film px. */
    public record Box(double x0, double y0, double x1, double y1) {

        public Box {
            if (!(x1 > x0) || !(y1 > y0)) {
                throw new IllegalArgumentException("empty box " + x0 + "," + y0 + " - " + x1 + "," + y1);
            }
        }

        public double width() {
            return x1 - x0;
        }

        public double height() {
            return y1 - y0;
        }

        /** Intersection over union with {@code o}; 0 when they do not overlap. */
        public double iou(Box o) {
            double ix = Math.min(x1, o.x1) - Math.max(x0, o.x0);
            double iy = Math.min(y1, o.y1) - Math.max(y0, o.y0);
            if (ix <= 0 || iy <= 0) {
                return 0;
            }
            double inter = ix * iy;
            return inter / (width() * height() + o.width() * o.height() - inter);
        }
    }

    public SpineRegion {
        if (shown.length != SpineLevel.values().length) {
            throw new IllegalArgumentException("need one probability per level T1..L5, got " + shown.length);
        }
        shown = shown.clone();
    }

    /** The probability that the film shows {@code level}. */
    public double shown(SpineLevel level) {
        return shown[level.ordinal()];
    }

    /** Whether a spine is seen: a box, and at least {@link #MIN_LEVELS} levels with probability over 0.5. */
    public boolean spineSeen() {
        return box.isPresent() && Arrays.stream(shown).filter(p -> p > 0.5).count() >= MIN_LEVELS;
    }

    /**
     * The levels the film shows, top and bottom, when they are one run of at least {@link #MIN_LEVELS} levels
     * over 0.5 with every level outside the run under 0.5; empty otherwise (no spine seen, or a pattern no film
     * has).
     */
    public Optional<SpineLevel[]> shownRun() {
        if (!spineSeen()) {
            return Optional.empty();
        }
        int first = -1;
        int last = -1;
        for (int k = 0; k < shown.length; k++) {
            if (shown[k] > 0.5) {
                if (first < 0) {
                    first = k;
                } else if (last != k - 1) {
                    return Optional.empty();
                }
                last = k;
            }
        }
        SpineLevel[] levels = SpineLevel.values();
        return Optional.of(new SpineLevel[] {levels[first], levels[last]});
    }

    /**
     * Whether the film shows only part of T1..L5 for sure: a {@link #shownRun run} other than T1..L5 whose ends
     * are both at least {@link #SURE} and whose neighbours cut off are both at most {@code 1 - SURE}.
     */
    public boolean surelyPartial() {
        Optional<SpineLevel[]> run = shownRun();
        if (run.isEmpty()) {
            return false;
        }
        int a = run.get()[0].ordinal();
        int b = run.get()[1].ordinal();
        if (a == 0 && b == shown.length - 1) {
            return false;
        }
        boolean endsSure = shown[a] >= SURE && shown[b] >= SURE;
        boolean cutSure = (a == 0 || shown[a - 1] <= 1 - SURE) && (b == shown.length - 1 || shown[b + 1] <= 1 - SURE);
        return endsSure && cutSure;
    }
}
