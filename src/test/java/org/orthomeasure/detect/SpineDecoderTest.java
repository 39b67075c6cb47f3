package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpineDecoderTest {

    private static final ModelSpec SPEC = new ModelSpec(16, 32, 4, 16.0, "test", 1);

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
    void rejectsOutputsOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> SpineDecoder.decode(SPEC, new float[10], new float[10]));
    }
}
