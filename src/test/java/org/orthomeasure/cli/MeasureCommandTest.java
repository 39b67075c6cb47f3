package org.orthomeasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.calibration.CalibrationRules;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.io.landmarks.ImageSize;
import org.orthomeasure.io.landmarks.LandmarkDocument;

/** The {@code measure} subcommand through {@link CommandLine#run} with captured streams. */
class MeasureCommandTest extends CommandLineHarness {

    @TempDir
    Path dir;

    /** Worked numbers 1 (right knee geometry), 4 (Cobb lines) and 6 (lengths at 0.15 mm) in one file. */
    private Path workedFile() throws Exception {
        Path f = dir.resolve("L.json");
        Files.writeString(f, """
                {
                  "format": "orthomeasure-landmarks/1",
                  "pixelSpacingMm": [0.15, 0.15],
                  "landmarks": {
                    "R.femoralHeadCenter": [300, 200], "R.ankleCenter": [310, 1800],
                    "L.femoralHeadCenter": [900, 210], "L.ankleCenter": [890, 1790]
                  },
                  "cobbLines": [ [[0,0],[100,26.795]], [[0,500],[100,473.205]] ]
                }
                """);
        return f;
    }

    private Path kneeFile() throws Exception {
        Path f = dir.resolve("knee.json");
        Files.writeString(f, """
                {"format": "orthomeasure-landmarks/1",
                 "landmarks": {"R.femoralHeadCenter": [100, 100], "R.kneeCenter": [90, 500], "R.ankleCenter": [100, 900],
                   "R.femoralCondyleMedial": [120, 495], "R.femoralCondyleLateral": [60, 495],
                   "R.tibialPlateauMedial": [120, 505], "R.tibialPlateauLateral": [60, 505]}}
                """);
        return f;
    }

    @Test
    void jsonToStdoutHasTheIssueShapeAndRealValues() throws Exception {
        assertEquals(0, run("measure", "--landmarks", kneeFile().toString(), "--json", "-"), err());
        JsonNode root = new ObjectMapper().readTree(out());
        JsonNode m = root.get("measurements");
        assertEquals(-2.864, m.get("R.HKA").get("value").asDouble(), 0);
        assertEquals("deg", m.get("R.HKA").get("unit").asText());
        assertEquals(91.432, m.get("R.mLDFA").get("value").asDouble(), 0);
        assertEquals(88.568, m.get("R.MPTA").get("value").asDouble(), 0);
        assertEquals("IV", m.get("R.CPAK").get("value").asText());
        assertEquals("", m.get("R.CPAK").get("unit").asText());
        assertEquals(10.0, m.get("R.MAD").get("value").asDouble(), 0);
        assertEquals("px", m.get("R.MAD").get("unit").asText()); // no calibration: never mm
        assertEquals("px (uncalibrated)", m.get("R.MAD").get("calibration").asText());
        assertTrue(m.get("R.mLDFA").get("outsideNormal").asBoolean());
        assertEquals("none", root.get("calibration").get("source").asText());
        assertEquals("px", root.get("calibration").get("unit").asText());
        JsonNode missing = root.get("missing");
        assertEquals("L.femoralHeadCenter", missing.get("L.HKA").get("landmarks").get(0).asText());
        assertEquals("cobbLines", missing.get("cobb").get("landmarks").get(0).asText());
        assertEquals("", err());
    }

    @Test
    void theExtendedSetOfWorkedNumber7OnBothLegsWithOptionalPointsLeftOut() throws Exception {
        Path f = dir.resolve("extended.json");
        // Right leg: worked number 7 without the plafond; left leg: its mirror (x -> 1000 - x) without the
        // femoral head top.
        Files.writeString(f, """
                {"format": "orthomeasure-landmarks/1",
                 "landmarks": {"R.femoralHeadCenter": [100, 100], "R.greaterTrochanterTip": [30, 110],
                   "R.femoralHeadTop": [100, 75], "R.kneeCenter": [90, 500], "R.ankleCenter": [100, 900],
                   "R.femoralCondyleMedial": [120, 500], "R.femoralCondyleLateral": [60, 500],
                   "R.tibialPlateauMedial": [120, 510], "R.tibialPlateauLateral": [60, 510],
                   "R.femoralShaftProximal": [70, 200], "R.femoralShaftDistal": [85, 420],
                   "R.tibialShaftProximal": [92, 600], "R.tibialShaftDistal": [98, 820],
                   "L.femoralHeadCenter": [900, 100], "L.greaterTrochanterTip": [970, 110],
                   "L.kneeCenter": [910, 500], "L.ankleCenter": [900, 900],
                   "L.femoralCondyleMedial": [880, 500], "L.femoralCondyleLateral": [940, 500],
                   "L.tibialPlateauMedial": [880, 510], "L.tibialPlateauLateral": [940, 510],
                   "L.femoralShaftProximal": [930, 200], "L.femoralShaftDistal": [915, 420],
                   "L.tibialShaftProximal": [908, 600], "L.tibialShaftDistal": [902, 820],
                   "L.plafondMedial": [885, 895], "L.plafondLateral": [915, 895]}}
                """);
        assertEquals(0, run("measure", "--landmarks", f.toString(), "--json", "-"), err());
        JsonNode root = new ObjectMapper().readTree(out());
        JsonNode m = root.get("measurements");
        for (String s : new String[] {"R.", "L."}) {
            assertEquals(80.438, m.get(s + "mLPFA").get("value").asDouble(), 0, s);
            assertEquals(94.23, m.get(s + "aMPFA").get("value").asDouble(), 0, s);
            assertEquals(86.1, m.get(s + "aLDFA").get("value").asDouble(), 0, s);
            assertEquals(5.333, m.get(s + "AMA").get("value").asDouble(), 0, s);
            assertEquals(88.438, m.get(s + "aMPTA").get("value").asDouble(), 0, s);
            assertEquals(2.338, m.get(s + "aTFA").get("value").asDouble(), 0, s);
            assertEquals("deg", m.get(s + "aTFA").get("unit").asText());
        }
        assertEquals(825.0, m.get("R.fullLegLength").get("value").asDouble(), 0);
        assertEquals("px", m.get("R.fullLegLength").get("unit").asText());
        assertEquals(88.568, m.get("L.mLDTA").get("value").asDouble(), 0);
        assertEquals(88.438, m.get("L.aLDTA").get("value").asDouble(), 0);
        assertEquals("Mechanical lateral proximal femoral angle", m.get("R.mLPFA").get("name").asText());
        // left out: absent, never 0, and named under missing
        for (String id : new String[] {"R.mLDTA", "R.aLDTA", "L.fullLegLength"}) {
            assertFalse(m.has(id), id);
        }
        JsonNode missing = root.get("missing");
        assertEquals("R.plafondMedial", missing.get("R.mLDTA").get("landmarks").get(0).asText());
        assertEquals("L.femoralHeadTop", missing.get("L.fullLegLength").get("landmarks").get(0).asText());
    }

    @Test
    void jsonToAFileWithLengthsLldAndCobb() throws Exception {
        Path out = dir.resolve("out.json");
        assertEquals(0, run("measure", "--landmarks", workedFile().toString(), "--json", out.toString()), err());
        assertEquals("", out());
        JsonNode m = new ObjectMapper().readTree(out.toFile()).get("measurements");
        assertEquals(240.005, m.get("R.legLength").get("value").asDouble(), 0);
        assertEquals(237.005, m.get("L.legLength").get("value").asDouble(), 0);
        assertEquals(3.0, m.get("LLD").get("value").asDouble(), 0);
        assertEquals("mm", m.get("LLD").get("unit").asText());
        assertTrue(m.get("LLD").get("note").asText().startsWith("right longer"));
        assertEquals(30.0, m.get("cobb").get("value").asDouble(), 0);
    }

    @Test
    void tableWithoutJson() throws Exception {
        assertEquals(0, run("measure", "--landmarks", kneeFile().toString()), err());
        String table = out();
        assertTrue(table.contains("R.HKA"), table);
        assertTrue(table.matches("(?s).*R\\.HKA\\s+-2\\.864\\s+deg.*"), table);
        assertTrue(table.matches("(?s).*R\\.CPAK\\s+IV.*"), table);
        assertTrue(table.contains("Not measured:"), table);
        // only the right knee was measured: its gaps are listed, the untouched parts named once
        assertTrue(table.contains("R.femurLength") || table.contains("R.legLength") || table.contains("R.MAD"), table);
        assertFalse(table.contains("L.HKA "), table);
        assertTrue(table.contains("nothing placed for: left leg, LLD, Cobb lines, spine curves"), table);
    }

    @Test
    void cpakAsianBand() throws Exception {
        assertEquals(0, run("measure", "--landmarks", kneeFile().toString(), "--json", "-", "--cpak-asian"), err());
        assertEquals("V", new ObjectMapper().readTree(out()).get("measurements").get("R.CPAK").get("value").asText());
    }

    @Test
    void wrongUsageIsOneLineAndExitCode2() {
        assertEquals(CommandLine.EXIT_USAGE, run("measure"));
        assertEquals("orthomeasure measure: --landmarks FILE is required (usage: measure --landmarks FILE "
                + "[--image FILE] [--json OUT|-] [--cpak-asian] | measure --auto spine IMAGE... [--levels T1-T12] [--json OUT|-] "
                + "[--landmarks-out L.json])\n", err());
        resetStreams();
        assertEquals(CommandLine.EXIT_USAGE, run("measure", "--landmarks", "a.json", "--bogus"));
        assertTrue(err().startsWith("orthomeasure measure: unknown option '--bogus'"), err());
        resetStreams();
        assertEquals(CommandLine.EXIT_USAGE, run("measure", "--landmarks"));
        assertTrue(err().startsWith("orthomeasure measure: --landmarks needs a value"), err());
        assertEquals("", out());
    }

    @Test
    void badInputIsOneLineAndExitCode1() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"orthomeasure-landmarks/1\", \"landmarks\": {\"R.knee\": [1, 2]}}");
        assertEquals(CommandLine.EXIT_INPUT, run("measure", "--landmarks", bad.toString()));
        String e = err();
        assertTrue(e.startsWith("orthomeasure measure: " + bad + ": landmarks: unknown landmark 'R.knee'"), e);
        assertEquals(1, e.lines().count(), e);
        assertFalse(e.contains("Exception"), e);
        resetStreams();
        assertEquals(CommandLine.EXIT_INPUT, run("measure", "--landmarks", dir.resolve("none.json").toString()));
        assertEquals("orthomeasure measure: " + dir.resolve("none.json") + ": no such file\n", err());
        resetStreams();
        assertEquals(CommandLine.EXIT_INPUT, run("measure", "--landmarks", kneeFile().toString(), "--json",
                dir.resolve("no/dir/out.json").toString()));
        assertTrue(err().startsWith("orthomeasure measure: cannot write"), err());
        assertEquals(1, err().lines().count());
    }

    @Test
    void calibrationAndFilmHeightSeam() {
        LandmarkDocument doc = LandmarkDocument.of(LandmarkSet.empty());
        MeasureCommand.Inputs none = MeasureCommand.inputsFor(doc, Optional.empty(), OptionalDouble.empty());
        assertEquals(CalibrationSource.NONE, none.calibration().source());
        assertTrue(none.filmHeightPx().isEmpty());
        LandmarkDocument withFile = doc.withPixelSpacing(org.orthomeasure.core.calibration.PixelSpacing.isotropic(0.2))
                .withImageSize(ImageSize.of(700, 2100));
        MeasureCommand.Inputs fromFile = MeasureCommand.inputsFor(withFile, Optional.empty(), OptionalDouble.empty());
        assertEquals(CalibrationSource.PIXEL_SPACING, fromFile.calibration().source());
        assertEquals(2100, fromFile.filmHeightPx().getAsDouble());
        // the session's calibration record beats pixelSpacingMm; the image (--image) beats both
        LandmarkDocument session = withFile.withCalibration(CalibrationRules.calibrationBall(25, 200));
        assertEquals(CalibrationSource.CALIBRATION_BALL,
                MeasureCommand.inputsFor(session, Optional.empty(), OptionalDouble.empty()).calibration().source());
        MeasureCommand.Inputs fromImage = MeasureCommand.inputsFor(session,
                Optional.of(CalibrationRules.fromDicom(null, "0.148\\0.148", null, null, null)), OptionalDouble.of(2500));
        assertEquals(CalibrationSource.DETECTOR_PLANE, fromImage.calibration().source());
        assertEquals(2500, fromImage.filmHeightPx().getAsDouble());
    }

    private static String example(String name) throws Exception {
        return Path.of(MeasureCommandTest.class.getResource("/examples/" + name).toURI()).toString();
    }

    @Test
    void exampleLongLegFile() throws Exception {
        assertEquals(0, run("measure", "--landmarks", example("long-leg.json"), "--json", "-"), err());
        JsonNode root = new ObjectMapper().readTree(out());
        JsonNode m = root.get("measurements");
        assertEquals(-2.148, m.get("R.HKA").get("value").asDouble(), 0);
        assertEquals("IV", m.get("R.CPAK").get("value").asText());
        assertEquals(-1.45, m.get("L.HKA").get("value").asDouble(), 0);
        assertEquals("VI", m.get("L.CPAK").get("value").asText());
        assertEquals(3.0, m.get("LLD").get("value").asDouble(), 0);
        assertEquals("mm, pixel spacing, source unknown", m.get("LLD").get("calibration").asText());
        assertEquals("L.femoralHeadCenter fitted to 4 rim points (radius 24.0 mm)", root.get("notes").get(0).asText());
    }

    @Test
    void exampleSpineFile() throws Exception {
        assertEquals(0, run("measure", "--landmarks", example("spine.json"), "--json", "-"), err());
        JsonNode m = new ObjectMapper().readTree(out()).get("measurements");
        assertEquals(30.0, m.get("cobb").get("value").asDouble(), 0);
        assertEquals(27.001, m.get("cobb.major").get("value").asDouble(), 0);
        assertEquals("T4", m.get("cobb.major").get("from").asText());
        assertEquals("T10", m.get("cobb.major").get("to").asText());
        assertEquals(15.0, m.get("cobb.upper").get("value").asDouble(), 0.001);
        assertEquals("T2", m.get("cobb.upper").get("from").asText());
        assertEquals(19.0, m.get("cobb.lower").get("value").asDouble(), 0.001);
        assertEquals("L3", m.get("cobb.lower").get("to").asText());
    }

    @Test
    void listedInHelp() {
        assertEquals(0, run("help"));
        assertTrue(out().contains("measure"), out());
    }
}
