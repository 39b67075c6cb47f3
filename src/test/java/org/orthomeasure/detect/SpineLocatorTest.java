package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orthomeasure.core.geometry.Point2;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The locator's search with stand-in first stages: one run when the first look is sure, never a lone guess. */
class SpineLocatorTest {

    private static final int IN_W = 256;
    private static final int IN_H = 768;

    /** A film of {@code w x h}: textured content at (x0, y0) of {@code cw x ch}, black elsewhere. */
    private static GreyImage film(int w, int h, int x0, int y0, int cw, int ch) {
        float[] v = new float[w * h];
        for (int y = y0; y < y0 + ch; y++) {
            for (int x = x0; x < x0 + cw; x++) {
                v[y * w + x] = 60 + (x * 37 + y * 91) % 131;
            }
        }
        return GreyImage.of(w, h, v);
    }

    /**
     * A detection on {@code image} as the network would decode it: 17 vertebrae 28 x 40 input px, centres
     * 40 input px apart from input y = {@code top}, at input x = 128, all with heat-map spread {@code spread}.
     */
    private static SpineDetection decoded(GreyImage image, double top, double spread) {
        double[][] corners = new double[17][8];
        double[] s = new double[17];
        double[] peak = new double[17];
        for (int k = 0; k < 17; k++) {
            double cy = top + 40 * k;
            corners[k] = new double[] {108, cy - 14, 148, cy - 14, 108, cy + 14, 148, cy + 14};
            s[k] = spread;
            peak[k] = 0.01;
        }
        Letterbox box = Letterbox.fit(image.width(), image.height(), IN_W, IN_H);
        return SpineDetection.of(image.width(), image.height(), box, new SpineDecoder.Decoded(corners, s, peak));
    }

    @Test
    void aSureFirstLookOnThePaddingFreeContentIsOneRun() throws Exception {
        // 900 x 900 with 300 px of black either side: the first frame is the 300 px wide content
        GreyImage f = film(900, 900, 300, 0, 300, 900);
        List<GreyImage> seen = new ArrayList<>();
        SpineLocator locator = new SpineLocator(img -> {
            seen.add(img);
            return decoded(img, 60, 10);
        }, IN_W, IN_H);
        SpineLocator.Located l = locator.locate(f);
        assertEquals(1, l.runs());
        assertEquals(new FilmFrame(300, 0, 300, 900, 1, false), l.frame());
        assertEquals(300, seen.get(0).width());
        assertFalse(l.firstStage().confidence().low());
        // mapped back: the frame's pixel (x, y) is the film's (300 + x, y)
        SpineDetection inFilm = l.firstStage().inFilm(l.frame(), f.width(), f.height());
        Point2 a = l.firstStage().corner(3, SpineDetection.Corner.TOP_LEFT);
        Point2 b = inFilm.corner(3, SpineDetection.Corner.TOP_LEFT);
        assertEquals(a.x() + 300, b.x(), 1e-9);
        assertEquals(a.y(), b.y(), 1e-9);
        assertEquals(f.width(), inFilm.imageWidth());
        assertEquals(inFilm.confidence().score(), l.firstStage().confidence().score(), 1e-12);
    }

    @Test
    void nothingClearAnywhereEndsLowWithinTheRunLimit() throws Exception {
        GreyImage f = film(600, 1500, 0, 0, 600, 1500);
        int[] runs = {0};
        SpineLocator locator = new SpineLocator(img -> {
            runs[0]++;
            return decoded(img, 60, 200);
        }, IN_W, IN_H);
        SpineLocator.Located l = locator.locate(f);
        assertTrue(l.firstStage().confidence().low());
        assertTrue(l.firstStage().confidence().lowConfidenceReason().orElseThrow().startsWith("no clear vertebrae"));
        assertEquals(runs[0], l.runs());
        assertTrue(runs[0] > 1 && runs[0] <= SpineLocator.MAX_RUNS, "runs " + runs[0]);
    }

    @Test
    void aSureGuessInOneFurtherFrameThatAnotherFrameDoesNotConfirmIsNotTaken() throws Exception {
        GreyImage f = film(600, 1500, 0, 0, 600, 1500);
        // unsure on the whole film; sure elsewhere, but always at the same input place, so that two frames of
        // different size put the spine in different places on the film
        SpineLocator locator = new SpineLocator(img -> img.width() == 600 && img.height() == 1500
                ? decoded(img, 60, 200) : decoded(img, 60, 10), IN_W, IN_H);
        SpineLocator.Located l = locator.locate(f);
        assertTrue(l.firstStage().confidence().low(), "a lone sure guess was taken: " + l.frame());
    }

    /** A 1200 x 3000 textured film, and the box of a spine over a third of it that the network saw. */
    private static final GreyImage CANVAS = film(1200, 3000, 0, 0, 1200, 3000);
    private static final SpineRegion.Box SPINE = new SpineRegion.Box(560, 1100, 640, 2100);

    /** The frame the locator builds around {@link #SPINE} on {@link #CANVAS}. */
    private static FilmFrame spineFrame() {
        return SpineLocator.around(SPINE.x0(), SPINE.y0(), SPINE.x1(), SPINE.y1(), FilmBorders.content(CANVAS), CANVAS,
                SpineLocator.SPINE_SHARE, false).orElseThrow();
    }

    /** The region the locator network saw, as a film-px box, all 17 levels shown. */
    private static SpineRegion region(double x0, double y0, double x1, double y1) {
        double[] shown = new double[17];
        java.util.Arrays.fill(shown, 0.99);
        return new SpineRegion(java.util.Optional.of(new SpineRegion.Box(x0, y0, x1, y1)), shown);
    }

    @Test
    void whenTheLocatorNetworkSeesNoSpineNoFurtherFramesAreTried() throws Exception {
        // the canvas, unsure everywhere; the sure frame around SPINE would be found if it were tried
        FilmFrame around = spineFrame();
        SpineLocator locator = new SpineLocator(img -> img.width() == around.width()
                && img.height() == around.height() ? decoded(img, 30, 10) : decoded(img, 60, 200), IN_W, IN_H);
        SpineRegion none = new SpineRegion(java.util.Optional.empty(), new double[17]);
        SpineLocator.Located l = locator.locate(CANVAS, java.util.Optional.of(none));
        assertEquals(1, l.runs());
        assertTrue(l.firstStage().confidence().low());
        assertEquals(FilmFrame.whole(CANVAS), l.frame());
        // a network that saw it: the search goes on and finds it
        SpineLocator.Located found = locator.locate(CANVAS, java.util.Optional.of(region(SPINE.x0(), SPINE.y0(),
                SPINE.x1(), SPINE.y1())));
        assertFalse(found.firstStage().confidence().low());
        assertTrue(found.runs() > 1);
    }

    @Test
    void theLocatorNetworksBoxIsTriedFirstAndTakenWhenTheDetectionThereAgreesWithIt() throws Exception {
        // a spine over a third of a 1200 x 3000 film: unsure on the whole film, sure only on the frame around it
        GreyImage f = CANVAS;
        SpineRegion.Box spine = SPINE;
        FilmFrame expected = spineFrame();
        List<GreyImage> seen = new ArrayList<>();
        SpineLocator locator = new SpineLocator(img -> {
            seen.add(img);
            return img.width() == expected.width() && img.height() == expected.height()
                    ? decoded(img, 30, 10) : decoded(img, 60, 200);
        }, IN_W, IN_H);
        SpineLocator.Located l = locator.locate(f, java.util.Optional.of(region(spine.x0(), spine.y0(), spine.x1(),
                spine.y1())));
        assertEquals(expected, l.frame());
        assertEquals(2, l.runs(), "the whole film, then the network's frame");
        assertFalse(l.firstStage().confidence().low());
        assertTrue(SpineLocator.agreesWithRegion(l, spine));
        // without the network the same search does not find it
        assertTrue(locator.locate(f).firstStage().confidence().low());
    }

    @Test
    void aSureDetectionThatDisagreesWithTheNetworksBoxNeedsTheUsualCheck() throws Exception {
        GreyImage f = CANVAS;
        SpineRegion.Box spine = SPINE;
        FilmFrame around = spineFrame();
        // sure on the network's frame, but the spine it finds fills only the top tenth of that frame
        assertFalse(decodedSmall(around.extract(f)).confidence().low(), "the stand-in is sure there");
        SpineLocator locator = new SpineLocator(img -> img.width() == around.width() && img.height() == around.height()
                ? decodedSmall(img) : decoded(img, 60, 200), IN_W, IN_H);
        SpineLocator.Located l = locator.locate(f, java.util.Optional.of(region(spine.x0(), spine.y0(), spine.x1(),
                spine.y1())));
        assertTrue(l.firstStage().confidence().low(), "taken without the check: " + l.frame());
    }

    /** A 300 x 900 film that looks inverted: a dark column down the middle (40 + texture), bright sides (200 + texture). */
    private static GreyImage darkColumn() {
        float[] v = new float[300 * 900];
        for (int y = 0; y < 900; y++) {
            for (int x = 0; x < 300; x++) {
                v[y * 300 + x] = (x >= 120 && x < 180 ? 40 : 200) + (x * 37 + y * 91) % 31;
            }
        }
        return GreyImage.of(300, 900, v);
    }

    @ParameterizedTest
    @CsvSource({"20, true", "70, false"})
    void aSureLookAtAFilmThatLooksInvertedIsComparedWithTheFilmInverted(double turnedSpread, boolean turnedTaken)
            throws Exception {
        GreyImage f = darkColumn();
        assertTrue(SpineLocator.looksInverted(f));
        // sure either way (spread 50 as it is: score 0.91); the turned look sharper or not
        SpineLocator locator = new SpineLocator(img -> decoded(img, 60,
                SpineLocator.looksInverted(img) ? 50 : turnedSpread), IN_W, IN_H);
        SpineLocator.Located l = locator.locate(f);
        assertEquals(2, l.runs());
        assertEquals(turnedTaken, l.frame().inverted());
        assertEquals(turnedTaken, l.image().value(150, 450) > l.image().value(30, 450));
        assertFalse(l.firstStage().confidence().low());
    }

    /** 17 vertebrae 10 input px apart from input y = 20, sure: a spine in the top tenth of the frame. */
    private static SpineDetection decodedSmall(GreyImage image) {
        double[][] corners = new double[17][8];
        double[] s = new double[17];
        double[] peak = new double[17];
        for (int k = 0; k < 17; k++) {
            double cy = 20 + 5 * k;
            corners[k] = new double[] {120, cy - 2, 136, cy - 2, 120, cy + 2, 136, cy + 2};
            s[k] = 2;
            peak[k] = 0.01;
        }
        Letterbox box = Letterbox.fit(image.width(), image.height(), IN_W, IN_H);
        return SpineDetection.of(image.width(), image.height(), box, new SpineDecoder.Decoded(corners, s, peak));
    }
}
