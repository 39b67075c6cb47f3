package org.orthomeasure.ui.viewer;

import org.junit.jupiter.api.Test;
import org.orthomeasure.io.image.ImageFormatInfo;
import org.orthomeasure.io.image.ModalityTransform;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.image.WindowPreset;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayImagesTest {

    static Radiograph grey(int w, int h) {
        return org.orthomeasure.ui.TestFilms.grey(w, h);
    }

    @Test
    void overviewWindowsExactlyLikeTheFullImageBoxFiltered() {
        Radiograph r = grey(4100, 1500);
        DisplayImages d = DisplayImages.of(r);
        assertEquals(2048, d.overviewWidth());
        assertEquals(Math.round(1500 * 2048.0 / 4100), d.overviewHeight());
        WindowPreset p = WindowPreset.linear("test", 3000, 2500);
        assertArrayEquals(r.renderFit(2048, p, true).argb(), d.renderOverview(p, true));
        assertArrayEquals(r.renderFit(2048, p, false).argb(), d.renderOverview(p, false));
        assertEquals(2048.0 / 4100, d.overviewScale(), 1e-12);
    }

    @Test
    void aSmallImageIsItsOwnOverview() {
        Radiograph r = grey(300, 200);
        assertSame(r, DisplayImages.downsample(r, 2048));
        assertEquals(1.0, DisplayImages.of(r).overviewScale());
        assertFalse(DisplayImages.of(r).needsDetail(1.2));
        assertTrue(DisplayImages.of(r).needsDetail(2));
    }

    @Test
    void colourIsAveragedPerChannel() {
        int[] rgb = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF};
        Radiograph r = Radiograph.builder().rgb(2, 2, rgb)
                .formatInfo(new ImageFormatInfo(2, 2, 8, "RGB", Optional.empty(), Optional.empty(), 1, "PNG")).build();
        Radiograph d = DisplayImages.downsample(r, 1);
        assertEquals(1, d.width());
        // (255+0+0+255)/4 = 127.5 -> 128 per channel
        assertEquals(0x808080, d.storedValue(0, 0));
    }

    @Test
    void regionsAreClampedToTheImageAndRenderedAtMostOneToOne() {
        Radiograph r = grey(500, 400);
        DisplayImages d = DisplayImages.of(r);
        DisplayImages.Region g = d.renderRegion(-10.5, 350.2, 100, 100, 4, r.defaultWindow(), false);
        assertEquals(0, g.x());
        assertEquals(350, g.y());
        assertEquals(90, g.width());
        assertEquals(50, g.height());
        assertEquals(90, g.outWidth());
        DisplayImages.Region half = d.renderRegion(0, 0, 200, 100, 0.5, r.defaultWindow(), false);
        assertEquals(100, half.outWidth());
        assertEquals(50, half.outHeight());
        assertNull(d.renderRegion(600, 0, 10, 10, 1, r.defaultWindow(), false));
    }

    @Test
    void rewindowingALongLegFilmOverviewIsFast() {
        Radiograph r = grey(3000, 8000);
        long t0 = System.nanoTime();
        DisplayImages d = DisplayImages.of(r);
        long t1 = System.nanoTime();
        int n = 10;
        for (int i = 0; i < n; i++) {
            d.renderOverview(WindowPreset.linear("w", 1000 + i * 100, 2000), false);
        }
        long t2 = System.nanoTime();
        double buildMs = (t1 - t0) / 1e6;
        double windowMs = (t2 - t1) / 1e6 / n;
        System.out.printf("overview of 3000x8000: build %.0f ms, re-window %.1f ms%n", buildMs, windowMs);
        // generous bounds for a loaded 2-core machine; typical figures are printed above
        assertTrue(windowMs < 150, "re-window took " + windowMs + " ms");
    }
}
