package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;
import org.orthomeasure.core.landmarks.SpineLevel;

import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The levels a film shows, read from the locator's probabilities. */
class SpineRegionTest {

    private static final Optional<SpineRegion.Box> BOX = Optional.of(new SpineRegion.Box(10, 20, 110, 620));

    private static double[] run(int from, int to, double in, double out) {
        double[] p = new double[17];
        Arrays.fill(p, out);
        Arrays.fill(p, from, to + 1, in);
        return p;
    }

    @Test
    void wholeSpineIsNotPartial() {
        SpineRegion r = new SpineRegion(BOX, run(0, 16, 0.99, 0));
        assertTrue(r.spineSeen());
        assertArrayEquals(new SpineLevel[] {SpineLevel.T1, SpineLevel.L5}, r.shownRun().orElseThrow());
        assertTrue(r.partialRun().isEmpty());
    }

    @Test
    void aRunIsPartialOnlyWhenTheFarEndItLeavesOutIsClearlyOff() {
        SpineRegion thoracic = new SpineRegion(BOX, run(0, 11, 0.95, 0.05));
        assertArrayEquals(new SpineLevel[] {SpineLevel.T1, SpineLevel.T12}, thoracic.partialRun().orElseThrow());
        double[] p = run(0, 11, 0.95, 0.05);
        p[12] = 0.45; // L1 unsure: the run still ends at T12
        assertArrayEquals(new SpineLevel[] {SpineLevel.T1, SpineLevel.T12},
                new SpineRegion(BOX, p).partialRun().orElseThrow());
        p[16] = 0.3; // L5 not clearly off: not read as partial
        assertTrue(new SpineRegion(BOX, p).partialRun().isEmpty());
        SpineRegion lumbar = new SpineRegion(BOX, run(11, 16, 0.9, 0.05));
        assertArrayEquals(new SpineLevel[] {SpineLevel.T12, SpineLevel.L5}, lumbar.partialRun().orElseThrow());
        double[] q = run(11, 16, 0.9, 0.05);
        q[0] = 0.15;
        assertTrue(new SpineRegion(BOX, q).partialRun().isEmpty(), "T1 not clearly off");
    }

    @Test
    void brokenRunOrTooFewLevelsOrNoBoxShowNoRun() {
        double[] gap = run(0, 16, 0.9, 0.1);
        gap[8] = 0.2;
        assertTrue(new SpineRegion(BOX, gap).shownRun().isEmpty());
        assertFalse(new SpineRegion(BOX, run(5, 7, 0.9, 0.1)).spineSeen());
        assertFalse(new SpineRegion(Optional.empty(), run(0, 16, 0.9, 0.1)).spineSeen());
    }

    @Test
    void boxOverlap() {
        SpineRegion.Box a = new SpineRegion.Box(0, 0, 10, 10);
        assertEquals(1.0, a.iou(a), 1e-12);
        assertEquals(25.0 / 175.0, a.iou(new SpineRegion.Box(5, 5, 15, 15)), 1e-12);
        assertEquals(0.0, a.iou(new SpineRegion.Box(10, 0, 20, 10)), 1e-12);
    }
}
