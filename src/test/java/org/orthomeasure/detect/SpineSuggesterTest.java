package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;
import org.orthomeasure.io.image.ImageFormatInfo;
import org.orthomeasure.io.image.Radiograph;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpineSuggesterTest {

    @Test
    void suggestsInTheBackgroundAndFlagsNoise() throws Exception {
        short[] px = new short[120 * 360];
        Random rnd = new Random(1);
        for (int i = 0; i < px.length; i++) {
            px[i] = (short) rnd.nextInt(4096);
        }
        Radiograph film = Radiograph.builder().grey(120, 360, px, false, 12)
                .formatInfo(new ImageFormatInfo(360, 120, 12, "MONOCHROME2", Optional.empty(), Optional.empty(), 1,
                        "DICOM"))
                .build();
        try (SpineSuggester s = SpineSuggester.start()) {
            SpineDetection d = s.suggest(film).get(30, TimeUnit.SECONDS);
            assertEquals(120, d.imageWidth());
            assertEquals(360, d.imageHeight());
            assertTrue(d.confidence().low(), "12-bit noise is no spine: " + d.confidence());
        }
    }
}
