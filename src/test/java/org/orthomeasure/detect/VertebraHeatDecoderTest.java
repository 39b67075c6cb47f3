package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VertebraHeatDecoderTest {

    /** Patch 8 px, stride 4: 2 x 2 cells centred at patch px 1.5 and 5.5. */
    private static final RefineSpec SPEC = new RefineSpec(8, 2.5, 4, true, 1, "", 0);

    /** One patch's heat maps (4 corners x 2 x 2), logits per corner in the order (v, u) = 00, 01, 10, 11. */
    private static float[] heat(float[]... perCorner) {
        float[] h = new float[16];
        for (int c = 0; c < 4; c++) {
            System.arraycopy(perCorner[c], 0, h, 4 * c, 4);
        }
        return h;
    }

    @Test
    void cornersAreTheExpectedCellCentreUnderTheSoftmax() {
        float[] h = heat(new float[] {0, 0, 0, 0},          // uniform: the middle (3.5, 3.5)
                new float[] {0, 1000, -1000, 0},            // all on cell (v 0, u 1): (5.5, 1.5), no overflow
                new float[] {0, -50, 0, -50},               // half on (0, 0), half on (1, 0): (1.5, 3.5)
                new float[] {0, 0, 0, (float) Math.log(3)}); // weights 1, 1, 1, 3 of 6
        double[] q = VertebraHeatDecoder.decode(SPEC, h, 0);
        assertArrayEquals(new double[] {3.5, 3.5, 5.5, 1.5, 1.5, 3.5,
            (1.5 + 5.5 + 1.5 + 3 * 5.5) / 6, (1.5 + 1.5 + 5.5 + 3 * 5.5) / 6}, q, 1e-6);
    }

    @Test
    void theSpreadIsTheMeanOfTheCornersStandardDistances() {
        // uniform over the 4 cells at 1.5 / 5.5: var_x = var_y = 4, spread sqrt(8); one cell: 0;
        // half on (0,0), half on (1,0): var_y = 4, spread 2; weights 1, 1, 1, 3 of 6 computed by hand
        float[] h = heat(new float[] {0, 0, 0, 0}, new float[] {0, 1000, -1000, 0}, new float[] {0, -50, 0, -50},
                new float[] {0, 0, 0, (float) Math.log(3)});
        double mx = (1.5 + 5.5 + 1.5 + 3 * 5.5) / 6;
        double vx = (1.5 * 1.5 + 5.5 * 5.5 + 1.5 * 1.5 + 3 * 5.5 * 5.5) / 6 - mx * mx;
        double expected = (Math.sqrt(8) + 0 + 2 + Math.sqrt(2 * vx)) / 4;
        assertEquals(expected, VertebraHeatDecoder.spread(SPEC, h, 0), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> VertebraHeatDecoder.spread(SPEC, h, 1));
    }

    @Test
    void theSecondPatchOfABatchIsReadAtItsOffset() {
        float[] two = new float[32];
        System.arraycopy(heat(new float[] {9, 0, 0, 0}, new float[] {9, 0, 0, 0}, new float[] {9, 0, 0, 0},
                new float[] {9, 0, 0, 0}), 0, two, 16, 16);
        double[] q = VertebraHeatDecoder.decode(SPEC, two, 16);
        assertEquals(1.5, q[0], 0.01);
        assertEquals(1.5, q[7], 0.01);
        assertThrows(IllegalArgumentException.class, () -> VertebraHeatDecoder.decode(SPEC, two, 17));
        assertThrows(IllegalArgumentException.class, () -> VertebraHeatDecoder.decode(SPEC, two, -1));
    }

    @Test
    void mirroredCornersComeBackWithSidesSwapped() {
        // TL (10, 20), TR (50, 22), BL (11, 60), BR (52, 61) seen in a 128 px patch mirrored left-right
        int p = 128;
        double[] mirrored = {p - 1 - 50, 22, p - 1 - 10, 20, p - 1 - 52, 61, p - 1 - 11, 60};
        assertArrayEquals(new double[] {10, 20, 50, 22, 11, 60, 52, 61},
                VertebraHeatDecoder.mirroredBack(mirrored, p), 1e-12);
        double[] any = {1, 2, 3, 4, 5, 6, 7, 8};
        assertArrayEquals(any, VertebraHeatDecoder.mirroredBack(VertebraHeatDecoder.mirroredBack(any, p), p), 1e-12);
    }

    @Test
    void theFlipAverageIsTheMeanOfDirectAndMappedBack() {
        double[] direct = {10, 20, 50, 22, 11, 60, 52, 61};
        // the mirrored run found the vertebra 2 px further right, once mapped back
        double[] mirrored = {127 - 52, 22, 127 - 12, 20, 127 - 54, 61, 127 - 13, 60};
        double[] mean = VertebraHeatDecoder.mean(direct, VertebraHeatDecoder.mirroredBack(mirrored, 128));
        assertArrayEquals(new double[] {11, 20, 51, 22, 12, 60, 53, 61}, mean, 1e-12);
    }
}
