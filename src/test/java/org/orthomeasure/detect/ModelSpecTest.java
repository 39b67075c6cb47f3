package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelSpecTest {

    private static ModelSpec read(String input) throws Exception {
        String note = "{\"input\": {\"shape\": [1, 1, 768, 256]" + input + "},"
                + " \"outputs\": {\"stride\": 4, \"offset_scale_px\": 16.0}}";
        return ModelSpec.read(new ByteArrayInputStream(note.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBundledNoteLetterboxesAtTheTrainingFilmsMeanShare() throws Exception {
        // training scales films by 1 + U(-0.2, 0.05): on average 0.925 of the input (spine_common.INFER_FILL)
        try (InputStream in = ModelSpec.class.getResourceAsStream(SpineLandmarkDetector.NOTE_RESOURCE)) {
            assertNotNull(in);
            ModelSpec spec = ModelSpec.read(in);
            assertEquals(0.925, spec.inputFill(), 1e-12);
            Letterbox b = spec.letterbox(750, 2100);
            assertEquals(0.925 * 256 / 750, b.scale(), 1e-12);
            assertEquals(9.6, b.offsetX(), 1e-9);
        }
    }

    @Test
    void aNoteWithoutAFillFillsTheInput() throws Exception {
        ModelSpec spec = read("");
        assertEquals(1.0, spec.inputFill());
        assertEquals(Letterbox.fit(750, 2100, 256, 768), spec.letterbox(750, 2100));
        assertEquals(0.9, read(", \"fill\": 0.9").inputFill(), 1e-12);
    }

    @Test
    void aFillOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> read(", \"fill\": 1.2"));
        assertThrows(IllegalArgumentException.class, () -> read(", \"fill\": 0"));
    }
}
