package org.orthomeasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.io.dicom.MeasurementReportReader;
import org.orthomeasure.io.dicom.net.OrthancServer;

/**
 * {@code pacs echo|find|get|send} and {@code measure --dicom-*} against a real Orthanc on loopback:
 * the reading goes to the PACS, comes back, and measures the same; failures are one line and what
 * was not sent waits in the outbox until resent.
 */
class PacsCommandTest extends CommandLineHarness {

    private static final String FILM = "sample-dicom/longleg-phantom.dcm";
    private static final String LANDMARKS = "sample-dicom/longleg-phantom.landmarks.json";

    @TempDir
    static Path dir;
    private static OrthancServer orthanc;
    private static int ourPort;

    @BeforeAll
    static void start() throws Exception {
        ourPort = OrthancServer.freePort();
        orthanc = OrthancServer.start(dir.resolve("orthanc"), java.util.Map.of("OMCLI", ourPort));
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    private String pacs() {
        return orthanc.node().toString();
    }

    @Test
    void echoFindGetSendRoundTrip() throws Exception {
        assertEquals(0, run("pacs", "echo", "--pacs", pacs(), "--aet", "OMCLI"), err());
        assertTrue(out().startsWith(pacs() + " answered C-ECHO from OMCLI"), out());
        resetStreams();

        Path sr = dir.resolve("sr.dcm");
        Path sc = dir.resolve("sc.dcm");
        Path pdf = dir.resolve("pdf.dcm");
        Path original = dir.resolve("original.json");
        assertEquals(0, run("measure", "--landmarks", LANDMARKS, "--image", FILM, "--json", original.toString(),
                "--dicom-sr", sr.toString(), "--dicom-sc", sc.toString(), "--dicom-pdf", pdf.toString()), err());
        resetStreams();
        Path outbox = dir.resolve("outbox");
        assertEquals(0, run("pacs", "send", FILM, sr.toString(), sc.toString(), pdf.toString(), "--pacs", pacs(),
                "--aet", "OMCLI", "--outbox", outbox.toString()), err());
        assertTrue(out().contains("sent 4 object(s) to " + pacs()), out());
        resetStreams();

        assertEquals(0, run("pacs", "find", "--pacs", pacs(), "--aet", "OMCLI", "--patient-id", "PHANTOM-LL-1", "--json", "-"), err());
        JsonNode studies = new ObjectMapper().readTree(out());
        assertEquals(1, studies.size(), out());
        String uid = studies.get(0).get("studyInstanceUid").asText();
        assertEquals(MeasurementReportReader.read(sr).studyInstanceUid(), uid);
        Set<String> modalities = new HashSet<>();
        studies.get(0).get("modalities").forEach(m -> modalities.add(m.asText()));
        assertEquals(Set.of("DX", "SR", "OT", "DOC"), modalities);
        assertEquals(4, studies.get(0).get("instances").asInt());
        resetStreams();
        assertEquals(0, run("pacs", "find", "--pacs", pacs(), "--aet", "OMCLI", "--accession", "SYNTH-LONGLEG", "--modality", "CR",
                "--json", "-"), err());
        assertEquals(0, new ObjectMapper().readTree(out()).size(), "no CR in the study: " + out());
        resetStreams();
        assertEquals(0, run("pacs", "find", "--pacs", pacs(), "--aet", "OMCLI", "--accession", "SYNTH-LONGLEG"), err());
        assertTrue(out().startsWith("1 study on " + pacs()) && out().contains(uid), out());
        resetStreams();

        Path got = dir.resolve("got");
        assertEquals(0, run("pacs", "get", uid, "--pacs", pacs(), "--aet", "OMCLI", "--out", got.toString()), err());
        assertTrue(out().startsWith("retrieved 4 object(s) of study " + uid), out());
        Path retrievedSr;
        try (Stream<Path> s = Files.list(got)) {
            retrievedSr = s.filter(p -> {
                try {
                    MeasurementReportReader.read(p);
                    return true;
                } catch (java.io.IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow();
        }
        resetStreams();
        Path moved = dir.resolve("moved");
        assertEquals(0, run("pacs", "get", uid, "--pacs", pacs(), "--aet", "OMCLI", "--out", moved.toString(),
                "--port", Integer.toString(ourPort)), err());
        assertTrue(out().startsWith("retrieved 4 object(s) of study " + uid + " into " + moved + " (C-MOVE to OMCLI on 127.0.0.1:"),
                out());
        try (Stream<Path> s = Files.list(got); Stream<Path> m = Files.list(moved)) {
            assertEquals(s.map(Path::getFileName).collect(java.util.stream.Collectors.toSet()),
                    m.map(Path::getFileName).collect(java.util.stream.Collectors.toSet()), "C-MOVE and C-GET bring the same objects");
        }
        resetStreams();
        Path again = dir.resolve("again.json");
        assertEquals(0, run("measure", "--landmarks", retrievedSr.toString(), "--json", again.toString()), err());
        assertEquals(new ObjectMapper().readTree(original.toFile()), new ObjectMapper().readTree(again.toFile()),
                "the SR fetched from the PACS measures the same");
    }

    @Test
    void whatCannotBeSentWaitsInTheOutboxAndIsResent() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path outbox = dir.resolve("outbox-resend");
        Path sr = dir.resolve("resend-sr.dcm");
        // the spine film: another study than the round trip's
        assertEquals(0, run("measure", "--landmarks", "sample-dicom/spine-phantom.landmarks.json", "--image",
                "sample-dicom/spine-phantom.dcm", "--dicom-sr", sr.toString()), err());
        resetStreams();
        assertEquals(CommandLine.EXIT_INPUT, run("pacs", "send", sr.toString(), "--pacs", "ORTHANC@127.0.0.1:" + closed,
                "--aet", "OMCLI", "--outbox", outbox.toString()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("cannot connect to ORTHANC@127.0.0.1:" + closed) && err().contains("1 object(s) kept in the outbox"),
                err());
        String sopUid = MeasurementReportReader.read(sr).sopInstanceUid();
        try (Stream<Path> s = Files.list(outbox)) {
            assertEquals(List.of(sopUid + ".dcm"), s.map(p -> p.getFileName().toString()).toList());
        }
        resetStreams();
        assertEquals(0, run("pacs", "send", "--resend", "--pacs", pacs(), "--aet", "OMCLI", "--outbox", outbox.toString()), err());
        assertTrue(out().contains("sent 1 object(s)"), out());
        try (Stream<Path> s = Files.list(outbox)) {
            assertEquals(0, s.count(), "sent objects leave the outbox");
        }
        assertTrue(orthanc.rest("/instances").contains("\""), "the SR reached the PACS");
        resetStreams();
        assertEquals(0, run("pacs", "send", "--resend", "--pacs", pacs(), "--aet", "OMCLI", "--outbox", outbox.toString()), err());
        assertTrue(out().contains("is empty: nothing to send"), out());
    }

    @Test
    void rejectedAssociationAndBadArgumentsAreOneLine() {
        assertEquals(CommandLine.EXIT_INPUT, run("pacs", "echo", "--pacs", "NOBODY@127.0.0.1:" + orthanc.dicomPort(), "--aet", "OMCLI"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("rejected the association"), err());
        for (String[] bad : List.of(new String[]{"pacs", "echo", "--pacs", "127.0.0.1:104", "--aet", "X"},
                new String[]{"pacs", "echo", "--pacs", pacs()},
                new String[]{"pacs", "echo", "--pacs", pacs(), "--aet", "MUCH-TOO-LONG-AE-TITLE"},
                new String[]{"pacs", "fetch", "--pacs", pacs(), "--aet", "X"},
                new String[]{"pacs", "get", "--pacs", pacs(), "--aet", "X", "--out", "x"},
                new String[]{"pacs", "find", "--pacs", pacs(), "--aet", "X", "--timeout", "0"})) {
            resetStreams();
            assertEquals(CommandLine.EXIT_USAGE, run(bad), String.join(" ", bad));
            assertEquals(1, err().lines().count(), err());
        }
    }
}
