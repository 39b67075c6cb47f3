package org.orthomeasure.detect;

import org.orthomeasure.core.geometry.Point2;

import java.util.Objects;

/**
 * The part of a film the spine detector looks at: the film px {@code x0 .. x0 + factor * width - 1} by
 * {@code y0 .. y0 + factor * height - 1}, averaged over {@code factor x factor} blocks into a
 * {@code width x height} frame image, grey levels inverted (255 - v) when {@code inverted}.
 * Pixel centres at integers on both sides: frame pixel (i, j) averages film pixels whose centres have mean
 * (x0 + factor j + (factor - 1) / 2, y0 + factor i + (factor - 1) / 2), so a frame point maps to the film by
 * {@code x = x0 + factor * x_frame + (factor - 1) / 2} (likewise y) and back by the inverse ({@link #toFilm},
 * {@link #toFrame}).
 */
public record FilmFrame(int x0, int y0, int width, int height, int factor, boolean inverted) {

    public FilmFrame {
        if (x0 < 0 || y0 < 0 || width < 2 || height < 2 || factor < 1) {
            throw new IllegalArgumentException("a film frame needs a non-negative origin, at least 2 x 2 px and a"
                    + " positive factor, got (" + x0 + ", " + y0 + ") " + width + " x " + height + " / " + factor);
        }
    }

    /** The whole {@code image}, as it is. */
    public static FilmFrame whole(GreyImage image) {
        return new FilmFrame(0, 0, image.width(), image.height(), 1, false);
    }

    /**
     * The film rectangle {@code [x0, x1) x [y0, y1)} (film px) clipped to the {@code filmWidth x filmHeight} film,
     * averaged by the smallest integer factor that brings its height to at most {@code maxHeight} frame px.
     *
     * @throws IllegalArgumentException when the clipped rectangle is smaller than 2 factor px on a side
     */
    public static FilmFrame of(double x0, double y0, double x1, double y1, int filmWidth, int filmHeight,
                               int maxHeight, boolean inverted) {
        int ix0 = (int) Math.max(0, Math.floor(x0));
        int iy0 = (int) Math.max(0, Math.floor(y0));
        int ix1 = (int) Math.min(filmWidth, Math.ceil(x1));
        int iy1 = (int) Math.min(filmHeight, Math.ceil(y1));
        int f = Math.max(1, (int) Math.ceil((iy1 - iy0) / (double) maxHeight));
        return new FilmFrame(ix0, iy0, (ix1 - ix0) / f, (iy1 - iy0) / f, f, inverted);
    }

    /** The same region with grey levels inverted or not. */
    public FilmFrame withInverted(boolean invert) {
        return new FilmFrame(x0, y0, width, height, factor, invert);
    }

    /** True when the frame is {@code film} itself (whole, factor 1, not inverted). */
    public boolean isWhole(GreyImage film) {
        return x0 == 0 && y0 == 0 && factor == 1 && !inverted && width == film.width() && height == film.height();
    }

    /** Height of the frame on the film, film px. */
    public int filmHeight() {
        return factor * height;
    }

    /** Width of the frame on the film, film px. */
    public int filmWidth() {
        return factor * width;
    }

    /**
     * The frame image of {@code film} (the film itself when {@link #isWhole}).
     *
     * @throws IllegalArgumentException when the frame reaches beyond the film
     */
    public GreyImage extract(GreyImage film) {
        Objects.requireNonNull(film, "film");
        if (x0 + filmWidth() > film.width() || y0 + filmHeight() > film.height()) {
            throw new IllegalArgumentException("frame " + this + " reaches beyond the " + film.width() + " x "
                    + film.height() + " film");
        }
        if (isWhole(film)) {
            return film;
        }
        float[] v = new float[width * height];
        float norm = 1f / (factor * factor);
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                float sum = 0;
                for (int a = 0; a < factor; a++) {
                    for (int b = 0; b < factor; b++) {
                        sum += film.value(x0 + factor * j + b, y0 + factor * i + a);
                    }
                }
                float m = Math.min(255f, Math.max(0f, sum * norm));
                v[i * width + j] = inverted ? 255f - m : m;
            }
        }
        return GreyImage.of(width, height, v);
    }

    /** Film px of frame point {@code p}: x0 + factor x + (factor - 1) / 2, likewise y. */
    public Point2 toFilm(Point2 p) {
        double half = (factor - 1) / 2.0;
        return new Point2(x0 + factor * p.x() + half, y0 + factor * p.y() + half);
    }

    /** Frame px of film point {@code p}, the inverse of {@link #toFilm}. */
    public Point2 toFrame(Point2 p) {
        double half = (factor - 1) / 2.0;
        return new Point2((p.x() - x0 - half) / factor, (p.y() - y0 - half) / factor);
    }
}
