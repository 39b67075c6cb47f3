package org.orthomeasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.io.dicom.Dciodvfy;
import org.orthomeasure.io.dicom.MeasurementReportReader;

/**
 * {@code measure --auto spine|longleg FILM --dicom-sr/--dicom-sc/--dicom-pdf}: the suggested reading goes
 * into the film's study as valid DICOM; the SR keeps the landmarks as suggestions, names the algorithm
 * and its model, and measures the same as the suggestion did.
 */
class AutoMeasureDicomTest extends CommandLineHarness {

    @TempDir
    Path dir;

    @Test
    void autoSpineWritesTheSuggestionAsAReportNamingTheDetector() throws Exception {
        String film = "sample-dicom/spine-phantom.dcm";
        Path json = dir.resolve("auto.json");
        Path sr = dir.resolve("sr.dcm");
        Path sc = dir.resolve("sc.dcm");
        Path pdf = dir.resolve("pdf.dcm");
        assertEquals(0, run("measure", "--auto", "spine", film, "--json", json.toString(), "--user", "Doe^Jane",
                "--dicom-sr", sr.toString(), "--dicom-sc", sc.toString(), "--dicom-pdf", pdf.toString()), err());
        assertTrue(err().contains("wrote " + sr + " (SOP Instance UID 2.25."), err());
        JsonNode auto = new ObjectMapper().readTree(json.toFile());

        MeasurementReportReader.StoredReading back = MeasurementReportReader.read(sr);
        Set<String> levels = new HashSet<>();
        for (SpineLevel l : SpineLevel.values()) {
            levels.add(l.name());
        }
        assertEquals(levels, new HashSet<>(back.document().suggested()), "all 17 vertebrae stay suggestions");
        assertEquals("Doe^Jane", back.observer());
        String text = new String(Files.readAllBytes(sr), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("OrthoMeasure spine landmark detector"), "algorithm name");
        assertTrue(text.matches("(?s).*spine-landmarks\\.onnx \\(code \\S+, \\d+ epochs\\).*"), "model with its notes");

        // the SR measures what the suggestion measured (or withholds the same curves)
        Path again = dir.resolve("again.json");
        resetStreams();
        assertEquals(0, run("measure", "--landmarks", sr.toString(), "--json", again.toString()), err());
        JsonNode fromSr = new ObjectMapper().readTree(again.toFile()).get("measurements");
        JsonNode curves = auto.get("measurements");
        assertTrue(curves.size() >= 1, auto.toString());
        curves.fieldNames().forEachRemaining(id -> {
            assertEquals(curves.get(id).get("value").asDouble(), back.numbers().get(id), 1e-3, id + " stored in the SR");
            assertEquals(curves.get(id).get("value").asDouble(), fromSr.get(id).get("value").asDouble(), 1e-3, id + " read back");
        });
        for (Path p : List.of(sr, sc, pdf)) {
            assertEquals(List.of(), Dciodvfy.errors(p), p.toString());
        }
    }

    @Test
    void autoLongLegWritesTheSuggestionAsAReportNamingTheSegmentation() throws Exception {
        String film = "sample-dicom/longleg-phantom.dcm";
        Path json = dir.resolve("auto.json");
        Path sr = dir.resolve("sr.dcm");
        Path sc = dir.resolve("sc.dcm");
        assertEquals(0, run("measure", "--auto", "longleg", film, "--json", json.toString(), "--user", "Doe^Jane",
                "--dicom-sr", sr.toString(), "--dicom-sc", sc.toString()), err());
        JsonNode auto = new ObjectMapper().readTree(json.toFile());
        MeasurementReportReader.StoredReading back = MeasurementReportReader.read(sr);
        assertTrue(back.document().suggested().contains("R.kneeCenter"), back.document().suggested().toString());
        String text = new String(Files.readAllBytes(sr), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("OrthoMeasure long-leg bone segmentation"), "algorithm name");
        assertTrue(text.matches("(?s).*bone-segmentation\\.onnx \\(code \\S+, \\d+ epochs\\).*"), "model with its notes");
        // the phantom's legs are low confidence: what the suggestion withholds, the SR withholds too
        JsonNode values = auto.get("measurements");
        JsonNode withheld = auto.get("missing");
        assertTrue(withheld.get("R.HKA").get("note").asText().startsWith("low confidence"), "R.HKA withheld");
        withheld.fieldNames().forEachRemaining(id -> assertTrue(!back.numbers().containsKey(id), id + " not in the SR"));
        values.fieldNames().forEachRemaining(id -> {
            if (values.get(id).get("value").isNumber()) {
                assertEquals(values.get(id).get("value").asDouble(), back.numbers().get(id), 1e-3, id);
            }
        });
        for (Path p : List.of(sr, sc)) {
            assertEquals(List.of(), Dciodvfy.errors(p), p.toString());
        }
    }

    @Test
    void severalFilmsWithDicomObjectsAreRefusedInOneLine() {
        assertEquals(CommandLine.EXIT_USAGE, run("measure", "--auto", "spine", "sample-dicom/spine-phantom.dcm",
                "sample-dicom/spine-phantom.dcm", "--dicom-sr", dir.resolve("x.dcm").toString()));
        assertTrue(err().contains("one film at a time"), err());
        assertEquals(1, err().lines().count(), err());
    }
}
