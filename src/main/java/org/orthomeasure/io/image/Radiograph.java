package org.orthomeasure.io.image;

import org.orthomeasure.core.calibration.Calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable decoded radiograph: the first frame's stored pixel values, the grey-level pipeline
 * of its file (modality transform, window presets / VOI LUTs, MONOCHROME1 or Presentation LUT
 * Shape INVERSE), its calibration, report header and notes.
 *
 * <p>Grey images keep stored values (up to 16 bits, signed or unsigned); colour images (RGB,
 * palette colour, colour PNG/JPEG) keep 8-bit RGB. Display is a lookup table from stored value to
 * ARGB built per window (at most 65536 entries), so windowing a 17-megapixel film is one array
 * pass. Pixel coordinates: x to the right (0..width-1), y downwards (0..height-1).
 *
 * <p>Example:
 * <pre>{@code
 * Radiograph r = org.orthomeasure.io.radiograph.RadiographReader.read(path);
 * int[] argb = new int[r.width() * r.height()];
 * r.renderTo(r.defaultWindow(), r.invertedByDefault(), argb);
 * }</pre>
 */
public final class Radiograph {

    private final int width;
    private final int height;
    /** Stored values as 16-bit patterns (grey images), null for colour. */
    private final short[] grey;
    /** 0xRRGGBB (colour images), null for grey. */
    private final int[] rgb;
    private final boolean signed;
    private final int bitsStored;
    private final int minStored;
    private final int maxStored;
    private final ModalityTransform modality;
    private final List<WindowPreset> presets;
    private final boolean invertedByDefault;
    private final Calibration calibration;
    private final StudyHeader header;
    private final List<String> notes;
    private final ImageFormatInfo formatInfo;

    private Radiograph(Builder b) {
        this.width = b.width;
        this.height = b.height;
        this.grey = b.grey;
        this.rgb = b.rgb;
        this.signed = b.signed;
        this.bitsStored = b.bitsStored;
        this.modality = b.modality;
        this.invertedByDefault = b.invertedByDefault;
        this.calibration = Objects.requireNonNull(b.calibration, "calibration");
        this.header = Objects.requireNonNull(b.header, "header");
        this.notes = List.copyOf(b.notes);
        this.formatInfo = Objects.requireNonNull(b.formatInfo, "formatInfo");
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        if (grey != null) {
            for (short s : grey) {
                int v = signed ? s : s & 0xFFFF;
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            }
        } else {
            min = 0;
            max = 255;
        }
        this.minStored = min;
        this.maxStored = max;
        List<WindowPreset> all = new ArrayList<>(b.filePresets);
        all.add(autoPreset());
        all.add(fullRangePreset());
        this.presets = List.copyOf(all);
    }

    /** A builder; {@link Builder#grey} or {@link Builder#rgb} is required. */
    public static Builder builder() {
        return new Builder();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** True for RGB / palette colour images (shown in colour, measured like any image). */
    public boolean isColor() {
        return rgb != null;
    }

    /** True when stored values are two's-complement signed (Pixel Representation 1). */
    public boolean isSigned() {
        return signed;
    }

    /** Bits actually used per stored grey value (8 for colour). */
    public int bitsStored() {
        return bitsStored;
    }

    /** Smallest stored value in the image (0 for colour). */
    public int minStoredValue() {
        return minStored;
    }

    /** Largest stored value in the image (255 for colour). */
    public int maxStoredValue() {
        return maxStored;
    }

    public ModalityTransform modalityTransform() {
        return modality;
    }

    /**
     * The raw stored value at (x, y): the grey value as stored (sign applied), or 0xRRGGBB for colour.
     *
     * @throws IndexOutOfBoundsException outside the image
     */
    public int storedValue(int x, int y) {
        int i = index(x, y);
        if (grey != null) {
            return signed ? grey[i] : grey[i] & 0xFFFF;
        }
        return rgb[i];
    }

    /**
     * The value after the modality transform at (x, y) (e.g. rescaled units); for colour images the
     * luminance {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601).
     */
    public double modalityValue(int x, int y) {
        int v = storedValue(x, y);
        if (grey != null) {
            return modality.apply(v);
        }
        return 0.299 * ((v >> 16) & 0xFF) + 0.587 * ((v >> 8) & 0xFF) + 0.114 * (v & 0xFF);
    }

    /** All windows the user can pick: those in the file first, then "Auto" and "Full range". */
    public List<WindowPreset> windowPresets() {
        return presets;
    }

    /** The window shown first: the file's first preset, else the automatic one. */
    public WindowPreset defaultWindow() {
        return presets.get(0);
    }

    /** True when the image must be shown inverted at first (MONOCHROME1, or Presentation LUT Shape INVERSE). */
    public boolean invertedByDefault() {
        return invertedByDefault;
    }

    public Calibration calibration() {
        return calibration;
    }

    public StudyHeader header() {
        return header;
    }

    /** Things the user should know about this image, e.g. "multi-frame (3 frames): first frame shown". */
    public List<String> notes() {
        return notes;
    }

    public ImageFormatInfo formatInfo() {
        return formatInfo;
    }

    /** This radiograph with another calibration (e.g. the user's line or ball). */
    public Radiograph withCalibration(Calibration newCalibration) {
        Builder b = toBuilder();
        b.calibration = Objects.requireNonNull(newCalibration);
        return new Radiograph(b);
    }

    // ---------------------------------------------------------------- rendering

    /** Renders the whole image at full resolution into {@code argbOut} (length {@code width*height}, row-major). */
    public void renderTo(WindowLevel window, boolean invert, int[] argbOut) {
        renderTo(new WindowPreset("", window, java.util.Optional.empty()), invert, argbOut);
    }

    /** As {@link #renderTo(WindowLevel, boolean, int[])}, with a preset (a VOI LUT preset uses its LUT). */
    public void renderTo(WindowPreset preset, boolean invert, int[] argbOut) {
        if (argbOut.length < width * height) {
            throw new IllegalArgumentException("output buffer has " + argbOut.length + " entries, needs " + width * height);
        }
        if (grey != null) {
            int[] lut = greyLut(preset, invert);
            int offset = minStored;
            short[] g = grey;
            int n = width * height;
            if (signed) {
                for (int i = 0; i < n; i++) {
                    argbOut[i] = lut[g[i] - offset];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    argbOut[i] = lut[(g[i] & 0xFFFF) - offset];
                }
            }
        } else {
            int[] lut = channelLut(preset, invert);
            int n = width * height;
            for (int i = 0; i < n; i++) {
                int c = rgb[i];
                argbOut[i] = 0xFF000000 | lut[(c >> 16) & 0xFF] << 16 | lut[(c >> 8) & 0xFF] << 8 | lut[c & 0xFF];
            }
        }
    }

    /**
     * Renders the source rectangle {@code (x, y, w, h)} into an {@code outWidth x outHeight} ARGB
     * buffer: each output pixel is the mean stored value of the source pixels it covers (box filter)
     * when shrinking, the nearest source pixel when enlarging. This is the fit-to-screen path.
     *
     * @throws IllegalArgumentException when the rectangle is not inside the image or a size is not positive
     */
    public void renderRegion(int x, int y, int w, int h, int outWidth, int outHeight, WindowPreset preset,
                             boolean invert, int[] argbOut) {
        if (w < 1 || h < 1 || outWidth < 1 || outHeight < 1 || x < 0 || y < 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("region (" + x + ", " + y + ", " + w + "x" + h + ") -> " + outWidth + "x"
                    + outHeight + " does not fit the " + width + "x" + height + " image");
        }
        if (argbOut.length < outWidth * outHeight) {
            throw new IllegalArgumentException("output buffer too small");
        }
        int[] x0s = new int[outWidth + 1];
        for (int ox = 0; ox <= outWidth; ox++) {
            x0s[ox] = x + (int) ((long) ox * w / outWidth);
        }
        int[] lut = grey != null ? greyLut(preset, invert) : channelLut(preset, invert);
        for (int oy = 0; oy < outHeight; oy++) {
            int sy0 = y + (int) ((long) oy * h / outHeight);
            int sy1 = Math.max(sy0 + 1, y + (int) ((long) (oy + 1) * h / outHeight));
            for (int ox = 0; ox < outWidth; ox++) {
                int sx0 = x0s[ox];
                int sx1 = Math.max(sx0 + 1, x0s[ox + 1]);
                argbOut[oy * outWidth + ox] = grey != null
                        ? lut[meanGrey(sx0, sx1, sy0, sy1) - minStored]
                        : meanRgb(sx0, sx1, sy0, sy1, lut);
            }
        }
    }

    /**
     * Convenience for a fit-to-screen view: the whole image scaled (keeping its aspect ratio) so its
     * longer side is at most {@code maxSize}, never enlarged. Returns the ARGB pixels and their size.
     */
    public Rendered renderFit(int maxSize, WindowPreset preset, boolean invert) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("max size must be positive, got " + maxSize);
        }
        double scale = Math.min(1.0, (double) maxSize / Math.max(width, height));
        int ow = Math.max(1, (int) Math.round(width * scale));
        int oh = Math.max(1, (int) Math.round(height * scale));
        int[] out = new int[ow * oh];
        if (ow == width && oh == height) {
            renderTo(preset, invert, out);
        } else {
            renderRegion(0, 0, width, height, ow, oh, preset, invert, out);
        }
        return new Rendered(ow, oh, out);
    }

    /**
     * A screen-sized copy of this image for interactive window/level: the stored values are box
     * filtered once (longer side at most {@code maxSize}, never enlarged), and each
     * {@link Preview#render} then only maps those few pixels through the window's lookup table, so
     * a drag stays well within a 60 Hz frame even for a 17-megapixel film. Display only: measure on
     * the full-resolution image ({@link Preview#scale()} converts coordinates).
     */
    public Preview preview(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("max size must be positive, got " + maxSize);
        }
        double scale = Math.min(1.0, (double) maxSize / Math.max(width, height));
        int ow = Math.max(1, (int) Math.round(width * scale));
        int oh = Math.max(1, (int) Math.round(height * scale));
        int[] x0s = new int[ow + 1];
        for (int ox = 0; ox <= ow; ox++) {
            x0s[ox] = (int) ((long) ox * width / ow);
        }
        short[] g = grey != null ? new short[ow * oh] : null;
        int[] c = grey == null ? new int[ow * oh] : null;
        int[] identity = new int[256];
        for (int i = 0; i < 256; i++) {
            identity[i] = i;
        }
        for (int oy = 0; oy < oh; oy++) {
            int sy0 = (int) ((long) oy * height / oh);
            int sy1 = Math.max(sy0 + 1, (int) ((long) (oy + 1) * height / oh));
            for (int ox = 0; ox < ow; ox++) {
                int sx0 = x0s[ox];
                int sx1 = Math.max(sx0 + 1, x0s[ox + 1]);
                if (g != null) {
                    g[oy * ow + ox] = (short) meanGrey(sx0, sx1, sy0, sy1);
                } else {
                    c[oy * ow + ox] = meanRgb(sx0, sx1, sy0, sy1, identity) & 0xFFFFFF;
                }
            }
        }
        return new Preview(this, ow, oh, (double) ow / width, g, c);
    }

    /** See {@link Radiograph#preview(int)}. */
    public static final class Preview {
        private final Radiograph source;
        private final int width;
        private final int height;
        private final double scale;
        private final short[] grey;
        private final int[] rgb;

        private Preview(Radiograph source, int width, int height, double scale, short[] grey, int[] rgb) {
            this.source = source;
            this.width = width;
            this.height = height;
            this.scale = scale;
            this.grey = grey;
            this.rgb = rgb;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        /** Preview pixels per image pixel (&lt;= 1): image x = preview x / scale. */
        public double scale() {
            return scale;
        }

        /** Renders into {@code argbOut} (length {@code width*height}) with the window and polarity given. */
        public void render(WindowPreset preset, boolean invert, int[] argbOut) {
            if (argbOut.length < width * height) {
                throw new IllegalArgumentException("output buffer too small");
            }
            if (grey != null) {
                int[] lut = source.greyLut(preset, invert);
                int offset = source.minStored;
                boolean signed = source.signed;
                for (int i = 0; i < grey.length; i++) {
                    argbOut[i] = lut[(signed ? grey[i] : grey[i] & 0xFFFF) - offset];
                }
            } else {
                int[] lut = channelLut(preset, invert);
                for (int i = 0; i < rgb.length; i++) {
                    int v = rgb[i];
                    argbOut[i] = 0xFF000000 | lut[(v >> 16) & 0xFF] << 16 | lut[(v >> 8) & 0xFF] << 8 | lut[v & 0xFF];
                }
            }
        }
    }

    /** ARGB pixels of a rendered view. */
    public record Rendered(int width, int height, int[] argb) {
    }

    /** LUT from (stored - minStored) to opaque grey ARGB. */
    private int[] greyLut(WindowPreset preset, boolean invert) {
        int[] lut = new int[maxStored - minStored + 1];
        for (int i = 0; i < lut.length; i++) {
            double f = preset.fraction(modality.apply(i + minStored));
            if (invert) {
                f = 1 - f;
            }
            int g = (int) Math.round(f * 255);
            lut[i] = 0xFF000000 | g << 16 | g << 8 | g;
        }
        return lut;
    }

    /** LUT from an 8-bit channel value to the displayed 8-bit channel value. */
    private static int[] channelLut(WindowPreset preset, boolean invert) {
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            double f = preset.fraction(i);
            lut[i] = (int) Math.round((invert ? 1 - f : f) * 255);
        }
        return lut;
    }

    private int meanGrey(int x0, int x1, int y0, int y1) {
        long sum = 0;
        for (int yy = y0; yy < y1; yy++) {
            int row = yy * width;
            if (signed) {
                for (int xx = x0; xx < x1; xx++) {
                    sum += grey[row + xx];
                }
            } else {
                for (int xx = x0; xx < x1; xx++) {
                    sum += grey[row + xx] & 0xFFFF;
                }
            }
        }
        long n = (long) (x1 - x0) * (y1 - y0);
        return (int) Math.floorDiv(sum + n / 2, n);
    }

    private int meanRgb(int x0, int x1, int y0, int y1, int[] lut) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int yy = y0; yy < y1; yy++) {
            int row = yy * width;
            for (int xx = x0; xx < x1; xx++) {
                int c = rgb[row + xx];
                r += (c >> 16) & 0xFF;
                g += (c >> 8) & 0xFF;
                b += c & 0xFF;
            }
        }
        long n = (long) (x1 - x0) * (y1 - y0);
        return 0xFF000000 | lut[(int) ((r + n / 2) / n)] << 16 | lut[(int) ((g + n / 2) / n)] << 8
                | lut[(int) ((b + n / 2) / n)];
    }

    // ---------------------------------------------------------------- automatic windows

    /**
     * "Auto": the modality values between the 0.5th and 99.5th percentile of the stored values,
     * ignoring the extreme stored values themselves when other values exist (collimator shadows and
     * saturated background pile up there and would stretch the window); colour images: 0..255.
     */
    private WindowPreset autoPreset() {
        if (grey == null) {
            return WindowPreset.linear("Auto", 128, 256);
        }
        int[] hist = new int[maxStored - minStored + 1];
        for (short s : grey) {
            hist[(signed ? s : s & 0xFFFF) - minStored]++;
        }
        int first = 0;
        int last = hist.length - 1;
        if (last - first >= 2) {
            first++;
            last--;
        }
        long n = 0;
        for (int i = first; i <= last; i++) {
            n += hist[i];
        }
        long lowCount = n * 5 / 1000;
        long highCount = n - n * 5 / 1000;
        int lo = first;
        long acc = 0;
        while (lo < last && acc + hist[lo] <= lowCount) {
            acc += hist[lo++];
        }
        int hi = lo;
        while (hi < last && acc + hist[hi] < highCount) {
            acc += hist[hi++];
        }
        double a = modality.apply(lo + minStored);
        double b = modality.apply(hi + minStored);
        WindowLevel w = WindowLevel.spanning(Math.min(a, b), Math.max(a, b));
        return new WindowPreset("Auto", w, java.util.Optional.empty());
    }

    private WindowPreset fullRangePreset() {
        if (grey == null) {
            return WindowPreset.linear("Full range", 128, 256);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (modality.isLut()) {
            for (int s = minStored; s <= maxStored; s++) {
                double v = modality.apply(s);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        } else {
            double a = modality.apply(minStored);
            double b = modality.apply(maxStored);
            lo = Math.min(a, b);
            hi = Math.max(a, b);
        }
        return new WindowPreset("Full range", WindowLevel.spanning(lo, hi), java.util.Optional.empty());
    }

    private int index(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") is outside the " + width + "x" + height + " image");
        }
        return y * width + x;
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.width = width;
        b.height = height;
        b.grey = grey;
        b.rgb = rgb;
        b.signed = signed;
        b.bitsStored = bitsStored;
        b.modality = modality;
        b.filePresets.addAll(presets.subList(0, presets.size() - 2));
        b.invertedByDefault = invertedByDefault;
        b.calibration = calibration;
        b.header = header;
        b.notes.addAll(notes);
        b.formatInfo = formatInfo;
        return b;
    }

    /** Builds a {@link Radiograph}; pixel arrays are copied. */
    public static final class Builder {
        private int width;
        private int height;
        private short[] grey;
        private int[] rgb;
        private boolean signed;
        private int bitsStored;
        private ModalityTransform modality = ModalityTransform.identity();
        private final List<WindowPreset> filePresets = new ArrayList<>();
        private boolean invertedByDefault;
        private Calibration calibration = Calibration.none(null);
        private StudyHeader header = StudyHeader.empty();
        private final List<String> notes = new ArrayList<>();
        private ImageFormatInfo formatInfo;

        private Builder() {
        }

        /**
         * Grey pixels, row-major, as 16-bit patterns of the stored values.
         *
         * @param bitsStored 1..16; unsigned values must lie in {@code 0 .. 2^bitsStored-1}
         */
        public Builder grey(int width, int height, short[] stored, boolean signed, int bitsStored) {
            checkSize(width, height, stored.length);
            if (bitsStored < 1 || bitsStored > 16) {
                throw new IllegalArgumentException("bits stored must be 1..16, got " + bitsStored);
            }
            this.width = width;
            this.height = height;
            this.grey = stored.clone();
            this.rgb = null;
            this.signed = signed;
            this.bitsStored = bitsStored;
            return this;
        }

        /** Colour pixels, row-major, 0xRRGGBB (the top byte is ignored). */
        public Builder rgb(int width, int height, int[] rgbPixels) {
            checkSize(width, height, rgbPixels.length);
            this.width = width;
            this.height = height;
            this.rgb = new int[rgbPixels.length];
            for (int i = 0; i < rgbPixels.length; i++) {
                rgb[i] = rgbPixels[i] & 0xFFFFFF;
            }
            this.grey = null;
            this.signed = false;
            this.bitsStored = 8;
            return this;
        }

        public Builder modality(ModalityTransform transform) {
            this.modality = Objects.requireNonNull(transform);
            return this;
        }

        /** A window from the file, offered before the automatic ones, in file order. */
        public Builder addFilePreset(WindowPreset preset) {
            this.filePresets.add(Objects.requireNonNull(preset));
            return this;
        }

        public Builder invertedByDefault(boolean inverted) {
            this.invertedByDefault = inverted;
            return this;
        }

        public Builder calibration(Calibration c) {
            this.calibration = Objects.requireNonNull(c);
            return this;
        }

        public Builder header(StudyHeader h) {
            this.header = Objects.requireNonNull(h);
            return this;
        }

        public Builder addNote(String note) {
            this.notes.add(Objects.requireNonNull(note));
            return this;
        }

        public Builder formatInfo(ImageFormatInfo info) {
            this.formatInfo = Objects.requireNonNull(info);
            return this;
        }

        public Radiograph build() {
            if (grey == null && rgb == null) {
                throw new IllegalStateException("no pixels given");
            }
            if (formatInfo == null) {
                throw new IllegalStateException("no format info given");
            }
            return new Radiograph(this);
        }

        private static void checkSize(int width, int height, int length) {
            if (width < 1 || height < 1 || (long) width * height != length) {
                throw new IllegalArgumentException("pixel array of " + length + " values does not match "
                        + width + "x" + height);
            }
        }
    }
}
