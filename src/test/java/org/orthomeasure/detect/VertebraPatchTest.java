package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VertebraPatchTest {

    /** 17 centres straight down from (50, 0), the gaps given (film px). */
    private static List<Point2> column(double... gaps) {
        List<Point2> c = new ArrayList<>();
        double y = 0;
        c.add(new Point2(50, y));
        for (double g : gaps) {
            y += g;
            c.add(new Point2(50, y));
        }
        return c;
    }

    @Test
    void spacingIsTheMeanOfTheTwoGapsAndTheEndsTakeTheirOneGap() {
        // gaps 10, 12, 10, 12, ...: median 11 (the mean of the two middle values of 16)
        double[] gaps = new double[16];
        for (int k = 0; k < 16; k++) {
            gaps[k] = k % 2 == 0 ? 10 : 12;
        }
        gaps[15] = 13;
        double[] s = VertebraPatch.spacings(column(gaps));
        assertEquals(17, s.length);
        assertEquals(10, s[0], 1e-12);
        assertEquals(11, s[1], 1e-12);
        assertEquals((10 + 13) / 2.0, s[15], 1e-12);
        assertEquals(13, s[16], 1e-12);
    }

    @Test
    void spacingsAreClampedToHalfAndTwiceTheMedianGap() {
        double[] gaps = new double[16];
        java.util.Arrays.fill(gaps, 10);
        gaps[5] = 50;   // s_5 = s_6 = 30 -> 20
        gaps[10] = 0;   // two centres on one vertebra
        gaps[11] = 0;   // s_11 = 0 -> 5; s_10 = s_12 = 5
        gaps[0] = 100;  // s_0 = 100 -> 20, s_1 = 55 -> 20
        double[] s = VertebraPatch.spacings(column(gaps));
        assertEquals(10, median(gaps), 1e-12);
        assertArrayEquals(new double[] {20, 20, 10, 10, 10, 20, 20, 10, 10, 10, 5, 5, 5, 10, 10, 10, 10}, s, 1e-12);
    }

    @Test
    void spacingsNeedTwoCentresThatDoNotCoincide() {
        assertThrows(IllegalArgumentException.class, () -> VertebraPatch.spacings(List.of(new Point2(1, 1))));
        double[] gaps = new double[16];
        for (int k = 0; k < 7; k++) {
            gaps[k] = 10;   // 7 real gaps, 9 zero: the median gap is 0
        }
        var e = assertThrows(IllegalArgumentException.class, () -> VertebraPatch.spacings(column(gaps)));
        assertTrue(e.getMessage().contains("coincide"), e.getMessage());
    }

    @Test
    void patchesAreSizedBySideFactorTimesSpacing() {
        double[] gaps = new double[16];
        java.util.Arrays.fill(gaps, 20);
        RefineSpec spec = new RefineSpec(64, 2.5, 4, false, 1, "", 0);
        List<VertebraPatch> p = VertebraPatch.around(column(gaps), spec);
        assertEquals(17, p.size());
        assertEquals(50, p.get(3).side(), 1e-12);
        assertEquals(50.0 / 64, p.get(3).step(), 1e-12);
        assertEquals(new Point2(50, 60), p.get(3).centre());
    }

    @Test
    void patchPixelsMapToFilmAroundTheCentre() {
        VertebraPatch p = new VertebraPatch(new Point2(100, 200), 64, 128);   // step 0.5 film px
        assertEquals(new Point2(100, 200), p.toFilm(63.5, 63.5));
        assertEquals(new Point2(100 + (0.5 - 64) * 0.5, 200 + (127.5 - 64) * 0.5), p.toFilm(0, 127));
    }

    @Test
    void samplesOffTheFilmAreZeroBeforeStandardising() {
        // constant film 255; a 4 x 4 patch of side 4 (step 1) centred on pixel (0, 0): sub-samples at
        // -1.75 -1.25 | -0.75 -0.25 | 0.25 0.75 | 1.25 1.75 along each axis, inside from -0.5 on, so the
        // inside fractions are 0, 1/2, 1, 1 per column and per row, and pixel (i, j) = frac_i * frac_j
        GreyImage film = constant(8, 8, 255);
        float[] got = new VertebraPatch(new Point2(0, 0), 4, 4).sample(film);
        double[] frac = {0, 0.5, 1, 1};
        float[] want = new float[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                want[i * 4 + j] = (float) (frac[i] * frac[j]);
            }
        }
        SpinePreprocessor.standardise(want);
        assertArrayEquals(want, got, 1e-6f);
        assertEquals(0, sum(got), 1e-5);
        assertEquals(16, sumOfSquares(got), 1e-4);   // unit population variance
    }

    @Test
    void aFlatOrOffFilmPatchIsAllZero() {
        GreyImage film = constant(20, 20, 77);
        for (float v : new VertebraPatch(new Point2(10, 10), 8, 16).sample(film)) {
            assertEquals(0f, v);
        }
        for (float v : new VertebraPatch(new Point2(-100, 50), 8, 16).sample(film)) {
            assertEquals(0f, v);
        }
    }

    @Test
    void aRampIsSampledLinearlyAndClampedAtTheEdge() {
        // film value = 10 x column; inside the film the mean of the 4 sub-samples is the value at the
        // patch pixel's centre, so standardised values step evenly along a row and rows are equal
        int w = 30;
        float[] v = new float[w * 10];
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = 10f * x / 2;
            }
        }
        GreyImage ramp = GreyImage.of(w, 10, v);
        float[] p = new VertebraPatch(new Point2(10, 5), 8, 8).sample(ramp);
        double d = p[1] - p[0];
        assertTrue(d > 0);
        for (int j = 1; j < 8; j++) {
            assertEquals(d, p[j] - p[j - 1], 1e-5, "step at " + j);
            assertEquals(p[j], p[7 * 8 + j], 1e-6, "rows equal at " + j);
        }
        // a patch reaching past the right edge (step 0.5): column j samples x = w-1 + (j - 1.5 +- 0.25) * 0.5,
        // j = 0: w-1-0.875, w-1-0.625 (mean w-1-0.75); j = 1: mean w-1-0.25; j = 2: w-1+0.125, w-1+0.375, both
        // clamped to the last column; j = 3: w-1+0.625, w-1+0.875, both off the film (0)
        float[] edge = new VertebraPatch(new Point2(w - 1, 5), 2, 4).sample(ramp);
        float[] raw = {w - 1 - 0.75f, w - 1 - 0.25f, w - 1, 0};
        float[] want = new float[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                want[i * 4 + j] = raw[j] * 5 / 255f;
            }
        }
        SpinePreprocessor.standardise(want);
        assertArrayEquals(want, edge, 1e-5f);
    }

    @Test
    void aPatchNeedsAPositiveSide() {
        assertThrows(IllegalArgumentException.class, () -> new VertebraPatch(new Point2(0, 0), 0, 128));
        assertThrows(IllegalArgumentException.class, () -> new VertebraPatch(new Point2(0, 0), Double.NaN, 128));
        assertThrows(IllegalArgumentException.class, () -> new VertebraPatch(new Point2(0, 0), 10, 0));
    }

    private static GreyImage constant(int w, int h, float value) {
        float[] v = new float[w * h];
        java.util.Arrays.fill(v, value);
        return GreyImage.of(w, h, v);
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        java.util.Arrays.sort(s);
        return (s[7] + s[8]) / 2;
    }

    private static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    private static double sumOfSquares(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v * v;
        }
        return s;
    }
}
