package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpineConfidenceTest {

    /** 17 vertebrae 40 px wide, 30 px high, 40 px apart, tilted by {@code tiltDeg} each. */
    private static List<List<Point2>> spine(double tiltDeg) {
        List<List<Point2>> out = new ArrayList<>();
        double t = Math.toRadians(tiltDeg);
        for (int k = 0; k < 17; k++) {
            double cx = 200;
            double cy = 100 + 40 * k;
            double ux = Math.cos(t) * 20;
            double uy = Math.sin(t) * 20;
            double vx = -Math.sin(t) * 15;
            double vy = Math.cos(t) * 15;
            out.add(List.of(Point2.of(cx - ux - vx, cy - uy - vy), Point2.of(cx + ux - vx, cy + uy - vy),
                    Point2.of(cx - ux + vx, cy - uy + vy), Point2.of(cx + ux + vx, cy + uy + vy)));
        }
        return out;
    }

    private static final double[] SHARP = fill(0.05);

    private static double[] fill(double v) {
        double[] s = new double[17];
        Arrays.fill(s, v);
        return s;
    }

    private static double[] spreads(double v) {
        double[] s = new double[17];
        Arrays.fill(s, v);
        return s;
    }

    @Test
    void aRegularSharpSpineIsTrusted() {
        SpineConfidence c = SpineConfidence.assess(spine(5), spreads(2.0), SHARP);
        assertFalse(c.low(), c.toString());
        assertTrue(c.score() > 0.9);
    }

    @Test
    void aPartialFilmIsJudgedByItsCornerMaps() {
        List<List<Point2>> thoracic = spine(3).subList(0, 12);
        double[] sharp = new double[12];
        Arrays.fill(sharp, SpineConfidence.CORNER_SPREAD_LIMIT * 0.99);
        SpineConfidence c = SpineConfidence.assessByCorners(thoracic, sharp, 0);
        assertFalse(c.low(), c.toString());
        double[] diffuse = new double[12];
        Arrays.fill(diffuse, 2 * SpineConfidence.CORNER_SPREAD_LIMIT);
        c = SpineConfidence.assessByCorners(thoracic, diffuse, 0);
        assertTrue(c.low());
        assertEquals(1 / (1 + Math.pow(2, 4)), c.score(), 1e-12); // 1 / 17, below the limit's 0.5
        assertTrue(c.lowConfidenceReason().orElseThrow().contains("corner heat-map spread 29.0 patch px"), c.toString());
        // the plausibility rules name the levels the film shows: a lumbar run from T12 with L3 above L2
        List<List<Point2>> lumbar = new ArrayList<>(spine(0).subList(0, 6));
        java.util.Collections.swap(lumbar, 2, 3);
        double[] six = new double[6];
        c = SpineConfidence.assessByCorners(lumbar, six, 11);
        assertEquals("L3 is not below L2", c.lowConfidenceReason().orElseThrow());
    }

    @Test
    void diffuseMapsAreLowConfidence() {
        SpineConfidence c = SpineConfidence.assess(spine(0), spreads(120), SHARP);
        assertTrue(c.low());
        assertTrue(c.lowConfidenceReason().orElseThrow().contains("spread 120 px"), c.toString());
        assertTrue(c.score() < 0.5);
        // at the limit the score is one half
        assertEquals(0.5, 1 / (1 + Math.pow(SpineConfidence.SPREAD_LIMIT / SpineConfidence.SPREAD_LIMIT, 4)), 1e-12);
        assertFalse(SpineConfidence.assess(spine(0), spreads(SpineConfidence.SPREAD_LIMIT * 0.99), SHARP).low());
    }

    @Test
    void flatPeaksAreLowConfidence() {
        SpineConfidence c = SpineConfidence.assess(spine(0), spreads(2), fill(0.001));
        assertTrue(c.lowConfidenceReason().orElseThrow().contains("peak"), c.toString());
    }

    @Test
    void vertebraeOutOfOrderAreLowConfidence() {
        List<List<Point2>> s = new ArrayList<>(spine(0));
        var t = s.get(3);
        s.set(3, s.get(4));
        s.set(4, t);
        SpineConfidence c = SpineConfidence.assess(s, spreads(2), SHARP);
        assertTrue(c.lowConfidenceReason().orElseThrow().contains("T5 is not below T4"), c.toString());
    }

    @Test
    void aMissingGapOrATiltedBlockIsLowConfidence() {
        List<List<Point2>> s = new ArrayList<>(spine(0));
        for (int k = 10; k < 17; k++) {
            List<Point2> q = new ArrayList<>();
            for (Point2 p : s.get(k)) {
                q.add(Point2.of(p.x(), p.y() + 100));
            }
            s.set(k, q);
        }
        assertTrue(SpineConfidence.assess(s, spreads(2), SHARP).lowConfidenceReason().orElseThrow().contains("spacing"));
        assertTrue(SpineConfidence.assess(spine(70), spreads(2), SHARP).low());
    }

    /**
     * 17 upright vertebrae 50 px wide, spaced as a whole spine ({@link SpineLandmarkDetector#GAP_SHARE} of a
     * 1000-px path), each {@code height[k]} x its local spacing (the mean of its gaps to its neighbours) high.
     */
    private static List<List<Point2>> anatomicalSpine(double[] height) {
        double[] cy = new double[17];
        cy[0] = 100;
        for (int k = 1; k < 17; k++) {
            cy[k] = cy[k - 1] + 1000 * SpineLandmarkDetector.GAP_SHARE[k - 1];
        }
        List<List<Point2>> out = new ArrayList<>();
        for (int k = 0; k < 17; k++) {
            double local = k == 0 ? cy[1] - cy[0] : k == 16 ? cy[16] - cy[15] : (cy[k + 1] - cy[k - 1]) / 2;
            double h = height[k] * local / 2;
            out.add(List.of(Point2.of(175, cy[k] - h), Point2.of(225, cy[k] - h), Point2.of(175, cy[k] + h),
                    Point2.of(225, cy[k] + h)));
        }
        return out;
    }

    @Test
    void heightsAreJudgedAgainstTheLocalSpacingSoASmallT1IsTrusted() {
        double[] height = new double[17];
        Arrays.fill(height, 0.7);
        // T1 at 0.45 x its own spacing (about the 1st percentile of the labelled training films) is 0.32 x the
        // median gap of the spine: within the limits against the local spacing
        height[0] = 0.45;
        SpineConfidence c = SpineConfidence.assess(anatomicalSpine(height), spreads(2), SHARP);
        assertFalse(c.low(), c.toString());
        height[0] = 0.7;
        height[6] = SpineConfidence.HEIGHT_MIN * 0.9;
        c = SpineConfidence.assess(anatomicalSpine(height), spreads(2), SHARP);
        assertEquals("implausible height of T7 (0.27 x the local spacing)", c.lowConfidenceReason().orElseThrow());
        height[6] = 0.7;
        height[16] = SpineConfidence.HEIGHT_MAX * 1.05;
        c = SpineConfidence.assess(anatomicalSpine(height), spreads(2), SHARP);
        assertEquals("implausible height of L5 (1.31 x the local spacing)", c.lowConfidenceReason().orElseThrow());
    }
}
