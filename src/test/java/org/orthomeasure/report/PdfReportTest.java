package org.orthomeasure.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Segment2;
import org.orthomeasure.core.landmarks.CobbLines;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.measure.MeasurementOptions;

/** The PDF report read back with PDFTextStripper: the values of the worked numbers must be in it. */
class PdfReportTest {

    @TempDir
    Path dir;

    static String text(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d).replace("\r\n", "\n");
        }
    }

    static int pages(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return d.getNumberOfPages();
        }
    }

    @Test
    void uncalibratedReportCarriesTheWorkedValuesInPixels() throws IOException {
        Path pdf = dir.resolve("report.pdf");
        PdfReport.write(ReportFixtures.content(ReportFixtures.bothLegs(), Calibration.none(null), true, false), pdf);
        String t = text(pdf);
        // Right leg = worked number 1.
        assertTrue(t.contains("HKA (mechanical) −2.9°"), t);
        assertTrue(t.contains("varus; 177.136° as 180°-based HKA"), t);
        assertTrue(t.contains("mLDFA 91.4° 85–90° above normal"), t);
        assertTrue(t.contains("MPTA 88.6° 85–90°"), t);
        assertTrue(t.contains("MAD 10.0 px"), t);
        assertTrue(t.contains("line H–A passes medial of K"), t);
        assertTrue(t.contains("length in px (uncalibrated)"), t);
        assertTrue(t.contains("aHKA −2.9° −2 to 2° below normal"), t);
        assertTrue(t.contains("JLO (arithmetic) 180.0° 177–183°"), t);
        assertTrue(t.contains("type IV, varus, neutral JLO"), t);
        assertTrue(t.contains("HKA (mechanical) −2.9° −3 to 3°"), t);
        // Nothing claims millimetres without a calibration.
        assertFalse(t.contains(" mm"), t);
        assertTrue(t.contains("The image is not calibrated: lengths are given in pixels"), t);
        // Header, who, when, version, conventions, review.
        assertTrue(t.contains("Müller-Lüdenscheidt, Zoë Ярослава"), t);
        assertTrue(t.contains("PAT-0042"), t);
        assertTrue(t.contains("reviewed by Dr. Ana Núñez"), t);
        assertTrue(t.contains("2026-03-14 09:26 Z"), t);
        assertTrue(t.contains("OrthoMeasure 0.1.0-test"), t);
        assertTrue(t.contains("varus negative (CPAK convention)"), t);
        assertTrue(t.contains("Values were reviewed by the user (Dr. Ana Núñez)"), t);
        // 王 is not in DejaVu Sans: replaced and said so, no exception.
        assertTrue(t.contains("1 character(s) that the report font cannot show were printed as '?'"), t);
        assertEquals(2, pages(pdf));
    }

    @Test
    void calibratedReportGivesMillimetresWithTheirSource() throws IOException {
        Calibration cal = Calibration.of(PixelSpacing.isotropic(0.5), CalibrationSource.DETECTOR_PLANE,
                "Imager Pixel Spacing 0.5 mm", "sizes are at the detector plane (magnified)");
        Path pdf = dir.resolve("mm.pdf");
        PdfReport.write(ReportFixtures.content(ReportFixtures.bothLegs(), cal, true, false), pdf);
        String t = text(pdf);
        assertTrue(t.contains("MAD 5.0 mm"), t);
        assertTrue(t.contains("Leg length (H–A) 400.0 mm"), t);
        assertTrue(t.contains("length in mm, detector plane"), t);
        assertTrue(t.contains("Lengths in mm, scale 0.5000 mm per pixel, source: detector plane"), t);
        assertTrue(t.contains("Warning: sizes are at the detector plane (magnified)"), t);
        assertFalse(t.contains(" px"), t);
    }

    @Test
    void patientDetailsCanBeLeftOut() throws IOException {
        Path pdf = dir.resolve("anon.pdf");
        PdfReport.write(ReportFixtures.content(ReportFixtures.bothLegs(), Calibration.none(null), true, true), pdf);
        String t = text(pdf);
        assertFalse(t.contains("Müller"), t);
        assertFalse(t.contains("PAT-0042"), t);
        assertFalse(t.contains("legs.json") || t.contains("legs.dcm"), t);
        assertTrue(t.contains("file names omitted"), t);
        assertTrue(t.contains("Patient and study details were left out of this report at the user's request."), t);
        assertTrue(t.contains("MPTA 88.6°"), t);
    }

    @Test
    void reportWithoutImageHasNoPictureButAllValues() throws IOException {
        Path pdf = dir.resolve("noimage.pdf");
        PdfReport.write(ReportFixtures.content(ReportFixtures.bothLegs(), Calibration.none(null), false, false), pdf);
        String t = text(pdf);
        assertTrue(t.contains("No image was given, so there are no patient or study details."), t);
        assertFalse(t.contains("Annotated image"), t);
        assertTrue(t.contains("mLDFA 91.4°"), t);
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertFalse(d.getPage(0).getResources().getXObjectNames().iterator().hasNext(), "no image on page 1");
        }
    }

    @Test
    void spineReportShowsCobbAndFlagsScoliosis() throws IOException {
        // Worked number 4: 30.0 degrees.
        LandmarkSet set = LandmarkSet.empty().withCobbLines(CobbLines.of(
                Segment2.of(Point2.of(0, 0), Point2.of(100, 26.795)),
                Segment2.of(Point2.of(0, 500), Point2.of(100, 473.205))));
        ReportContent c = new ReportContent(set, ReportFixtures.measure(set, Calibration.none(null)),
                MeasurementOptions.defaults(), java.util.Optional.empty(), java.util.Optional.empty(), false,
                java.util.Optional.empty(), ReportFixtures.WHEN, "0.1.0-test", "spine.json",
                java.util.Optional.empty(), List.of("cobbLines"));
        Path pdf = dir.resolve("spine.pdf");
        PdfReport.write(c, pdf);
        String t = text(pdf);
        assertTrue(t.contains("Cobb angle (two lines) 30.0° < 10° scoliosis\nscoliosis (≥ 10°)"), t);
        assertTrue(t.contains("reviewer not named"), t);
        assertTrue(t.contains("unconfirmed suggestions of the detector: cobbLines"), t);
        assertFalse(t.contains("CPAK type"), t);
        assertFalse(t.contains("Right leg"), t);
    }

    @Test
    void writeLeavesNoTemporaryFileAndReplacesAnOldReport() throws IOException {
        Path pdf = dir.resolve("r.pdf");
        Files.writeString(pdf, "old");
        PdfReport.write(ReportFixtures.content(ReportFixtures.bothLegs(), Calibration.none(null), false, false), pdf);
        assertTrue(Files.size(pdf) > 1000);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(pdf), files.toList());
        }
    }
}
