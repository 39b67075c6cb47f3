package org.orthomeasure.io.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.io.dicom.SampleReading;
import org.orthomeasure.io.dicom.DicomFilm;
import org.orthomeasure.io.dicom.EncapsulatedPdfWriter;
import org.orthomeasure.io.dicom.MeasurementReport;
import org.orthomeasure.io.dicom.MeasurementReportReader;
import org.orthomeasure.io.dicom.MeasurementReportWriter;
import org.orthomeasure.io.dicom.SecondaryCaptureWriter;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;

/**
 * C-ECHO, C-STORE, C-FIND and C-GET against a real Orthanc on loopback: the film and the three
 * objects OrthoMeasure derives from it land in the film's study and come back unchanged; every
 * failure is one line that says what went wrong.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PixelMedPacsTest {

    private static final Path FILM = Path.of("sample-dicom", "longleg-phantom.dcm");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static OrthancServer orthanc;
    private static Pacs pacs;
    private static SampleReading reading;
    private static List<Path> derived;
    private static int listenerPort;

    @BeforeAll
    static void start() throws Exception {
        listenerPort = OrthancServer.freePort();
        orthanc = OrthancServer.start(dir.resolve("orthanc"), java.util.Map.of("OMMOVE", listenerPort));
        pacs = new PixelMedPacs(orthanc.node(), "OMTEST", TIMEOUT);
        reading = SampleReading.of("longleg-phantom");
        DicomFilm film = reading.film();
        ZonedDateTime now = ZonedDateTime.now();
        Path sr = dir.resolve("sr.dcm");
        Path sc = dir.resolve("sc.dcm");
        Path pdf = dir.resolve("pdf.dcm");
        MeasurementReportWriter.write(sr, film, new MeasurementReport(reading.doc(), reading.set(), "Doe^Jane",
                Optional.empty(), now, "test"));
        SecondaryCaptureWriter.write(sc, film, new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), now, "test");
        EncapsulatedPdfWriter.write(pdf, film, "%PDF-1.4\n%%EOF\n".getBytes(), "report", true, now, "test");
        derived = List.of(sr, sc, pdf);
    }

    @AfterAll
    static void stop() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    @Order(1)
    void echoAnswers() throws Exception {
        pacs.echo();
    }

    @Test
    @Order(2)
    void theFilmAndItsObjectsLandInTheFilmsStudy() throws Exception {
        SendResult r = pacs.send(List.of(FILM, derived.get(0), derived.get(1), derived.get(2)));
        assertTrue(r.allSent(), r.toString());
        assertEquals(4, r.sent().size());
        List<StudyMatch> studies = pacs.findStudies(StudyQuery.all());
        assertEquals(1, studies.size(), studies.toString());
        StudyMatch s = studies.get(0);
        assertEquals(reading.film().studyInstanceUid(), s.studyInstanceUid());
        assertEquals("PHANTOM-LL-1", s.patientId());
        assertEquals("SYNTH-LONGLEG", s.accessionNumber());
        assertEquals(4, s.instances());
        assertEquals(Set.of("DX", "SR", "OT", "DOC"), Set.of(s.modalities().split("\\\\")));
        // Orthanc's own view: one patient, one study, four series
        assertEquals(4, orthanc.rest("/series").split("\"").length / 2, orthanc.rest("/series"));
    }

    @Test
    @Order(3)
    void findMatchesOnTheKeys() throws Exception {
        String uid = reading.film().studyInstanceUid();
        assertEquals(uid, pacs.findStudies(StudyQuery.all().withPatientId("PHANTOM-LL-1")).get(0).studyInstanceUid());
        assertEquals(uid, pacs.findStudies(StudyQuery.all().withAccessionNumber("SYNTH-LONGLEG")).get(0).studyInstanceUid());
        assertEquals(uid, pacs.findStudies(StudyQuery.all().withModality("SR")).get(0).studyInstanceUid());
        assertEquals(uid, pacs.findStudies(StudyQuery.all().withPatientName("Phantom*")).get(0).studyInstanceUid());
        assertEquals(List.of(), pacs.findStudies(StudyQuery.all().withPatientId("SOMEONE-ELSE")));
        assertEquals(List.of(), pacs.findStudies(StudyQuery.all().withModality("CT")));
    }

    @Test
    @Order(4)
    void getBringsBackTheStudyAndTheSrIsTheReading() throws Exception {
        Path into = dir.resolve("retrieved");
        List<Path> files = pacs.retrieveStudy(reading.film().studyInstanceUid(), into);
        assertEquals(4, files.size(), files.toString());
        Path sr = null;
        Path film = null;
        for (Path f : files) {
            AttributeList l = new AttributeList();
            l.read(f.toFile());
            String cls = com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(l, TagFromName.SOPClassUID);
            if (cls.equals(MeasurementReportWriter.COMPREHENSIVE_SR)) {
                sr = f;
            } else if (cls.equals("1.2.840.10008.5.1.4.1.1.1.1")) {
                film = f;
            }
        }
        MeasurementReportReader.StoredReading back = MeasurementReportReader.read(sr);
        assertEquals(reading.doc().landmarks(), back.document().landmarks());
        for (Measurement m : reading.set().measurements()) {
            if (m.number().isPresent()) {
                assertEquals(m.value(), back.numbers().get(m.id().id()), 0.0, m.id().id());
            }
        }
        Radiograph original = RadiographReader.withToolSearchPath("").open(FILM);
        Radiograph got = RadiographReader.withToolSearchPath("").open(film);
        assertEquals(original.calibration(), got.calibration());
        for (int y = 0; y < original.height(); y += 97) {
            for (int x = 0; x < original.width(); x += 13) {
                assertEquals(original.storedValue(x, y), got.storedValue(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    @Order(5)
    void aRefusedObjectIsReportedAndTheOthersStillGo() throws Exception {
        // Orthanc accepts every standard storage class; a private one is refused at negotiation
        Path refused = copyWithSopClass(derived.get(1), "2.25.4711", dir.resolve("refused.dcm"));
        Path notDicom = Files.writeString(dir.resolve("notes.txt"), "not an image");
        SendResult r = pacs.send(List.of(refused, derived.get(0), notDicom));
        assertEquals(List.of(derived.get(0)), r.sent());
        assertEquals(Set.of(refused, notDicom), r.refused().keySet());
        assertEquals("refused by ORTHANC (SOP class 2.25.4711)", r.refused().get(refused));
        assertEquals("not a DICOM file", r.refused().get(notDicom));
    }

    @Test
    @Order(6)
    void failuresAreOneClearLine() throws Exception {
        PacsException unknownAe = assertThrows(PacsException.class,
                () -> new PixelMedPacs(new PacsNode("NOT-ORTHANC", "127.0.0.1", orthanc.dicomPort()), "OMTEST", TIMEOUT).echo());
        assertTrue(unknownAe.getMessage().contains("rejected the association") && unknownAe.getMessage().contains("called AE Title not recognized"),
                unknownAe.getMessage());
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        int port = closed;
        PacsException refusedConnection = assertThrows(PacsException.class,
                () -> new PixelMedPacs(new PacsNode("ORTHANC", "127.0.0.1", port), "OMTEST", TIMEOUT).send(List.of(FILM)));
        assertTrue(refusedConnection.getMessage().startsWith("send: cannot connect to ORTHANC@127.0.0.1:" + port), refusedConnection.getMessage());
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            long t0 = System.nanoTime();
            PacsException timeout = assertThrows(PacsException.class,
                    () -> new PixelMedPacs(new PacsNode("SILENT", "127.0.0.1", silent.getLocalPort()), "OMTEST",
                            Duration.ofMillis(800)).echo());
            double s = (System.nanoTime() - t0) / 1e9;
            assertTrue(timeout.getMessage().contains("no answer from SILENT@127.0.0.1:" + silent.getLocalPort() + " within 0.8 s"),
                    timeout.getMessage());
            assertTrue(s < 5, "gave up after " + s + " s");
        }
        PacsException unknownStudy = assertThrows(PacsException.class, () -> pacs.retrieveStudy("1.2.3.4", dir.resolve("none")));
        assertTrue(unknownStudy.getMessage().startsWith("retrieve: "), unknownStudy.getMessage());
        for (PacsException e : List.of(unknownAe, refusedConnection, unknownStudy)) {
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    @Order(7)
    void moveSendsTheStudyToOurListenerOnLoopbackOnly() throws Exception {
        Path into = dir.resolve("moved");
        try (StorageListener listener = StorageListener.start(InetAddress.getLoopbackAddress(), listenerPort, "OMMOVE", into)) {
            assertTrue(listener.address().isLoopbackAddress());
            new PixelMedPacs(orthanc.node(), "OMMOVE", TIMEOUT).moveStudy(reading.film().studyInstanceUid(), "OMMOVE");
            listener.awaitIdle(10_000);
            assertEquals(4, listener.received().size(), "film, SR, SC and PDF: " + listener.received());
            assertTrue(listener.received().stream().allMatch(p -> p.startsWith(into)));
        }
        assertThrows(java.net.ConnectException.class, () -> new java.net.Socket(InetAddress.getLoopbackAddress(), listenerPort).close(),
                "the listener no longer listens once closed");
        PacsException unknown = assertThrows(PacsException.class,
                () -> pacs.moveStudy(reading.film().studyInstanceUid(), "NOBODY"));
        assertTrue(unknown.getMessage().startsWith("move: " + orthanc.node() + " could not send study ")
                && unknown.getMessage().contains("is NOBODY one of its DICOM nodes?"), unknown.getMessage());
    }

    static Path copyWithSopClass(Path file, String sopClass, Path out) throws Exception {
        AttributeList l = new AttributeList();
        l.read(file.toFile());
        l.replaceWithValueIfPresent(TagFromName.SOPClassUID, sopClass);
        l.remove(TagFromName.MediaStorageSOPClassUID);
        l.replaceWithValueIfPresent(TagFromName.SOPInstanceUID, "2.25.1" + System.nanoTime());
        l.remove(TagFromName.MediaStorageSOPInstanceUID);
        FileMetaInformation.addFileMetaInformation(l, "1.2.840.10008.1.2.1", "TEST");
        l.write(out.toFile(), "1.2.840.10008.1.2.1", true, true);
        return out;
    }

    @Test
    void nodesParseAndRejectNonsense() {
        assertEquals(new PacsNode("ORTHANC", "127.0.0.1", 4242), PacsNode.parse("ORTHANC@127.0.0.1:4242"));
        assertEquals("A@h:1", PacsNode.parse("A@h:1").toString());
        for (String bad : List.of("ORTHANC", "@127.0.0.1:4242", "A@:4242", "A@h:", "A@h:x", "A@h:70000",
                "WAY-TOO-LONG-AE-TITLE@h:1", "A\\B@h:1")) {
            assertThrows(IllegalArgumentException.class, () -> PacsNode.parse(bad), bad);
        }
    }

    @Test
    void outboxKeepsCopiesUntilSent(@TempDir Path box) throws Exception {
        Outbox o = new Outbox(box.resolve("outbox"));
        assertEquals(List.of(), o.waiting());
        Path kept = o.keep(FILM, "1.2.3.dcm");
        assertEquals(List.of(kept), o.waiting());
        assertEquals(Files.size(FILM), Files.size(kept));
        assertEquals(kept, o.keep(kept, "other.dcm"), "a file already in the outbox stays");
        o.sent(FILM);
        assertTrue(Files.exists(FILM), "files outside the outbox are never removed");
        o.sent(kept);
        assertEquals(List.of(), o.waiting());
        assertEquals(Set.of(), Files.list(box.resolve("outbox")).collect(Collectors.toSet()));
    }
}
