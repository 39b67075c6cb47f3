package org.orthomeasure.detect.longleg;

import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.detect.GreyImage;

/**
 * Snaps a click to the nearest cortical edge (condyle, plateau and plafond points), on any film and without
 * the model: within {@code radius} px of the click, the pixel where the grey gradient (Sobel on a 3 × 3 mean)
 * weighted by {@code exp(−d² / (2 (radius / 2)²))} for its distance d to the click is largest; refined to a
 * fraction of a pixel by a parabola through the gradient magnitudes one pixel either side along the
 * gradient. A click with no edge nearby (a flat region: gradient below 2 grey levels per pixel) stays where
 * it is.
 */
public final class EdgeSnapper {

    static final double MIN_GRADIENT = 2.0;

    private EdgeSnapper() {
    }

    /** The edge point near {@code click}, or {@code click} itself when there is none. */
    public static Point2 snap(GreyImage film, Point2 click, double radius) {
        int r = (int) Math.ceil(radius);
        int cx = (int) Math.round(click.x());
        int cy = (int) Math.round(click.y());
        double sigma2 = 2 * (radius / 2) * (radius / 2);
        double best = 0;
        int bx = -1;
        int by = -1;
        for (int y = cy - r; y <= cy + r; y++) {
            for (int x = cx - r; x <= cx + r; x++) {
                double d2 = (x - click.x()) * (x - click.x()) + (y - click.y()) * (y - click.y());
                if (d2 > radius * radius || x < 2 || y < 2 || x >= film.width() - 2 || y >= film.height() - 2) {
                    continue;
                }
                double g = magnitude(film, x, y);
                double score = g * Math.exp(-d2 / sigma2);
                if (g >= MIN_GRADIENT && score > best) {
                    best = score;
                    bx = x;
                    by = y;
                }
            }
        }
        if (bx < 0) {
            return click;
        }
        double[] grad = gradient(film, bx, by);
        double len = Math.hypot(grad[0], grad[1]);
        double ux = grad[0] / len;
        double uy = grad[1] / len;
        double m0 = magnitudeAt(film, bx - ux, by - uy);
        double m1 = magnitude(film, bx, by);
        double m2 = magnitudeAt(film, bx + ux, by + uy);
        double denom = m0 - 2 * m1 + m2;
        double t = denom < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (m0 - m2) / denom)) : 0;
        return Point2.of(bx + t * ux, by + t * uy);
    }

    private static double mean3(GreyImage g, int x, int y) {
        double s = 0;
        for (int j = -1; j <= 1; j++) {
            for (int i = -1; i <= 1; i++) {
                s += g.value(Math.max(0, Math.min(g.width() - 1, x + i)), Math.max(0, Math.min(g.height() - 1, y + j)));
            }
        }
        return s / 9;
    }

    /** Sobel gradient of the 3 × 3 mean, grey levels per pixel. */
    private static double[] gradient(GreyImage g, int x, int y) {
        double gx = (mean3(g, x + 1, y - 1) + 2 * mean3(g, x + 1, y) + mean3(g, x + 1, y + 1)
                - mean3(g, x - 1, y - 1) - 2 * mean3(g, x - 1, y) - mean3(g, x - 1, y + 1)) / 8;
        double gy = (mean3(g, x - 1, y + 1) + 2 * mean3(g, x, y + 1) + mean3(g, x + 1, y + 1)
                - mean3(g, x - 1, y - 1) - 2 * mean3(g, x, y - 1) - mean3(g, x + 1, y - 1)) / 8;
        return new double[] {gx, gy};
    }

    private static double magnitude(GreyImage g, int x, int y) {
        double[] d = gradient(g, x, y);
        return Math.hypot(d[0], d[1]);
    }

    private static double magnitudeAt(GreyImage g, double x, double y) {
        return magnitude(g, (int) Math.round(x), (int) Math.round(y));
    }
}
