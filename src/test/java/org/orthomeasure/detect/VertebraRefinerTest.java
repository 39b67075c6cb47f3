package org.orthomeasure.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.orthomeasure.core.geometry.Point2;

import javax.imageio.ImageIO;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java second stage reproduces PyTorch: spacings, patch samples, raw heat maps and the refined film-px
 * corners of the walk down the spine (with and without test-time flip, with the sidecar's number of passes) for
 * fixed centres on two images, compared with what {@code training/export_refine_onnx.py} saved from the same model.
 */
class VertebraRefinerTest {

    private static VertebraRefiner refiner;
    private static JsonNode fixtures;

    @BeforeAll
    static void load() throws Exception {
        refiner = VertebraRefiner.loadDefault();
        try (InputStream in = VertebraRefinerTest.class.getResourceAsStream("refine-fixtures.json")) {
            assertNotNull(in, "refine-fixtures.json");
            fixtures = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void close() throws Exception {
        refiner.close();
    }

    private static JsonNode fixture(String file) {
        for (JsonNode f : fixtures) {
            if (f.get("file").asText().equals(file)) {
                return f;
            }
        }
        throw new AssertionError("no fixture " + file);
    }

    static GreyImage image(String file) throws Exception {
        try (InputStream in = VertebraRefinerTest.class.getResourceAsStream(file)) {
            assertNotNull(in, file);
            return GreyImage.fromBufferedImage(ImageIO.read(in));
        }
    }

    private static List<Point2> centres(JsonNode fx) {
        List<Point2> c = new ArrayList<>();
        for (JsonNode p : fx.get("centres")) {
            c.add(new Point2(p.get(0).asDouble(), p.get(1).asDouble()));
        }
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixture-column.png", "fixture-noise.png"})
    void spacingsPatchesAndHeatMatchPyTorch(String file) throws Exception {
        JsonNode fx = fixture(file);
        GreyImage img = image(file);
        List<Point2> centres = centres(fx);
        double[] s = VertebraPatch.spacings(centres);
        for (int k = 0; k < 17; k++) {
            assertEquals(fx.get("spacings").get(k).asDouble(), s[k], 1e-9, "spacing " + k);
        }
        List<VertebraPatch> patches = VertebraPatch.around(centres, refiner.spec());
        for (Iterator<Map.Entry<String, JsonNode>> it = fx.get("patches").fields(); it.hasNext(); ) {
            var level = it.next();
            int k = Integer.parseInt(level.getKey());
            JsonNode ref = level.getValue();
            float[] patch = patches.get(k).sample(img);
            double sum = 0;
            double abs = 0;
            for (float v : patch) {
                sum += v;
                abs += Math.abs(v);
            }
            double absRef = ref.get("input_abs_sum").asDouble();
            for (Iterator<Map.Entry<String, JsonNode>> s2 = ref.get("input_samples").fields(); s2.hasNext(); ) {
                var e = s2.next();
                double want = e.getValue().asDouble();
                assertEquals(want, patch[Integer.parseInt(e.getKey())], 1e-4 * Math.max(1, Math.abs(want)),
                        "level " + k + " input " + e.getKey());
            }
            assertEquals(absRef, abs, 1e-4 * Math.max(1, absRef), "level " + k + " abs sum");
            // the sum of a standardised patch is 0 up to float32 rounding of 16384 values
            assertEquals(ref.get("input_sum").asDouble(), sum, 1e-5 * Math.max(1, absRef), "level " + k + " sum");

            float[] heat = refiner.run(patch, 1);
            for (Iterator<Map.Entry<String, JsonNode>> h = ref.get("heat_samples").fields(); h.hasNext(); ) {
                var e = h.next();
                double want = e.getValue().asDouble();
                assertEquals(want, heat[Integer.parseInt(e.getKey())], 1e-3 * Math.max(1, Math.abs(want)),
                        "level " + k + " heat " + e.getKey());
            }
        }
    }

    /**
     * The walk and the second pass (sidecar passes) against {@code refine_chain}, with and without test-time flip,
     * on the drawn column (measured: within 1e-4 px). Not on the noise fixture: with no vertebra to settle on,
     * each walk step feeds the next and float32 differences between ONNX Runtime and PyTorch grow from level to
     * level; its patches (partly off the film) are compared one by one above.
     */
    @ParameterizedTest
    @CsvSource({"fixture-column.png, false, 17", "fixture-column.png, true, 17"})
    void refinedCornersMatchPyTorch(String file, boolean flip, int levels) throws Exception {
        JsonNode fx = fixture(file);
        GreyImage img = image(file);
        String key = flip ? "corners_tta" : "corners";
        RefineSpec s = refiner.spec();
        RefineSpec variant = new RefineSpec(s.patchPx(), s.sideFactor(), s.stride(), flip, s.passes(), "", 0);
        List<List<Point2>> q = refiner.refine(img, centres(fx), variant);
        assertEquals(17, q.size());
        for (int k = 0; k < levels; k++) {
            for (int c = 0; c < 4; c++) {
                JsonNode p = fx.get(key).get(4 * k + c);
                Point2 got = q.get(k).get(c);
                assertEquals(p.get(0).asDouble(), got.x(), 0.05, key + " level " + k + " corner " + c + " x");
                assertEquals(p.get(1).asDouble(), got.y(), 0.05, key + " level " + k + " corner " + c + " y");
            }
        }
        if (flip == s.testTimeFlip()) {
            // the public entry point is the sidecar's variant
            assertEquals(q, refiner.refine(img, centres(fx)));
        }
    }

    @Test
    void bothFixtureVariantsDifferSoTheFlipIsTested() {
        // guards refinedCornersMatchPyTorch: with and without the flip the Python corners are not the same
        JsonNode fx = fixture("fixture-column.png");
        double diff = 0;
        for (int i = 0; i < 68; i++) {
            diff = Math.max(diff, Math.abs(fx.get("corners").get(i).get(0).asDouble()
                    - fx.get("corners_tta").get(i).get(0).asDouble()));
        }
        assertTrue(diff > 0.1, "max x difference " + diff);
    }

    @Test
    void aPatchWhollyOffTheFilmGivesZerosAndCornersAroundItsCentre() throws Exception {
        GreyImage img = image("fixture-noise.png");
        VertebraPatch off = new VertebraPatch(new Point2(-500, -500), 30, refiner.spec().patchPx());
        float[] patch = off.sample(img);
        for (float v : patch) {
            assertEquals(0f, v);
        }
        float[] heat = refiner.run(patch, 1);
        double[] q = VertebraHeatDecoder.decode(refiner.spec(), heat, 0);
        for (int c = 0; c < 4; c++) {
            Point2 p = off.toFilm(q[2 * c], q[2 * c + 1]);
            assertTrue(Math.abs(p.x() + 500) <= 15 && Math.abs(p.y() + 500) <= 15, "corner " + c + " at " + p);
        }
    }

    @Test
    void theMirroredRunOfAMirroredPatchGivesTheSameCorners() throws Exception {
        // running a patch and its mirror image, each mapped back, is symmetric: swapping the two inputs
        // swaps the two decodings, so their mean is unchanged
        GreyImage img = image("fixture-column.png");
        VertebraPatch p = new VertebraPatch(new Point2(95, 150), 60, refiner.spec().patchPx());
        int px = refiner.spec().patchPx();
        float[] direct = p.sample(img);
        float[] mirror = SpineLandmarkDetector.mirrored(direct, px, px);
        float[] both = new float[2 * px * px];
        System.arraycopy(direct, 0, both, 0, px * px);
        System.arraycopy(mirror, 0, both, px * px, px * px);
        float[] heat = refiner.run(both, 2);
        int per = 4 * refiner.spec().outputPx() * refiner.spec().outputPx();
        double[] a = VertebraHeatDecoder.decode(refiner.spec(), heat, 0);
        double[] b = VertebraHeatDecoder.decode(refiner.spec(), heat, per);
        double[] mean1 = VertebraHeatDecoder.mean(a, VertebraHeatDecoder.mirroredBack(b, px));
        // the same pair seen from the mirrored side, then mapped back as a whole
        double[] mean2 = VertebraHeatDecoder.mirroredBack(
                VertebraHeatDecoder.mean(b, VertebraHeatDecoder.mirroredBack(a, px)), px);
        for (int i = 0; i < 8; i++) {
            assertEquals(mean1[i], mean2[i], 1e-9, "coordinate " + i);
        }
        // a batch of two gives the same heat as two single runs
        float[] single = refiner.run(mirror, 1);
        assertEquals(single[17], heat[per + 17], 1e-4);
    }

    @Test
    void centresThatCoincideAreRejectedWithAMessage() throws Exception {
        GreyImage img = image("fixture-column.png");
        List<Point2> same = new ArrayList<>();
        for (int k = 0; k < 17; k++) {
            same.add(new Point2(90, 200));
        }
        var e = assertThrows(IllegalArgumentException.class, () -> refiner.refine(img, same));
        assertTrue(e.getMessage().contains("coincide"), e.getMessage());
    }

    @Test
    void aMissingModelIsOneClearMessage() {
        var e = assertThrows(DetectorException.class,
                () -> VertebraRefiner.load("no-such-model.onnx", VertebraRefiner.NOTE_RESOURCE));
        assertEquals("the vertebra corner model (no-such-model.onnx) is missing from the application", e.getMessage());
        var n = assertThrows(DetectorException.class,
                () -> VertebraRefiner.load(VertebraRefiner.MODEL_RESOURCE, "no-such-note.json"));
        assertTrue(n.getMessage().contains("no-such-note.json"), n.getMessage());
        // the first-stage note in place of the second's: named field missing
        var w = assertThrows(DetectorException.class,
                () -> VertebraRefiner.load(VertebraRefiner.MODEL_RESOURCE, SpineLandmarkDetector.NOTE_RESOURCE));
        assertTrue(w.getMessage().contains("lacks input.patch_px"), w.getMessage());
        // the first-stage network in place of the second's: wrong input name
        var m = assertThrows(DetectorException.class,
                () -> VertebraRefiner.load(SpineLandmarkDetector.MODEL_RESOURCE, VertebraRefiner.NOTE_RESOURCE));
        assertTrue(m.getMessage().contains("expected [patches] -> [heat]"), m.getMessage());
    }
}
