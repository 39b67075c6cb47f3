package org.orthomeasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} through {@link CommandLine#run}: table, JSON and PDF with real values. */
class CompareCommandTest extends CommandLineHarness {

    @TempDir
    Path dir;

    /** Worked number 1 (right leg) at 0.15 mm/px, with the hip centre at {@code hx}. */
    private Path reading(String name, int hx) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, """
                {"format": "orthomeasure-landmarks/1",
                 "pixelSpacingMm": [0.15, 0.15],
                 "landmarks": {"R.femoralHeadCenter": [%d, 100], "R.kneeCenter": [90, 500], "R.ankleCenter": [100, 900],
                   "R.femoralCondyleMedial": [120, 495], "R.femoralCondyleLateral": [60, 495],
                   "R.tibialPlateauMedial": [120, 505], "R.tibialPlateauLateral": [60, 505]}}
                """.formatted(hx));
        return f;
    }

    @Test
    void tableShowsBothValuesTheDifferenceAndTheVerdict() throws Exception {
        // B: hip centre 20 px medial -> H, K, A collinear: HKA 0, mLDFA 88.568.
        assertEquals(0, run("compare", reading("a.json", 100).toString(), reading("b.json", 80).toString()), err());
        String t = out();
        assertTrue(t.contains("calibration: mm, pixel spacing, source unknown; differences are A − B"), t);
        assertTrue(t.matches("(?s).*Right HKA \\(mechanical\\)\\s+−2\\.9°\\s+0\\.0°\\s+−2\\.9°\\s+1\\.5°\\s+exceeds limit.*"), t);
        assertTrue(t.matches("(?s).*Right mLDFA\\s+91\\.4°\\s+88\\.6°\\s+2\\.9°\\s+1\\.5°\\s+exceeds limit.*"), t);
        assertTrue(t.matches("(?s).*Right MPTA\\s+88\\.6°\\s+88\\.6°\\s+0\\.0°\\s+1\\.5°\\s+within limit.*"), t);
        assertTrue(t.matches("(?s).*Right CPAK type\\s+IV\\s+V\\s+different.*"), t);
        // 20 px at 0.15 mm/px.
        assertTrue(t.matches("(?s).*R\\.femoralHeadCenter\\s+3\\.0\n.*"), t);
        assertTrue(t.contains("2 of 7 measurements with an inter-observer limit differ by more than it: R.HKA, R.mLDFA"), t);
    }

    @Test
    void jsonHasFullValues() throws Exception {
        Path json = dir.resolve("cmp.json");
        assertEquals(0, run("compare", reading("a.json", 100).toString(), reading("b.json", 80).toString(),
                "--json", json.toString()), err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("orthomeasure-comparison/1", root.get("format").asText());
        JsonNode hka = null;
        for (JsonNode m : root.get("measurements")) {
            if (m.get("id").asText().equals("R.HKA")) {
                hka = m;
            }
        }
        assertEquals(-2.864, hka.get("a").asDouble(), 1e-9);
        assertEquals(0.0, hka.get("b").asDouble(), 1e-9);
        assertEquals(-2.864, hka.get("difference").asDouble(), 1e-9);
        assertEquals(1.5, hka.get("limit").asDouble(), 1e-9);
        assertEquals("exceeds-limit", hka.get("verdict").asText());
        JsonNode head = root.get("landmarks").get(0);
        assertEquals("R.femoralHeadCenter", head.get("id").asText());
        assertEquals(3.0, head.get("distance").asDouble(), 1e-9);
        assertEquals("mm", head.get("unit").asText());
        assertEquals(2, root.get("exceeding").size());
    }

    @Test
    void pdfIsOnePageWithBothReadings() throws Exception {
        Path pdf = dir.resolve("cmp.pdf");
        assertEquals(0, run("compare", reading("a.json", 100).toString(), reading("b.json", 80).toString(),
                "--pdf", pdf.toString()), err());
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, d.getNumberOfPages());
            String t = new PDFTextStripper().getText(d);
            assertTrue(t.contains("A: a.json"), t);
            assertTrue(t.contains("B: b.json"), t);
            assertTrue(t.contains("R HKA (mechanical) −2.9° 0.0° −2.9° ±1.5° exceeds limit"), t);
            assertTrue(t.contains("R MPTA 88.6° 88.6° 0.0° ±1.5° within limit"), t);
            assertTrue(t.contains("2 of 7 measurements with a limit differ by more than it: Right HKA (mechanical), "
                    + "Right mLDFA."), t);
            assertTrue(t.contains("R.femoralHeadCenter 3.0"), t);
            assertTrue(t.contains("No image: annotations on black."), t);
        }
    }

    @Test
    void anUncalibratedImageKeepsTheFilesCalibration() throws Exception {
        Path png = dir.resolve("film.png");
        ImageIO.write(new BufferedImage(300, 1000, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        Path pdf = dir.resolve("cmp.pdf");
        assertEquals(0, run("compare", reading("a.json", 100).toString(), reading("b.json", 80).toString(),
                "--image", png.toString(), "--pdf", pdf.toString()), err());
        assertTrue(out().contains("calibration: mm, pixel spacing, source unknown"), out());
        assertTrue(out().matches("(?s).*R\\.femoralHeadCenter\\s+3\\.0\n.*"), out());
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            String t = new PDFTextStripper().getText(d);
            assertTrue(t.contains("image: shown"), t);
            assertTrue(d.getPage(0).getResources().getXObjectNames().iterator().hasNext(), "the film is drawn");
        }
    }

    @Test
    void landmarksOfAnotherFilmAreRefused() throws Exception {
        Path png = dir.resolve("film.png");
        ImageIO.write(new BufferedImage(300, 1000, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        Path b = dir.resolve("b.json");
        Files.writeString(b, Files.readString(reading("b0.json", 80)).replace("\"pixelSpacingMm\"",
                "\"imageSize\": [2000, 3000], \"pixelSpacingMm\""));
        assertEquals(CommandLine.EXIT_INPUT, run("compare", reading("a.json", 100).toString(), b.toString(),
                "--image", png.toString()), err());
        assertTrue(err().contains("300x1000"), err());
    }

    @Test
    void badInputIsOneLine() throws Exception {
        assertEquals(CommandLine.EXIT_USAGE, run("compare", reading("a.json", 100).toString()));
        assertTrue(err().contains("two landmark files are needed"), err());
        assertEquals(CommandLine.EXIT_INPUT, run("compare", reading("a.json", 100).toString(),
                dir.resolve("nope.json").toString()));
        assertEquals(CommandLine.EXIT_INPUT, run("compare", reading("a.json", 100).toString(),
                reading("b.json", 80).toString(), "--image", dir.resolve("nope.dcm").toString()));
        assertEquals(3, err().lines().count(), err());
        assertFalse(err().contains("Exception"), err());
    }
}
