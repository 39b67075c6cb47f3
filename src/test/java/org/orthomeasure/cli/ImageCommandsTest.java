package org.orthomeasure.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code info}, {@code render} and {@code measure --image} through {@link CommandLine#run}. */
class ImageCommandsTest extends CommandLineHarness {

    private static final Path LONG_LEG = Path.of("sample-dicom", "longleg-phantom.dcm");
    private static final Path SPINE = Path.of("sample-dicom", "spine-phantom.dcm");

    @TempDir
    Path dir;

    private JsonNode infoJson(Path file) throws Exception {
        assertEquals(0, run("info", file.toString()), err());
        return new ObjectMapper().readTree(out());
    }

    @Test
    void infoPrintsTheIssueKeys() throws Exception {
        JsonNode j = infoJson(LONG_LEG);
        for (String key : List.of("rows", "columns", "bitsStored", "photometricInterpretation", "transferSyntaxUid",
                "modality", "frames", "windows", "calibration", "header")) {
            assertTrue(j.has(key), "missing key " + key);
        }
        assertEquals(4400, j.get("rows").asInt());
        assertEquals(1500, j.get("columns").asInt());
        assertEquals(12, j.get("bitsStored").asInt());
        assertEquals("MONOCHROME2", j.get("photometricInterpretation").asText());
        assertEquals("1.2.840.10008.1.2.4.70", j.get("transferSyntaxUid").asText());
        assertEquals("DX", j.get("modality").asText());
        assertEquals(1, j.get("frames").asInt());
        assertEquals("File 1: BONE", j.get("windows").get(0).get("name").asText());
        assertEquals(1900, j.get("windows").get(0).get("center").asDouble(), 0);
        JsonNode cal = j.get("calibration");
        assertEquals(0.3 / 1.1, cal.get("rowMm").asDouble(), 1e-12);
        assertEquals(0.3 / 1.1, cal.get("columnMm").asDouble(), 1e-12);
        assertEquals("magnification corrected", cal.get("source").asText());
        assertTrue(cal.has("warning"));
        assertEquals("Phantom, Long Leg", j.get("header").get("patientName").asText());
        assertEquals("2026-01-01", j.get("header").get("studyDate").asText());
    }

    @Test
    void infoGivesNullCalibrationWithoutSpacing() throws Exception {
        Path rg3 = org.orthomeasure.SharedData.require("dicom", "wg04", "RG3_JPLL.dcm");
        JsonNode j = infoJson(rg3);
        assertTrue(j.get("calibration").isNull());
        assertTrue(j.get("invertedByDefault").asBoolean());
        assertEquals("MONOCHROME1", j.get("photometricInterpretation").asText());
    }

    @Test
    void renderWritesTheScaledDisplayedImage() throws Exception {
        Path png = dir.resolve("out.png");
        assertEquals(0, run("render", SPINE.toString(), png.toString(), "--max-size", "700"), err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(700, img.getHeight());
        assertEquals(250, img.getWidth());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        // a narrow window around soft tissue saturates bone: more white pixels than the default window
        Path narrow = dir.resolve("narrow.png");
        assertEquals(0, run("render", SPINE.toString(), narrow.toString(), "--max-size", "700", "--window", "1500", "100"), err());
        assertTrue(white(ImageIO.read(narrow.toFile())) > white(img));
    }

    @Test
    void renderUsageErrors() {
        assertEquals(CommandLine.EXIT_USAGE, run("render", SPINE.toString()));
        assertEquals(CommandLine.EXIT_USAGE, run("render", SPINE.toString(), "x.png", "--window", "1", "0"));
        assertEquals(CommandLine.EXIT_USAGE, run("render", SPINE.toString(), "x.png", "--max-size", "ten"));
        assertFalse(err().contains("Exception"));
    }

    @Test
    void badInputIsOneLineAndExitOne() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.dcm"));
        assertEquals(CommandLine.EXIT_INPUT, run("info", empty.toString()));
        assertEquals("orthomeasure info: empty.dcm: is empty (0 bytes)\n", err());
        resetStreams();
        assertEquals(CommandLine.EXIT_INPUT, run("render", dir.toString(), dir.resolve("o.png").toString()));
        assertEquals(1, err().lines().count());
        assertTrue(err().contains("is a directory"));
    }

    @Test
    void measureTakesCalibrationAndHeightFromTheImage() throws Exception {
        Path json = dir.resolve("m.json");
        // the landmark file alone carries only pixelSpacingMm (source unknown); the image says magnification corrected
        assertEquals(0, run("measure", "--landmarks", "sample-dicom/longleg-phantom.landmarks.json",
                "--image", LONG_LEG.toString(), "--json", json.toString()), err());
        JsonNode m = new ObjectMapper().readTree(json.toFile());
        assertTrue(m.toString().contains("magnification corrected"), m.toString());
        assertEquals(-6.015, m.get("measurements").get("L.HKA").get("value").asDouble(), 0.001);
        assertEquals("mm", m.get("measurements").get("L.MAD").get("unit").asText());
    }

    @Test
    void measureRefusesAnImageOfAnotherSize() {
        assertEquals(CommandLine.EXIT_INPUT, run("measure", "--landmarks", "sample-dicom/spine-phantom.landmarks.json",
                "--image", LONG_LEG.toString()));
        assertEquals("orthomeasure measure: the landmarks were placed on a 1000x2800 image but "
                + LONG_LEG + " is 1500x4400\n", err());
    }

    private static long white(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFF) == 255) {
                    n++;
                }
            }
        }
        return n;
    }
}
