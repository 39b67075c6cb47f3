package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TestTimeFlipTest {

    @Test
    void mirroringTwiceIsTheIdentity() {
        float[] in = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, SpineLandmarkDetector.mirrored(in, 3, 2));
        assertArrayEquals(in, SpineLandmarkDetector.mirrored(SpineLandmarkDetector.mirrored(in, 3, 2), 3, 2));
    }

    @Test
    void theMirroredDecodingIsMappedBackWithSidesSwapped() {
        int width = 256;
        double[][] a = new double[17][8];
        double[][] m = new double[17][8];
        for (int k = 0; k < 17; k++) {
            // TL (100, 10k), TR (140, 10k + 4), BL (101, 10k + 30), BR (141, 10k + 34)
            a[k] = new double[] {100, 10 * k, 140, 10 * k + 4, 101, 10 * k + 30, 141, 10 * k + 34};
            // the same vertebra seen mirrored, 2 px further right in the original (x - 2 when mirrored back)
            double[] tl = {width - 1 - 142, 10 * k + 4};
            double[] tr = {width - 1 - 102, 10 * k};
            double[] bl = {width - 1 - 143, 10 * k + 34};
            double[] br = {width - 1 - 103, 10 * k + 30};
            m[k] = new double[] {tl[0], tl[1], tr[0], tr[1], bl[0], bl[1], br[0], br[1]};
        }
        double[] s = new double[17];
        double[] p = new double[17];
        java.util.Arrays.fill(s, 4);
        java.util.Arrays.fill(p, 0.1);
        double[] s2 = s.clone();
        java.util.Arrays.fill(s2, 6);
        SpineDecoder.Decoded avg = SpineLandmarkDetector.averageWithMirror(new SpineDecoder.Decoded(a, s, p),
                new SpineDecoder.Decoded(m, s2, p), width);
        assertEquals(101, avg.corners()[3][0], 1e-9);   // TL x: (100 + 102) / 2
        assertEquals(30, avg.corners()[3][1], 1e-9);    // TL y
        assertEquals(141, avg.corners()[3][2], 1e-9);   // TR x: (140 + 142) / 2
        assertEquals(64, avg.corners()[3][7], 1e-9);    // BR y
        assertEquals(5, avg.spread()[0], 1e-12);
    }
}
