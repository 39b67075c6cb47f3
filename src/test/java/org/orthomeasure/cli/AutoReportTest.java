package org.orthomeasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code measure --auto spine|longleg FILM --pdf OUT.pdf}: the report of the suggested reading. */
class AutoReportTest extends CommandLineHarness {

    @TempDir
    Path tmp;

    private static final Path SPINE = Path.of("sample-dicom/spine-phantom.dcm");
    private static final Path LONG_LEG = Path.of("sample-dicom/longleg-phantom.dcm");
    private static final Path CROPS = Path.of(System.getProperty("orthomeasure.shared", "../shared"),
            "data", "oai-legs-seg", "test", "images");

    private record Pdf(String text, int pages) {
    }

    private static Pdf read(Path pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new Pdf(new PDFTextStripper().getText(d).replace("\r\n", "\n"), d.getNumberOfPages());
        }
    }

    @Test
    void theSpineSuggestionsReportCarriesTheCurvesOfItsJson() throws Exception {
        Path pdf = tmp.resolve("spine.pdf");
        Path png = tmp.resolve("spine.png");
        assertEquals(0, run("measure", "--auto", "spine", SPINE.toString(), "--json", "-", "--pdf", pdf.toString(),
                "--png", png.toString()), err());
        assertTrue(err().contains("wrote " + pdf) && err().contains("wrote " + png), err());
        JsonNode j = new ObjectMapper().readTree(out());
        Pdf report = read(pdf);
        for (String[] curve : List.of(new String[] {"cobb.major", "Major curve"}, new String[] {"cobb.lower", "Lower curve"})) {
            JsonNode m = j.get("measurements").get(curve[0]);
            String value = String.format(Locale.ROOT, "%.1f°", m.get("value").asDouble());
            assertTrue(report.text().contains(curve[1] + " " + value), curve[1] + " " + value + " in\n" + report.text());
            assertTrue(report.text().contains("end vertebrae " + m.get("from").asText() + "–" + m.get("to").asText()),
                    report.text());
        }
        // every vertebra is a suggestion until the user confirms it, and the report says so
        assertTrue(report.text().contains("Every landmark (17) is an unconfirmed suggestion of the detector."),
                report.text());
        BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
    }

    @Test
    void aLowConfidenceLongLegSuggestionGivesAOnePageReportThatWithholdsTheValues() throws Exception {
        Path pdf = tmp.resolve("longleg.pdf");
        assertEquals(0, run("measure", "--auto", "longleg", LONG_LEG.toString(), "--json", "-", "--pdf",
                pdf.toString()), err());
        JsonNode j = new ObjectMapper().readTree(out());
        // the synthetic phantom is not a film the model trusts (its legs are out of proportion)
        assumeTrue(j.get("legs").get("R").get("lowConfidence").asBoolean(), "the model trusts the phantom's right leg");
        Pdf report = read(pdf);
        assertEquals(1, report.pages(), report.text());
        assertTrue(report.text().contains("No value could be measured from these landmarks"), report.text());
        assertTrue(report.text().replace("\n", " ").contains("Right leg (HKA, mLDFA, MPTA, JLCA, MAD"), report.text());
        assertTrue(report.text().contains("low confidence"), report.text());
        assertTrue(report.text().contains("is an unconfirmed suggestion of the detector"), report.text());
    }

    @Test
    void theLongLegSuggestionsReportGivesItsValuesSideBySideOnOnePage() throws Exception {
        assumeTrue(Files.isDirectory(CROPS), "needs ../shared/data/oai-legs-seg (real OAI crops) beside the checkout");
        List<Path> crops;
        try (var s = Files.list(CROPS)) {
            crops = s.sorted().limit(2).toList();
        }
        BufferedImage a = ImageIO.read(crops.get(0).toFile());
        BufferedImage b = ImageIO.read(crops.get(1).toFile());
        BufferedImage film = new BufferedImage(256, 1024, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 128; x++) {
                film.getRaster().setSample(x, y, 0, a.getRaster().getSample(x, y, 0));
                film.getRaster().setSample(255 - x, y, 0, b.getRaster().getSample(x, y, 0));
            }
        }
        Path filmFile = tmp.resolve("bilateral.png");
        ImageIO.write(film, "png", filmFile.toFile());
        Path pdf = tmp.resolve("bilateral.pdf");
        assertEquals(0, run("measure", "--auto", "longleg", filmFile.toString(), "--json", "-", "--pdf",
                pdf.toString()), err());
        JsonNode j = new ObjectMapper().readTree(out());
        Pdf report = read(pdf);
        assertTrue(report.text().contains("Measurement Right (R) Left (L) Normal"), report.text());
        assertTrue(report.text().contains("Values were reviewed by the user"), "the review closes page 1");
        StringBuilder hka = new StringBuilder("HKA");
        for (String side : List.of("R", "L")) {
            double v = j.get("measurements").get(side + ".HKA").get("value").asDouble();
            String size = String.format(Locale.ROOT, "%.1f°", Math.abs(v));
            hka.append(' ').append(size).append(size.equals("0.0°") ? "" : v < 0 ? " varus" : " valgus");
        }
        assertTrue(report.text().contains(hka), hka + " in\n" + report.text());
        assertTrue(report.text().contains("Lengths in px (uncalibrated)"), report.text());
        // the extended set, when the suggestion measured it, is on page 2 only
        boolean extended = j.get("measurements").has("R.mLPFA") || j.get("measurements").has("L.mLPFA");
        assertEquals(extended ? 2 : 1, report.pages());
    }

    @Test
    void aReportTakesOneFilmAtATime() {
        assertEquals(2, run("measure", "--auto", "spine", SPINE.toString(), SPINE.toString(), "--pdf",
                tmp.resolve("x.pdf").toString()));
        assertTrue(err().contains("--pdf, --png and --dicom-* take one film at a time"), err());
        assertTrue(!Files.exists(tmp.resolve("x.pdf")));
    }
}
