package org.orthomeasure.io.image;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grey-level pipeline: modality transform, window, inversion, LUTs, downsampled view. */
class RadiographTest {

    private static ImageFormatInfo info(int w, int h) {
        return new ImageFormatInfo(h, w, 12, "MONOCHROME2", Optional.empty(), Optional.empty(), 1, "TEST");
    }

    private static Radiograph ramp(int w, int h, ModalityTransform m) {
        short[] p = new short[w * h];
        for (int i = 0; i < p.length; i++) {
            p[i] = (short) (i % 4096);
        }
        return Radiograph.builder().grey(w, h, p, false, 12).modality(m).formatInfo(info(w, h)).build();
    }

    private static int grey(int argb) {
        assertEquals(0xFF, argb >>> 24, "opaque");
        int g = argb & 0xFF;
        assertEquals(g, (argb >> 8) & 0xFF);
        assertEquals(g, (argb >> 16) & 0xFF);
        return g;
    }

    @Test
    void linearWindowFollowsDicomFormula() {
        WindowLevel w = WindowLevel.of(100, 51);
        // PS3.3 C.11.2.1.2.1: <= c-0.5-(w-1)/2 = 74.5 -> 0; > c-0.5+(w-1)/2 = 124.5 -> 1
        assertEquals(0, w.fraction(74.5));
        assertEquals(1, w.fraction(124.6));
        assertEquals(0.5, w.fraction(99.5), 1e-12);
        assertEquals((110 - 99.5) / 50 + 0.5, w.fraction(110), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> WindowLevel.of(0, 0.5));
    }

    @Test
    void rescaleAppliesToReadoutAndWindow() {
        Radiograph r = ramp(64, 64, ModalityTransform.linear(2, -1000));
        assertEquals(5, r.storedValue(5, 0));
        assertEquals(-990, r.modalityValue(5, 0), 1e-12);
        int[] out = new int[64 * 64];
        // window in modality units: centre -990.5 width 1 -> stored 5 is white (> -990.5 ... threshold), 4 black
        r.renderTo(WindowLevel.of(-990, 2), false, out);
        assertEquals(0, grey(out[4]));
        assertEquals(255, grey(out[5]));
        r.renderTo(WindowLevel.of(-990, 2), true, out);
        assertEquals(255, grey(out[4]));
        assertEquals(0, grey(out[5]));
    }

    @Test
    void modalityLutMapsStoredValues() {
        int[] table = new int[4096];
        for (int i = 0; i < table.length; i++) {
            table[i] = 4095 - i;
        }
        Radiograph r = ramp(64, 64, ModalityTransform.lut(0, table));
        assertEquals(4095 - 10, r.modalityValue(10, 0), 0);
        int[] out = new int[64 * 64];
        r.renderTo(WindowLevel.spanning(0, 4095), false, out);
        assertTrue(grey(out[0]) == 255 && grey(out[4095]) == 0);
    }

    @Test
    void voiLutPresetUsesItsTable() {
        Radiograph r = ramp(64, 64, ModalityTransform.identity());
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            table[i] = i < 128 ? 0 : 255;
        }
        WindowPreset preset = WindowPreset.lut("step", VoiLut.of(100, table, 8));
        int[] out = new int[64 * 64];
        r.renderTo(preset, false, out);
        assertEquals(0, grey(out[50]));     // below first mapped -> first entry
        assertEquals(0, grey(out[227]));    // 100 + 127
        assertEquals(255, grey(out[228]));
        assertEquals(255, grey(out[4000])); // above the table -> last entry
        assertEquals(WindowLevel.spanning(100, 355), preset.window());
    }

    @Test
    void signedPixelsKeepTheirSign() {
        short[] p = {-2000, -1, 0, 1500};
        Radiograph r = Radiograph.builder().grey(2, 2, p, true, 12).formatInfo(info(2, 2)).build();
        assertEquals(-2000, r.storedValue(0, 0));
        assertEquals(-2000, r.minStoredValue());
        int[] out = new int[4];
        r.renderTo(WindowLevel.spanning(-2000, 1500), false, out);
        assertEquals(0, grey(out[0]));
        assertEquals(255, grey(out[3]));
        assertTrue(grey(out[1]) > 100 && grey(out[1]) < 200);
    }

    @Test
    void presetsComeFromFileThenAutoAndFullRange() {
        short[] p = new short[100 * 100];
        for (int i = 0; i < p.length; i++) {
            p[i] = (short) (1000 + i % 1000); // 1000..1999 uniformly
        }
        p[0] = 0;
        p[1] = 4095; // outliers
        Radiograph r = Radiograph.builder().grey(100, 100, p, false, 12).formatInfo(info(100, 100))
                .addFilePreset(WindowPreset.linear("File 1: BONE", 1500, 800)).build();
        assertEquals("File 1: BONE", r.defaultWindow().name());
        assertEquals(3, r.windowPresets().size());
        WindowPreset auto = r.windowPresets().get(1);
        assertEquals("Auto", auto.name());
        // 0.5 % .. 99.5 % of 1000..1999 -> about 1005..1994
        assertEquals(1500, auto.center(), 3);
        assertEquals(990, auto.width(), 5);
        assertEquals(WindowLevel.spanning(0, 4095), r.windowPresets().get(2).window());
        Radiograph noFile = Radiograph.builder().grey(100, 100, p, false, 12).formatInfo(info(100, 100)).build();
        assertEquals("Auto", noFile.defaultWindow().name());
    }

    @Test
    void constantImageHasAUsableWindow() {
        Radiograph r = Radiograph.builder().grey(3, 3, new short[9], false, 12).formatInfo(info(3, 3)).build();
        int[] out = new int[9];
        r.renderTo(r.defaultWindow(), false, out);
        assertTrue(r.defaultWindow().width() >= 1);
    }

    @Test
    void regionRenderAveragesBoxes() {
        short[] p = {0, 100, 200, 300, 0, 100, 200, 300};
        Radiograph r = Radiograph.builder().grey(4, 2, p, false, 12).formatInfo(info(4, 2)).build();
        int[] out = new int[2];
        r.renderRegion(0, 0, 4, 2, 2, 1, WindowPreset.linear("", 128, 256), false, out);
        assertEquals(50, grey(out[0]));  // mean of 0,100 -> 50
        assertEquals(250, grey(out[1])); // mean of 200,300 under the identity window 0..255
        Radiograph.Rendered fit = r.renderFit(2, r.defaultWindow(), false);
        assertEquals(2, fit.width());
        assertEquals(1, fit.height());
        assertThrows(IllegalArgumentException.class,
                () -> r.renderRegion(1, 0, 4, 2, 2, 1, r.defaultWindow(), false, new int[2]));
    }

    @Test
    void previewMatchesTheFitRenderForEveryWindow() {
        Radiograph r = ramp(300, 200, ModalityTransform.linear(0.5, 10));
        Radiograph.Preview p = r.preview(64);
        assertEquals(64, p.width());
        assertEquals(43, p.height());
        assertEquals(64 / 300.0, p.scale(), 1e-12);
        for (WindowPreset w : List.of(r.defaultWindow(), WindowPreset.linear("narrow", 600, 50))) {
            int[] fromPreview = new int[64 * 43];
            p.render(w, true, fromPreview);
            assertArrayEquals(r.renderFit(64, w, true).argb(), fromPreview);
        }
    }

    @Test
    void fullRenderMatchesPerPixelFormula() {
        Radiograph r = ramp(300, 20, ModalityTransform.linear(0.5, 10));
        WindowLevel w = WindowLevel.of(600, 700);
        int[] out = new int[300 * 20];
        r.renderTo(w, false, out);
        for (int y = 0; y < 20; y += 7) {
            for (int x = 0; x < 300; x += 13) {
                int expected = (int) Math.round(w.fraction(r.modalityValue(x, y)) * 255);
                assertEquals(expected, grey(out[y * 300 + x]));
            }
        }
    }

    @Test
    void colourImagesRenderPerChannel() {
        int[] rgb = {0xFF0000, 0x00FF00, 0x0000FF, 0x808080};
        Radiograph r = Radiograph.builder().rgb(2, 2, rgb).formatInfo(info(2, 2)).build();
        assertTrue(r.isColor());
        assertEquals(0xFF0000, r.storedValue(0, 0));
        assertEquals(0.299 * 255, r.modalityValue(0, 0), 1e-9);
        int[] out = new int[4];
        r.renderTo(r.defaultWindow(), false, out);
        assertArrayEquals(new int[]{0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFF808080}, out);
        r.renderTo(r.defaultWindow(), true, out);
        assertEquals(0xFF00FFFF, out[0]);
    }

    @Test
    void outsideReadoutIsAnError() {
        Radiograph r = ramp(4, 4, ModalityTransform.identity());
        assertThrows(IndexOutOfBoundsException.class, () -> r.modalityValue(4, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Radiograph.builder().grey(4, 4, new short[15], false, 12));
    }

    @Test
    void headerCleansNamesAndDates() {
        StudyHeader h = StudyHeader.of("Müller^Jürgen^K=ミュラー^ユルゲン", " 123\u0000", "19800102", "M", "2024.03.05",
                "", null, "AP", "Hôpital Saint-Éloi");
        assertEquals("Müller, Jürgen K", h.patientName().orElseThrow());
        assertEquals("123", h.patientId().orElseThrow());
        assertEquals("1980-01-02", h.birthDate().orElseThrow());
        assertEquals("2024-03-05", h.studyDate().orElseThrow());
        assertTrue(h.accessionNumber().isEmpty());
        assertTrue(h.bodyPart().isEmpty());
        assertEquals("Hôpital Saint-Éloi", h.institution().orElseThrow());
        assertEquals("ミュラー, ユルゲン", StudyHeader.of("=ミュラー^ユルゲン", null, null, null, null, null, null, null, null)
                .patientName().orElseThrow());
    }
}
