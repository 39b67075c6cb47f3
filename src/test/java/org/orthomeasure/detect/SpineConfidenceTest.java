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
}
