package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpinePreprocessorTest {

    @Test
    void letterboxKeepsAspectAndCentres() {
        // 750 x 2100 into 256 x 768: width-bound, s = 256/750, height 716.8 centred
        Letterbox b = Letterbox.fit(750, 2100, 256, 768);
        assertEquals(256.0 / 750, b.scale(), 1e-12);
        assertEquals(0.0, b.offsetX(), 1e-12);
        assertEquals((768 - 2100 * 256.0 / 750) / 2, b.offsetY(), 1e-9);
        // round trip of a source point through x_in = s (x + 0.5) - 0.5 + ox
        double x = 123.4;
        double xIn = b.scale() * (x + 0.5) - 0.5 + b.offsetX();
        assertEquals(x, b.sourceX(xIn), 1e-9);
    }

    @Test
    void aFillShareShrinksTheFilmAboutTheInputCentre() {
        // 750 x 2100 into 256 x 768 at 0.925: s = 0.925 * 256/750 = 0.315733.., margins (256 - 236.8) / 2 = 9.6
        // at the sides and (768 - 663.04) / 2 = 52.48 above and below
        Letterbox b = Letterbox.fit(750, 2100, 256, 768, 0.925);
        assertEquals(0.925 * 256 / 750, b.scale(), 1e-12);
        assertEquals(9.6, b.offsetX(), 1e-9);
        assertEquals(52.48, b.offsetY(), 1e-9);
        // the input's centre (127.5, 383.5) samples the film's centre (374.5, 1049.5)
        assertEquals(374.5, b.sourceX(127.5), 1e-9);
        assertEquals(1049.5, b.sourceY(383.5), 1e-9);
        assertEquals(Letterbox.fit(750, 2100, 256, 768), Letterbox.fit(750, 2100, 256, 768, 1));
        assertThrows(IllegalArgumentException.class, () -> Letterbox.fit(750, 2100, 256, 768, 0));
        assertThrows(IllegalArgumentException.class, () -> Letterbox.fit(750, 2100, 256, 768, 1.05));
    }

    @Test
    void identityPlacementReproducesTheImageStandardised() {
        // a 4 x 6 image into a 4 x 6 input: scale 1, no padding, samples land on pixel centres
        float[] v = new float[24];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 10;
        }
        GreyImage img = GreyImage.of(4, 6, v);
        float[] in = SpinePreprocessor.toInput(img, Letterbox.fit(4, 6, 4, 6), 4, 6);
        double mean = 115.0 / 255;
        double sd = 0;
        for (float f : v) {
            sd += Math.pow(f / 255.0 - mean, 2);
        }
        sd = Math.sqrt(sd / 24);
        for (int i = 0; i < 24; i++) {
            assertEquals((v[i] / 255.0 - mean) / sd, in[i], 1e-5);
        }
    }

    @Test
    void paddingIsZeroBeforeStandardisingAndAConstantInputStaysFinite() {
        GreyImage img = GreyImage.of(2, 2, new float[] {200, 200, 200, 200});
        float[] in = SpinePreprocessor.toInput(img, Letterbox.fit(2, 2, 4, 2), 4, 2);
        // letterboxed 2x2 into 4x2: columns 0 and 3 padded (0), columns 1..2 the film (200/255)
        assertEquals(in[0], in[3], 1e-6);
        assertEquals(in[1], in[2], 1e-6);
        assertEquals(-1.0, in[0], 1e-5);
        assertEquals(1.0, in[1], 1e-5);
        float[] flat = SpinePreprocessor.toInput(GreyImage.of(2, 2, new float[] {7, 7, 7, 7}),
                Letterbox.fit(2, 2, 2, 2), 2, 2);
        for (float f : flat) {
            assertEquals(0.0, f, 0.0);
        }
    }

    @Test
    void greyImageRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> GreyImage.of(1, 5, new float[5]));
        assertThrows(IllegalArgumentException.class, () -> GreyImage.of(2, 2, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> GreyImage.of(2, 2, new float[] {0, 0, 0, 256}));
        assertThrows(IllegalArgumentException.class, () -> GreyImage.of(2, 2, new float[] {0, 0, 0, Float.NaN}));
    }
}
