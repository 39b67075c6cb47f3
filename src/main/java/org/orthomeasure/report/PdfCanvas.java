package org.orthomeasure.report;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A small flowing layout over PDFBox for A4 portrait pages: a cursor {@link #y} that moves down,
 * wrapped text, lines, rectangles and images, and a new page when the next block does not fit.
 * Text is shown in the embedded DejaVu Sans; characters the font lacks are replaced by '?' (and
 * counted), never dropped silently and never an exception.
 */
final class PdfCanvas implements Closeable {

    static final float MARGIN = 42f;
    static final PDRectangle SIZE = PDRectangle.A4;
    static final Color TEXT = new Color(20, 20, 20);
    static final Color GREY = new Color(95, 95, 95);
    static final Color RULE = new Color(170, 170, 170);

    private final PDDocument doc;
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPage page;
    private PDPageContentStream cs;
    private int replaced;
    /** The cursor: the top of the next block, in PDF points from the bottom of the page. */
    float y;

    PdfCanvas(PDDocument doc) throws IOException {
        this.doc = doc;
        this.font = PDType0Font.load(doc, new ByteArrayInputStream(ReportFont.bytes()), true);
        newPage();
    }

    float left() {
        return MARGIN;
    }

    float right() {
        return SIZE.getWidth() - MARGIN;
    }

    float width() {
        return right() - left();
    }

    float bottom() {
        return MARGIN + 14; // room for the footer
    }

    PDDocument document() {
        return doc;
    }

    /** Characters replaced by '?' because the font has no glyph for them. */
    int replacedCharacters() {
        return replaced;
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        page = new PDPage(SIZE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = SIZE.getHeight() - MARGIN;
    }

    /** True when {@code height} points fit above the bottom margin on this page. */
    boolean fits(float height) {
        return y - height >= bottom();
    }

    /** Starts a new page unless {@code height} points fit above the bottom margin. */
    void ensure(float height) throws IOException {
        if (y - height < bottom()) {
            newPage();
        }
    }

    /** {@code s} with every character the font cannot show replaced by '?'. */
    String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                b.append(' ');
            } else if (glyphs.computeIfAbsent(cp, this::canShow)) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
                replaced++;
            }
        });
        return b.toString();
    }

    private boolean canShow(int cp) {
        try {
            // Throws IllegalArgumentException "No glyph for U+..." when the font lacks the character.
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    float textWidth(String s, float size) throws IOException {
        return font.getStringWidth(safe(s)) / 1000f * size;
    }

    /** Draws one line of text with its baseline at {@code baseline}. */
    void text(String s, float x, float baseline, float size, Color colour) throws IOException {
        String t = safe(s);
        if (t.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(colour);
        cs.newLineAtOffset(x, baseline);
        cs.showText(t);
        cs.endText();
    }

    /** Draws {@code s} right-aligned to {@code xRight}. */
    void textRight(String s, float xRight, float baseline, float size, Color colour) throws IOException {
        text(s, xRight - textWidth(s, size), baseline, size, colour);
    }

    /** Draws {@code s} centred on {@code xCentre}. */
    void textCentred(String s, float xCentre, float baseline, float size, Color colour) throws IOException {
        text(s, xCentre - textWidth(s, size) / 2, baseline, size, colour);
    }

    /** Splits {@code s} into lines no wider than {@code width} at {@code size} (breaking at spaces; long words are cut). */
    List<String> wrap(String s, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(s).split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (textWidth(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String w = word;
            while (textWidth(w, size) > width && w.length() > 1) {
                int cut = w.length() - 1;
                while (cut > 1 && textWidth(w.substring(0, cut), size) > width) {
                    cut--;
                }
                lines.add(w.substring(0, cut));
                w = w.substring(cut);
            }
            line.append(w);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Writes a wrapped paragraph at {@code x} with {@code width} and moves the cursor below it. */
    void paragraph(String s, float x, float width, float size, Color colour) throws IOException {
        float leading = size * 1.3f;
        for (String line : wrap(s, size, width)) {
            ensure(leading);
            text(line, x, y - size, size, colour);
            y -= leading;
        }
    }

    /** A section heading across the page, with a rule under it. */
    void heading(String s) throws IOException {
        ensure(40);
        y -= 8;
        text(s, left(), y - 11, 11, TEXT);
        y -= 15;
        line(left(), y, right(), y, 0.6f, RULE);
        y -= 5;
    }

    void line(float x1, float y1, float x2, float y2, float width, Color colour) throws IOException {
        cs.setStrokingColor(colour);
        cs.setLineWidth(width);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    void strokeRect(float x, float yBottom, float w, float h, float width, Color colour) throws IOException {
        cs.setStrokingColor(colour);
        cs.setLineWidth(width);
        cs.addRect(x, yBottom, w, h);
        cs.stroke();
    }

    void fillRect(float x, float yBottom, float w, float h, Color colour) throws IOException {
        cs.setNonStrokingColor(colour);
        cs.addRect(x, yBottom, w, h);
        cs.fill();
    }

    void image(PDImageXObject image, float x, float yBottom, float w, float h) throws IOException {
        cs.drawImage(image, x, yBottom, w, h);
    }

    /** Writes "footer — page i of n" on every page. */
    void footers(String footer) throws IOException {
        cs.close();
        cs = null;
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream f = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true,
                    true)) {
                String t = safe(footer + " — page " + (i + 1) + " of " + n);
                f.beginText();
                f.setFont(font, 7.5f);
                f.setNonStrokingColor(GREY);
                f.newLineAtOffset(left(), MARGIN - 10);
                f.showText(t);
                f.endText();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }
}
