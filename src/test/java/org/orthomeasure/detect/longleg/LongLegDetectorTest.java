package org.orthomeasure.detect.longleg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.detect.GreyImage;

/** The bundled long-leg model: reproduces PyTorch, measures real crops, and knows when not to. */
class LongLegDetectorTest {

    private static LongLegDetector detector;

    @BeforeAll
    static void load() throws Exception {
        detector = LongLegDetector.loadDefault();
    }

    @AfterAll
    static void close() throws Exception {
        detector.close();
    }

    private static double hka(LegSuggestion leg) {
        return OaiCrops.hka(leg);
    }

    @Test
    void onnxRuntimeReproducesPyTorchOnTheFixture() throws IOException, org.orthomeasure.detect.DetectorException {
        JsonNode fx;
        try (InputStream in = getClass().getResourceAsStream("segmentation-fixture.json")) {
            fx = new ObjectMapper().readTree(in);
        }
        BufferedImage img;
        try (InputStream in = getClass().getResourceAsStream("clahe-input.png")) {
            img = ImageIO.read(in);
        }
        float[] crop = OaiCrops.values(GreyImage.fromBufferedImage(img));
        BoneSegmenter.Segmentation seg = detector.segment(crop);
        float[] raw = detector.logitsForTest(crop);
        int n = LegCrop.WIDTH * LegCrop.HEIGHT;
        for (JsonNode probe : fx.get("logits")) {
            int i = probe.get("y").asInt() * LegCrop.WIDTH + probe.get("x").asInt();
            for (int c = 0; c < 3; c++) {
                assertEquals(probe.get("values").get(c).asDouble(), raw[c * n + i], 2e-3, "logit " + c + " at " + probe);
            }
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(fx.get("label_counts").get(c).asInt(), seg.mask().count((byte) c), 20, "pixels of class " + c);
        }
    }

    @Test
    void aBilateralFilmOfTwoCropsGivesEachLegItsOwnValuesAndTheMirrorIsExact() throws Exception {
        List<OaiLegsDataset.Crop> crops = OaiCrops.test();
        GreyImage a = OaiCrops.grey(crops.get(0));
        GreyImage b = OaiCrops.grey(crops.get(1));
        LegSuggestion aAlone = detector.detect(a, LegLayout.oneLeg(Side.R)).leg(Side.R).orElseThrow();
        LegSuggestion bAlone = detector.detect(b, LegLayout.oneLeg(Side.R)).leg(Side.R).orElseThrow();
        LongLegDetection both = detector.detect(OaiCrops.bilateral(a, b), LegLayout.bilateral());
        LegSuggestion right = both.leg(Side.R).orElseThrow();
        LegSuggestion left = both.leg(Side.L).orElseThrow();
        assertEquals(hka(aAlone), hka(right), 1e-6);
        assertEquals(hka(bAlone), hka(left), 1e-6, "the left leg, mirrored, is measured as the same leg");
        Point2 kb = bAlone.points().get(LegPoint.KNEE_CENTER);
        Point2 kl = left.points().get(LegPoint.KNEE_CENTER);
        assertEquals(255 - kb.x(), kl.x(), 1e-6);
        assertEquals(kb.y(), kl.y(), 1e-6);
    }

    /**
     * A PA or mirrored film (the patient's right leg on the image's right), declared mirrored: every leg keeps
     * its true side and every landmark lies at the mirror image of where the AP film has it.
     */
    @Test
    void aMirroredFilmKeepsEachLegsSideAndTheMirrorIsExact() throws Exception {
        List<OaiLegsDataset.Crop> crops = OaiCrops.test();
        GreyImage ap = OaiCrops.bilateral(OaiCrops.grey(crops.get(0)), OaiCrops.grey(crops.get(1)));
        GreyImage pa = LongLegDetector.flipped(ap);
        LongLegDetection onAp = detector.detect(ap, LegLayout.bilateral());
        LongLegDetection onPa = detector.detect(pa, LegLayout.bilateral().withMirrored(true));
        for (Side side : Side.values()) {
            LegSuggestion a = onAp.leg(side).orElseThrow();
            LegSuggestion p = onPa.leg(side).orElseThrow();
            assertEquals(a.points().keySet(), p.points().keySet());
            a.points().forEach((k, q) -> {
                assertEquals(ap.width() - 1 - q.x(), p.points().get(k).x(), 1e-9, side + " " + k);
                assertEquals(q.y(), p.points().get(k).y(), 1e-9, side + " " + k);
            });
            assertEquals(a.head().orElseThrow().radius(), p.head().orElseThrow().radius(), 1e-9);
        }
        double rKnee = onPa.leg(Side.R).orElseThrow().points().get(LegPoint.KNEE_CENTER).x();
        assertTrue(rKnee > ap.width() / 2.0, "on the mirrored film the right leg is on the image's right");
    }

    @Test
    void aFullResolutionFilmGivesTheValuesOfItsDownsampledCrop() throws Exception {
        List<OaiLegsDataset.Crop> crops = OaiCrops.test();
        for (OaiLegsDataset.Crop c : crops.subList(0, 4)) {
            GreyImage crop = OaiCrops.grey(c);
            LegSuggestion small = detector.detect(crop, LegLayout.oneLeg(Side.R)).leg(Side.R).orElseThrow();
            GreyImage big = OaiCrops.enlarged(crop, 8); // 1024 x 8192: the size of a stitched film at 0.15 mm
            LegSuggestion full = detector.detect(big, LegLayout.oneLeg(Side.R)).leg(Side.R).orElseThrow();
            assertEquals(small.low(), full.low(), c.name());
            assertEquals(hka(small), hka(full), 1e-6, c.name());
            Point2 hs = small.points().get(LegPoint.FEMORAL_HEAD_CENTER);
            Point2 hf = full.points().get(LegPoint.FEMORAL_HEAD_CENTER);
            assertEquals((hs.x() + 0.5) * 8 - 0.5, hf.x(), 1e-6);
            assertEquals((hs.y() + 0.5) * 8 - 0.5, hf.y(), 1e-6);
        }
    }

    @Test
    void theTestCropsAreMeasuredCloseToTheirDrawnOutlines() throws Exception {
        LongLegEvaluator evaluator = new LongLegEvaluator(detector);
        List<LongLegEvaluator.CropScore> scores = new java.util.ArrayList<>();
        for (OaiLegsDataset.Crop c : OaiCrops.test()) {
            scores.add(evaluator.score(c, java.util.Optional.empty()));
        }
        Map<String, Object> s = LongLegEvaluator.summary(scores);
        double[] hka = (double[]) ((Map<?, ?>) s.get("mae")).get("R.HKA");
        System.out.println("long-leg test crops: " + s.get("crops") + " crops, HKA MAE " + hka[0] + " deg over " + hka[1]
                + ", within 1 deg " + s.get("hkaWithin1deg") + ", flagged " + s.get("lowConfidence")
                + ", Dice " + s.get("diceFemur") + " / " + s.get("diceTibia"));
        assertTrue(hka[1] >= LongLegBounds.MIN_MEASURED, "HKA measured on " + hka[1] + " crops");
        assertTrue(hka[0] <= LongLegBounds.HKA_MAE_DEG, "HKA MAE " + hka[0]);
        assertTrue((Double) s.get("hkaWithin1deg") >= LongLegBounds.HKA_WITHIN_1DEG, "within 1 deg " + s.get("hkaWithin1deg"));
        assertTrue((Double) s.get("diceFemur") >= 0.93 && (Double) s.get("diceTibia") >= 0.93, s.toString());
    }

    @Test
    void aSpineFilmAndNoiseAreNotMeasured() throws Exception {
        Path spine = Path.of(System.getProperty("orthomeasure.shared", "../shared"), "data", "aasce-spine-train", "images");
        assumeTrue(Files.isDirectory(spine), "needs ../shared/data/aasce-spine-train beside the checkout");
        Path film;
        try (var s = Files.list(spine)) {
            film = s.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
        LongLegDetection d = detector.detect(GreyImage.fromBufferedImage(ImageIO.read(film.toFile())), LegLayout.bilateral());
        assertTrue(d.leg(Side.R).orElseThrow().low() && d.leg(Side.L).orElseThrow().low(), d.legs().toString());
        Random r = new Random(1);
        float[] v = new float[600 * 1600];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(256);
        }
        LongLegDetection noise = detector.detect(GreyImage.of(600, 1600, v), LegLayout.bilateral());
        assertTrue(noise.legs().stream().allMatch(LegSuggestion::low), noise.legs().toString());
    }

    @Test
    void aLegCutByTheFilmAndAKneeAloneAreLowConfidenceWithTheReason() throws Exception {
        GreyImage crop = OaiCrops.grey(OaiCrops.test().get(2));
        LegSuggestion whole = detector.detect(crop, LegLayout.oneLeg(Side.R)).leg(Side.R).orElseThrow();
        assertFalse(whole.low(), whole.problems().toString());
        int ankleRow = (int) whole.points().get(LegPoint.ANKLE_CENTER).y();
        int keep = ankleRow - 60;
        float[] v = OaiCrops.values(crop);
        GreyImage cut = GreyImage.of(crop.width(), keep, java.util.Arrays.copyOf(v, crop.width() * keep));
        LegSuggestion noAnkle = detector.detect(cut, LegLayout.oneLeg(Side.R)).leg(Side.R).orElseThrow();
        assertTrue(noAnkle.low());
        assertTrue(noAnkle.lowConfidenceReason().orElseThrow().contains("ankle"), noAnkle.problems().toString());

        int kneeRow = (int) whole.points().get(LegPoint.KNEE_CENTER).y();
        int from = kneeRow - 100;
        float[] knee = java.util.Arrays.copyOfRange(v, crop.width() * from, crop.width() * (kneeRow + 100));
        LegSuggestion kneeOnly = detector.detect(GreyImage.of(crop.width(), 200, knee), LegLayout.oneLeg(Side.R))
                .leg(Side.R).orElseThrow();
        assertTrue(kneeOnly.low(), kneeOnly.problems().toString());
    }

    @Test
    void metalAtTheHipIsSaid() throws Exception {
        GreyImage crop = OaiCrops.grey(OaiCrops.test().get(2));
        LegSuggestion whole = detector.detect(crop, LegLayout.oneLeg(Side.R)).leg(Side.R).orElseThrow();
        Point2 h = whole.points().get(LegPoint.FEMORAL_HEAD_CENTER);
        double r = whole.head().orElseThrow().radius();
        float[] v = OaiCrops.values(crop);
        for (int y = 0; y < crop.height(); y++) {
            for (int x = 0; x < crop.width(); x++) {
                double dx = x - h.x();
                double dy = y - h.y();
                boolean ball = dx * dx + dy * dy <= r * r;
                boolean stem = y > h.y() && y < h.y() + 8 * r && Math.abs(x - (h.x() - 0.8 * r) + (y - h.y()) * 0.05) < 0.35 * r;
                if (ball || stem) {
                    v[y * crop.width() + x] = 255f;
                }
            }
        }
        LegSuggestion implant = detector.detect(GreyImage.of(crop.width(), crop.height(), v), LegLayout.oneLeg(Side.R))
                .leg(Side.R).orElseThrow();
        assertTrue(implant.low());
        assertTrue(implant.lowConfidenceReason().orElseThrow().contains("metal"), implant.problems().toString());
    }

    /**
     * Bright exports: six real crops with their grey stretched 1.3 to 1.9 times (the densest bone, the head over
     * the acetabulum, saturates first). Saturated bone is not a replacement: no leg is called metal.
     */
    @Test
    void brightExportsWhoseBoneSaturatesAreNotCalledMetal() throws Exception {
        List<String> metal = new java.util.ArrayList<>();
        for (int idx : new int[] {0, 2, 3, 5, 9, 12}) {
            GreyImage crop = OaiCrops.grey(OaiCrops.test().get(idx));
            for (float f : new float[] {1.3f, 1.5f, 1.7f, 1.9f}) {
                float[] v = OaiCrops.values(crop);
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.min(255f, v[i] * f);
                }
                LegSuggestion leg = detector.detect(GreyImage.of(crop.width(), crop.height(), v), LegLayout.oneLeg(Side.R))
                        .leg(Side.R).orElseThrow();
                if (leg.problems().stream().anyMatch(p -> p.contains("metal"))) {
                    metal.add(idx + " x" + f + ": " + leg.problems());
                }
            }
        }
        assertTrue(metal.isEmpty(), metal.toString());
    }
}
