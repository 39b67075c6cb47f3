package org.orthomeasure.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java locator reproduces PyTorch on the three fixture images ({@code training/export_locator_onnx.py} saved
 * the outputs of the same model) and decodes the box the way {@code locator_common.region_box} does.
 */
class SpineRegionModelTest {

    private static SpineRegionModel model;
    private static JsonNode fixtures;

    @BeforeAll
    static void load() throws Exception {
        model = SpineRegionModel.loadDefault();
        try (InputStream in = SpineRegionModelTest.class.getResourceAsStream("region-fixtures.json")) {
            fixtures = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void close() throws Exception {
        model.close();
    }

    private static JsonNode fixture(String file) {
        for (JsonNode f : fixtures) {
            if (f.get("file").asText().equals(file)) {
                return f;
            }
        }
        throw new AssertionError("no fixture " + file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixture-column.png", "fixture-noise.png", "fixture-gradient.png"})
    void javaMatchesPyTorch(String file) throws Exception {
        JsonNode fx = fixture(file);
        GreyImage img;
        try (InputStream in = SpineRegionModelTest.class.getResourceAsStream(file)) {
            assertNotNull(in, file);
            img = GreyImage.fromBufferedImage(ImageIO.read(in));
        }
        int n = model.size();
        Letterbox box = Letterbox.fit(img.width(), img.height(), n, n);
        assertEquals(fx.get("letterbox").get(0).asDouble(), box.scale(), 1e-12);
        SpineRegionModel.Outputs out = model.run(SpinePreprocessor.toInput(img, box, n, n));
        for (Iterator<Map.Entry<String, JsonNode>> it = fx.get("region_samples").fields(); it.hasNext(); ) {
            var e = it.next();
            assertEquals(e.getValue().asDouble(), out.region()[Integer.parseInt(e.getKey())], 2e-3, "region " + e.getKey());
        }
        double sum = 0;
        for (float v : out.region()) {
            sum += v;
        }
        assertEquals(fx.get("region_sum").asDouble(), sum, 1e-4 * Math.abs(sum) + 0.5);
        for (int k = 0; k < 17; k++) {
            assertEquals(fx.get("levels").get(k).asDouble(), out.levels()[k], 2e-3, "level " + k);
        }
        Optional<int[]> cells = SpineRegionModel.cellBox(out.region(), n / 4);
        JsonNode pyBox = fx.get("box_input_px");
        assertEquals(pyBox.isNull(), cells.isEmpty(), "a box in one and not the other");
        if (cells.isPresent()) {
            int[] c = cells.get();
            assertArrayEquals(new double[] {pyBox.get(0).asDouble(), pyBox.get(1).asDouble(), pyBox.get(2).asDouble(),
                pyBox.get(3).asDouble()}, new double[] {4 * c[0], 4 * c[1], 4 * (c[2] + 1), 4 * (c[3] + 1)}, 1e-9);
        }
    }

    @Test
    void boxIsThatOfTheLargestConnectedGroup() {
        float[] map = new float[8 * 8];
        java.util.Arrays.fill(map, -1f);
        map[0] = 1f; // a lone cell
        for (int v = 2; v <= 6; v++) {
            map[v * 8 + 3] = 2f; // a column 5 cells high, one cell joined diagonally
        }
        map[7 * 8 + 4] = 0.5f;
        assertArrayEquals(new int[] {3, 2, 4, 7}, SpineRegionModel.cellBox(map, 8).orElseThrow());
        java.util.Arrays.fill(map, -0.1f);
        assertTrue(SpineRegionModel.cellBox(map, 8).isEmpty());
    }
}
