package org.orthomeasure.detect;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second stage's walk down the spine ({@link VertebraRefiner#chain}, {@code refine_chain}): the patch rule
 * checked exactly with a stand-in network, and with the real network on a drawn column whose first-stage
 * centres sit half a spacing off, between two vertebrae.
 */
class VertebraWalkTest {

    private static final RefineSpec TWO_PASSES = new RefineSpec(128, 2.5, 4, false, 2, "", 0);
    /** Drawn vertebrae (two more than the 17 levels, so a walk that starts one too low still has 17). */
    private static final int DRAWN = 19;
    private static final double GAP = 27;

    private static VertebraRefiner refiner;

    @BeforeAll
    static void load() throws Exception {
        refiner = VertebraRefiner.loadDefault();
    }

    @AfterAll
    static void close() throws Exception {
        refiner.close();
    }

    /** A stand-in network: finds a 20 x 10 px box whose centre is 3 px below the patch centre; records the calls. */
    private static final class Recorder implements VertebraRefiner.CornerFinder {
        final List<List<VertebraPatch>> calls = new ArrayList<>();

        @Override
        public List<List<Point2>> cornersAt(GreyImage film, List<VertebraPatch> patches) {
            calls.add(patches);
            List<List<Point2>> out = new ArrayList<>();
            for (VertebraPatch p : patches) {
                double x = p.centre().x();
                double y = p.centre().y() + 3;
                out.add(List.of(new Point2(x - 10, y - 5), new Point2(x + 10, y - 5), new Point2(x - 10, y + 5),
                        new Point2(x + 10, y + 5)));
            }
            return out;
        }
    }

    /** 17 first-stage centres on a curve, gaps growing downwards (not evenly spaced, so sides differ). */
    private static List<Point2> curvedCentres() {
        List<Point2> c = new ArrayList<>();
        double y = 50;
        for (int k = 0; k < 17; k++) {
            c.add(new Point2(100 + 8 * Math.sin(k / 2.0), y));
            y += 20 + k;
        }
        return c;
    }

    @Test
    void theWalkPlacesEachPatchFromTheVertebraFoundAboveThenOneBatchedPass() throws Exception {
        List<Point2> c = curvedCentres();
        Recorder net = new Recorder();
        GreyImage film = GreyImage.of(4, 4, new float[16]);
        List<List<Point2>> q = VertebraRefiner.chain(film, c, TWO_PASSES, net);

        // 17 walk steps of one patch each, then one batch of 17
        assertEquals(18, net.calls.size());
        double[] s1 = VertebraPatch.spacings(c);
        for (int k = 0; k < 17; k++) {
            List<VertebraPatch> step = net.calls.get(k);
            assertEquals(1, step.size(), "walk step " + k);
            // level k's patch: found centre of k-1 (its patch centre + 3 px down) + (c_k - c_(k-1)),
            // i.e. c_k moved 3 k px down; side 2.5 x the first-stage spacing
            assertEquals(c.get(k).x(), step.get(0).centre().x(), 1e-9, "walk x " + k);
            assertEquals(c.get(k).y() + 3 * k, step.get(0).centre().y(), 1e-9, "walk y " + k);
            assertEquals(2.5 * s1[k], step.get(0).side(), 1e-9, "walk side " + k);
        }
        List<VertebraPatch> last = net.calls.get(17);
        assertEquals(17, last.size());
        List<Point2> means = new ArrayList<>();
        for (int k = 0; k < 17; k++) {
            means.add(new Point2(c.get(k).x(), c.get(k).y() + 3 * (k + 1)));
        }
        double[] s2 = VertebraPatch.spacings(means);
        for (int k = 0; k < 17; k++) {
            assertEquals(means.get(k).y(), last.get(k).centre().y(), 1e-9, "pass 2 y " + k);
            assertEquals(2.5 * s2[k], last.get(k).side(), 1e-9, "pass 2 side " + k);
            assertEquals(means.get(k).y() + 3, VertebraRefiner.means(q).get(k).y(), 1e-9, "result " + k);
        }
    }

    @Test
    void onePassIsTheWalkAlone() throws Exception {
        Recorder net = new Recorder();
        List<List<Point2>> q = VertebraRefiner.chain(GreyImage.of(4, 4, new float[16]), curvedCentres(),
                new RefineSpec(128, 2.5, 4, false, 1, "", 0), net);
        assertEquals(17, net.calls.size());
        assertEquals(curvedCentres().get(16).y() + 3 * 17, VertebraRefiner.means(q).get(16).y(), 1e-9);
    }

    @Test
    void aWalkThatFindsOnePlaceEverywhereStopsBeforeTheNextPass() throws Exception {
        // a network that always answers the same box: the corner means coincide, so no spacing for a second
        // pass; the walk's corners come back (and fail the plausibility rules, so the detector keeps stage 1)
        List<List<VertebraPatch>> calls = new ArrayList<>();
        List<Point2> box = List.of(new Point2(90, 95), new Point2(110, 95), new Point2(90, 105), new Point2(110, 105));
        List<List<Point2>> q = VertebraRefiner.chain(GreyImage.of(4, 4, new float[16]), curvedCentres(), TWO_PASSES,
                (film, patches) -> {
                    calls.add(patches);
                    return List.of(box);
                });
        assertEquals(17, calls.size());
        assertEquals(17, q.size());
        assertEquals(box, q.get(16));
        assertTrue(SpineConfidence.assess(q, new double[17], filled(0.1)).low());
    }

    /**
     * A drawn column of {@value #DRAWN} bright quadrilaterals (as {@code training/export_onnx.py}'s
     * fixture-column, larger), and first-stage centres half a spacing below the true centres of the top 17:
     * every one sits between two vertebrae. The walk still finds 17 distinct, consecutive vertebrae.
     */
    @Test
    void centresHalfASpacingOffStillGive17DistinctVertebrae() throws Exception {
        List<Point2> truth = new ArrayList<>();
        GreyImage film = drawnColumn(truth);
        List<Point2> first = new ArrayList<>();
        for (int k = 0; k < 17; k++) {
            first.add(new Point2(truth.get(k).x(), truth.get(k).y() + GAP / 2));
        }
        List<Point2> refined = VertebraRefiner.means(refiner.refine(film, first));

        double[] gaps = new double[16];
        for (int k = 0; k < 16; k++) {
            gaps[k] = refined.get(k).distanceTo(refined.get(k + 1));
        }
        double medianGap = median(gaps);
        for (int a = 0; a < 17; a++) {
            for (int b = a + 1; b < 17; b++) {
                double d = refined.get(a).distanceTo(refined.get(b));
                assertTrue(d >= 0.5 * medianGap, "levels " + a + " and " + b + " are " + d + " px apart, median gap "
                        + medianGap + " px: " + refined);
            }
        }
        // each level on a drawn vertebra (within an eighth of a gap of its centre; measured: at most 0.4 px, where
        // 17 independent patches at the same centres were up to 7.7 px off), consecutive ones, top to bottom
        int[] on = nearest(refined, truth);
        for (int k = 0; k < 17; k++) {
            assertTrue(refined.get(k).distanceTo(truth.get(on[k])) < GAP / 8,
                    "level " + k + " at " + refined.get(k) + ", nearest vertebra " + truth.get(on[k]));
            if (k > 0) {
                assertEquals(on[k - 1] + 1, on[k], "levels " + (k - 1) + " and " + k + " on vertebrae "
                        + Arrays.toString(on));
            }
        }
        assertTrue(Math.abs(medianGap - GAP) < 2, "median gap " + medianGap);
    }

    private static GreyImage drawnColumn(List<Point2> centres) {
        BufferedImage img = new BufferedImage(200, 40 + (int) (GAP * (DRAWN + 1)), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(new Color(200, 200, 200));
        for (int k = 0; k < DRAWN; k++) {
            double y = 30 + k * GAP;
            double x = 100 + 12 * Math.sin(k / 3.0);
            double[][] q = {{x - 20, y}, {x + 20, y + 2}, {x + 21, y + 20}, {x - 19, y + 18}};
            Path2D.Double p = new Path2D.Double();
            p.moveTo(q[0][0], q[0][1]);
            for (int i = 1; i < 4; i++) {
                p.lineTo(q[i][0], q[i][1]);
            }
            p.closePath();
            g.fill(p);
            centres.add(new Point2((q[0][0] + q[1][0] + q[2][0] + q[3][0]) / 4, (q[0][1] + q[1][1] + q[2][1] + q[3][1]) / 4));
        }
        g.dispose();
        return GreyImage.fromBufferedImage(img);
    }

    /** For each point, the index of the nearest of {@code targets}. */
    private static int[] nearest(List<Point2> points, List<Point2> targets) {
        int[] out = new int[points.size()];
        for (int k = 0; k < points.size(); k++) {
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < targets.size(); t++) {
                double d = points.get(k).distanceTo(targets.get(t));
                if (d < best) {
                    best = d;
                    out[k] = t;
                }
            }
        }
        return out;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double[] filled(double v) {
        double[] a = new double[17];
        Arrays.fill(a, v);
        return a;
    }
}
