package org.orthomeasure.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The Java pipeline reproduces PyTorch: pre-processed input, raw outputs and decoded corners for three
 * fixed images, compared with the values {@code training/export_onnx.py} saved from the same model.
 */
class SpineLandmarkDetectorTest {

    private static SpineLandmarkDetector detector;
    private static JsonNode fixtures;

    @BeforeAll
    static void load() throws Exception {
        detector = SpineLandmarkDetector.loadDefault();
        try (InputStream in = SpineLandmarkDetectorTest.class.getResourceAsStream("fixtures.json")) {
            fixtures = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void close() throws Exception {
        detector.close();
    }

    private static JsonNode fixture(String file) {
        for (JsonNode f : fixtures) {
            if (f.get("file").asText().equals(file)) {
                return f;
            }
        }
        throw new AssertionError("no fixture " + file);
    }

    private static GreyImage image(String file) throws Exception {
        try (InputStream in = SpineLandmarkDetectorTest.class.getResourceAsStream(file)) {
            assertNotNull(in, file);
            return GreyImage.fromBufferedImage(ImageIO.read(in));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixture-column.png", "fixture-noise.png", "fixture-gradient.png"})
    void javaMatchesPyTorch(String file) throws Exception {
        JsonNode fx = fixture(file);
        GreyImage img = image(file);
        ModelSpec spec = detector.spec();
        Letterbox box = Letterbox.fit(img.width(), img.height(), spec.inputWidth(), spec.inputHeight());
        assertEquals(fx.get("letterbox").get(0).asDouble(), box.scale(), 1e-12);
        assertEquals(fx.get("letterbox").get(1).asDouble(), box.offsetX(), 1e-9);
        assertEquals(fx.get("letterbox").get(2).asDouble(), box.offsetY(), 1e-9);

        float[] input = SpinePreprocessor.toInput(img, box, spec.inputWidth(), spec.inputHeight());
        for (Iterator<Map.Entry<String, JsonNode>> it = fx.get("input_samples").fields(); it.hasNext(); ) {
            var e = it.next();
            assertEquals(e.getValue().asDouble(), input[Integer.parseInt(e.getKey())], 1e-4, "input " + e.getKey());
        }
        double sum = 0;
        double abs = 0;
        for (float v : input) {
            sum += v;
            abs += Math.abs(v);
        }
        assertEquals(fx.get("input_sum").asDouble(), sum, 0.5);
        assertEquals(fx.get("input_abs_sum").asDouble(), abs, 1e-4 * abs);

        SpineLandmarkDetector.Outputs out = detector.run(input);
        for (Iterator<Map.Entry<String, JsonNode>> it = fx.get("heat_samples").fields(); it.hasNext(); ) {
            var e = it.next();
            assertEquals(e.getValue().asDouble(), out.heat()[Integer.parseInt(e.getKey())], 2e-3, "heat " + e.getKey());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = fx.get("offset_samples").fields(); it.hasNext(); ) {
            var e = it.next();
            assertEquals(e.getValue().asDouble(), out.offsets()[Integer.parseInt(e.getKey())], 2e-3,
                    "offset " + e.getKey());
        }
        SpineDecoder.Decoded d = SpineDecoder.decode(spec, out.heat(), out.offsets());
        JsonNode spreads = fx.get("spread_input_px");
        for (int k = 0; k < 17; k++) {
            assertEquals(spreads.get(k).asDouble(), d.spread()[k], 0.05, "spread of level " + k);
        }
        JsonNode corners = fx.get("corners_input_px");
        for (int k = 0; k < 17; k++) {
            for (int c = 0; c < 4; c++) {
                JsonNode p = corners.get(4 * k + c);
                assertEquals(p.get(0).asDouble(), d.corners()[k][2 * c], 0.05, "level " + k + " corner " + c + " x");
                assertEquals(p.get(1).asDouble(), d.corners()[k][2 * c + 1], 0.05, "level " + k + " corner " + c + " y");
            }
        }
    }
}
