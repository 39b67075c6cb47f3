package org.orthomeasure.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileReader;

/**
 * The SR, secondary capture and encapsulated PDF OrthoMeasure writes: valid IODs (dciodvfy: no
 * error), in the film's patient and study, each a new series, and the SR read back equal to the
 * reading it was written from.
 */
class DerivedObjectsTest {

    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 3, 4, 10, 20, 30, 0, ZoneOffset.ofHours(1));

    private static SampleReading reading(String name) throws Exception {
        return SampleReading.of(name);
    }

    private static AttributeList header(Path f) throws Exception {
        AttributeList l = new AttributeList();
        l.read(f.toFile());
        return l;
    }

    private static String v(AttributeList l, com.pixelmed.dicom.AttributeTag t) {
        return Attribute.getSingleStringValueOrEmptyString(l, t);
    }

    private static void assertSameStudyNewSeries(Path film, Path derived, String sopClass, String modality) throws Exception {
        AttributeList f = header(film);
        AttributeList d = header(derived);
        assertEquals(sopClass, v(d, TagFromName.SOPClassUID));
        assertEquals(modality, v(d, TagFromName.Modality));
        for (var t : List.of(TagFromName.PatientID, TagFromName.PatientName, TagFromName.PatientBirthDate,
                TagFromName.PatientSex, TagFromName.StudyInstanceUID, TagFromName.AccessionNumber, TagFromName.StudyDate)) {
            assertEquals(v(f, t), v(d, t), t.toString());
        }
        assertNotEquals(v(f, TagFromName.SeriesInstanceUID), v(d, TagFromName.SeriesInstanceUID));
        assertTrue(v(d, TagFromName.SOPInstanceUID).startsWith("2.25."));
        assertEquals("OrthoMeasure", v(d, TagFromName.Manufacturer));
    }

    @Test
    void longLegReportIsValidAndReadsBackExactly(@TempDir Path dir) throws Exception {
        SampleReading r = reading("longleg-phantom");
        Path sr = dir.resolve("sr.dcm");
        String uid = MeasurementReportWriter.write(sr, r.film(), new MeasurementReport(r.doc(), r.set(), "Doe^Jane",
                Optional.empty(), WHEN, "1.2.3"));
        assertSameStudyNewSeries(Path.of("sample-dicom/longleg-phantom.dcm"), sr, MeasurementReportWriter.COMPREHENSIVE_SR, "SR");

        MeasurementReportReader.StoredReading back = MeasurementReportReader.read(sr);
        assertEquals(uid, back.sopInstanceUid());
        assertEquals("Doe^Jane", back.observer());
        assertEquals(r.film().sopInstanceUid(), back.filmSopInstanceUid());
        assertEquals(r.film().studyInstanceUid(), back.studyInstanceUid());
        assertEquals(r.doc().landmarks(), back.document().landmarks());
        assertEquals(r.set().calibration(), back.document().calibration().orElseThrow());
        assertEquals(1500, back.document().imageSize().orElseThrow().width());
        int numbers = 0;
        for (Measurement m : r.set().measurements()) {
            if (m.number().isPresent()) {
                assertEquals(m.value(), back.numbers().get(m.id().id()), 0.0, m.id().id());  // exact, not rounded
                numbers++;
            } else {
                assertEquals(m.text().orElseThrow(), back.texts().get(m.id().id()), m.id().id());
            }
        }
        assertEquals(numbers, back.numbers().size());
        assertTrue(numbers >= 20, "both legs and LLD: " + numbers);
        // the measurements recomputed from the restored landmarks are the stored ones
        MeasurementSet again = MeasurementEngine.measure(back.document().landmarks(), back.document().calibration().orElseThrow(),
                new MeasurementOptions(false, OptionalDouble.of(back.document().imageSize().orElseThrow().height())));
        assertEquals(r.set().measurements(), again.measurements());
        // last, as it is skipped where dciodvfy is not installed
        assertEquals(List.of(), Dciodvfy.errors(sr));
        assertTrue(Dciodvfy.output(sr).contains("ComprehensiveSR"));
    }

    @Test
    void aCheckModeReferenceIsNotPartOfTheReportedReading(@TempDir Path dir) throws Exception {
        SampleReading r = reading("spine-phantom");
        LandmarkDocument withReference = r.doc().withReference(Optional.of(
                new LandmarkDocument.Reference("attending.json", false, r.doc().landmarks())));
        Path sr = dir.resolve("sr.dcm");
        MeasurementReportWriter.write(sr, r.film(), new MeasurementReport(withReference, r.set(), "Observer",
                Optional.empty(), WHEN, "1"));
        assertTrue(MeasurementReportReader.read(sr).document().reference().isEmpty());
        assertFalse(new String(Files.readAllBytes(sr), StandardCharsets.UTF_8).contains("attending.json"));
    }

    @Test
    void srCarriesLandmarksAsCoordinatesOnTheFilmAndCodedValues(@TempDir Path dir) throws Exception {
        SampleReading r = reading("longleg-phantom");
        Path sr = dir.resolve("sr.dcm");
        MeasurementReportWriter.write(sr, r.film(), new MeasurementReport(r.doc(), r.set(), "Doe^Jane",
                Optional.empty(), WHEN, "1.2.3"));
        String dump = new String(Files.readAllBytes(sr), StandardCharsets.ISO_8859_1);
        // the right knee centre as a SCOORD: its float coordinates are in the file
        var k = r.doc().landmarks().point(Side.R, LimbLandmark.KNEE_CENTER).orElseThrow();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putFloat((float) k.x()).putFloat((float) k.y());
        assertTrue(dump.contains(new String(b.array(), StandardCharsets.ISO_8859_1)), "R knee centre SCOORD");
        for (String code : List.of("126000", "285285000", "410668003", "24028007", "7771000", "UCUM", "99ORTHOMEASURE", "R.HKA",
                "111026", "cal.magnified", "Doe^Jane")) {
            if (!code.equals("285285000")) {
                assertTrue(dump.contains(code), code);
            } else {
                assertFalse(dump.contains(code), "a long-leg reading has no Cobb angle");
            }
        }
    }

    @Test
    void spineReportWithSuggestionsNamesTheAlgorithm(@TempDir Path dir) throws Exception {
        SampleReading r = reading("spine-phantom");
        LandmarkDocument doc = r.doc().withSuggested(List.of("T1", "T2", "T3"));
        Path sr = dir.resolve("sr.dcm");
        MeasurementReportWriter.write(sr, r.film(), new MeasurementReport(doc, r.set(), "Observer",
                Optional.of(new MeasurementReport.Algorithm("OrthoMeasure spine landmark detector", "9.9", "spine-landmarks.onnx (code abc)")),
                WHEN, "9.9"));
        String dump = new String(Files.readAllBytes(sr), StandardCharsets.UTF_8);
        assertTrue(dump.contains("OrthoMeasure spine landmark detector"));
        assertTrue(dump.contains("spine-landmarks.onnx (code abc)"));
        assertTrue(dump.contains("111001") && dump.contains("111003"), "TID 4019 algorithm name and version");
        MeasurementReportReader.StoredReading back = MeasurementReportReader.read(sr);
        assertEquals(List.of("T1", "T2", "T3"), back.document().suggested());
        assertEquals(r.set().get("cobb.major").orElseThrow().value(), back.numbers().get("cobb.major"), 0.0);
        assertEquals(List.of(), Dciodvfy.errors(sr));
    }

    @Test
    void secondaryCaptureIsValidRgbInTheFilmsStudy(@TempDir Path dir) throws Exception {
        for (String name : List.of("spine-phantom", "longleg-phantom")) {
            secondaryCapture(dir, name);
        }
    }

    private void secondaryCapture(Path dir, String name) throws Exception {
        SampleReading r = reading(name);
        BufferedImage img = new BufferedImage(31, 20, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, new Color(200, 10, 30).getRGB());
        Path sc = dir.resolve("sc.dcm");
        SecondaryCaptureWriter.write(sc, r.film(), img, WHEN, "1.2.3");
        assertEquals(List.of(), Dciodvfy.errors(sc));
        assertSameStudyNewSeries(Path.of("sample-dicom", name + ".dcm"), sc, SecondaryCaptureWriter.SECONDARY_CAPTURE, "OT");
        Radiograph back = RadiographReader.withToolSearchPath("").open(sc);
        assertEquals(31, back.width());
        assertEquals(20, back.height());
        int[] argb = new int[31 * 20];
        back.renderTo(back.defaultWindow().window(), false, argb);
        assertEquals(new Color(200, 10, 30).getRGB() & 0xFFFFFF, argb[4 * 31 + 3] & 0xFFFFFF);
        assertEquals(0, argb[0] & 0xFFFFFF);
        assertFalse(back.calibration().isCalibrated(), "a picture of the reading is not a film to measure on");
    }

    @Test
    void encapsulatedPdfIsValidAndHoldsTheBytes(@TempDir Path dir) throws Exception {
        SampleReading r = reading("longleg-phantom");
        byte[] pdf = "%PDF-1.4\n%odd length\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(1, pdf.length % 2);
        Path out = dir.resolve("pdf.dcm");
        EncapsulatedPdfWriter.write(out, r.film(), pdf, "OrthoMeasure report", true, WHEN, "1.2.3");
        assertEquals(List.of(), Dciodvfy.errors(out));
        assertSameStudyNewSeries(Path.of("sample-dicom/longleg-phantom.dcm"), out, EncapsulatedPdfWriter.ENCAPSULATED_PDF, "DOC");
        AttributeList l = header(out);
        byte[] stored = l.get(TagFromName.EncapsulatedDocument).getByteValues();
        assertEquals(pdf.length + 1, stored.length);
        assertEquals(pdf.length, Attribute.getSingleIntegerValueOrDefault(l, TagFromName.EncapsulatedDocumentLength, -1));
        assertEquals("application/pdf", v(l, TagFromName.MIMETypeOfEncapsulatedDocument));
        assertThrows(java.io.IOException.class, () -> EncapsulatedPdfWriter.write(dir.resolve("x.dcm"), r.film(),
                new byte[]{1, 2, 3, 4, 5, 6}, "x", false, WHEN, "1"));
    }

    @Test
    void otherObjectsAreNotReadAsAReading() {
        var e = assertThrows(java.io.IOException.class,
                () -> MeasurementReportReader.read(Path.of("sample-dicom/spine-phantom.dcm")));
        assertTrue(e.getMessage().contains("not a structured report"), e.getMessage());
        var e2 = assertThrows(java.io.IOException.class,
                () -> MeasurementReportReader.read(Path.of("sample-dicom/spine-phantom.landmarks.json")));
        assertTrue(e2.getMessage().contains("not a readable DICOM file"), e2.getMessage());
    }

    @Test
    void decimalStringsFitSixteenCharacters() {
        for (double v : new double[]{1.0 / 3, -177.13612345678901, 1e-7 / 3, 123456789.123456789, 0, -0.5}) {
            String s = SrNode.decimalString(v);
            assertTrue(s.length() <= 16, s);
            assertEquals(v, Double.parseDouble(s), Math.abs(v) * 1e-9, s);
        }
    }
}
