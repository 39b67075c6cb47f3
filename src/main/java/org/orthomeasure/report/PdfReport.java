package org.orthomeasure.report;

import org.orthomeasure.io.AtomicFiles;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.EnumSet;
import org.orthomeasure.core.overlay.OverlayGroup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.limb.CpakType;
import org.orthomeasure.core.measure.LimbMeasure;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.measure.Missing;
import org.orthomeasure.core.overlay.Overlay;
import org.orthomeasure.core.overlay.OverlayBuilder;
import org.orthomeasure.io.image.StudyHeader;

/**
 * Writes the measurement report as a PDF (A4 portrait, PDFBox; the only writer of PDFs besides the
 * comparison): header with patient/study details (or a statement that they were left out), the
 * annotated picture, the measurement table with units, normal ranges and flags, the CPAK grid, the
 * calibration statement, notes, the conventions, and the review statement with who, when and the
 * software version. Written atomically (temporary file, then move).
 */
public final class PdfReport {

    static final float PICTURE_BOX_WIDTH = 230f;
    /** The report's picture leaves out landmark names and lengths (they are in the table) to stay readable. */
    static final Set<OverlayGroup> PICTURE_GROUPS = EnumSet.complementOf(
            EnumSet.of(OverlayGroup.LANDMARK_LABELS, OverlayGroup.LENGTHS));
    static final float PICTURE_BOX_MAX_HEIGHT = 540f;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private PdfReport() {
    }

    /** Writes the report for {@code content} to {@code file}. */
    public static void write(ReportContent content, Path file) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (PDDocument doc = new PDDocument()) {
                render(content, doc);
                doc.save(tmp.toFile());
            }
        });
    }

    /** Lays the report out into {@code doc}. */
    static void render(ReportContent c, PDDocument doc) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle("OrthoMeasure measurement report");
        info.setCreator("OrthoMeasure " + c.softwareVersion());
        info.setCreationDate(GregorianCalendar.from(c.generatedAt()));
        c.user().ifPresent(info::setAuthor);
        try (PdfCanvas pc = new PdfCanvas(doc)) {
            title(pc, c);
            patient(pc, c);
            if (LongLegPages.applies(c.measurements(), c.landmarks())) {
                // a long-leg reading: one page (film, R | L table, CPAK, calibration, conventions, review),
                // the extended set on page 2
                LongLegPages.render(pc, c);
                pc.footers(footer(c));
                return;
            }
            body(pc, c);
            notMeasurable(pc, c);
            cpak(pc, c);
            pc.heading("Calibration");
            for (String line : ReportText.calibrationStatement(c.measurements().calibration())) {
                pc.paragraph(line, pc.left(), pc.width(), 8.5f, line.startsWith("Warning") ? WARN : PdfCanvas.TEXT);
            }
            notes(pc, c);
            pc.heading("Conventions");
            for (String s : ReportText.CONVENTIONS) {
                pc.paragraph("• " + s, pc.left(), pc.width(), 7.5f, PdfCanvas.TEXT);
            }
            review(pc, c);
            pc.footers(footer(c));
        }
    }

    private static String footer(ReportContent c) {
        return "OrthoMeasure " + c.softwareVersion() + " — " + c.generatedAt().format(WHEN)
                + (c.omitPatientDetails() ? "" : c.header().flatMap(StudyHeader::patientId)
                .map(id -> " — patient ID " + id).orElse(""));
    }

    static final Color WARN = new Color(170, 60, 0);
    static final Color BAND = new Color(232, 238, 246);
    static final Color MARK = new Color(255, 205, 120);

    // ---- sections ------------------------------------------------------------------------------

    private static void title(PdfCanvas pc, ReportContent c) throws IOException {
        pc.text("OrthoMeasure measurement report", pc.left(), pc.y - 16, 16, PdfCanvas.TEXT);
        pc.textRight(c.generatedAt().format(WHEN), pc.right(), pc.y - 14, 9, PdfCanvas.GREY);
        pc.y -= 24;
        String who = c.user().map(u -> "reviewed by " + u).orElse("reviewer not named");
        // File names often carry the patient's name: they go with the patient details.
        String sources = c.omitPatientDetails() ? "file names omitted"
                : "landmarks: " + c.landmarkSource() + " · image: " + c.imageSource().orElse("none");
        pc.paragraph("OrthoMeasure " + c.softwareVersion() + " · " + who + " · " + sources, pc.left(), pc.width(), 8,
                PdfCanvas.GREY);
        pc.y -= 2;
    }

    private static void patient(PdfCanvas pc, ReportContent c) throws IOException {
        pc.heading("Patient and study");
        if (c.omitPatientDetails()) {
            pc.paragraph("Patient and study details were left out of this report at the user's request.",
                    pc.left(), pc.width(), 8.5f, PdfCanvas.GREY);
            return;
        }
        Map<String, Optional<String>> fields = new LinkedHashMap<>();
        StudyHeader h = c.header().orElse(StudyHeader.empty());
        fields.put("Name", h.patientName());
        fields.put("Patient ID", h.patientId());
        fields.put("Birth date", h.birthDate());
        fields.put("Sex", h.sex());
        fields.put("Study date", h.studyDate());
        fields.put("Accession", h.accessionNumber());
        fields.put("Body part", h.bodyPart());
        fields.put("View", h.viewPosition());
        fields.put("Institution", h.institution());
        List<Map.Entry<String, Optional<String>>> present = fields.entrySet().stream()
                .filter(e -> e.getValue().isPresent()).toList();
        if (present.isEmpty()) {
            pc.paragraph(c.film().isEmpty() ? "No image was given, so there are no patient or study details."
                    : "The image holds no patient or study details.", pc.left(), pc.width(), 8.5f, PdfCanvas.GREY);
            return;
        }
        float colW = pc.width() / 2;
        for (int i = 0; i < present.size(); i += 2) {
            pc.ensure(12);
            for (int j = 0; j < 2 && i + j < present.size(); j++) {
                var e = present.get(i + j);
                float x = pc.left() + j * colW;
                pc.text(e.getKey() + ":", x, pc.y - 9, 8.5f, PdfCanvas.GREY);
                pc.text(e.getValue().get(), x + 62, pc.y - 9, 9, PdfCanvas.TEXT);
            }
            pc.y -= 12;
        }
    }

    private static void body(PdfCanvas pc, ReportContent c) throws IOException {
        pc.heading("Measurements");
        Optional<AnnotatedImage.Printed> picture = Optional.empty();
        float tableX = pc.left();
        float top = pc.y;
        if (c.film().isPresent()) {
            Overlay overlay = OverlayBuilder.build(c.landmarks(), c.measurements());
            float maxH = Math.min(PICTURE_BOX_MAX_HEIGHT, top - pc.bottom() - 20);
            picture = AnnotatedImage.renderForPrint(c.film(), List.of(AnnotatedImage.Layer.standard(overlay)),
                    AnnotatedImage.Framing.AROUND_LANDMARKS, PICTURE_BOX_WIDTH, maxH, PICTURE_GROUPS);
        }
        float pictureBottom = top;
        if (picture.isPresent()) {
            AnnotatedImage.Printed p = picture.get();
            PDImageXObject x = JPEGFactory.createFromImage(pc.document(), p.image(), 0.9f);
            pc.image(x, pc.left(), top - p.heightPt(), p.widthPt(), p.heightPt());
            pc.strokeRect(pc.left(), top - p.heightPt(), p.widthPt(), p.heightPt(), 0.5f, PdfCanvas.RULE);
            pictureBottom = top - p.heightPt() - 4;
            for (String line : pc.wrap("Annotated image, cropped around the landmarks; lengths are in the table.",
                    6.5f, PICTURE_BOX_WIDTH)) {
                pc.text(line, pc.left(), pictureBottom - 7, 6.5f, PdfCanvas.GREY);
                pictureBottom -= 8.5f;
            }
            pictureBottom -= 4;
            tableX = pc.left() + PICTURE_BOX_WIDTH + 12;
        }
        int pageBefore = pc.document().getNumberOfPages();
        table(pc, c.measurements(), tableX, pc.right() - tableX);
        if (pc.document().getNumberOfPages() == pageBefore) {
            pc.y = Math.min(pc.y, pictureBottom);
        }
    }

    private static void table(PdfCanvas pc, MeasurementSet ms, float x, float w) throws IOException {
        float[] cols = {x, x + w * 0.40f, x + w * 0.60f, x + w * 0.78f};
        float size = 8.5f;
        header(pc, cols, x, w);
        if (ms.measurements().isEmpty()) {
            pc.paragraph("No measurement could be made from these landmarks.", x, w, size, PdfCanvas.GREY);
            return;
        }
        String group = null;
        for (Measurement m : ms.measurements()) {
            String g = group(m.id());
            String detail = ReportText.detail(m);
            List<String> detailLines = detail.isEmpty() ? List.of() : pc.wrap(detail, 6.8f, w - 8);
            float rowHeight = 15 + detailLines.size() * 8.5f;
            if (!pc.fits(rowHeight + (g.equals(group) ? 0 : 14))) {
                // Continue the table on a new page under a repeated header (and group band).
                pc.newPage();
                header(pc, cols, x, w);
                group = null;
            }
            if (!g.equals(group)) {
                group = g;
                pc.fillRect(x, pc.y - 13, w, 13, BAND);
                pc.text(g, x + 2, pc.y - 9.5f, 9, PdfCanvas.TEXT);
                pc.y -= 14;
            }
            float base = pc.y - 9;
            String name = m.id().side().isPresent() ? ReportText.shortName(m.id()) : ReportText.fullName(m.id());
            pc.text(name, cols[0] + 2, base, size, PdfCanvas.TEXT);
            pc.text(ReportText.value(m), cols[1], base, size + 0.5f, PdfCanvas.TEXT);
            pc.text(ReportText.normal(m), cols[2], base, size, PdfCanvas.GREY);
            String flag = ReportText.flag(m);
            pc.text(flag, cols[3], base, size, flag.contains("normal") || flag.contains("scoliosis") ? WARN : PdfCanvas.GREY);
            pc.y -= 12;
            for (String line : detailLines) {
                pc.text(line, x + 8, pc.y - 6.5f, 6.8f, PdfCanvas.GREY);
                pc.y -= 8.5f;
            }
            pc.line(x, pc.y - 1, x + w, pc.y - 1, 0.3f, PdfCanvas.RULE);
            pc.y -= 3;
        }
    }

    private static void header(PdfCanvas pc, float[] cols, float x, float w) throws IOException {
        pc.ensure(30);
        pc.text("Measurement", cols[0] + 2, pc.y - 9, 8, PdfCanvas.GREY);
        pc.text("Value", cols[1], pc.y - 9, 8, PdfCanvas.GREY);
        pc.text("Normal", cols[2], pc.y - 9, 8, PdfCanvas.GREY);
        pc.text("Flag", cols[3], pc.y - 9, 8, PdfCanvas.GREY);
        pc.y -= 12;
        pc.line(x, pc.y, x + w, pc.y, 0.6f, PdfCanvas.RULE);
        pc.y -= 2;
    }

    private static String group(MeasurementId id) {
        if (id.side().isPresent()) {
            return id.side().get() == Side.R ? "Right leg" : "Left leg";
        }
        return id.equals(MeasurementId.LLD) ? "Both legs" : "Spine";
    }

    /** Lists what could not be measured, for the parts of the film the user worked on. */
    private static void notMeasurable(PdfCanvas pc, ReportContent c) throws IOException {
        List<String> lines = new ArrayList<>();
        c.measurements().missingWhereWorkedOn(c.landmarks())
                .forEach((id, why) -> lines.add(ReportText.fullName(id) + ": " + why.describe()));
        if (lines.isEmpty()) {
            return;
        }
        pc.heading("Not measurable");
        for (String l : lines) {
            pc.paragraph(l, pc.left(), pc.width(), 7.5f, PdfCanvas.TEXT);
        }
    }

    private static void cpak(PdfCanvas pc, ReportContent c) throws IOException {
        MeasurementSet ms = c.measurements();
        Map<Side, CpakType> types = new LinkedHashMap<>();
        for (Side s : Side.values()) {
            ms.get(MeasurementId.limb(s, LimbMeasure.CPAK)).flatMap(Measurement::text)
                    .ifPresent(t -> types.put(s, CpakType.valueOf(t)));
        }
        if (types.isEmpty()) {
            return;
        }
        pc.heading("CPAK (Coronal Plane Alignment of the Knee)");
        float cellW = 52;
        float cellH = 22;
        float labelW = 86;
        float gridH = 14 + 3 * cellH;
        pc.ensure(gridH + 10);
        float x0 = pc.left() + labelW;
        float top = pc.y - 14;
        String band = c.options().cpakAsianBand() ? "3" : "2";
        String[] columns = {"aHKA < −" + band + "°", "−" + band + " to " + band + "°", "aHKA > " + band + "°"};
        String[] rows = {"JLO < 177°", "JLO 177–183°", "JLO > 183°"};
        for (int col = 0; col < 3; col++) {
            pc.textCentred(columns[col], x0 + col * cellW + cellW / 2, top + 4, 7, PdfCanvas.GREY);
        }
        for (int row = 0; row < 3; row++) {
            float yb = top - (row + 1) * cellH;
            pc.text(rows[row], pc.left(), yb + cellH / 2 - 3, 7, PdfCanvas.GREY);
            for (int col = 0; col < 3; col++) {
                CpakType t = CpakType.values()[row * 3 + col];
                float xc = x0 + col * cellW;
                List<String> marks = new ArrayList<>();
                types.forEach((side, type) -> {
                    if (type == t) {
                        marks.add(side.name());
                    }
                });
                if (!marks.isEmpty()) {
                    pc.fillRect(xc, yb, cellW, cellH, MARK);
                }
                pc.strokeRect(xc, yb, cellW, cellH, 0.6f, PdfCanvas.GREY);
                pc.textCentred(t.name(), xc + cellW / 2, yb + cellH / 2 - 3 + (marks.isEmpty() ? 0 : 4), 8.5f,
                        PdfCanvas.TEXT);
                if (!marks.isEmpty()) {
                    pc.textCentred(String.join(" ", marks), xc + cellW / 2, yb + 3, 7.5f, WARN);
                }
            }
        }
        // Per-side statements beside the grid.
        float tx = x0 + 3 * cellW + 16;
        float ty = top - 2;
        for (Map.Entry<Side, CpakType> e : types.entrySet()) {
            Side s = e.getKey();
            String ahka = ms.get(MeasurementId.limb(s, LimbMeasure.AHKA)).map(ReportText::value).orElse("?");
            String jlo = ms.get(MeasurementId.limb(s, LimbMeasure.JLO)).map(ReportText::value).orElse("?");
            String line = (s == Side.R ? "Right" : "Left") + " knee (" + s.name() + "): type " + e.getValue().name() + ", "
                    + e.getValue().describe() + "; aHKA " + ahka + ", JLO " + jlo;
            float saved = pc.y;
            pc.y = ty;
            pc.paragraph(line, tx, pc.right() - tx, 8, PdfCanvas.TEXT);
            ty = pc.y - 3;
            pc.y = saved;
        }
        pc.y = Math.min(top - 3 * cellH - 6, ty);
        pc.text("aHKA = MPTA − mLDFA; JLO = MPTA + mLDFA (arithmetic); neutral band aHKA ±" + band + "°"
                + (c.options().cpakAsianBand() ? " (Asian modification)" : "") + ", JLO 177–183°, bounds inclusive.",
                pc.left(), pc.y - 8, 7, PdfCanvas.GREY);
        pc.y -= 12;
    }

    /** The notes of the measurements and the unconfirmed suggestions, one sentence each. */
    static List<String> notes(ReportContent c) {
        List<String> notes = new ArrayList<>(c.measurements().notes().stream().map(ReportText::withNames).toList());
        if (!c.unconfirmed().isEmpty()) {
            // a suggestion nobody has touched yet: said in one line, not 30 names
            boolean all = c.unconfirmed().size() > 1 && c.unconfirmed().containsAll(c.landmarks().presentIds());
            notes.add(all ? "Every landmark (" + c.unconfirmed().size() + ") is an unconfirmed suggestion of the detector."
                    : c.unconfirmed().size() + " landmark(s) are unconfirmed suggestions of the detector: "
                    + ReportText.withNames(String.join(", ", c.unconfirmed())) + ".");
        }
        return notes;
    }

    private static void notes(PdfCanvas pc, ReportContent c) throws IOException {
        List<String> notes = notes(c);
        if (notes.isEmpty()) {
            return;
        }
        pc.heading("Notes");
        for (String n : notes) {
            pc.paragraph("• " + n, pc.left(), pc.width(), 8, n.contains("unconfirmed") ? WARN : PdfCanvas.TEXT);
        }
    }

    static void review(PdfCanvas pc, ReportContent c) throws IOException {
        review(pc, c, 8.5f);
    }

    /** The review statement in text of {@code size} points. */
    static void review(PdfCanvas pc, ReportContent c, float size) throws IOException {
        pc.heading("Review");
        String who = c.user().map(u -> " (" + u + ")").orElse("");
        pc.paragraph("Values were reviewed by the user" + who + " before this report was generated on "
                + c.generatedAt().format(WHEN) + ". The landmarks were placed or confirmed by the user; OrthoMeasure "
                + c.softwareVersion() + " computed the measurements from them. This report supports, and does "
                + "not replace, the clinical reading.", pc.left(), pc.width(), size, PdfCanvas.TEXT);
        if (pc.replacedCharacters() > 0) {
            pc.paragraph(pc.replacedCharacters() + " character(s) that the report font cannot show were printed as '?'.",
                    pc.left(), pc.width(), 7.5f, WARN);
        }
    }
}
