package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Uniform padding is cut on every side, nested bars too; content and blank images are left whole. */
class FilmBordersTest {

    /** A textured film of {@code w x h} (values 60..190) placed at (x0, y0) on a canvas of {@code grey}. */
    private static GreyImage padded(int cw, int ch, int x0, int y0, int w, int h, float grey) {
        float[] v = new float[cw * ch];
        java.util.Arrays.fill(v, grey);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[(y0 + y) * cw + x0 + x] = 60 + (x * 37 + y * 91) % 131;
            }
        }
        return GreyImage.of(cw, ch, v);
    }

    @Test
    void greySidePaddingOfASquareIsCut() {
        FilmBorders.Content c = FilmBorders.content(padded(512, 512, 165, 0, 182, 512, 128f));
        assertEquals(new FilmBorders.Content(165, 0, 347, 512), c);
    }

    @Test
    void blackPaddingOnAllSidesIsCut() {
        FilmBorders.Content c = FilmBorders.content(padded(300, 400, 40, 50, 200, 280, 0f));
        assertEquals(new FilmBorders.Content(40, 50, 240, 330), c);
    }

    @Test
    void paddingThinnerThanATenthOfTheFilmIsKept() {
        // 20 px of 300 (6.7 %) left and right are kept, 60 px of 400 (15 %) top and bottom are cut
        FilmBorders.Content c = FilmBorders.content(padded(300, 400, 20, 60, 260, 280, 0f));
        assertEquals(new FilmBorders.Content(0, 60, 300, 340), c);
    }

    @Test
    void noisyPaddingWithinTheToleranceIsCut() {
        GreyImage base = padded(200, 200, 50, 40, 80, 120, 0f);
        float[] v = new float[200 * 200];
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                boolean inside = x >= 50 && x < 130 && y >= 40 && y < 160;
                v[y * 200 + x] = inside ? base.value(x, y) : 20 + ((x * 7 + y * 13) % 9);
            }
        }
        assertEquals(new FilmBorders.Content(50, 40, 130, 160), FilmBorders.content(GreyImage.of(200, 200, v)));
    }

    @Test
    void nestedBarsOfTwoGreysAreBothCut() {
        GreyImage inner = padded(100, 200, 30, 0, 40, 200, 128f);
        float[] v = new float[140 * 200];
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 140; x++) {
                v[y * 140 + x] = x < 20 || x >= 120 ? 0f : inner.value(x - 20, y);
            }
        }
        assertEquals(new FilmBorders.Content(50, 0, 90, 200), FilmBorders.content(GreyImage.of(140, 200, v)));
    }

    @Test
    void filmWithoutPaddingAndBlankImageStayWhole() {
        assertEquals(new FilmBorders.Content(0, 0, 90, 170), FilmBorders.content(padded(90, 170, 0, 0, 90, 170, 0f)));
        float[] blank = new float[64 * 64];
        java.util.Arrays.fill(blank, 77f);
        assertEquals(new FilmBorders.Content(0, 0, 64, 64), FilmBorders.content(GreyImage.of(64, 64, blank)));
    }
}
