package org.orthomeasure.io.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orthomeasure.core.calibration.CalibrationRules;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Protocol;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;

class LandmarkFileTest {

    private static final String HEAD = "{\"format\": \"orthomeasure-landmarks/1\", ";
    private static final String CORNERS = "[[0,0],[10,0],[0,5],[10,5]]";

    private final LandmarkFileReader reader = new LandmarkFileReader();
    private final LandmarkFileWriter writer = new LandmarkFileWriter();

    private static final String FULL = """
            {
              "format": "orthomeasure-landmarks/1",
              "protocol": "long-leg",
              "pixelSpacingMm": [0.15, 0.14],
              "imageSize": [2140, 1760],
              "calibration": {"source": "calibration-ball", "rowMm": 0.125, "columnMm": 0.125,
                              "detail": "ball 25 mm, measured 200.0 px", "warning": "at bone level?"},
              "landmarks": { "R.femoralHeadCenter": [100, 100.5], "R.kneeCenter": [90, 500],
                             "L.femoralHeadRim": [[880, 210], [900, 190], [920, 210.25]] },
              "vertebrae": [ { "level": "T1", "corners": [[0,0],[10,0],[0,5],[10,5]] },
                             { "corners": [[0,20],[10,21],[0,25],[10,26]], "level": "L5" } ],
              "cobbLines": [ [[0,0],[100,26.795]], [[0,500],[100,473.205]] ],
              "suggested": ["T1", "R.kneeCenter"]
            }
            """;

    @Test
    void readsEveryKey() throws LandmarkFileException {
        LandmarkDocument doc = reader.parse(FULL, "full.json");
        LandmarkSet set = doc.landmarks();
        assertEquals(Point2.of(100, 100.5), set.point(LandmarkKey.parse("R.femoralHeadCenter")).orElseThrow());
        assertEquals(3, set.headRim(Side.L).size());
        assertEquals(2, set.vertebrae().size());
        assertEquals(Point2.of(10, 26), set.vertebra(SpineLevel.L5).orElseThrow().bottomRight());
        assertEquals(26.795, set.cobbLines().orElseThrow().upper().end().y());
        assertEquals(PixelSpacing.of(0.15, 0.14), doc.pixelSpacing().orElseThrow());
        assertEquals(ImageSize.of(2140, 1760), doc.imageSize().orElseThrow());
        assertEquals(Protocol.LONG_LEG, doc.protocol().orElseThrow());
        assertEquals(CalibrationRules.calibrationBall(25, 200).spacing(), doc.calibration().orElseThrow().spacing());
        assertEquals("at bone level?", doc.calibration().orElseThrow().warning().orElseThrow());
        assertEquals(List.of("T1", "R.kneeCenter"), doc.suggested());
    }

    @Test
    void roundTripThroughTheWriter() throws LandmarkFileException {
        LandmarkDocument doc = reader.parse(FULL, "full.json");
        String json = writer.toJson(doc);
        LandmarkDocument again = reader.parse(json, "written.json");
        assertEquals(doc, again);
        assertEquals(json, writer.toJson(again));
        assertTrue(json.contains("\"R.kneeCenter\": [90.0, 500.0]"), json);
    }

    @Test
    void theShaftAxisPointsAreReadAndWrittenByTheirIds() throws LandmarkFileException {
        String json = HEAD + "\"landmarks\": {\"R.femoralShaftProximal\": [70, 200], \"R.femoralShaftDistal\": [85, 420],"
                + " \"L.tibialShaftProximal\": [908, 600], \"L.tibialShaftDistal\": [902, 820]}}";
        LandmarkDocument doc = reader.parse(json, "shafts.json");
        assertEquals(Point2.of(85, 420), doc.landmarks().point(LandmarkKey.parse("R.femoralShaftDistal")).orElseThrow());
        assertEquals(Point2.of(902, 820), doc.landmarks().point(LandmarkKey.parse("L.tibialShaftDistal")).orElseThrow());
        String written = writer.toJson(doc);
        assertTrue(written.contains("\"L.tibialShaftProximal\": [908.0, 600.0]"), written);
        assertEquals(doc, reader.parse(written, "again.json"));
    }

    @Test
    void minimalAndUncalibratedDocumentsRoundTrip() throws LandmarkFileException {
        LandmarkDocument minimal = LandmarkDocument.of(LandmarkSet.empty());
        assertEquals(minimal, reader.parse(writer.toJson(minimal), "m.json"));
        LandmarkDocument none = minimal.withCalibration(CalibrationRules.fromDicom("0\\0", null, null, null, null))
                .withProtocol(Protocol.SPINE);
        assertEquals(none, reader.parse(writer.toJson(none), "n.json"));
    }

    @Test
    void writesAtomicallyAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("session.json");
        Files.writeString(file, "old content");
        LandmarkDocument doc = reader.parse(FULL, "full.json");
        writer.write(file, doc);
        assertEquals(doc, reader.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writeIntoAMissingFolderFailsWithAMessage(@TempDir Path dir) {
        Path file = dir.resolve("no/such/dir/s.json");
        LandmarkFileException e = assertThrows(LandmarkFileException.class,
                () -> writer.write(file, LandmarkDocument.of(LandmarkSet.empty())));
        assertTrue(e.getMessage().startsWith(file + ": cannot write"), e.getMessage());
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path file = dir.resolve("absent.json");
        LandmarkFileException e = assertThrows(LandmarkFileException.class, () -> reader.read(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "the file is empty"),
                Arguments.of("{\"format\": ", "not valid JSON at line 1"),
                Arguments.of("[1, 2]", "expected a JSON object at the top level, got a list of 2"),
                Arguments.of("{}", "missing \"format\": \"orthomeasure-landmarks/1\""),
                Arguments.of("{\"format\": \"orthomeasure-landmarks/2\"}", "format: expected \"orthomeasure-landmarks/1\""),
                Arguments.of(HEAD + "\"landmark\": {}}", "unknown key 'landmark' (allowed:"),
                Arguments.of(HEAD + "\"landmarks\": {\"R.kneeCenter\": [1, 2], \"R.kneeCenter\": [3, 4]}}",
                        "Duplicate field 'R.kneeCenter'"),
                Arguments.of(HEAD + "\"landmarks\": {\"R.kneeCentre\": [1, 2]}}", "unknown landmark 'R.kneeCentre'"),
                Arguments.of(HEAD + "\"landmarks\": {\"kneeCenter\": [1, 2]}}", "'kneeCenter' is not a landmark id"),
                Arguments.of(HEAD + "\"landmarks\": {\"R.kneeCenter\": \"1, 2\"}}",
                        "landmarks.R.kneeCenter: expected a point [x, y] of two numbers, got a string"),
                Arguments.of(HEAD + "\"landmarks\": {\"R.kneeCenter\": [1, 2, 3]}}",
                        "landmarks.R.kneeCenter: expected a point [x, y] of two numbers, got a list of 3"),
                Arguments.of(HEAD + "\"landmarks\": {\"R.kneeCenter\": [1, \"2\"]}}",
                        "landmarks.R.kneeCenter: expected a point [x, y]"),
                Arguments.of(HEAD + "\"landmarks\": {\"R.kneeCenter\": [1, 2], \"R.ankleCenter\": [1, 2]}}",
                        "landmarks: R.kneeCenter and R.ankleCenter coincide at [1, 2]"),
                Arguments.of(HEAD + "\"landmarks\": {\"R.femoralHeadRim\": [[1, 2], [3, 4]]}}",
                        "landmarks.R.femoralHeadRim: too few rim points: 2 given, a circle needs at least 3"),
                Arguments.of(HEAD + "\"landmarks\": {\"L.femoralHeadRim\": [[0, 0], [1, 1], [2, 2]]}}",
                        "landmarks.L.femoralHeadRim: the 3 rim points are collinear: no circle fits them"),
                Arguments.of(HEAD + "\"landmarks\": {\"L.femoralHeadRim\": [[0, 0], [1, 1], [0, 0]]}}",
                        "landmarks.L.femoralHeadRim: rim point 2 [0, 0] repeats an earlier rim point"),
                Arguments.of(HEAD + "\"vertebrae\": [{\"level\": \"T13\", \"corners\": " + CORNERS + "}]}",
                        "vertebrae[0]: unknown level 'T13'"),
                Arguments.of(HEAD + "\"vertebrae\": [{\"level\": \"T1\", \"corners\": [[0,0],[1,1]]}]}",
                        "vertebrae[0] (T1).corners: expected 4 corners"),
                Arguments.of(HEAD + "\"vertebrae\": [{\"level\": \"T1\", \"corners\": " + CORNERS + ", \"tilt\": 3}]}",
                        "vertebrae[0]: unknown key 'tilt'"),
                Arguments.of(HEAD + "\"vertebrae\": [{\"level\": \"T1\", \"corners\": " + CORNERS + "}, "
                        + "{\"level\": \"T1\", \"corners\": " + CORNERS + "}]}", "vertebrae[1]: vertebra T1 is given twice"),
                Arguments.of(HEAD + "\"vertebrae\": [{\"level\": \"T2\", \"corners\": [[0,0],[0,0],[0,5],[10,5]]}]}",
                        "vertebrae[0] (T2).corners: top-left and top-right corners coincide at [0, 0]"),
                Arguments.of(HEAD + "\"cobbLines\": [[[0,0],[1,1]]]}", "cobbLines: expected two lines"),
                Arguments.of(HEAD + "\"cobbLines\": [[[0,0],[1,1]], [[5,5],[5,5]]]}",
                        "cobbLines[1]: the two end points coincide at [5, 5]"),
                Arguments.of(HEAD + "\"pixelSpacingMm\": [0, 0.1]}",
                        "pixelSpacingMm[0]: expected a positive number of mm per pixel, got 0"),
                Arguments.of(HEAD + "\"pixelSpacingMm\": 0.1}", "pixelSpacingMm: expected [rowMm, columnMm] of two numbers"),
                Arguments.of(HEAD + "\"imageSize\": [2140.5, 1760]}", "imageSize: expected [width, height] in whole pixels"),
                Arguments.of(HEAD + "\"imageSize\": [0, 1760]}", "imageSize: width and height must be positive"),
                Arguments.of(HEAD + "\"protocol\": \"knee\"}", "protocol: expected \"long-leg\" or \"spine\", got \"knee\""),
                Arguments.of(HEAD + "\"calibration\": {\"source\": \"ruler\"}}", "calibration.source: expected one of"),
                Arguments.of(HEAD + "\"calibration\": {\"source\": \"user-line\", \"rowMm\": 0.1}}",
                        "calibration.columnMm: missing"),
                Arguments.of(HEAD + "\"calibration\": {\"source\": \"none\", \"rowMm\": 0.1}}",
                        "calibration: source \"none\" takes no rowMm/columnMm"),
                Arguments.of(HEAD + "\"calibration\": {\"source\": \"user-line\", \"rowMm\": 0.1, \"columnMm\": 0.1, \"mm\": 1}}",
                        "calibration: unknown key 'mm'"),
                Arguments.of(HEAD + "\"suggested\": [\"T1\"]}", "suggested[0]: 'T1' names no landmark in this file"),
                Arguments.of(HEAD + "\"suggested\": \"T1\"}", "suggested: expected a list of landmark ids"),
                Arguments.of(HEAD + "\"landmarks\": {}} trailing", "not valid JSON"),
                Arguments.of(HEAD + "\"reference\": [1]}", "reference: expected an object {\"name\""),
                Arguments.of(HEAD + "\"reference\": {\"name\": \"dr.json\", \"hidden\": true}}",
                        "reference: unknown key 'hidden' (allowed: name, revealed, landmarks, vertebrae, cobbLines)"),
                Arguments.of(HEAD + "\"reference\": {\"landmarks\": {}}}",
                        "reference.name: expected the name of the reference reading (a non-empty string), got nothing"),
                Arguments.of(HEAD + "\"reference\": {\"name\": \" \"}}", "reference.name: expected the name"),
                Arguments.of(HEAD + "\"reference\": {\"name\": \"dr.json\", \"revealed\": \"yes\"}}",
                        "reference.revealed: expected true or false, got a string \"yes\""),
                Arguments.of(HEAD + "\"reference\": {\"name\": \"dr.json\", \"vertebrae\": [{\"level\": \"T2\", "
                        + "\"corners\": [[0,0],[0,0],[0,5],[10,5]]}]}}",
                        "bad.json: reference: vertebrae[0] (T2).corners: top-left and top-right corners coincide"),
                Arguments.of(HEAD + "\"reference\": {\"name\": \"dr.json\", \"landmarks\": {\"R.kneeCentre\": [1, 2]}}}",
                        "bad.json: reference: landmarks: unknown landmark 'R.kneeCentre'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void malformedFilesGiveSpecificMessages(String json, String expectedPart) {
        LandmarkFileException e = assertThrows(LandmarkFileException.class, () -> reader.parse(json, "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expectedPart), "message was: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    private static final String WITH_REFERENCE = """
            {
              "format": "orthomeasure-landmarks/1",
              "vertebrae": [ { "level": "T1", "corners": [[0,0],[10,0],[0,5],[10,5]] } ],
              "reference": { "name": "attending.json", "revealed": true,
                             "landmarks": { "R.kneeCenter": [90, 500] },
                             "vertebrae": [ { "level": "T1", "corners": [[1,0],[11,0],[1,5],[11,5]] } ],
                             "cobbLines": [ [[0,0],[100,26.795]], [[0,500],[100,473.205]] ] }
            }
            """;

    @Test
    void theReferenceBlockReadsAndRoundTrips() throws LandmarkFileException {
        LandmarkDocument doc = reader.parse(WITH_REFERENCE, "ref.json");
        LandmarkDocument.Reference ref = doc.reference().orElseThrow();
        assertEquals("attending.json", ref.name());
        assertTrue(ref.revealed());
        assertEquals(Point2.of(90, 500), ref.landmarks().point(LandmarkKey.parse("R.kneeCenter")).orElseThrow());
        assertEquals(Point2.of(1, 0), ref.landmarks().vertebra(SpineLevel.T1).orElseThrow().topLeft());
        assertEquals(26.795, ref.landmarks().cobbLines().orElseThrow().upper().end().y());
        // the reference's landmarks stay apart from the document's own
        assertEquals(Point2.of(0, 0), doc.landmarks().vertebra(SpineLevel.T1).orElseThrow().topLeft());
        assertTrue(doc.landmarks().point(LandmarkKey.parse("R.kneeCenter")).isEmpty());
        String json = writer.toJson(doc);
        assertEquals(doc, reader.parse(json, "written.json"));
        LandmarkDocument hidden = doc.withReference(Optional.of(new LandmarkDocument.Reference("a b", false,
                ref.landmarks())));
        assertEquals(hidden, reader.parse(writer.toJson(hidden), "hidden.json"));
    }

    @Test
    void aReferenceWithoutTheRevealedFlagIsHiddenAndNoReferenceWritesNoKey() throws LandmarkFileException {
        LandmarkDocument doc = reader.parse(HEAD + "\"reference\": {\"name\": \"dr.json\"}}", "r.json");
        assertEquals(new LandmarkDocument.Reference("dr.json", false, LandmarkSet.empty()), doc.reference().orElseThrow());
        String none = writer.toJson(doc.withReference(Optional.empty()));
        assertTrue(!none.contains("reference"), none);
        assertTrue(reader.parse(FULL, "full.json").reference().isEmpty(), "files from before the reference stay valid");
    }

    @Test
    void aDamagedReferenceBlockCanBeLeftOutToRescueTheRest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, WITH_REFERENCE.replace("\"revealed\": true", "\"revealed\": 1"));
        LandmarkFileException e = assertThrows(LandmarkFileException.class, () -> reader.read(file));
        assertEquals(file + ": reference.revealed: expected true or false, got a number 1", e.getMessage());
        LandmarkDocument rest = reader.readWithoutReference(file);
        assertTrue(rest.reference().isEmpty());
        assertEquals(Point2.of(10, 5), rest.landmarks().vertebra(SpineLevel.T1).orElseThrow().bottomRight());
        // a damage outside the reference block is still an error
        Files.writeString(file, WITH_REFERENCE.replace("\"T1\", \"corners\": [[0,0]", "\"T13\", \"corners\": [[0,0]"));
        LandmarkFileException outside = assertThrows(LandmarkFileException.class, () -> reader.readWithoutReference(file));
        assertTrue(outside.getMessage().contains("vertebrae[0]: unknown level 'T13'"), outside.getMessage());
        assertEquals(dir.resolve("absent.json") + ": no such file",
                assertThrows(LandmarkFileException.class, () -> reader.readWithoutReference(dir.resolve("absent.json")))
                        .getMessage());
    }

    @Test
    void theIssueExampleShapeReads(@TempDir Path dir) throws IOException, LandmarkFileException {
        Path file = dir.resolve("issue.json");
        Files.writeString(file, """
                {
                  "format": "orthomeasure-landmarks/1",
                  "pixelSpacingMm": [0.15, 0.15],
                  "imageSize": [2140, 1760],
                  "landmarks": { "R.femoralHeadCenter": [300, 200], "R.kneeCenter": [290, 1000], "R.ankleCenter": [310, 1800],
                                 "R.femoralCondyleMedial": [330, 990], "R.femoralCondyleLateral": [250, 990],
                                 "R.tibialPlateauMedial": [330, 1010], "R.tibialPlateauLateral": [250, 1010],
                                 "L.femoralHeadRim": [[880, 210], [900, 190], [920, 210]] },
                  "vertebrae": [ { "level": "T1", "corners": [[0,0],[10,0],[0,5],[10,5]] } ],
                  "cobbLines": [ [[0,0],[100,26.795]], [[0,500],[100,473.205]] ]
                }
                """);
        LandmarkDocument doc = reader.read(file);
        assertEquals(7, doc.landmarks().points().size());
    }
}
