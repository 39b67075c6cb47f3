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

    /** A probability at most {@code 1 - SURE} is "clearly not shown". */
    static final double SURE = 0.9;
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

    /** The probabilities that the film shows T1..L5 (a copy). */
    @Override
    public double[] shown() {
        return shown.clone();
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
     * The levels a film showing only part of T1..L5 shows: the {@link #shownRun run}, when it is not T1..L5 and the
     * far end it leaves out is clearly not on the film (T1 at most {@code 1 - SURE} for a run starting below T1,
     * L5 likewise for a run ending above L5); empty otherwise. The run's own ends may be a level off (on the
     * validation cuts, within one level on most, exactly on fewer: training/README.md, "Spine locator"), so the
     * names it gives are for the user to check.
     */
    public Optional<SpineLevel[]> partialRun() {
        Optional<SpineLevel[]> run = shownRun();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        int a = run.get()[0].ordinal();
        int b = run.get()[1].ordinal();
        int last = shown.length - 1;
        if (a == 0 && b == last || a > 0 && shown[0] > 1 - SURE || b < last && shown[last] > 1 - SURE) {
            return Optional.empty();
        }
        return run;
    }
}
