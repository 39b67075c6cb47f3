package org.orthomeasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.io.dicom.Dciodvfy;

/**
 * {@code measure ... --dicom-sr/--dicom-sc/--dicom-pdf}: valid DICOM objects; {@code measure --landmarks SR.dcm}
 * gives the same values as the reading the SR was written from.
 */
class MeasureDicomTest extends CommandLineHarness {

    private static final String FILM = "sample-dicom/longleg-phantom.dcm";
    private static final String LANDMARKS = "sample-dicom/longleg-phantom.landmarks.json";

    @TempDir
    Path dir;

    @Test
    void writesTheThreeObjectsAndTheSrReadsBackToTheSameValues() throws Exception {
        Path sr = dir.resolve("sr.dcm");
        Path sc = dir.resolve("sc.dcm");
        Path pdf = dir.resolve("pdf.dcm");
        Path original = dir.resolve("original.json");
        assertEquals(0, run("measure", "--landmarks", LANDMARKS, "--image", FILM, "--json", original.toString(),
                "--user", "Doe^Jane", "--dicom-sr", sr.toString(), "--dicom-sc", sc.toString(),
                "--dicom-pdf", pdf.toString()), err());
        assertTrue(err().contains("wrote " + sr + " (SOP Instance UID 2.25."), err());
        assertTrue(new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1).contains("%PDF-"), "the PDF is inside");

        Path again = dir.resolve("again.json");
        assertEquals(0, run("measure", "--landmarks", sr.toString(), "--json", again.toString()), err());
        JsonNode a = new ObjectMapper().readTree(original.toFile());
        JsonNode b = new ObjectMapper().readTree(again.toFile());
        assertEquals(a.get("measurements"), b.get("measurements"));
        assertEquals(a.get("calibration"), b.get("calibration"));
        assertTrue(a.get("measurements").size() >= 20, a.toString());
        assertEquals(a, b);
        // last, as it is skipped where dciodvfy is not installed
        for (Path p : List.of(sr, sc, pdf)) {
            assertEquals(List.of(), Dciodvfy.errors(p), p.toString());
        }
    }

    @Test
    void dicomObjectsNeedTheDicomFilm() throws Exception {
        assertEquals(CommandLine.EXIT_USAGE, run("measure", "--landmarks", LANDMARKS, "--dicom-sr", dir.resolve("x.dcm").toString()));
        assertTrue(err().contains("add --image FILM.dcm"), err());
        assertEquals(1, err().lines().count(), err());
        resetStreams();
        Path png = dir.resolve("film.png");
        assertEquals(0, run("render", "sample-dicom/spine-phantom.dcm", png.toString(), "--max-size", "2800"), err());
        resetStreams();
        assertEquals(CommandLine.EXIT_INPUT, run("measure", "--landmarks", "sample-dicom/spine-phantom.landmarks.json",
                "--image", png.toString(), "--dicom-sr", dir.resolve("x.dcm").toString()));
        assertTrue(err().contains("need a DICOM film"), err());
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void suggestedVertebraeNameTheBundledDetectorAndItsModels() throws Exception {
        var doc = new org.orthomeasure.io.landmarks.LandmarkFileReader().read(Path.of("sample-dicom/spine-phantom.landmarks.json"));
        assertTrue(DicomExport.algorithm(doc).isEmpty(), "no suggestion, no algorithm");
        var a = DicomExport.algorithm(doc.withSuggested(List.of("T1", "L5"))).orElseThrow();
        assertEquals("OrthoMeasure spine landmark detector", a.name());
        assertEquals(Version.current(), a.version());
        assertTrue(a.model().matches("spine-landmarks\\.onnx \\(code \\S+, \\d+ epochs\\) \\+ vertebra-corners\\.onnx \\(code \\S+, \\d+ epochs\\)"),
                a.model());
    }

    @Test
    void aDicomThatIsNotAnOrthoMeasureReportIsRefusedInOneLine() {
        assertEquals(CommandLine.EXIT_INPUT, run("measure", "--landmarks", FILM));
        assertTrue(err().contains("is not a structured report"), err());
        assertEquals(1, err().lines().count(), err());
    }
}
