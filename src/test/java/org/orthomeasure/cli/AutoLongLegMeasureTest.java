package org.orthomeasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileReader;

/** {@code measure --auto longleg} through {@link CommandLine#run} on films assembled from real OAI crops. */
class AutoLongLegMeasureTest extends CommandLineHarness {

    @TempDir
    Path tmp;

    private static final Path CROPS = Path.of(System.getProperty("orthomeasure.shared", "../shared"),
            "data", "oai-legs-seg", "test", "images");

    private List<Path> crops() throws Exception {
        assumeTrue(Files.isDirectory(CROPS), "needs ../shared/data/oai-legs-seg (real OAI crops) beside the checkout");
        try (var s = Files.list(CROPS)) {
            return s.sorted().limit(2).toList();
        }
    }

    /** Two crops side by side as a bilateral AP film: the first the right leg, the second mirrored the left. */
    private Path bilateralFilm() throws Exception {
        List<Path> c = crops();
        BufferedImage a = ImageIO.read(c.get(0).toFile());
        BufferedImage b = ImageIO.read(c.get(1).toFile());
        BufferedImage film = new BufferedImage(256, 1024, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 128; x++) {
                film.getRaster().setSample(x, y, 0, a.getRaster().getSample(x, y, 0));
                film.getRaster().setSample(255 - x, y, 0, b.getRaster().getSample(x, y, 0));
            }
        }
        Path out = tmp.resolve("bilateral.png");
        ImageIO.write(film, "png", out.toFile());
        return out;
    }

    /** The bilateral film of two crops as a 12-bit DICOM, mirrored left to right when {@code pa}, with its orientation. */
    private Path dicomFilm(String name, boolean pa, String orientation, String laterality) throws Exception {
        List<Path> c = crops();
        BufferedImage a = ImageIO.read(c.get(0).toFile());
        BufferedImage b = ImageIO.read(c.get(1).toFile());
        short[] px = new short[256 * 1024];
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 128; x++) {
                int right = a.getRaster().getSample(x, y, 0) * 16;
                int left = b.getRaster().getSample(x, y, 0) * 16;
                px[y * 256 + (pa ? 255 - x : x)] = (short) right;
                px[y * 256 + (pa ? x : 255 - x)] = (short) left;
            }
        }
        var d = org.orthomeasure.io.dicom.TestDicom.grey(256, 1024, px, 12, "MONOCHROME2")
                .set("PatientOrientation", orientation);
        if (laterality != null) {
            d.set("ImageLaterality", laterality);
        }
        return d.write(tmp.resolve(name));
    }

    @Test
    void aMirroredFilmByItsPatientOrientationGivesTheValuesOfTheApFilmWithTheSidesKept() throws Exception {
        Path ap = dicomFilm("ap.dcm", false, "L\\F", null);
        Path pa = dicomFilm("pa.dcm", true, "R\\F", null);
        assertEquals(0, run("measure", "--auto", "longleg", ap.toString(), pa.toString(), "--json", "-"), err());
        String[] lines = out().strip().split("\n");
        JsonNode onAp = new ObjectMapper().readTree(lines[0]);
        JsonNode onPa = new ObjectMapper().readTree(lines[1]);
        for (String side : List.of("R", "L")) {
            double x = onPa.get("legs").get(side).get("landmarks").get(side + ".kneeCenter").get("x").asDouble();
            assertTrue(side.equals("R") ? x > 128 : x < 128, side + " knee at x " + x + ": on a PA film R is on the image's right");
            for (String m : List.of(".HKA", ".MAD", ".JLCA", ".mLDFA", ".MPTA", ".femurLength")) {
                assertEquals(onAp.get("measurements").get(side + m).get("value").asDouble(),
                        onPa.get("measurements").get(side + m).get("value").asDouble(), 1e-6, side + m);
            }
        }
    }

    @Test
    void aOneLegFilmTakesItsSideFromItsImageLaterality() throws Exception {
        BufferedImage a = ImageIO.read(crops().get(0).toFile());
        short[] px = new short[128 * 1024];
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 128; x++) {
                px[y * 128 + x] = (short) (a.getRaster().getSample(x, y, 0) * 16);
            }
        }
        Path film = org.orthomeasure.io.dicom.TestDicom.grey(128, 1024, px, 12, "MONOCHROME2")
                .set("ImageLaterality", "R").write(tmp.resolve("right.dcm"));
        assertEquals(0, run("measure", "--auto", "longleg", film.toString(), "--json", "-"), err());
        JsonNode j = new ObjectMapper().readTree(out());
        assertTrue(j.get("legs").has("R") && !j.get("legs").has("L"), j.get("legs").toString());
        resetStreams();
        Path unsaid = org.orthomeasure.io.dicom.TestDicom.grey(128, 1024, px, 12, "MONOCHROME2").write(tmp.resolve("leg.dcm"));
        assertEquals(1, run("measure", "--auto", "longleg", unsaid.toString()), "an input error");
        assertTrue(err().contains("say which with --side R or --side L"), err());
    }

    /** A hip film and a distal-tibia film alone (real CRs of ../shared/dicom/wg04): no leg measured, and why. */
    @Test
    void aHipFilmAndAnAnkleFilmAloneAreNotMeasured() throws Exception {
        Path wg04 = Path.of(System.getProperty("orthomeasure.shared", "../shared"), "dicom", "wg04");
        assumeTrue(Files.isDirectory(wg04), "needs ../shared/dicom/wg04");
        Path hip = wg04.resolve("RG2_JPLL.dcm");
        Path tibia = wg04.resolve("RG3_JPLL.dcm");
        assertEquals(0, run("measure", "--auto", "longleg", hip.toString(), tibia.toString(), "--json", "-"), err());
        String[] lines = out().strip().split("\n");
        assertEquals(2, lines.length);
        for (String line : lines) {
            JsonNode j = new ObjectMapper().readTree(line);
            assertEquals(0, j.get("measurements").size(), "no value from " + j.get("input"));
            for (String side : List.of("R", "L")) {
                JsonNode leg = j.get("legs").get(side);
                assertTrue(leg.get("lowConfidence").asBoolean(), leg.toString());
                assertTrue(leg.toString().contains("no tibia found"), leg.toString());
            }
        }
    }

    @Test
    void bilateralFilmGivesBothLegsUnderTheMeasureIds() throws Exception {
        Path film = bilateralFilm();
        Path landmarks = tmp.resolve("out.landmarks.json");
        assertEquals(0, run("measure", "--auto", "longleg", film.toString(), "--json", "-", "--landmarks-out",
                landmarks.toString()), err());
        JsonNode j = new ObjectMapper().readTree(out());
        assertEquals(film.toString(), j.get("input").asText());
        for (String side : List.of("R", "L")) {
            JsonNode leg = j.get("legs").get(side);
            assertFalse(leg.get("lowConfidence").asBoolean(), leg.toString());
            assertTrue(leg.get("landmarks").has(side + ".kneeCenter"));
            assertTrue(leg.get("landmarks").get(side + ".ankleCenter").get("confidence").asDouble() > 0.5);
            double hka = j.get("measurements").get(side + ".HKA").get("value").asDouble();
            assertTrue(Math.abs(hka) < 15, side + ".HKA " + hka);
            assertEquals("px", j.get("measurements").get(side + ".femurLength").get("unit").asText(),
                    "a PNG has no calibration: lengths in px");
        }
        assertTrue(j.get("model").asText().contains("bone-segmentation.onnx"));
        assertTrue(j.get("measurements").has("LLD"));
        LandmarkDocument doc = new LandmarkFileReader().read(landmarks);
        assertTrue(doc.suggested().contains("R.kneeCenter") && doc.suggested().contains("L.femoralHeadRim"), doc.suggested().toString());
        // the written landmarks measure to the same HKA through measure --landmarks
        resetStreams();
        assertEquals(0, run("measure", "--landmarks", landmarks.toString(), "--json", "-"), err());
        JsonNode again = new ObjectMapper().readTree(out());
        assertEquals(j.get("measurements").get("R.HKA").get("value").asDouble(),
                again.get("measurements").get("R.HKA").get("value").asDouble(), 0.002);
    }

    @Test
    void oneLegCropWithSideAndSeveralFilmsAsJsonLines() throws Exception {
        List<Path> c = crops();
        assertEquals(0, run("measure", "--auto", "longleg", c.get(0).toString(), c.get(1).toString(), "--side", "R",
                "--json", "-"), err());
        String[] lines = out().strip().split("\n");
        assertEquals(2, lines.length);
        for (int i = 0; i < 2; i++) {
            JsonNode j = new ObjectMapper().readTree(lines[i]);
            assertEquals(c.get(i).toString(), j.get("input").asText());
            assertTrue(j.get("measurements").has("R.HKA"), lines[i]);
            assertFalse(j.get("legs").has("L"));
        }
    }

    @Test
    void aOneLegShapeWithoutSideAndBadOptionsAreRefusedInOneLine() throws Exception {
        List<Path> c = crops();
        assertEquals(CommandLine.EXIT_INPUT, run("measure", "--auto", "longleg", c.get(0).toString()));
        assertTrue(err().contains("--side R or --side L"), err());
        resetStreams();
        assertEquals(CommandLine.EXIT_USAGE, run("measure", "--auto", "longleg", c.get(0).toString(), "--side", "X"));
        assertTrue(err().contains("--side takes R or L"), err());
        assertEquals(1, err().strip().split("\n").length);
    }
}
