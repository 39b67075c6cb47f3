package org.orthomeasure.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileReader;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutoSpineMeasureTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path fixture(String name) throws Exception {
        Path p = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/org/orthomeasure/detect/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void noiseIsLowConfidenceAndGetsNoAngles() throws Exception {
        Path noise = fixture("fixture-noise.png");
        Run r = run("measure", "--auto", "spine", noise.toString(), "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(noise.toString(), j.get("input").asText());
        assertTrue(j.get("lowConfidence").asBoolean());
        assertTrue(j.get("confidence").asDouble() < 0.5);
        assertTrue(j.get("measurements").isEmpty(), "no angle may be reported at low confidence");
        assertTrue(j.get("missing").get("cobb.major").get("note").asText().startsWith("low confidence"));
        assertEquals(17, j.get("vertebrae").size());
        assertEquals("L5", j.get("vertebrae").get(16).get("level").asText());
    }

    @Test
    void severalImagesGiveJsonLinesAndOneLandmarkFileEach() throws Exception {
        Path a = fixture("fixture-noise.png");
        Path b = fixture("fixture-gradient.png");
        Path out = tmp.resolve("out.jsonl");
        Path lm = tmp.resolve("lm");
        Run r = run("measure", "--auto", "spine", a.toString(), b.toString(), "--json", out.toString(),
                "--landmarks-out", lm.toString());
        assertEquals(0, r.code(), r.err());
        var lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        assertEquals(b.toString(), new ObjectMapper().readTree(lines.get(1)).get("input").asText());
        LandmarkDocument doc = new LandmarkFileReader().read(lm.resolve("fixture-gradient.landmarks.json"));
        assertEquals(17, doc.landmarks().vertebrae().size());
        assertEquals(17, doc.suggested().size());
        assertEquals(2, r.out().split("LOW: ", -1).length - 1, "noise and a plain gradient are both flagged: " + r.out());
    }

    @Test
    void aHipRadiographInDicomIsNotTakenForASpine() throws Exception {
        Path hip = org.orthomeasure.SharedData.require("dicom", "wg04", "RG2_JPLL.dcm");
        Run r = run("measure", "--auto", "spine", hip.toString(), "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(2140, j.get("imageSize").get(0).asInt() + j.get("imageSize").get(1).asInt() - 1760);
        assertTrue(j.get("lowConfidence").asBoolean(), r.out());
        assertTrue(j.get("measurements").isEmpty());
    }

    @Test
    void aRealSpineFilmGetsTheThreeCurves() throws Exception {
        Path film = org.orthomeasure.SharedData.require("data", "aasce-spine-train", "images",
                "sunhl-1th-02-Jan-2017-162 A AP.jpg");
        Run r = run("measure", "--auto", "spine", film.toString(), "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.get("lowConfidence").asBoolean(), r.out());
        assertTrue(j.get("model").asText().contains("vertebra-corners.onnx"), r.out());
        assertTrue(j.get("cornersFrom").asText().endsWith(" stage"), r.out());
        for (String id : new String[] {"cobb.major", "cobb.upper", "cobb.lower"}) {
            JsonNode m = j.get("measurements").get(id);
            assertTrue(m.get("value").asDouble() >= 0 && m.get("value").asDouble() <= 90, r.out());
            assertEquals("deg", m.get("unit").asText());
            assertTrue(m.has("from") && m.has("to"));
        }
    }

    @Test
    void aThoracicOnlyFilmWithItsLevelsNamedGetsThoseLevelsAndSaysWhatWasMeasured() throws Exception {
        Path data = org.orthomeasure.SharedData.require("data", "aasce-spine-train");
        org.orthomeasure.detect.AasceDataset.Entry e = org.orthomeasure.detect.AasceDataset.read(data).entries()
                .stream().filter(x -> x.name().equals("sunhl-1th-09-Jan-2017-195 A AP.jpg")).findFirst().orElseThrow();
        java.awt.image.BufferedImage film = javax.imageio.ImageIO.read(e.image().toFile());
        double cut = 0; // half way between the labelled centres of T12 and L1
        for (int c = 0; c < 4; c++) {
            cut += (e.cornerPx(44 + c, film.getWidth(), film.getHeight())[1]
                    + e.cornerPx(48 + c, film.getWidth(), film.getHeight())[1]) / 8;
        }
        Path thoracic = tmp.resolve("thoracic.png");
        javax.imageio.ImageIO.write(film.getSubimage(0, 0, film.getWidth(), (int) cut), "png", thoracic.toFile());
        Run r = run("measure", "--auto", "spine", thoracic.toString(), "--levels", "T1-T12", "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("T1-T12", j.get("levelsShown").asText());
        assertEquals(12, j.get("vertebrae").size());
        assertEquals("T12", j.get("vertebrae").get(11).get("level").asText());
        assertFalse(j.get("lowConfidence").asBoolean(), r.out());
        JsonNode major = j.get("measurements").get("cobb.major");
        assertTrue(major.get("note").asText().contains("measured over T1–T12 only (12 of 17 vertebrae)"), r.out());
        // the suggested T12 lies on the labelled T12: nearer its centre than half a vertebra spacing
        double[] t12 = new double[2];
        double[] t11 = new double[2];
        for (int c = 0; c < 4; c++) {
            double[] p = e.cornerPx(44 + c, film.getWidth(), film.getHeight());
            double[] q = e.cornerPx(40 + c, film.getWidth(), film.getHeight());
            t12[0] += p[0] / 4;
            t12[1] += p[1] / 4;
            t11[1] += q[1] / 4;
        }
        double y = 0;
        for (JsonNode c : j.get("vertebrae").get(11).get("corners")) {
            y += c.get(1).asDouble() / 4;
        }
        assertTrue(Math.abs(y - t12[1]) < (t12[1] - t11[1]) / 2, "T12 at y " + y + ", labelled " + t12[1]);

        Run bad = run("measure", "--auto", "spine", thoracic.toString(), "--levels", "T12-T10");
        assertEquals(CommandLine.EXIT_USAGE, bad.code());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("--levels"), bad.err());
        assertEquals(CommandLine.EXIT_USAGE, run("measure", "--auto", "spine", thoracic.toString(), "--levels",
                "T1-X3").code());
    }

    @Test
    void badInputGivesOneLine() throws Exception {
        Run missing = run("measure", "--auto", "spine", tmp.resolve("nope.png").toString());
        assertEquals(CommandLine.EXIT_INPUT, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("nope.png"));

        Path text = tmp.resolve("text.png");
        Files.writeString(text, "not an image");
        Run notImage = run("measure", "--auto", "spine", text.toString());
        assertEquals(CommandLine.EXIT_INPUT, notImage.code());
        assertFalse(notImage.err().contains("Exception"), notImage.err());

        assertEquals(CommandLine.EXIT_USAGE, run("measure", "--auto", "knee", text.toString()).code());
        assertEquals(CommandLine.EXIT_USAGE, run("measure", "--auto", "spine").code());
    }
}
