package org.orthomeasure.report;

import org.orthomeasure.io.AtomicFiles;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.orthomeasure.core.compare.Comparison;
import org.orthomeasure.core.compare.InterObserverLimits;
import org.orthomeasure.core.compare.LandmarkDifference;
import org.orthomeasure.core.compare.MeasurementDifference;
import org.orthomeasure.core.compare.Verdict;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.measure.Unit;
import org.orthomeasure.core.overlay.Overlay;
import org.orthomeasure.core.overlay.OverlayBuilder;
import org.orthomeasure.core.overlay.OverlayGroup;
import org.orthomeasure.core.overlay.OverlayRole;
import org.orthomeasure.core.overlay.TextLabel;

/**
 * The one-page comparison of two readings (check mode, issue 6): both readings drawn over the film in
 * two colours, the measurement table (A, B, A − B, limit, verdict, end vertebrae), the landmark
 * distances, the limits used and the calibration. Written atomically.
 */
public final class ComparisonPdf {

    /** Reading A's colour (orange) and reading B's (blue): distinguishable with the common colour deficiencies. */
    public static final Color COLOUR_A = new Color(255, 150, 0);
    public static final Color COLOUR_B = new Color(0, 170, 255);
    static final float PICTURE_WIDTH = 200f;
    static final float PICTURE_MAX_HEIGHT = 470f;
    static final Set<OverlayGroup> PICTURE_GROUPS = EnumSet.complementOf(
            EnumSet.of(OverlayGroup.LANDMARK_LABELS, OverlayGroup.LENGTHS));

    private ComparisonPdf() {
    }

    /** Writes the comparison to {@code file}. */
    public static void write(ComparisonContent content, Path file) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (PDDocument doc = new PDDocument()) {
                render(content, doc);
                doc.save(tmp.toFile());
            }
        });
    }

    /**
     * The picture's layers: each reading's overlay without text (the values are in the table), in its
     * colour; B is drawn on top as {@link OverlayRole#REFERENCE} (thin lines, rings) so A stays visible.
     */
    static List<AnnotatedImage.Layer> layers(ComparisonContent c) {
        return List.of(new AnnotatedImage.Layer(withoutText(c.readingA(), c.comparison().measurementsA()),
                        Palette.single(COLOUR_A)),
                new AnnotatedImage.Layer(withoutText(c.readingB(), c.comparison().measurementsB())
                        .withRole(OverlayRole.REFERENCE), Palette.single(COLOUR_B)));
    }

    private static Overlay withoutText(LandmarkSet set, MeasurementSet ms) {
        return Overlay.of(OverlayBuilder.build(set, ms).items().stream()
                .filter(i -> !(i.shape() instanceof TextLabel)).toList());
    }

    static void render(ComparisonContent c, PDDocument doc) throws IOException {
        doc.getDocumentInformation().setTitle("OrthoMeasure reading comparison");
        doc.getDocumentInformation().setCreator("OrthoMeasure " + c.softwareVersion());
        Comparison cmp = c.comparison();
        try (PdfCanvas pc = new PdfCanvas(doc)) {
            pc.text("OrthoMeasure reading comparison", pc.left(), pc.y - 15, 15, PdfCanvas.TEXT);
            pc.textRight(c.generatedAt().format(PdfReport.WHEN), pc.right(), pc.y - 13, 9, PdfCanvas.GREY);
            pc.y -= 24;
            legend(pc, c);
            summary(pc, cmp);

            float top = pc.y - 4;
            float tableX = pc.left();
            float pictureBottom = top;
            Optional<AnnotatedImage.Printed> picture = AnnotatedImage.renderForPrint(c.film(), layers(c),
                    AnnotatedImage.Framing.AROUND_LANDMARKS, PICTURE_WIDTH,
                    Math.min(PICTURE_MAX_HEIGHT, top - pc.bottom() - 20), PICTURE_GROUPS);
            if (picture.isPresent()) {
                AnnotatedImage.Printed p = picture.get();
                PDImageXObject x = JPEGFactory.createFromImage(doc, p.image(), 0.9f);
                pc.image(x, pc.left(), top - p.heightPt(), p.widthPt(), p.heightPt());
                pc.strokeRect(pc.left(), top - p.heightPt(), p.widthPt(), p.heightPt(), 0.5f, PdfCanvas.RULE);
                pictureBottom = top - p.heightPt() - 4;
                String caption = (c.film().isPresent() ? "" : "No image: annotations on black. ")
                        + "Orange = A (thick, dots), blue = B (thin, rings).";
                pc.text(caption, pc.left(), pictureBottom - 7, 6.5f, PdfCanvas.GREY);
                pictureBottom -= 12;
                tableX = pc.left() + PICTURE_WIDTH + 10;
            }
            pc.y = top;
            measurementTable(pc, cmp, tableX, pc.right() - tableX);
            pc.y -= 6;
            landmarkTable(pc, cmp, tableX, pc.right() - tableX);
            pc.y = Math.min(pc.y, pictureBottom);
            pc.heading("Limits and calibration");
            InterObserverLimits l = cmp.limits();
            pc.paragraph(String.format(Locale.ROOT, "A difference exceeds the usual inter-observer limit when |A − B| is "
                    + "larger than: Cobb %s°, HKA/mLDFA/MPTA %s° (the upper end of the usual 1–1.5°), lengths %s mm "
                    + "(calibrated lengths only). JLCA, aHKA, JLO and the extended-set angles (mLPFA … aTFA) have no limit in "
                    + "the specification and are "
                    + "shown without a verdict.", plain(l.cobbDeg()), plain(l.limbAngleDeg()), plain(l.lengthMm())),
                    pc.left(), pc.width(), 7.5f, PdfCanvas.TEXT);
            for (String line : ReportText.calibrationStatement(cmp.calibration())) {
                pc.paragraph(line, pc.left(), pc.width(), 7.5f, line.startsWith("Warning") ? PdfReport.WARN
                        : PdfCanvas.TEXT);
            }
            pc.footers("OrthoMeasure " + c.softwareVersion() + " — comparison of " + c.nameA() + " (A) with "
                    + c.nameB() + " (B)");
        }
    }

    private static void legend(PdfCanvas pc, ComparisonContent c) throws IOException {
        float size = 9;
        pc.fillRect(pc.left(), pc.y - 9, 18, 4, COLOUR_A);
        pc.text("A: " + c.nameA(), pc.left() + 24, pc.y - 10, size, PdfCanvas.TEXT);
        float half = pc.left() + pc.width() / 2;
        pc.fillRect(half, pc.y - 9, 18, 4, COLOUR_B);
        pc.text("B: " + c.nameB(), half + 24, pc.y - 10, size, PdfCanvas.TEXT);
        pc.y -= 15;
        pc.text("OrthoMeasure " + c.softwareVersion() + " · differences are A − B · image: "
                + (c.film().isPresent() ? "shown" : "none"), pc.left(), pc.y - 8, 7.5f, PdfCanvas.GREY);
        pc.y -= 12;
    }

    private static void summary(PdfCanvas pc, Comparison cmp) throws IOException {
        List<MeasurementDifference> ex = cmp.exceeding();
        long judged = cmp.measurements().stream().filter(m -> m.verdict() == Verdict.WITHIN_LIMIT
                || m.verdict() == Verdict.EXCEEDS_LIMIT).count();
        StringBuilder s = new StringBuilder();
        s.append(ex.size()).append(" of ").append(judged).append(" measurements with a limit differ by more than it");
        if (!ex.isEmpty()) {
            s.append(": ");
            s.append(String.join(", ", ex.stream().map(m -> ReportText.fullName(m.id())).toList()));
        }
        s.append(".");
        List<String> ends = cmp.measurements().stream().filter(m -> m.sameEnds().isPresent() && !m.sameEnds().get())
                .map(m -> ReportText.fullName(m.id())).toList();
        if (!ends.isEmpty()) {
            s.append(" Different end vertebrae: ").append(String.join(", ", ends)).append(".");
        }
        cmp.largestLandmarkDistance().ifPresent(d -> s.append(" Largest landmark distance: ").append(d.id())
                .append(" ").append(ReportText.withUnit(d.distance().getAsDouble(), d.unit())).append("."));
        pc.paragraph(s.toString(), pc.left(), pc.width(), 9, ex.isEmpty() ? PdfCanvas.TEXT : PdfReport.WARN);
    }

    private static void measurementTable(PdfCanvas pc, Comparison cmp, float x, float w) throws IOException {
        float[] cols = {x, x + w * 0.29f, x + w * 0.43f, x + w * 0.57f, x + w * 0.70f, x + w * 0.815f};
        float size = 7.5f;
        pc.text("Measurement", cols[0], pc.y - 8, 7, PdfCanvas.GREY);
        pc.text("A", cols[1], pc.y - 8, 7, COLOUR_A.darker());
        pc.text("B", cols[2], pc.y - 8, 7, COLOUR_B.darker());
        pc.text("A − B", cols[3], pc.y - 8, 7, PdfCanvas.GREY);
        pc.text("Limit", cols[4], pc.y - 8, 7, PdfCanvas.GREY);
        pc.text("Verdict", cols[5], pc.y - 8, 7, PdfCanvas.GREY);
        pc.y -= 10;
        pc.line(x, pc.y, x + w, pc.y, 0.5f, PdfCanvas.RULE);
        pc.y -= 1;
        if (cmp.measurements().isEmpty()) {
            pc.paragraph("Neither reading allows a measurement.", x, w, size, PdfCanvas.GREY);
        }
        for (MeasurementDifference m : cmp.measurements()) {
            String ends = ends(m);
            pc.ensure(ends.isEmpty() ? 10 : 18);
            float base = pc.y - 8;
            Color colour = m.exceeds() || m.verdict() == Verdict.DIFFERENT ? PdfReport.WARN : PdfCanvas.TEXT;
            String name = m.id().side().map(sd -> sd.name() + " " + ReportText.shortName(m.id()))
                    .orElse(ReportText.fullName(m.id()));
            pc.text(name, cols[0], base, size, PdfCanvas.TEXT);
            pc.text(m.a().map(ReportText::value).orElse("—"), cols[1], base, size, PdfCanvas.TEXT);
            pc.text(m.b().map(ReportText::value).orElse("—"), cols[2], base, size, PdfCanvas.TEXT);
            Unit unit = m.a().or(m::b).map(Measurement::unit).orElse(Unit.NONE);
            pc.text(m.difference().isPresent() ? ReportText.withUnit(m.difference().getAsDouble(), unit) : "",
                    cols[3], base, size, colour);
            pc.text(m.limit().map(l -> "±" + ReportText.withUnit(l, unit)).orElse(""), cols[4], base, size - 0.5f,
                    PdfCanvas.GREY);
            pc.text(m.verdict().label(), cols[5], base, size - 0.5f, colour);
            pc.y -= 10;
            if (!ends.isEmpty()) {
                pc.text(ends, cols[0] + 6, pc.y - 6.5f, 6.5f, m.sameEnds().orElse(true) ? PdfCanvas.GREY : PdfReport.WARN);
                pc.y -= 8;
            }
        }
        pc.line(x, pc.y - 1, x + w, pc.y - 1, 0.5f, PdfCanvas.RULE);
        pc.y -= 3;
    }

    private static String ends(MeasurementDifference m) {
        if (m.sameEnds().isEmpty()) {
            return "";
        }
        Measurement a = m.a().orElseThrow();
        Measurement b = m.b().orElseThrow();
        return "end vertebrae A " + a.from().get() + "–" + a.to().get() + ", B " + b.from().get() + "–" + b.to().get()
                + (m.sameEnds().get() ? " (same)" : " (different)");
    }

    /**
     * Landmark distances in columns; vertebrae are summarised per level by their largest corner distance
     * (68 corners would not fit one page).
     */
    private static void landmarkTable(PdfCanvas pc, Comparison cmp, float x, float w) throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        Map<String, Double> perLevel = new LinkedHashMap<>();
        Unit unit = Unit.PX;
        List<String> onlyOne = new ArrayList<>();
        for (LandmarkDifference d : cmp.landmarks()) {
            unit = d.unit();
            if (d.distance().isEmpty()) {
                onlyOne.add(d.id() + (d.a().isPresent() ? " (A only)" : " (B only)"));
                continue;
            }
            double v = d.distance().getAsDouble();
            boolean corner = !d.id().startsWith("R.") && !d.id().startsWith("L.") && !d.id().startsWith("cobbLines");
            if (corner) {
                perLevel.merge(d.id().substring(0, d.id().indexOf('.')), v, Math::max);
            } else {
                rows.put(d.id(), ReportText.number(v));
            }
        }
        perLevel.forEach((level, v) -> rows.put(level + " (max corner)", ReportText.number(v)));
        if (rows.isEmpty() && onlyOne.isEmpty()) {
            return;
        }
        pc.ensure(30);
        pc.text("Landmark distance A–B (" + (unit == Unit.MM ? "mm" : "px") + ")", x, pc.y - 8, 7.5f, PdfCanvas.GREY);
        pc.y -= 11;
        int columns = 2;
        float colW = w / columns;
        List<Map.Entry<String, String>> list = new ArrayList<>(rows.entrySet());
        int perColumn = (list.size() + columns - 1) / columns;
        pc.ensure(perColumn * 9f);
        float startY = pc.y;
        for (int i = 0; i < list.size(); i++) {
            int col = i / Math.max(1, perColumn);
            int row = i % Math.max(1, perColumn);
            float cx = x + col * colW;
            float base = startY - 7 - row * 9f;
            pc.text(list.get(i).getKey(), cx, base, 7, PdfCanvas.TEXT);
            pc.textRight(list.get(i).getValue(), cx + colW - 12, base, 7, PdfCanvas.TEXT);
        }
        pc.y = startY - perColumn * 9f - 2;
        if (!onlyOne.isEmpty()) {
            pc.paragraph("In one reading only: " + String.join(", ", onlyOne) + ".", x, w, 7, PdfCanvas.GREY);
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
