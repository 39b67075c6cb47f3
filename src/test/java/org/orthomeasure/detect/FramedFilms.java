package org.orthomeasure.detect;

import org.orthomeasure.core.geometry.Point2;

import java.util.List;

/**
 * Films framed as they come from elsewhere, made at test time from a labelled training film (never stored):
 * padded to a square with grey or black, downscaled to 512 px, framed by a border, inverted, rotated, or set
 * into a larger canvas of structured background so that the spine fills a third of the height. Each variant is
 * a similarity of the original, p' = s R(theta) p + t (film px, pixel centres at integers), rendered by
 * averaging n x n bilinear samples per output pixel (n = ceil(1 / s), at most 4: an export's anti-aliasing),
 * so the labelled corners map onto it exactly by {@link Variant#map}.
 */
final class FramedFilms {

    private FramedFilms() {
    }

    /** The first {@code n} names of {@code training/validation-files.txt} (cases never seen in training), in order. */
    static java.util.Set<String> validationFiles(int n) throws java.io.IOException {
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("training", "validation-files.txt"))) {
            if (!line.isBlank() && !line.startsWith("#") && wanted.size() < n) {
                wanted.add(line.trim());
            }
        }
        return wanted;
    }

    /** A framed film and the similarity from the original film's px to its px. */
    record Variant(String name, GreyImage image, double scale, double angleRad, double tx, double ty) {

        /** The original film point {@code p} on this variant (px). */
        Point2 map(Point2 p) {
            double c = Math.cos(angleRad);
            double s = Math.sin(angleRad);
            return new Point2(scale * (c * p.x() - s * p.y()) + tx, scale * (s * p.x() + c * p.y()) + ty);
        }
    }

    /** What lies outside the film on the canvas: grey value 0..255 at canvas px (x, y). */
    @FunctionalInterface
    interface Background {
        float at(int x, int y);

        static Background uniform(float grey) {
            return (x, y) -> grey;
        }

        /**
         * A structured, non-uniform background (no border finder can cut it), without stripes or other
         * periodic structure: smooth value noise at two scales (cells of 160 and 40 px, +-30 and +-12 grey
         * levels) around {@code mean}, plus a fixed pseudo-random texture of +-6 grey levels.
         */
        static Background structured(float mean) {
            return (x, y) -> {
                double v = mean + 30 * (2 * smooth(x, y, 160, 1) - 1) + 12 * (2 * smooth(x, y, 40, 2) - 1)
                        + 6 * (hash(x, y) - 0.5) * 2;
                return (float) Math.max(0, Math.min(255, v));
            };
        }

        /** Bilinear value noise in 0..1 on a grid of {@code cell} px (smoothstep weights). */
        private static double smooth(int x, int y, int cell, int salt) {
            int gx = Math.floorDiv(x, cell);
            int gy = Math.floorDiv(y, cell);
            double fx = (x - gx * (double) cell) / cell;
            double fy = (y - gy * (double) cell) / cell;
            fx = fx * fx * (3 - 2 * fx);
            fy = fy * fy * (3 - 2 * fy);
            double a = hash(gx * 7 + salt, gy * 13 + salt);
            double b = hash(gx * 7 + 7 + salt, gy * 13 + salt);
            double c = hash(gx * 7 + salt, gy * 13 + 13 + salt);
            double d = hash(gx * 7 + 7 + salt, gy * 13 + 13 + salt);
            return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
        }

        private static double hash(int x, int y) {
            long h = x * 73856093L ^ y * 19349663L;
            h ^= h >>> 13;
            h *= 0x5bd1e995L;
            h ^= h >>> 15;
            return (h & 0xffff) / 65535.0;
        }
    }

    /** How one variant is made from a film, with its name (rendered only when asked for). */
    record Maker(String name, java.util.function.Function<GreyImage, Variant> make) {
    }

    /** The standard set of variants of one film, named as in the reports, in report order. */
    static List<Maker> standardSet() {
        return List.of(
                new Maker("original", FramedFilms::original),
                new Maker("grey-square-512", f -> padToSquare(f, 128f, 512, "grey-square-512")),
                new Maker("black-square-1024", f -> padToSquare(f, 0f, 1024, "black-square-1024")),
                new Maker("downscaled-512", f -> downscale(f, 512)),
                new Maker("border-6%", f -> border(f, 0.06, 0f)),
                new Maker("inverted", FramedFilms::inverted),
                new Maker("rotated-5deg", f -> rotated(f, 5)),
                new Maker("third-of-height", FramedFilms::thirdOfHeight));
    }

    /**
     * Rows {@code y0..y1 - 1} of the film (a film that shows only part of the spine), named {@code name}; the
     * similarity is the shift by -y0.
     */
    static Variant rows(GreyImage f, int y0, int y1, String name) {
        if (y0 < 0 || y1 > f.height() || y1 - y0 < 2) {
            throw new IllegalArgumentException("rows " + y0 + ".." + y1 + " are not within the film");
        }
        float[] v = new float[f.width() * (y1 - y0)];
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < f.width(); x++) {
                v[(y - y0) * f.width() + x] = f.value(x, y);
            }
        }
        return new Variant(name, GreyImage.of(f.width(), y1 - y0, v), 1, 0, 0, -y0);
    }

    /**
     * A thoracic-only film: from the top of the film to half way between the labelled centres of T12 and L1
     * ({@code centreY}: the 17 labelled centres' y, film px), so T1..T12 are on it.
     */
    static Variant thoracicOnly(GreyImage f, double[] centreY) {
        return rows(f, 0, (int) Math.round((centreY[11] + centreY[12]) / 2), "thoracic-only");
    }

    /**
     * A lumbar-only film: from half way between the labelled centres of T11 and T12 to the bottom of the film
     * (sacrum and pelvis on it), so T12..L5 are on it.
     */
    static Variant lumbarOnly(GreyImage f, double[] centreY) {
        return rows(f, (int) Math.round((centreY[10] + centreY[11]) / 2), f.height(), "lumbar-only");
    }

    static Variant original(GreyImage f) {
        return new Variant("original", f, 1, 0, 0, 0);
    }

    /** The film centred on a square canvas of {@code grey}, the whole scaled to {@code size} x {@code size}. */
    static Variant padToSquare(GreyImage f, float grey, int size, String name) {
        int side = Math.max(f.width(), f.height());
        double s = (double) size / side;
        double tx = (size - s * f.width()) / 2 + 0.5 * s - 0.5;
        double ty = (size - s * f.height()) / 2 + 0.5 * s - 0.5;
        return render(name, f, size, size, s, 0, tx, ty, Background.uniform(grey));
    }

    /** The film scaled to {@code height} px high (a small export). */
    static Variant downscale(GreyImage f, int height) {
        double s = (double) height / f.height();
        int w = (int) Math.round(f.width() * s);
        return render("downscaled-" + height, f, w, height, s, 0, 0.5 * s - 0.5, 0.5 * s - 0.5,
                Background.uniform(0));
    }

    /** A uniform border of {@code fraction} x the film's height on every side. */
    static Variant border(GreyImage f, double fraction, float grey) {
        int b = (int) Math.round(fraction * f.height());
        return render("border-" + Math.round(fraction * 100) + "%", f, f.width() + 2 * b, f.height() + 2 * b, 1, 0,
                b, b, Background.uniform(grey));
    }

    /** Grey levels inverted (255 - v): bones dark, as a MONOCHROME1 film shown without its inversion. */
    static Variant inverted(GreyImage f) {
        float[] v = new float[f.width() * f.height()];
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                v[y * f.width() + x] = 255 - f.value(x, y);
            }
        }
        return new Variant("inverted", GreyImage.of(f.width(), f.height(), v), 1, 0, 0, 0);
    }

    /** Rotated by {@code degrees} about the film centre on a canvas of the same size, corners black. */
    static Variant rotated(GreyImage f, double degrees) {
        double a = Math.toRadians(degrees);
        double cx = (f.width() - 1) / 2.0;
        double cy = (f.height() - 1) / 2.0;
        double c = Math.cos(a);
        double s = Math.sin(a);
        double tx = cx - (c * cx - s * cy);
        double ty = cy - (s * cx + c * cy);
        return render("rotated-" + Math.round(degrees) + "deg", f, f.width(), f.height(), 1, a, tx, ty,
                Background.uniform(0));
    }

    /**
     * The film at half its size on a canvas 1.2 x its width and 1.4 x its height (film 40 % down), so that the
     * labelled spine (about 90 % of the film's height) fills about a third of the canvas height, on a structured
     * background that no border finder can cut.
     */
    static Variant thirdOfHeight(GreyImage f) {
        double s = 0.5;
        int w = (int) Math.round(f.width() * 1.2);
        int h = (int) Math.round(f.height() * 1.4);
        double tx = (w - s * f.width()) / 2 + 0.5 * s - 0.5;
        double ty = (h - s * f.height()) * 0.4 + 0.5 * s - 0.5;
        return render("third-of-height", f, w, h, s, 0, tx, ty, Background.structured(mean(f)));
    }

    private static float mean(GreyImage f) {
        double sum = 0;
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                sum += f.value(x, y);
            }
        }
        return (float) (sum / ((double) f.width() * f.height()));
    }

    /** Renders p' = s R p + t onto a {@code w} x {@code h} canvas, {@code bg} where no film falls. */
    static Variant render(String name, GreyImage f, int w, int h, double s, double a, double tx, double ty,
                          Background bg) {
        int n = Math.max(1, Math.min(4, (int) Math.ceil(1 / s - 1e-9)));
        double c = Math.cos(a);
        double sn = Math.sin(a);
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                int inside = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double px = x + (j + 0.5) / n - 0.5 - tx;
                        double py = y + (i + 0.5) / n - 0.5 - ty;
                        double sx = (c * px + sn * py) / s;
                        double sy = (-sn * px + c * py) / s;
                        if (sx >= -0.5 && sx <= f.width() - 0.5 && sy >= -0.5 && sy <= f.height() - 0.5) {
                            acc += bilinear(f, sx, sy);
                            inside++;
                        }
                    }
                }
                double fill = bg.at(x, y);
                double v = (acc + (n * n - inside) * fill) / (n * n);
                out[y * w + x] = (float) Math.max(0, Math.min(255, v));
            }
        }
        return new Variant(name, GreyImage.of(w, h, out), s, a, tx, ty);
    }

    private static double bilinear(GreyImage f, double x, double y) {
        double cx = Math.min(Math.max(x, 0), f.width() - 1);
        double cy = Math.min(Math.max(y, 0), f.height() - 1);
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(x0 + 1, f.width() - 1);
        int y1 = Math.min(y0 + 1, f.height() - 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double top = f.value(x0, y0) * (1 - fx) + f.value(x1, y0) * fx;
        double bottom = f.value(x0, y1) * (1 - fx) + f.value(x1, y1) * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
