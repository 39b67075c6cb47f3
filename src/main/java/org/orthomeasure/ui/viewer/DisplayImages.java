package org.orthomeasure.ui.viewer;

import org.orthomeasure.io.image.ImageFormatInfo;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.image.WindowPreset;

/**
 * The display pyramid of one radiograph, kept cheap to re-window: a downsampled copy of the stored
 * values (box-filtered once when the film opens) whose windowing is one LUT pass over at most
 * {@link #OVERVIEW_MAX}² pixels, plus on-demand full-resolution rendering of the visible region
 * when the user zooms past the overview's resolution.
 *
 * <p>Pure computation, no JavaFX: safe on any thread.
 */
public final class DisplayImages {

    /** Longer side of the overview in px: sharp at fit on a 2.5K screen, re-windowed in a few ms. */
    public static final int OVERVIEW_MAX = 2048;

    private final Radiograph source;
    private final Radiograph overview;
    private final double overviewScale;

    private DisplayImages(Radiograph source, Radiograph overview) {
        this.source = source;
        this.overview = overview;
        this.overviewScale = (double) overview.width() / source.width();
    }

    /**
     * Builds the overview of {@code source}: itself when small enough, else a box-filtered copy whose
     * longer side is {@link #OVERVIEW_MAX} px, with the same grey-level pipeline.
     */
    public static DisplayImages of(Radiograph source) {
        return new DisplayImages(source, downsample(source, OVERVIEW_MAX));
    }

    /**
     * A copy of {@code source} whose longer side is at most {@code maxSize} px: each output pixel is the
     * rounded mean stored value (per channel for colour) of the source pixels it covers (box filter),
     * with the same modality transform, signedness and bit depth, so a window of the source applies
     * unchanged. The source itself when it is small enough.
     */
    static Radiograph downsample(Radiograph source, int maxSize) {
        int w = source.width();
        int h = source.height();
        if (Math.max(w, h) <= maxSize) {
            return source;
        }
        double s = (double) maxSize / Math.max(w, h);
        int ow = Math.max(1, (int) Math.round(w * s));
        int oh = Math.max(1, (int) Math.round(h * s));
        int[] xs = new int[ow + 1];
        for (int ox = 0; ox <= ow; ox++) {
            xs[ox] = (int) ((long) ox * w / ow);
        }
        Radiograph.Builder b = Radiograph.builder();
        if (source.isColor()) {
            int[] out = new int[ow * oh];
            long[] r = new long[ow];
            long[] g = new long[ow];
            long[] bl = new long[ow];
            for (int oy = 0; oy < oh; oy++) {
                int y0 = (int) ((long) oy * h / oh);
                int y1 = Math.max(y0 + 1, (int) ((long) (oy + 1) * h / oh));
                java.util.Arrays.fill(r, 0);
                java.util.Arrays.fill(g, 0);
                java.util.Arrays.fill(bl, 0);
                for (int y = y0; y < y1; y++) {
                    for (int ox = 0; ox < ow; ox++) {
                        for (int x = xs[ox]; x < Math.max(xs[ox] + 1, xs[ox + 1]); x++) {
                            int c = source.storedValue(x, y);
                            r[ox] += (c >> 16) & 0xFF;
                            g[ox] += (c >> 8) & 0xFF;
                            bl[ox] += c & 0xFF;
                        }
                    }
                }
                for (int ox = 0; ox < ow; ox++) {
                    long n = (long) (y1 - y0) * Math.max(1, xs[ox + 1] - xs[ox]);
                    out[oy * ow + ox] = (int) ((r[ox] + n / 2) / n) << 16 | (int) ((g[ox] + n / 2) / n) << 8
                            | (int) ((bl[ox] + n / 2) / n);
                }
            }
            b.rgb(ow, oh, out);
        } else {
            short[] out = new short[ow * oh];
            long[] sum = new long[ow];
            for (int oy = 0; oy < oh; oy++) {
                int y0 = (int) ((long) oy * h / oh);
                int y1 = Math.max(y0 + 1, (int) ((long) (oy + 1) * h / oh));
                java.util.Arrays.fill(sum, 0);
                for (int y = y0; y < y1; y++) {
                    for (int ox = 0; ox < ow; ox++) {
                        for (int x = xs[ox]; x < Math.max(xs[ox] + 1, xs[ox + 1]); x++) {
                            sum[ox] += source.storedValue(x, y);
                        }
                    }
                }
                for (int ox = 0; ox < ow; ox++) {
                    long n = (long) (y1 - y0) * Math.max(1, xs[ox + 1] - xs[ox]);
                    out[oy * ow + ox] = (short) Math.floorDiv(sum[ox] + n / 2, n);
                }
            }
            b.grey(ow, oh, out, source.isSigned(), source.bitsStored()).modality(source.modalityTransform());
        }
        ImageFormatInfo f = source.formatInfo();
        return b.formatInfo(new ImageFormatInfo(oh, ow, f.bitsStored(), f.photometricInterpretation(),
                f.transferSyntaxUid(), f.modality(), f.frames(), f.format())).build();
    }

    public Radiograph source() {
        return source;
    }

    /** Overview pixels per source pixel (1 when the source is small). */
    public double overviewScale() {
        return overviewScale;
    }

    public int overviewWidth() {
        return overview.width();
    }

    public int overviewHeight() {
        return overview.height();
    }

    /** The whole overview windowed into ARGB (length overviewWidth × overviewHeight). */
    public int[] renderOverview(WindowPreset preset, boolean invert) {
        int[] argb = new int[overview.width() * overview.height()];
        overview.renderTo(preset, invert, argb);
        return argb;
    }

    /** True when the view at {@code scale} (screen px per image px) needs more detail than the overview has. */
    public boolean needsDetail(double scale) {
        return scale > overviewScale * 1.25;
    }

    /**
     * The source region {@code (x, y, w, h)} (clamped to the image) rendered at {@code min(scale, 1)}
     * output px per source px; null when the clamped region is empty.
     */
    public Region renderRegion(double x, double y, double w, double h, double scale, WindowPreset preset, boolean invert) {
        int x0 = (int) Math.max(0, Math.floor(x));
        int y0 = (int) Math.max(0, Math.floor(y));
        int x1 = (int) Math.min(source.width(), Math.ceil(x + w));
        int y1 = (int) Math.min(source.height(), Math.ceil(y + h));
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        double s = Math.min(1, scale);
        int ow = Math.max(1, (int) Math.round((x1 - x0) * s));
        int oh = Math.max(1, (int) Math.round((y1 - y0) * s));
        int[] argb = new int[ow * oh];
        source.renderRegion(x0, y0, x1 - x0, y1 - y0, ow, oh, preset, invert, argb);
        return new Region(x0, y0, x1 - x0, y1 - y0, ow, oh, argb);
    }

    /**
     * A rendered source region.
     *
     * @param x         source x of the region's left edge, px
     * @param y         source y of its top edge, px
     * @param width     source width, px
     * @param height    source height, px
     * @param outWidth  rendered width, px
     * @param outHeight rendered height, px
     * @param argb      rendered pixels, row-major
     */
    public record Region(int x, int y, int width, int height, int outWidth, int outHeight, int[] argb) {
    }
}
