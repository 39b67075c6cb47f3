package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpineDecoderTest {

    private static final ModelSpec SPEC = new ModelSpec(16, 32, 4, 16.0, 0, false, 1, "test", 1);

    @Test
    void sharpPeakGivesItsCellCentreAndTheOffsetsThere() {
        int n = SPEC.outputWidth() * SPEC.outputHeight(); // 4 x 8 cells
        float[] heat = new float[17 * n];
        float[] off = new float[8 * n];
        for (int k = 0; k < 17; k++) {
            Arrays.fill(heat, k * n, (k + 1) * n, -50f);
            heat[k * n + (k % 8) * 4 + 2] = 50f; // row k%8, column 2
        }
        Arrays.fill(off, 0, n, -1f);        // TL dx = -16 px
        Arrays.fill(off, n, 2 * n, -0.5f);  // TL dy = -8 px
        Arrays.fill(off, 6 * n, 7 * n, 1f); // BR dx = +16 px
        SpineDecoder.Decoded d = SpineDecoder.decode(SPEC, heat, off);
        for (int k = 0; k < 17; k++) {
            double cx = 4 * 2 + 1.5;
            double cy = 4 * (k % 8) + 1.5;
            assertEquals(cx - 16, d.corners()[k][0], 1e-6);
            assertEquals(cy - 8, d.corners()[k][1], 1e-6);
            assertEquals(cx, d.corners()[k][2], 1e-6);
            assertEquals(cx + 16, d.corners()[k][6], 1e-6);
            assertEquals(cy, d.corners()[k][7], 1e-6);
            assertEquals(0.0, d.spread()[k], 1e-6);
        }
    }

    @Test
    void twoEqualPeaksAverageAndSpreadWide() {
        int n = SPEC.outputWidth() * SPEC.outputHeight();
        float[] heat = new float[17 * n];
        Arrays.fill(heat, -50f);
        heat[0] = 50f;          // cell (0, 0) at (1.5, 1.5)
        heat[n - 1] = 50f;      // cell (3, 7) at (13.5, 29.5)
        SpineDecoder.Decoded d = SpineDecoder.decode(SPEC, heat, new float[8 * n]);
        assertEquals(7.5, d.corners()[0][0], 1e-6);
        assertEquals(15.5, d.corners()[0][1], 1e-6);
        assertEquals(Math.hypot(6, 14), d.spread()[0], 1e-6);
        assertTrue(d.spread()[1] > 5, "a flat map is diffuse");
    }

    @Test
    void theWindowTakesTheVertebraNearestTheGlobalCentre() {
        ModelSpec windowed = new ModelSpec(16, 32, 4, 16.0, 1, false, 1, "test", 1);
        int n = windowed.outputWidth() * windowed.outputHeight();
        float[] heat = new float[17 * n];
        Arrays.fill(heat, -50f);
        heat[4 + 1] = 10f;                                // row 1, column 1: (5.5, 5.5), a quarter of the mass
        heat[6 * 4 + 1] = (float) (10 + Math.log(3));     // row 6, column 1: (5.5, 25.5), three quarters
        float[] off = new float[8 * n];
        off[n + 4 + 1] = -5f;                             // TL dy at the weak peak: would pull an average
        SpineDecoder.Decoded global = SpineDecoder.decode(SPEC, heat, off);
        SpineDecoder.Decoded local = SpineDecoder.decode(windowed, heat, off);
        assertEquals(0.25 * 5.5 + 0.75 * 25.5 - 0.25 * 80, global.corners()[0][1], 1e-3);
        // global centre y 20.5 -> nearest row 5; rows 4..6 hold only the strong peak
        assertEquals(25.5, local.corners()[0][1], 1e-6);
        assertEquals(5.5, local.corners()[0][0], 1e-6);
        assertEquals(global.spread()[0], local.spread()[0], 0.0);
    }

    @Test
    void rejectsOutputsOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> SpineDecoder.decode(SPEC, new float[10], new float[10]));
    }
}
