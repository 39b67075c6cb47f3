package org.orthomeasure.detect;

import org.orthomeasure.io.image.Radiograph;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A grey image as the detector sees it: row-major values 0..255 (8-bit display grey, the same scale the
 * network was trained on). Immutable; the value array is copied in and never handed out.
 */
public final class GreyImage {

    private final int width;
    private final int height;
    private final float[] values;

    private GreyImage(int width, int height, float[] values) {
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /**
     * A grey image from row-major values 0..255.
     *
     * @throws IllegalArgumentException when the size is not at least 2 x 2, the array length does not match,
     *                                  or a value is outside 0..255 or not finite
     */
    public static GreyImage of(int width, int height, float[] values) {
        Objects.requireNonNull(values, "values");
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("image must be at least 2 x 2 pixels, got " + width + " x " + height);
        }
        if ((long) width * height != values.length) {
            throw new IllegalArgumentException("expected " + ((long) width * height) + " grey values for "
                    + width + " x " + height + ", got " + values.length);
        }
        float[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            float v = copy[i];
            if (!(v >= 0f && v <= 255f)) {
                throw new IllegalArgumentException("grey value " + v + " at pixel " + i + " is outside 0..255");
            }
        }
        return new GreyImage(width, height, copy);
    }

    /**
     * The luminance of an AWT image (ImageIO-decoded PNG/JPEG): grey images use their stored 8-bit
     * value, colour images the Rec. 601 luma 0.299 R + 0.587 G + 0.114 B.
     */
    public static GreyImage fromBufferedImage(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        int w = image.getWidth();
        int h = image.getHeight();
        float[] v = new float[w * h];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            var raster = image.getRaster();
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    v[y * w + x] = row[x];
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x, y);
                    double luma = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                    v[y * w + x] = (float) Math.min(255.0, luma);
                }
            }
        }
        return of(w, h, v);
    }

    /**
     * The film's grey levels as the network was trained on them: an unsigned grey image of at most 8 bits
     * (PNG/JPEG) gives its stored values 0..255 unchanged (inverted, 255 - v, when shown inverted by
     * default); deeper or signed films (DICOM) are rendered with their default window and inversion
     * (MONOCHROME1 shown bones-white); colour films give the Rec. 601 luma of their pixels.
     */
    public static GreyImage fromRadiograph(Radiograph radiograph) {
        Objects.requireNonNull(radiograph, "radiograph");
        int w = radiograph.width();
        int h = radiograph.height();
        if (!radiograph.isColor() && !radiograph.isSigned() && radiograph.bitsStored() <= 8) {
            boolean invert = radiograph.invertedByDefault();
            float[] v = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int s = Math.min(255, Math.max(0, radiograph.storedValue(x, y)));
                    v[y * w + x] = invert ? 255 - s : s;
                }
            }
            return of(w, h, v);
        }
        int[] argb = new int[w * h];
        radiograph.renderTo(radiograph.defaultWindow(), radiograph.invertedByDefault(), argb);
        float[] v = new float[w * h];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            v[i] = (r == g && g == b) ? r : (float) Math.min(255.0, 0.299 * r + 0.587 * g + 0.114 * b);
        }
        return of(w, h, v);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The grey value 0..255 at column {@code x}, row {@code y}. */
    public float value(int x, int y) {
        return values[y * width + x];
    }
}
