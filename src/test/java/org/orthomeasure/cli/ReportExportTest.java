package org.orthomeasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code measure ... --pdf/--png} through {@link CommandLine#run}, values read back from the files. */
class ReportExportTest extends CommandLineHarness {

    @TempDir
    Path dir;

    /** Worked number 1 (right leg) at 0.15 mm per pixel. */
    private Path kneeFile() throws Exception {
        Path f = dir.resolve("knee.json");
        Files.writeString(f, """
                {"format": "orthomeasure-landmarks/1",
                 "pixelSpacingMm": [0.15, 0.15],
                 "landmarks": {"R.femoralHeadCenter": [100, 100], "R.kneeCenter": [90, 500], "R.ankleCenter": [100, 900],
                   "R.femoralCondyleMedial": [120, 495], "R.femoralCondyleLateral": [60, 495],
                   "R.tibialPlateauMedial": [120, 505], "R.tibialPlateauLateral": [60, 505]}}
                """);
        return f;
    }

    @Test
    void pdfAndPngWithoutImage() throws Exception {
        Path pdf = dir.resolve("out.pdf");
        Path png = dir.resolve("out.png");
        assertEquals(0, run("measure", "--landmarks", kneeFile().toString(), "--pdf", pdf.toString(), "--png",
                png.toString(), "--user", "Dr. Ω Test"), err());
        assertTrue(err().contains("wrote " + pdf), err());
        String t;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            t = new PDFTextStripper().getText(d);
        }
        assertTrue(t.contains("HKA 2.9° varus within ±3°"), t);
        assertTrue(t.contains("mLDFA 91.4°\nabove normal\n85–90°"), t);
        assertTrue(t.contains("MPTA 88.6° 85–90°"), t);
        // MAD 10 px at 0.15 mm/px = 1.5 mm.
        assertTrue(t.contains("MAD 1.5 mm medial 1–15 mm"), t);
        assertTrue(t.contains("Lengths in mm, pixel spacing, source unknown"), t);
        assertTrue(t.contains("reviewed by Dr. Ω Test"), t);
        assertTrue(t.contains("landmarks: knee.json · image: none"), t);
        assertTrue(t.contains("No image was given"), t);
        BufferedImage img = ImageIO.read(png.toFile());
        // Annotations on black, with a margin of 8 % of their 800 px height = 64 px. Widest item: the HKA arc's
        // circle, radius 1.8 * 0.08 * 400 = 57.6 px around K (90, 500): x 32.4..147.6; height: H..A, 100..900.
        assertEquals((int) Math.ceil(147.6 + 64) - (int) Math.floor(32.4 - 64), img.getWidth());
        assertEquals(800 + 2 * 64, img.getHeight());
    }

    @Test
    void reportOptionsAreCheckedWithOneLineMessages() throws Exception {
        String knee = kneeFile().toString();
        assertEquals(CommandLine.EXIT_USAGE, run("measure", "--landmarks", knee, "--no-patient-details"));
        assertTrue(err().contains("add --pdf OUT.pdf"), err());
        assertEquals(CommandLine.EXIT_USAGE, run("measure", "--landmarks", knee, "--pdf"));
        assertEquals(CommandLine.EXIT_INPUT, run("measure", "--landmarks", knee, "--pdf",
                dir.resolve("missing/out.pdf").toString()));
        assertTrue(err().contains("cannot write"), err());
        assertEquals(1, err().lines().filter(l -> l.contains("cannot write")).count());
        assertFalse(err().contains("Exception"), err());
        assertFalse(Files.exists(dir.resolve("missing")));
    }
}
