package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The frame's image and its mapping to and from film px, on films whose values say where they came from. */
class FilmFrameTest {

    /** A film whose value at (x, y) is (x + 3 y) mod 256, so each pixel's origin can be read back. */
    private static GreyImage coded(int w, int h) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = (x + 3 * y) % 256;
            }
        }
        return GreyImage.of(w, h, v);
    }

    @Test
    void cropPicksTheFilmPixelsThatTheMappingNames() {
        GreyImage film = coded(40, 30);
        FilmFrame f = new FilmFrame(7, 5, 20, 12, 1, false);
        GreyImage img = f.extract(film);
        assertEquals(20, img.width());
        assertEquals(12, img.height());
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 20; x++) {
                Point2 p = f.toFilm(new Point2(x, y));
                assertEquals(film.value((int) p.x(), (int) p.y()), img.value(x, y), 0);
            }
        }
        assertEquals(new Point2(7, 5), f.toFilm(new Point2(0, 0)));
        assertEquals(new Point2(26.25, 16.5), f.toFilm(new Point2(19.25, 11.5)));
    }

    @Test
    void averagedFrameMapsEachPixelToTheCentreOfItsBlock() {
        // linear film v = x + 3 y (below 256): the mean of a block is the value at its centre
        float[] v = new float[60 * 50];
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 60; x++) {
                v[y * 60 + x] = x + 3 * y;
            }
        }
        GreyImage film = GreyImage.of(60, 50, v);
        FilmFrame f = new FilmFrame(4, 2, 11, 9, 3, false);
        GreyImage img = f.extract(film);
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 11; x++) {
                Point2 c = f.toFilm(new Point2(x, y));
                assertEquals(c.x() + 3 * c.y(), img.value(x, y), 1e-4, "pixel " + x + ", " + y);
            }
        }
        // pixel (0, 0) averages film px 4..6 x 2..4: centre (5, 3)
        assertEquals(new Point2(5, 3), f.toFilm(new Point2(0, 0)));
        Point2 p = new Point2(13.7, 21.2);
        Point2 back = f.toFilm(f.toFrame(p));
        assertEquals(p.x(), back.x(), 1e-12);
        assertEquals(p.y(), back.y(), 1e-12);
    }

    @Test
    void invertedFrameHasInvertedGreyLevels() {
        GreyImage film = coded(10, 10);
        GreyImage img = new FilmFrame(0, 0, 10, 10, 1, true).extract(film);
        assertEquals(255 - film.value(3, 4), img.value(3, 4), 0);
    }

    @Test
    void wholeFrameIsTheFilmItself() {
        GreyImage film = coded(10, 8);
        assertSame(film, FilmFrame.whole(film).extract(film));
    }

    @Test
    void rectangleIsClippedAndAveragedDownToTheMaximumHeight() {
        FilmFrame f = FilmFrame.of(-5.5, 10.2, 500.5, 9000, 400, 8000, 4000, false);
        assertEquals(0, f.x0());
        assertEquals(10, f.y0());
        assertEquals(2, f.factor());
        assertEquals(200, f.width());
        assertEquals(3995, f.height());
    }

    @Test
    void frameBeyondTheFilmIsRefused() {
        GreyImage film = coded(10, 10);
        assertThrows(IllegalArgumentException.class, () -> new FilmFrame(5, 0, 6, 10, 1, false).extract(film));
        assertThrows(IllegalArgumentException.class, () -> new FilmFrame(0, 0, 1, 10, 1, false));
    }
}
