package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.TagFromName;
import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;

/**
 * Turns the decoded Pixel Data of a read attribute list into the first frame's stored values
 * (grey) or 8-bit RGB (RGB, YBR_FULL, PALETTE COLOR), applying Bits Stored / High Bit and the
 * sign of Pixel Representation (PS3.3 C.7.6.3).
 */
final class DicomPixels {

    private DicomPixels() {
    }

    /** Image Pixel module values, validated. */
    record Layout(int rows, int columns, int frames, int samplesPerPixel, int bitsAllocated, int bitsStored,
                  int highBit, boolean signed, int planarConfiguration, String photometric,
                  boolean photometricMissing) {

        long samplesPerFrame() {
            return (long) rows * columns * samplesPerPixel;
        }

        long bytesDeclared() {
            return (samplesPerFrame() * frames * bitsAllocated + 7) / 8;
        }

        boolean isGrey() {
            return photometric.equals("MONOCHROME1") || photometric.equals("MONOCHROME2");
        }
    }

    static Layout layout(AttributeList l, String name) throws ImageReadException {
        int rows = intValue(l, TagFromName.Rows, -1);
        int columns = intValue(l, TagFromName.Columns, -1);
        if (rows < 0 || columns < 0) {
            throw new ImageReadException(name + ": DICOM file without an image (no Rows/Columns)");
        }
        int frames = Math.max(1, parseFrames(Attribute.getSingleStringValueOrNull(l, TagFromName.NumberOfFrames)));
        int spp = intValue(l, TagFromName.SamplesPerPixel, 1);
        int bitsAllocated = intValue(l, TagFromName.BitsAllocated, 16);
        int bitsStored = intValue(l, TagFromName.BitsStored, bitsAllocated);
        int highBit = intValue(l, TagFromName.HighBit, bitsStored - 1);
        boolean signed = intValue(l, TagFromName.PixelRepresentation, 0) == 1;
        int planar = intValue(l, TagFromName.PlanarConfiguration, 0);
        String pi = Attribute.getSingleStringValueOrEmptyString(l, TagFromName.PhotometricInterpretation).strip();
        boolean piMissing = pi.isEmpty();
        if (piMissing) {
            pi = spp == 3 ? "RGB" : "MONOCHROME2";
        }
        if (bitsAllocated != 8 && bitsAllocated != 16) {
            throw new ImageReadException(name + ": " + bitsAllocated + " bits allocated per sample is not supported (8 or 16)");
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw new ImageReadException(name + ": inconsistent Bits Stored " + bitsStored + " / High Bit " + highBit
                    + " for " + bitsAllocated + " bits allocated");
        }
        if (highBit != bitsStored - 1) {
            throw new ImageReadException(name + ": High Bit " + highBit + " with Bits Stored " + bitsStored
                    + ": the stored bits do not end at bit " + (bitsStored - 1) + " as the radiograph IODs require"
                    + " (PS3.3 C.8.11.3.1); refused rather than guessed");
        }
        if (spp != 1 && spp != 3) {
            throw new ImageReadException(name + ": " + spp + " samples per pixel is not supported (1 or 3)");
        }
        return new Layout(rows, columns, frames, spp, bitsAllocated, bitsStored, highBit, signed, planar, pi, piMissing);
    }

    private static int parseFrames(String s) {
        if (s == null || s.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static int intValue(AttributeList l, AttributeTag tag, int dflt) {
        Attribute a = l.get(tag);
        if (a == null || a.getVM() == 0) {
            return dflt;
        }
        return a.getSingleIntegerValueOrDefault(dflt);
    }

    /** Fills the builder with the first frame. */
    static void firstFrame(AttributeList l, Layout lay, String name, Radiograph.Builder b)
            throws ImageReadException, DicomException {
        Attribute pd = l.get(TagFromName.PixelData);
        if (pd == null) {
            throw new ImageReadException(name + ": DICOM file has no pixel data");
        }
        int n = lay.rows() * lay.columns();
        int samples = (int) lay.samplesPerFrame();
        int shift = lay.highBit() + 1 - lay.bitsStored();
        int mask = (1 << lay.bitsStored()) - 1;
        byte[] bytes = null;
        short[] words = null;
        if (lay.bitsAllocated() == 8
                || (pd instanceof OtherByteAttribute && (pd.getByteValues() == null || pd.getByteValues().length < 2L * samples))) {
            // 8-bit data, or a decoder that returned samples of at most 8 bits as bytes (JPEG precision 8)
            bytes = pd.getByteValues();
            check(bytes == null ? 0 : bytes.length, samples, lay.frames(), name);
        } else {
            words = pd instanceof OtherByteAttribute ? wordsFromBytes(pd.getByteValues()) : pd.getShortValues();
            check(words == null ? 0 : words.length, samples, lay.frames(), name);
        }
        if (lay.isGrey()) {
            if (lay.samplesPerPixel() != 1) {
                throw new ImageReadException(name + ": " + lay.photometric() + " with " + lay.samplesPerPixel()
                        + " samples per pixel is inconsistent");
            }
            short[] stored = new short[n];
            int signBit = 1 << (lay.bitsStored() - 1);
            int wrap = 1 << lay.bitsStored();
            boolean signed = lay.signed();
            for (int i = 0; i < n; i++) {
                int raw = bytes != null ? bytes[i] & 0xFF : words[i] & 0xFFFF;
                int v = (raw >> shift) & mask;
                if (signed && (v & signBit) != 0) {
                    v -= wrap;
                }
                stored[i] = (short) v;
            }
            b.grey(lay.columns(), lay.rows(), stored, lay.signed(), lay.bitsStored());
            return;
        }
        int[] raw = new int[samples];
        for (int i = 0; i < samples; i++) {
            raw[i] = bytes != null ? bytes[i] & 0xFF : words[i] & 0xFFFF;
        }
        int toEight = Math.max(0, lay.bitsStored() - 8);
        int[] rgb = new int[n];
        switch (lay.photometric()) {
            case "RGB", "YBR_FULL" -> {
                if (lay.samplesPerPixel() != 3) {
                    throw new ImageReadException(name + ": " + lay.photometric() + " needs 3 samples per pixel");
                }
                boolean ybr = lay.photometric().equals("YBR_FULL");
                for (int i = 0; i < n; i++) {
                    int a;
                    int c;
                    int d;
                    if (lay.planarConfiguration() == 1) {
                        a = raw[i];
                        c = raw[n + i];
                        d = raw[2 * n + i];
                    } else {
                        a = raw[3 * i];
                        c = raw[3 * i + 1];
                        d = raw[3 * i + 2];
                    }
                    a = ((a >> shift) & mask) >> toEight;
                    c = ((c >> shift) & mask) >> toEight;
                    d = ((d >> shift) & mask) >> toEight;
                    rgb[i] = ybr ? ybrToRgb(a, c, d) : a << 16 | c << 8 | d;
                }
            }
            case "PALETTE COLOR" -> {
                int[][] palette = palette(l, name);
                for (int i = 0; i < n; i++) {
                    int v = (raw[i] >> shift) & mask;
                    rgb[i] = lookup(palette[0], v, palette[3][0]) << 16 | lookup(palette[1], v, palette[3][1]) << 8
                            | lookup(palette[2], v, palette[3][2]);
                }
            }
            default -> throw new ImageReadException(name + ": photometric interpretation " + lay.photometric()
                    + " is not supported");
        }
        b.rgb(lay.columns(), lay.rows(), rgb);
    }

    /**
     * The decoded samples must be the first frame at least and, over all frames, no more than declared
     * (one padding sample allowed): more means Rows/Columns do not describe the data.
     */
    private static void check(int have, int perFrame, int frames, String name) throws ImageReadException {
        if (have < perFrame) {
            throw new ImageReadException(name + ": pixel data shorter than declared (" + have + " of " + perFrame + " samples)");
        }
        if (have > (long) perFrame * frames + 1) {
            throw new ImageReadException(name + ": pixel data longer than declared (" + have + " samples, "
                    + (long) perFrame * frames + " declared): Rows, Columns or Number of Frames do not describe the data");
        }
    }

    private static short[] wordsFromBytes(byte[] bytes) {
        if (bytes == null) {
            return new short[0];
        }
        short[] w = new short[bytes.length / 2];
        for (int i = 0; i < w.length; i++) {
            w[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8);
        }
        return w;
    }

    /** YCbCr (full range, PS3.3 C.7.6.3.1.2) to 0xRRGGBB. */
    static int ybrToRgb(int y, int cb, int cr) {
        int r = clamp(Math.round(y + 1.402f * (cr - 128)));
        int g = clamp(Math.round(y - 0.344136f * (cb - 128) - 0.714136f * (cr - 128)));
        int bl = clamp(Math.round(y + 1.772f * (cb - 128)));
        return r << 16 | g << 8 | bl;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Red, green, blue tables and {firstMapped} x3 in row 3; entries scaled to 8 bits. */
    private static int[][] palette(AttributeList l, String name) throws ImageReadException, DicomException {
        AttributeTag[] descriptors = {TagFromName.RedPaletteColorLookupTableDescriptor,
                TagFromName.GreenPaletteColorLookupTableDescriptor, TagFromName.BluePaletteColorLookupTableDescriptor};
        AttributeTag[] data = {TagFromName.RedPaletteColorLookupTableData,
                TagFromName.GreenPaletteColorLookupTableData, TagFromName.BluePaletteColorLookupTableData};
        int[][] result = new int[4][];
        result[3] = new int[3];
        for (int c = 0; c < 3; c++) {
            Attribute desc = l.get(descriptors[c]);
            Attribute d = l.get(data[c]);
            if (desc == null || d == null || desc.getVM() < 3) {
                throw new ImageReadException(name + ": PALETTE COLOR without a usable palette (segmented palettes are not supported)");
            }
            int[] dv = desc.getIntegerValues();
            int entries = dv[0] == 0 ? 65536 : dv[0] & 0xFFFF;
            int bits = dv[2];
            int[] table = LutData.values(d, entries, bits);
            int shift = bits > 8 ? bits - 8 : 0;
            for (int i = 0; i < table.length; i++) {
                table[i] = Math.min(255, table[i] >> shift);
            }
            result[c] = table;
            result[3][c] = dv[1];
        }
        return result;
    }

    private static int lookup(int[] table, int v, int firstMapped) {
        int i = Math.max(0, Math.min(table.length - 1, v - firstMapped));
        return table[i];
    }
}
