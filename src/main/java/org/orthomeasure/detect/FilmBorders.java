package org.orthomeasure.detect;

/**
 * Finds the uniform padding around a film's content (grey or black bars of a padded square, a frame, a
 * shutter), side by side: the outermost row (or column) is padding when at least {@value #UNIFORM_SHARE} of its
 * pixels lie within {@value #TOLERANCE} grey levels of its median; the padding then goes on inwards while each
 * next line is uniform in that sense with a median within {@value #TOLERANCE} of the first line's. Padding
 * thinner than {@value #MIN_PADDING_SHARE} of the film's size on that axis is kept: the detector was trained on
 * films with such margins and measures them as they are (cutting the thin uniform strips of 2 of the 57
 * validation films changed their results, not for the better). The four sides
 * are cut in turn and repeated (at most {@value #ROUNDS} rounds) until nothing more is cut, so a black bar
 * outside a grey one goes too. When less than {@value #MIN_CONTENT} px would remain on an axis (a blank image)
 * nothing is cut on that axis.
 */
public final class FilmBorders {

    static final double UNIFORM_SHARE = 0.98;
    static final double TOLERANCE = 8.0;
    static final int ROUNDS = 3;
    static final int MIN_CONTENT = 16;
    static final double MIN_PADDING_SHARE = 0.1;

    private FilmBorders() {
    }

    /** The content rectangle {@code [x0, x1) x [y0, y1)} (film px). */
    public record Content(int x0, int y0, int x1, int y1) {

        public int width() {
            return x1 - x0;
        }

        public int height() {
            return y1 - y0;
        }
    }

    /** The content of {@code film} inside its uniform padding (the whole film when it has none). */
    public static Content content(GreyImage film) {
        int x0 = 0;
        int y0 = 0;
        int x1 = film.width();
        int y1 = film.height();
        for (int round = 0; round < ROUNDS; round++) {
            int top = padding(film, y0, y1, x0, x1, true, true);
            int bottom = padding(film, y0, y1, x0, x1, true, false);
            if (bottom - top < MIN_CONTENT) {
                top = y0;
                bottom = y1;
            }
            int left = padding(film, x0, x1, top, bottom, false, true);
            int right = padding(film, x0, x1, top, bottom, false, false);
            if (right - left < MIN_CONTENT) {
                left = x0;
                right = x1;
            }
            if (top == y0 && bottom == y1 && left == x0 && right == x1) {
                break;
            }
            x0 = left;
            x1 = right;
            y0 = top;
            y1 = bottom;
        }
        return new Content(x0, y0, x1, y1);
    }

    /**
     * Where the content starts (from the start) or ends (exclusive, from the end) along one axis within
     * {@code [from, to)}, the other axis spanning {@code [across0, across1)}; {@code rows}: lines are rows.
     */
    private static int padding(GreyImage film, int from, int to, int across0, int across1, boolean rows,
                               boolean fromStart) {
        int first = fromStart ? from : to - 1;
        int step = fromStart ? 1 : -1;
        double level = uniformMedian(film, first, across0, across1, rows);
        if (Double.isNaN(level)) {
            return fromStart ? from : to;
        }
        int k = first;
        while (k >= from && k < to) {
            double m = uniformMedian(film, k, across0, across1, rows);
            if (Double.isNaN(m) || Math.abs(m - level) > TOLERANCE) {
                break;
            }
            k += step;
        }
        int depth = fromStart ? k - from : to - 1 - k;
        int size = rows ? film.height() : film.width();
        if (depth < MIN_PADDING_SHARE * size) {
            return fromStart ? from : to;
        }
        return fromStart ? k : k + 1;
    }

    /** The median of line {@code k} when it is uniform (see the class), NaN otherwise. */
    private static double uniformMedian(GreyImage film, int k, int across0, int across1, boolean rows) {
        int n = across1 - across0;
        if (n <= 0) {
            return Double.NaN;
        }
        int[] histogram = new int[256];
        for (int t = across0; t < across1; t++) {
            float v = rows ? film.value(t, k) : film.value(k, t);
            histogram[Math.round(v)]++;
        }
        int half = n / 2;
        int median = 0;
        for (int acc = 0; median < 256; median++) {
            acc += histogram[median];
            if (acc > half) {
                break;
            }
        }
        int tol = (int) TOLERANCE;
        int near = 0;
        for (int g = Math.max(0, median - tol); g <= Math.min(255, median + tol); g++) {
            near += histogram[g];
        }
        return near >= UNIFORM_SHARE * n ? median : Double.NaN;
    }
}
