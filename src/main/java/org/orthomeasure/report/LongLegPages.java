package org.orthomeasure.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.orthomeasure.io.image.PatientOrientation;

/**
 * The long-leg report's measurement pages: on page 1 the annotated film (with its R/L marker) on the
 * left and, on the right, one side-by-side table (R | L) of the core values (HKA, mLDFA, MPTA, JLCA,
 * MAD, the three lengths, aHKA, JLO, CPAK, then LLD) with normal ranges and flags, the plausibility
 * findings, the CPAK grid, calibration, notes and the conventions; the extended lower-limb set, when
 * any of it is measured, on page 2 in the same table form.
 */
final class LongLegPages {

    static final float PICTURE_WIDTH = 232f;
    static final float GAP = 12f;
    static final float ROW = 11.5f;
    static final float SIZE = 8f;
    static final float SMALL = 6.3f;
    /** Room kept at the foot of page 1 for the review statement (heading, three lines and the font note). */
    static final float REVIEW_HEIGHT = 76f;

    private LongLegPages() {
    }

    /**
     * True when the reading is of the lower limb, a value or a landmark of a leg (the report is then laid
     * out by this class), and has no spine value.
     */
    static boolean applies(MeasurementSet ms, org.orthomeasure.core.landmarks.LandmarkSet landmarks) {
        boolean spine = ms.measurements().stream().anyMatch(m -> m.id().side().isEmpty() && !m.id().equals(MeasurementId.LLD));
        boolean limb = ms.measurements().stream().anyMatch(m -> m.id().side().isPresent())
                || !landmarks.points().isEmpty() || Arrays.stream(Side.values()).anyMatch(s -> !landmarks.headRim(s).isEmpty());
        return limb && !spine;
    }

    /** Lays out the measurement part of the report from the cursor of page 1 on. */
    static void render(PdfCanvas pc, ReportContent c) throws IOException {
        pc.heading("Measurements");
        MeasurementSet ms = c.measurements();
        List<Side> sides = sides(ms);
        float top = pc.y;
        float x = pc.left();
        float bottomLimit = pc.bottom() + REVIEW_HEIGHT; // the review statement goes under both columns
        if (c.film().isPresent()) {
            Overlay overlay = OverlayBuilder.build(c.landmarks(), ms);
            Optional<AnnotatedImage.Printed> picture = AnnotatedImage.renderForPrint(c.film(),
                    List.of(AnnotatedImage.Layer.standard(overlay)), AnnotatedImage.Framing.AROUND_LANDMARKS,
                    PICTURE_WIDTH, top - bottomLimit - 20, PdfReport.PICTURE_GROUPS);
            if (picture.isPresent()) {
                AnnotatedImage.Printed p = picture.get();
                PDImageXObject img = JPEGFactory.createFromImage(pc.document(), p.image(), 0.9f);
                float px = pc.left() + (PICTURE_WIDTH - p.widthPt()) / 2;
                pc.image(img, px, top - p.heightPt(), p.widthPt(), p.heightPt());
                pc.strokeRect(px, top - p.heightPt(), p.widthPt(), p.heightPt(), 0.5f, PdfCanvas.RULE);
                float cy = top - p.heightPt() - 4;
                String orientation = PatientOrientation.of(c.film().get().radiograph().header()).description();
                for (String line : pc.wrap("Annotated film cropped around the landmarks (" + orientation
                        + "); values in the table.", SMALL, PICTURE_WIDTH)) {
                    pc.text(line, pc.left(), cy - 6.5f, SMALL, PdfCanvas.GREY);
                    cy -= 8;
                }
                x = pc.left() + PICTURE_WIDTH + GAP;
            }
        }
        float w = pc.right() - x;
        List<LimbMeasure> core = new ArrayList<>();
        List<LimbMeasure> extended = new ArrayList<>();
        for (LimbMeasure lm : LimbMeasure.values()) {
            if (sides.stream().anyMatch(s -> ms.get(MeasurementId.limb(s, lm)).isPresent())) {
                (lm.definition().isOptional() ? extended : core).add(lm);
            }
        }
        pc.y = top;
        table(pc, ms, sides, core, x, w, true);
        plausibility(pc, c, x, w);
        notMeasurable(pc, c, x, w);
        cpak(pc, c, x, w);
        column(pc, "Calibration", x, w);
        for (String line : ReportText.calibrationStatement(ms.calibration())) {
            pc.paragraph(line, x, w, 7f, line.startsWith("Warning") ? PdfReport.WARN : PdfCanvas.TEXT);
        }
        notes(pc, c, x, w);
        column(pc, "Conventions", x, w);
        // the conventions take the room left above the review: smaller type when findings filled the column
        List<String> bullets = conventions(false).stream().map(b -> "• " + b).toList();
        float size = 6f;
        while (size > 4.6f && height(pc, bullets, w, size) > pc.y - bottomLimit) {
            size -= 0.2f;
        }
        for (String b : bullets) {
            pc.paragraph(b, x, w, size, PdfCanvas.TEXT);
        }
        pc.y = Math.min(pc.y, bottomLimit);
        if (!extended.isEmpty()) {
            // the review closes page 1; the extended set follows on page 2
            PdfReport.review(pc, c, 7.5f);
            pc.newPage();
            pc.heading("Extended lower-limb set");
            table(pc, ms, sides, extended, pc.left(), pc.width() * 0.62f, false);
            column(pc, "Conventions (extended set)", pc.left(), pc.width() * 0.62f);
            for (String s : conventions(true)) {
                pc.paragraph("• " + s, pc.left(), pc.width() * 0.62f, 6.5f, PdfCanvas.TEXT);
            }
        } else {
            PdfReport.review(pc, c, 7.5f);
        }
    }

    /** The height of {@code paragraphs} set in {@code size} points across {@code w} (as {@link PdfCanvas#paragraph}). */
    private static float height(PdfCanvas pc, List<String> paragraphs, float w, float size) throws IOException {
        int lines = 0;
        for (String p : paragraphs) {
            lines += pc.wrap(p, size, w).size();
        }
        return lines * size * 1.3f;
    }

    /** The sides with at least one value, right first. */
    static List<Side> sides(MeasurementSet ms) {
        List<Side> sides = new ArrayList<>();
        for (Side s : Side.values()) {
            if (ms.measurements().stream().anyMatch(m -> m.id().side().equals(Optional.of(s)))) {
                sides.add(s);
            }
        }
        return sides.isEmpty() ? List.of(Side.R, Side.L) : sides;
    }

    private static void table(PdfCanvas pc, MeasurementSet ms, List<Side> sides, List<LimbMeasure> rows, float x,
                              float w, boolean withLld) throws IOException {
        float nameW = w * 0.27f;
        float normalW = w * 0.17f;
        float sideW = (w - nameW - normalW) / sides.size();
        float normalX = x + nameW + sides.size() * sideW;
        pc.fillRect(x, pc.y - 13, w, 13, PdfReport.BAND);
        pc.text("Measurement", x + 2, pc.y - 9.5f, SIZE, PdfCanvas.TEXT);
        for (int i = 0; i < sides.size(); i++) {
            pc.text(sides.get(i) == Side.R ? "Right (R)" : "Left (L)", x + nameW + i * sideW, pc.y - 9.5f, SIZE,
                    PdfCanvas.TEXT);
        }
        pc.text("Normal", normalX, pc.y - 9.5f, SIZE, PdfCanvas.TEXT);
        pc.y -= 14;
        if (rows.isEmpty()) {
            pc.paragraph("No value could be measured from these landmarks (see Not measurable).", x, w, SIZE,
                    PdfCanvas.GREY);
        }
        for (LimbMeasure lm : rows) {
            List<Optional<Measurement>> values = sides.stream().map(s -> ms.get(MeasurementId.limb(s, lm))).toList();
            Measurement any = values.stream().flatMap(Optional::stream).findFirst().orElseThrow();
            boolean flagged = values.stream().flatMap(Optional::stream).anyMatch(m -> !flag(m).isEmpty())
                    || any.normalRange().map(r -> r.lowReliability()).orElse(false);
            // aHKA and JLO are CPAK's coordinates: a category (varus, apex distal), not an abnormality
            float h = ROW + (flagged ? 7 : 0);
            float base = pc.y - 8.5f;
            pc.text(rowName(lm), x + 2, base, SIZE, PdfCanvas.TEXT);
            for (int i = 0; i < values.size(); i++) {
                float cx = x + nameW + i * sideW;
                Optional<Measurement> v = values.get(i);
                if (v.isEmpty()) {
                    pc.text("—", cx, base, SIZE, PdfCanvas.GREY);
                    continue;
                }
                String f = flag(v.get());
                boolean outside = v.get().isOutsideNormal() && !isCategory(lm);
                pc.text(ReportText.clinical(v.get()), cx, base, SIZE, outside ? PdfReport.WARN : PdfCanvas.TEXT);
                if (!f.isEmpty()) {
                    pc.text(f, cx, base - 7, 5.8f, outside ? PdfReport.WARN : PdfCanvas.GREY);
                }
            }
            pc.text(ReportText.clinicalNormal(any), normalX, base, SIZE - 0.5f, PdfCanvas.GREY);
            if (any.normalRange().map(r -> r.lowReliability()).orElse(false)) {
                pc.text("low reliability", normalX, base - 7, 5.8f, PdfCanvas.GREY);
            } else if (isCategory(lm)) {
                pc.text("neutral band", normalX, base - 7, 5.8f, PdfCanvas.GREY);
            }
            pc.y -= h;
            pc.line(x, pc.y + 1, x + w, pc.y + 1, 0.3f, PdfCanvas.RULE);
        }
        Optional<Measurement> lld = ms.get(MeasurementId.LLD);
        if (withLld && lld.isPresent()) {
            float base = pc.y - 8.5f;
            pc.text("LLD (R − L)", x + 2, base, SIZE, PdfCanvas.TEXT);
            Measurement m = lld.get();
            pc.text(ReportText.value(m), x + nameW, base, SIZE + 0.5f, m.isOutsideNormal() ? PdfReport.WARN : PdfCanvas.TEXT);
            pc.text(ReportText.normal(m), normalX, base, SIZE - 0.5f, PdfCanvas.GREY);
            pc.y -= ROW;
            if (m.note().isPresent()) {
                pc.paragraph(m.note().get(), x + nameW, w - nameW, 5.8f, PdfCanvas.GREY);
            }
            pc.line(x, pc.y + 1, x + w, pc.y + 1, 0.3f, PdfCanvas.RULE);
        }
        // HKA's own note: the 180°-based value and where a varus or valgus comes from (measurements.md)
        for (Side side : sides) {
            Optional<Measurement> hka = rows.contains(LimbMeasure.HKA) ? ms.get(MeasurementId.limb(side, LimbMeasure.HKA))
                    : Optional.empty();
            if (hka.isPresent() && hka.get().note().isPresent()) {
                pc.paragraph(ReportText.fullName(hka.get().id()).replace(" (mechanical)", "") + ": " + hka.get().note().get(),
                        x, w, SMALL, PdfCanvas.GREY);
            }
        }
        String cal = ms.measurements().stream().flatMap(m -> m.calibrationLabel().stream()).findFirst()
                .map(l -> "Lengths in " + l + ". ").orElse("");
        pc.y -= 2;
        pc.paragraph(cal + "HKA and aTFA as the deviation from straight; MAD: where the line hip–ankle passes the "
                + "knee centre. Values outside normal in orange.", x, w, SMALL, PdfCanvas.GREY);
    }

    /** The row's name: the definition's short label without its parenthesis ("HKA", "Femur length", "JLO"). */
    static String rowName(LimbMeasure lm) {
        String a = lm.definition().abbreviation();
        int paren = a.indexOf(" (");
        return paren > 0 ? a.substring(0, paren) : a;
    }

    private static String rowNameOf(MeasurementId id) {
        return id.limbMeasure().map(LongLegPages::rowName).orElse(ReportText.shortName(id));
    }

    /** True for aHKA and JLO, read as CPAK categories. */
    static boolean isCategory(LimbMeasure lm) {
        return lm == LimbMeasure.AHKA || lm == LimbMeasure.JLO;
    }

    /**
     * The words under a value: for aHKA and JLO their category (below the neutral band: "varus",
     * "apex distal"; above: "valgus", "apex proximal"; else "neutral"); "outside normal" for a
     * deviation, "above normal"/"below normal" for the others, with "low reliability".
     */
    static String flag(Measurement m) {
        Optional<LimbMeasure> lm = m.id().limbMeasure();
        // "low reliability" (JLCA) stands once, under the normal range
        if (lm.isPresent() && isCategory(lm.get()) && m.normalRange().isPresent()) {
            boolean ahka = lm.get() == LimbMeasure.AHKA;
            double v = m.value();
            return v < m.normalRange().get().lower() ? (ahka ? "varus" : "apex distal")
                    : v > m.normalRange().get().upper() ? (ahka ? "valgus" : "apex proximal") : "neutral";
        }
        String f = ReportText.flag(m).replace(", low reliability", "").replace("low reliability", "");
        return ReportText.isDeviation(m) ? f.replace("above normal", "outside normal").replace("below normal", "outside normal") : f;
    }

    private static void column(PdfCanvas pc, String title, float x, float w) throws IOException {
        pc.y -= 5;
        pc.text(title, x, pc.y - 9, 9, PdfCanvas.TEXT);
        pc.y -= 12;
        pc.line(x, pc.y, x + w, pc.y, 0.5f, PdfCanvas.RULE);
        pc.y -= 3;
    }

    private static void plausibility(PdfCanvas pc, ReportContent c, float x, float w) throws IOException {
        List<String> flags = ReportText.plausibility(c.landmarks(), c.measurements().calibration());
        if (flags.isEmpty()) {
            return;
        }
        column(pc, "Check these landmarks", x, w);
        for (String f : flags) {
            pc.paragraph("• " + f, x, w, 7f, PdfReport.WARN);
        }
    }

    private static void notMeasurable(PdfCanvas pc, ReportContent c, float x, float w) throws IOException {
        Map<MeasurementId, Missing> missing = c.measurements().missingWhereWorkedOn(c.landmarks());
        // the extended set is optional: its absence is not news; one line per leg and reason
        Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
        missing.forEach((id, why) -> {
            if (!id.definition().isOptional()) {
                String who = id.side().map(ReportText::sideWord).map(w2 -> w2 + " leg").orElse(ReportText.shortName(id));
                String name = id.side().isPresent() ? rowNameOf(id) : "";
                byReason.computeIfAbsent(who + "\u0000" + why.describe(), k -> new ArrayList<>()).add(name);
            }
        });
        List<String> lines = new ArrayList<>();
        byReason.forEach((key, names) -> {
            String[] parts = key.split("\u0000", 2);
            String what = names.stream().filter(n -> !n.isEmpty()).collect(java.util.stream.Collectors.joining(", "));
            lines.add(parts[0] + (what.isEmpty() ? "" : " (" + what + ")") + ": " + ReportText.withNames(parts[1]));
        });
        if (lines.isEmpty()) {
            return;
        }
        column(pc, "Not measurable", x, w);
        for (String l : lines) {
            pc.paragraph(l, x, w, 6.5f, PdfCanvas.TEXT);
        }
    }

    private static void cpak(PdfCanvas pc, ReportContent c, float x, float w) throws IOException {
        MeasurementSet ms = c.measurements();
        java.util.Map<Side, CpakType> types = new java.util.EnumMap<>(Side.class);
        for (Side s : Side.values()) {
            ms.get(MeasurementId.limb(s, LimbMeasure.CPAK)).flatMap(Measurement::text)
                    .ifPresent(t -> types.put(s, CpakType.valueOf(t)));
        }
        if (types.isEmpty()) {
            return;
        }
        column(pc, "CPAK (Coronal Plane Alignment of the Knee)", x, w);
        float cellW = 30;
        float cellH = 15;
        float labelW = 48;
        float x0 = x + labelW;
        float top = pc.y - 9;
        String band = c.options().cpakAsianBand() ? "3" : "2";
        String[] columns = {"aHKA < −" + band + "°", "±" + band + "°", "> " + band + "°"};
        String[] rows = {"JLO < 177°", "177–183°", "JLO > 183°"};
        for (int col = 0; col < 3; col++) {
            pc.textCentred(columns[col], x0 + col * cellW + cellW / 2, top + 2, 5.5f, PdfCanvas.GREY);
        }
        for (int row = 0; row < 3; row++) {
            float yb = top - (row + 1) * cellH;
            pc.text(rows[row], x, yb + cellH / 2 - 2, 5.8f, PdfCanvas.GREY);
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
                    pc.fillRect(xc, yb, cellW, cellH, PdfReport.MARK);
                }
                pc.strokeRect(xc, yb, cellW, cellH, 0.5f, PdfCanvas.GREY);
                pc.textCentred(t.name() + (marks.isEmpty() ? "" : " " + String.join(" ", marks)), xc + cellW / 2,
                        yb + cellH / 2 - 2.5f, 6.5f, marks.isEmpty() ? PdfCanvas.TEXT : PdfReport.WARN);
            }
        }
        float tx = x0 + 3 * cellW + 8;
        float saved = pc.y;
        pc.y = top + 4;
        for (Map.Entry<Side, CpakType> e : types.entrySet()) {
            Side s = e.getKey();
            String ahka = ms.get(MeasurementId.limb(s, LimbMeasure.AHKA)).map(ReportText::value).orElse("?");
            String jlo = ms.get(MeasurementId.limb(s, LimbMeasure.JLO)).map(ReportText::value).orElse("?");
            pc.paragraph(ReportText.sideWord(s) + " knee: type " + e.getValue().name() + ", " + e.getValue().describe()
                    + " (aHKA " + ahka + ", JLO " + jlo + ")", tx, x + w - tx, 6.5f, PdfCanvas.TEXT);
            pc.y -= 2;
        }
        pc.y = Math.min(Math.min(pc.y, saved), top - 3 * cellH - 3);
        pc.paragraph("aHKA = MPTA − mLDFA; JLO = MPTA + mLDFA; neutral aHKA ±" + band + "°"
                + (c.options().cpakAsianBand() ? " (Asian modification)" : "") + ", JLO 177–183°, bounds inclusive.",
                x, w, 5.8f, PdfCanvas.GREY);
    }

    private static void notes(PdfCanvas pc, ReportContent c, float x, float w) throws IOException {
        List<String> notes = PdfReport.notes(c);
        if (notes.isEmpty()) {
            return;
        }
        column(pc, "Notes", x, w);
        for (String n : notes) {
            pc.paragraph("• " + n, x, w, 6.8f, n.contains("unconfirmed") ? PdfReport.WARN : PdfCanvas.TEXT);
        }
    }

    /** The conventions of the core values ({@code extended} false) or of the extended set (true). */
    static List<String> conventions(boolean extended) {
        List<String> out = new ArrayList<>();
        for (String s : ReportText.CONVENTIONS) {
            boolean ext = s.startsWith("Extended set") || s.startsWith("aTFA");
            boolean spine = s.startsWith("Cobb");
            if (!spine && ext == extended) {
                out.add(s);
            }
        }
        return out;
    }
}
