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
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
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
        assertTrue(t.contains("HKA 2.9° varus 2.9° varus within ±3°"), t); // R | L side by side
        assertTrue(t.contains("Right HKA: varus; 177.136° as 180°-based HKA"), t);
        assertTrue(t.contains("mLDFA 91.4°\nabove normal\n90.7°\nabove normal\n85–90°"), t);
        assertTrue(t.contains("MPTA 88.6° 87.9° 85–90°"), t);
        assertTrue(t.contains("MAD 10.0 px medial 10.0 px medial"), t);
        assertTrue(t.replace("\n", " ").contains("MAD: where the line hip–ankle passes the knee centre"), t);
        assertTrue(t.contains("Lengths in px (uncalibrated)"), t);
        // aHKA and JLO are CPAK categories, not abnormalities
        assertTrue(t.contains("aHKA −2.9°\nvarus\n−2.9°\nvarus\n−2 to 2°\nneutral band"), t);
        assertTrue(t.contains("JLO 180.0°\nneutral\n178.6°\nneutral\n177–183°\nneutral band"), t);
        assertTrue(t.contains("CPAK type IV IV"), t);
        assertTrue(t.contains("LLD (R − L) −0.1 px"), t);
        assertTrue(t.contains("Left knee: type IV, varus, neutral JLO"), t);
        assertTrue(t.contains("R/L assumed: AP"), t);
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
        // a bilateral long-leg reading without the extended set: one page
        assertEquals(1, pages(pdf));
    }

    static String pageText(Path pdf, int page) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(d).replace("\r\n", "\n");
        }
    }

    @Test
    void theExtendedSetGoesOnPageTwoOnlyWhenMeasured() throws IOException {
        LandmarkSet set = ReportFixtures.bothLegs()
                .withPoint(Side.R, LimbLandmark.GREATER_TROCHANTER_TIP, Point2.of(230, 160))
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_TOP, Point2.of(300, 125))
                .withPoint(Side.R, LimbLandmark.FEMORAL_SHAFT_PROXIMAL, Point2.of(285, 280))
                .withPoint(Side.R, LimbLandmark.FEMORAL_SHAFT_DISTAL, Point2.of(290, 450))
                .withPoint(Side.R, LimbLandmark.TIBIAL_SHAFT_PROXIMAL, Point2.of(292, 650))
                .withPoint(Side.R, LimbLandmark.TIBIAL_SHAFT_DISTAL, Point2.of(298, 850))
                .withPoint(Side.R, LimbLandmark.PLAFOND_MEDIAL, Point2.of(315, 945))
                .withPoint(Side.R, LimbLandmark.PLAFOND_LATERAL, Point2.of(285, 945));
        Path pdf = dir.resolve("extended.pdf");
        PdfReport.write(ReportFixtures.content(set, Calibration.none(null), true, false), pdf);
        assertEquals(2, pages(pdf));
        String first = pageText(pdf, 1);
        String second = pageText(pdf, 2);
        assertTrue(first.contains("HKA 2.9° varus 2.9° varus"), first);
        assertTrue(first.contains("Values were reviewed by the user"), first);
        assertFalse(first.contains("mLPFA"), first);
        assertTrue(second.contains("Extended lower-limb set"), second);
        // only the right leg has the extended points: the left column says so
        assertTrue(second.contains("Measurement Right (R) Left (L) Normal"), second);
        assertTrue(second.contains("mLPFA"), second);
        assertTrue(second.contains("—"), second);
    }

    @Test
    void aMisplacedLandmarkIsNamedInTheReport() throws IOException {
        // the right medial plateau point 240 px below the knee (the knee is about 80 px wide)
        LandmarkSet set = ReportFixtures.bothLegs().withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_MEDIAL,
                Point2.of(325, 790));
        Path pdf = dir.resolve("implausible.pdf");
        PdfReport.write(ReportFixtures.content(set, Calibration.none(null), true, false), pdf);
        String t = text(pdf);
        assertTrue(t.contains("Check these landmarks"), t);
        // |K - TPm| = hypot(35, 240) = 242.5 px; the limit is 0.2 x |HK| = 0.2 x 400.1 = 80 px
        assertTrue(t.replace("\n", " ").contains("Right tibial plateau, medial: 243 px from the knee centre (expected within 80 px)"), t);
        String plausible = text(writeBothLegs("plausible.pdf"));
        assertFalse(plausible.contains("Check these landmarks"), plausible);
        assertEquals(1, pages(pdf));
    }

    private Path writeBothLegs(String name) throws IOException {
        Path pdf = dir.resolve(name);
        PdfReport.write(ReportFixtures.content(ReportFixtures.bothLegs(), Calibration.none(null), true, false), pdf);
        return pdf;
    }

    @Test
    void calibratedReportGivesMillimetresWithTheirSource() throws IOException {
        Calibration cal = Calibration.of(PixelSpacing.isotropic(0.5), CalibrationSource.DETECTOR_PLANE,
                "Imager Pixel Spacing 0.5 mm", "sizes are at the detector plane (magnified)");
        Path pdf = dir.resolve("mm.pdf");
        PdfReport.write(ReportFixtures.content(ReportFixtures.bothLegs(), cal, true, false), pdf);
        String t = text(pdf);
        assertTrue(t.contains("MAD 5.0 mm"), t);
        assertTrue(t.contains("Leg length 400.0 mm"), t);
        assertTrue(t.contains("Lengths in mm, detector plane"), t);
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
        assertFalse(t.contains("Annotated image") || t.contains("Annotated film"), t);
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
