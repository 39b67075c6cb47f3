package org.orthomeasure.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: landmark files whose numbers no film has (spacing 1e-300 or 1000 mm, points 1e-6 px apart,
 * coordinates of 1e29 or 1e308, a point 1e6 px off the film) are refused with one line; none reaches the
 * engine as an internal error or a length no human has. The same film with sane numbers measures.
 */
class ImplausibleLandmarksTest extends CommandLineHarness {

    /** One right leg, 1000 px tall: worked values in MeasureCommandTest (HKA -2.864, MAD 10 px). */
    private static final String LEG = "\"R.femoralHeadCenter\": [100, 100], \"R.kneeCenter\": [90, 500],"
            + " \"R.ankleCenter\": [100, 900], \"R.femoralCondyleMedial\": [120, 495],"
            + " \"R.femoralCondyleLateral\": [60, 495], \"R.tibialPlateauMedial\": [120, 505],"
            + " \"R.tibialPlateauLateral\": [60, 505]";

    @TempDir
    Path dir;

    private Path file(String extraTop, String legOverride) throws Exception {
        String leg = legOverride == null ? LEG : legOverride;
        return Files.writeString(dir.resolve("l" + System.nanoTime() + ".json"), "{\"format\": \"orthomeasure-landmarks/1\","
                + extraTop + " \"landmarks\": {" + leg + "}}");
    }

    private String refused(Path p) {
        resetStreams();
        int code = run("measure", "--landmarks", p.toString(), "--json", "-");
        assertEquals(1, code, "exit code; stderr: " + err() + " stdout: " + out());
        String e = err().strip();
        assertEquals(1, e.split("\n").length, e);
        assertFalse(e.contains("internal error"), e);
        assertTrue(out().isEmpty(), "printed measurements: " + out());
        return e;
    }

    @Test
    void theSaneFileMeasuresInMm() throws Exception {
        assertEquals(0, run("measure", "--landmarks", file("\"pixelSpacingMm\": [0.2, 0.2],", null).toString(),
                "--json", "-"), err());
        JsonNode m = new ObjectMapper().readTree(out()).get("measurements");
        assertEquals(-2.864, m.get("R.HKA").get("value").asDouble(), 0);
        assertEquals(2.0, m.get("R.MAD").get("value").asDouble(), 1e-9); // 10 px at 0.2 mm
        assertEquals("mm", m.get("R.MAD").get("unit").asText());
    }

    @Test
    void implausibleSpacingsAreRefused() throws Exception {
        for (String s : new String[] {"1e-300", "1000", "1e308", "0.019", "2.01"}) {
            String e = refused(file("\"pixelSpacingMm\": [" + s + ", 0.2],", null));
            assertTrue(e.contains("pixelSpacingMm[0]: ") && e.contains(" mm per pixel is outside the 0.02-2 mm per pixel"
                    + " a projection radiograph has"), e);
        }
        String e = refused(file("\"calibration\": {\"source\": \"user-line\", \"rowMm\": 100, \"columnMm\": 100,"
                + " \"detail\": \"x\"},", null));
        assertTrue(e.contains("calibration.rowMm: 100.0 mm per pixel is outside"), e);
    }

    @Test
    void nearlyCoincidentPointsAreRefused() throws Exception {
        String leg = LEG.replace("\"R.kneeCenter\": [90, 500]", "\"R.kneeCenter\": [100.000001, 100]");
        String e = refused(file("", leg));
        assertTrue(e.contains("R.femoralHeadCenter and R.kneeCenter are ") && e.contains(
                " px apart at [100.000001, 100]; two different landmarks cannot be within 1 px"), e);
    }

    @Test
    void absurdCoordinatesAreRefused() throws Exception {
        for (String v : new String[] {"1.2e29", "1e308", "-60000"}) {
            String e = refused(file("", LEG.replace("[100, 900]", "[" + v + ", 900]")));
            assertTrue(e.contains("landmarks.R.ankleCenter: coordinates beyond 50000 px cannot be on a film"), e);
        }
    }

    @Test
    void aPointFarOutsideTheFilmIsRefused() throws Exception {
        String e = refused(file("\"imageSize\": [200, 1000],", LEG.replace("[100, 900]", "[100, 45000]")));
        assertTrue(e.contains("the point [100, 45000] lies far outside the 200x1000 film (more than 100 px beyond its"
                + " edge)"), e);
        // just off the edge (a cropped femoral head) is still a film someone read
        assertEquals(0, run("measure", "--landmarks", file("\"imageSize\": [200, 1000],",
                LEG.replace("[100, 100]", "[100, -40]")).toString(), "--json", "-"), err());
    }

    @Test
    void aCalibratedSpanNoFilmHasIsRefused() throws Exception {
        String e = refused(file("\"pixelSpacingMm\": [2, 2],", LEG.replace("[100, 900]", "[100, 40000]")));
        assertTrue(e.contains("the landmarks span 79800 mm at 2 x 2 mm per pixel, more than any radiograph shows"
                + " (2500 mm)"), e);
    }
}
