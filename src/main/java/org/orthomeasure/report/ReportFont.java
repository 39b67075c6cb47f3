package org.orthomeasure.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans (Bitstream Vera licence, see {@code DejaVuSans-LICENSE.txt} beside it), shipped in the
 * jar so that reports and pictures look the same on every machine and show °, ±, −, accented,
 * Greek and Cyrillic names.
 */
final class ReportFont {

    private static final String RESOURCE = "DejaVuSans.ttf";

    private ReportFont() {
    }

    /** The font file's bytes, read from the class path. */
    static byte[] bytes() {
        try (InputStream in = ReportFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the report font " + RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report font " + RESOURCE, e);
        }
    }

    /** The font for Java2D at {@code size} pixels. */
    static Font awt(float size) {
        return AwtHolder.BASE.deriveFont(size);
    }

    /** Loaded once on first use; {@link Font} is immutable. */
    private static final class AwtHolder {
        static final Font BASE = load();

        private static Font load() {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes()));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot load the report font " + RESOURCE, e);
            }
        }
    }
}
