package org.orthomeasure.ui;

import java.util.Optional;
import org.orthomeasure.io.image.ImageFormatInfo;
import org.orthomeasure.io.image.ModalityTransform;
import org.orthomeasure.io.image.Radiograph;

/** Synthetic films for UI tests. */
public final class TestFilms {

    private TestFilms() {
    }

    /** A 12-bit grey film of {@code w x h} with a varied, deterministic pattern and a rescale 2·v − 100. */
    public static Radiograph grey(int w, int h) {
        short[] px = new short[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = (short) ((x * 7 + y * 13 + (x * y) % 97) % 4096);
            }
        }
        return Radiograph.builder().grey(w, h, px, false, 12).modality(ModalityTransform.linear(2, -100))
                .formatInfo(new ImageFormatInfo(h, w, 12, "MONOCHROME2", Optional.empty(), Optional.of("CR"), 1, "DICOM"))
                .build();
    }
}
