package org.orthomeasure.detect;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole two-stage detector: stage 1 on the film, stage 2 around its centres, and which result is kept. */
class SpineTwoStageTest {

    private static final String FILM = "sunhl-1th-10-Jan-2017-253 B AP.jpg";
    private static SpineLandmarkDetector detector;

    @BeforeAll
    static void load() throws Exception {
        detector = SpineLandmarkDetector.loadDefault();
    }

    @AfterAll
    static void close() throws Exception {
        detector.close();
    }

    /**
     * A validation film on which the first stage puts T4..L4 one vertebra low (mean corner error 116 px): the
     * walk down the spine starts from a correct T1 and puts every level on its own labelled vertebra.
     */
    @Test
    void onARealFilmTheWalkPutsEachLevelOnItsOwnVertebra() throws Exception {
        Path data = org.orthomeasure.SharedData.require("data", "aasce-spine-train");
        AasceDataset.Entry entry = AasceDataset.read(data).entries().stream()
                .filter(e -> e.name().equals(FILM)).findFirst().orElseThrow();
        GreyImage film = FilmReader.read(entry.image());
        // the first stage as detect() runs it: the locator's look (film filling the input), then the vertebrae
        // placed at the training scale with that look's sharpness
        SpineLocator.Located located = detector.locate(film);
        assertEquals(FilmFrame.whole(film), located.frame());
        SpineDetection first = detector.placed(located);
        assertEquals(located.firstStage().spread(3), first.spread(3));
        assertTrue(first.centre(8).distanceTo(located.firstStage().centre(8)) > 0, "placed at the model's own fill");
        SpineDetection second = detector.refine(film, first).orElseThrow();
        assertFalse(first.refined());
        assertTrue(second.refined());
        List<Point2> truth = new ArrayList<>();
        for (int k = 0; k < 17; k++) {
            double x = 0;
            double y = 0;
            for (int c = 0; c < 4; c++) {
                double[] ref = entry.cornerPx(4 * k + c, film.width(), film.height());
                x += ref[0] / 4;
                y += ref[1] / 4;
            }
            truth.add(new Point2(x, y));
        }
        double[] labelledSpacing = VertebraPatch.spacings(truth);
        double errorFirst = 0;
        double errorSecond = 0;
        for (int k = 0; k < 17; k++) {
            List<Point2> q = second.corners(k);
            // TL, TR, BL, BR: left corners left of right ones, top corners above bottom ones
            assertTrue(q.get(0).x() < q.get(1).x() && q.get(2).x() < q.get(3).x(), "level " + k + " " + q);
            assertTrue(q.get(0).y() < q.get(2).y() && q.get(1).y() < q.get(3).y(), "level " + k + " " + q);
            // on its own vertebra: within a quarter of the labelled spacing of the labelled centre
            double off = second.centre(k).distanceTo(truth.get(k));
            assertTrue(off < 0.25 * labelledSpacing[k], "level " + k + " is " + off + " px off its vertebra, spacing "
                    + labelledSpacing[k] + " px");
            for (SpineDetection.Corner c : SpineDetection.Corner.values()) {
                double[] ref = entry.cornerPx(4 * k + c.ordinal(), film.width(), film.height());
                errorFirst += first.corner(k, c).distanceTo(new Point2(ref[0], ref[1])) / 68;
                errorSecond += second.corner(k, c).distanceTo(new Point2(ref[0], ref[1])) / 68;
            }
        }
        // measured: 10.1 px (stage 1: 116.1 px) with a median labelled spacing of 121 px
        double medianSpacing = median(labelledSpacing);
        assertTrue(errorSecond < 0.2 * medianSpacing, "corner error " + errorSecond + " px (stage 1: " + errorFirst
                + " px), spacing " + medianSpacing + " px");

        // detect() keeps the second stage unless it broke the plausibility the first stage had
        SpineDetection kept = detector.detect(film);
        boolean worse = second.confidence().low() && !first.confidence().low();
        assertEquals(!worse, kept.refined());
        assertEquals((worse ? first : second).corners(8), kept.corners(8));
        assertEquals(first.spread(3), kept.spread(3));
    }

    @Test
    void noiseStaysLowConfidenceAfterRefinement() throws Exception {
        GreyImage noise = VertebraRefinerTest.image("fixture-noise.png");
        SpineDetection d = detector.detect(noise);
        assertTrue(d.confidence().low(), d.confidence().toString());
        SpineDetection refined = detector.refine(noise, detector.detectFirstStage(noise)).orElseThrow();
        assertTrue(refined.confidence().low(), refined.confidence().toString());
    }

    @Test
    void coincidingFirstStageCentresKeepTheFirstStage() throws Exception {
        GreyImage film = VertebraRefinerTest.image("fixture-column.png");
        double[][] corners = new double[17][];
        for (int k = 0; k < 17; k++) {
            corners[k] = new double[] {100, 300, 140, 300, 100, 330, 140, 330};   // one box, 17 times
        }
        double[] spread = new double[17];
        double[] peak = new double[17];
        java.util.Arrays.fill(spread, 2);
        java.util.Arrays.fill(peak, 0.1);
        SpineDetection collapsed = SpineDetection.of(film.width(), film.height(), new Letterbox(1, 0, 0),
                new SpineDecoder.Decoded(corners, spread, peak));
        assertEquals(Optional.empty(), detector.refine(film, collapsed));
        assertTrue(collapsed.confidence().low());
        assertThrows(IllegalArgumentException.class, () -> collapsed.withCorners(List.of()));
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
