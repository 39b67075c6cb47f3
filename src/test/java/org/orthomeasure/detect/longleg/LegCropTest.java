package org.orthomeasure.detect.longleg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.detect.GreyImage;

class LegCropTest {

    @Test
    void bilateralFilmIsTwoLegsTheLeftMirrored() {
        LegCrop[] c = LegCrop.bilateral(500, 1400);
        assertEquals(Side.R, c[0].side());
        assertFalse(c[0].mirrored());
        assertEquals(Side.L, c[1].side());
        assertTrue(c[1].mirrored());
        assertEquals(256.0 / 500, c[0].scale(), 1e-12);
        assertEquals(717, c[0].contentHeight());
        assertEquals(128, c[0].contentWidth());
    }

    @Test
    void aTallFilmIsScaledToTheCropHeight() {
        LegCrop[] c = LegCrop.bilateral(1000, 7000);
        assertEquals(1024.0 / 7000, c[0].scale(), 1e-12);
        assertEquals(1024, c[0].contentHeight());
    }

    @Test
    void filmAndCropCoordinatesMapBothWays() {
        for (LegCrop c : LegCrop.bilateral(2048, 7000)) {
            for (Point2 p : new Point2[] {Point2.of(10.3, 20.7), Point2.of(1500, 6999), Point2.of(0, 0)}) {
                Point2 back = c.toFilm(c.toCrop(p));
                assertEquals(p.x(), back.x(), 1e-9);
                assertEquals(p.y(), back.y(), 1e-9);
            }
        }
        LegCrop left = LegCrop.bilateral(256, 1024)[1];
        // scale 1: the left leg's image-right column 255 is crop column 0
        assertEquals(Point2.of(255, 5), left.toFilm(Point2.of(0, 5)));
        assertEquals(Point2.of(128, 5), left.toFilm(Point2.of(127, 5)));
    }

    @Test
    void areaSamplingAveragesTheCoveredPixels() {
        int w = 512;
        int h = 1800;
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = (x % 2 == 0 ? 100 : 200) + (y % 2 == 0 ? 0 : 20);
            }
        }
        LegCrop c = LegCrop.bilateral(w, h)[0]; // scale 0.5: each crop pixel covers 2 x 2
        float[] crop = c.sample(GreyImage.of(w, h, v));
        assertEquals(160f, crop[0], 1e-4);
        assertEquals(160f, crop[5 * LegCrop.WIDTH + 77], 1e-4);
        assertEquals(0f, crop[(LegCrop.HEIGHT - 1) * LegCrop.WIDTH], 0f, "no film below row 900: padding");
    }

    @Test
    void theLeftLegIsSampledMirrored() {
        int w = 256;
        int h = 1024;
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = x;
            }
        }
        float[] left = LegCrop.bilateral(w, h)[1].sample(GreyImage.of(w, h, v));
        assertEquals(255f, left[0], 1e-4);
        assertEquals(128f, left[127], 1e-4);
    }
}
