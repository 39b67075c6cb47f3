package org.orthomeasure.detect;

import org.orthomeasure.core.geometry.Point2;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds where the spine is on a film before the vertebrae are detected, so that the first stage sees it framed
 * as its training films were (T1 to L5 spanning about 85-94 % of the film's height, a film about a third as
 * wide as high):
 * <ol>
 *   <li>the uniform padding is cut ({@link FilmBorders}); the content, averaged down to at most
 *   {@value #MAX_FRAME_HEIGHT} px high, is the first frame;</li>
 *   <li>the first stage runs on it; when it is confident and the detected spine (topmost to bottommost corner)
 *   spans at least {@value #SPINE_SHARE_MIN} of the frame's height, that is the answer (films framed like the
 *   training films, padded or not, take this one run), unless the content {@link #looksInverted looks inverted}
 *   (the first stage can be sure enough of an inverted film's dark bones): then the content is looked at with its
 *   grey levels inverted too; when both looks are acceptable the more confident ({@link SpineConfidence#score})
 *   is the answer, when only the inverted one is, that one; when only the first is, the search goes on;</li>
 *   <li>when the locator network saw no spine on the film ({@link SpineRegion#spineSeen}: noise, a blank or
 *   another radiograph), no further frames are tried and the answer is chosen as in the last step (of 171
 *   framings of the validation films, cluttered, rotated and as they are, it saw no spine on one, which the
 *   further frames did not find either);</li>
 *   <li>otherwise further frames are tried in turn, at most {@value #MAX_RUNS} first-stage runs in all: the
 *   frame around the
 *   spine column the locator network saw ({@link SpineRegion}, when it saw one; inverted when that frame looks
 *   inverted); the frame around the
 *   spine just found ({@link #around}: T1 to L5 spanning {@value #SPINE_SHARE} of its height,
 *   {@value #TOP_MARGIN} of it above T1, at least {@value #WIDTH_RATIO} x its height wide and the spine's
 *   lateral extent at most {@value #LATERAL_SHARE} of its width, within the content); three {@link #windows windows} of
 *   {@value #WINDOW_HEIGHT} of the content's height (middle, top, bottom); and the frame around each unsure
 *   detection, after those;</li>
 *   <li>a further frame's detection is taken only when it is confident, its heat maps are sharp
 *   (median spread / median centre gap, both in input px, at most {@value #RELATIVE_SPREAD_MAX}) and either the
 *   spine spans at least {@value #SPINE_SHARE_MIN} of the frame and the box of its corners overlaps the locator
 *   network's box by at least {@value #REGION_AGREEMENT} (intersection over union: two independent looks agree),
 *   or a looser
 *   frame around it (T1 to L5 over {@value #CHECK_SPINE_SHARE} of its height) gives a detection as confident and
 *   sharp whose centres {@link #agree agree} with it (when the looser frame, clipped to the content, is the
 *   same frame, as for a whole film inverted, the detection stands on its own); the first such pair ends the
 *   search;</li>
 *   <li>when none is taken, the answer is the first frame's detection when it was confident, otherwise the
 *   sharpest unsure one, whose low-confidence reason ({@link SpineConfidence}) then says why.</li>
 * </ol>
 * A confident detection that fails the check is never the answer: on a film with no clear spine the search
 * ends low rather than on a pattern one frame happened to be sure of.
 */
final class SpineLocator {

    static final int MAX_FRAME_HEIGHT = 4000;
    static final int MAX_RUNS = 8;
    static final double SPINE_SHARE_MIN = 0.7;
    static final double SPINE_SHARE = 0.89;
    static final double TOP_MARGIN = 0.035;
    static final double WIDTH_RATIO = 0.36;
    static final double LATERAL_SHARE = 0.55;
    /** Frames overlapping more than this (intersection over union, same inversion) count as one. */
    static final double SAME_FRAME_IOU = 0.9;
    /** The looser frame that checks a detection found in a further frame: T1 to L5 over this share of it. */
    static final double CHECK_SPINE_SHARE = 0.78;
    /** Two detections agree when their centres are on average within this share of a vertebra spacing. */
    static final double AGREEMENT = 0.5;
    static final double WINDOW_WIDTH_RATIO = 0.45;
    static final double WINDOW_HEIGHT = 0.45;
    /** A detection in a further frame is taken only with heat maps at least this sharp (relative spread). */
    static final double RELATIVE_SPREAD_MAX = 2.3;
    /** A further frame's detection whose spine overlaps the locator network's by this much is taken as it is. */
    static final double REGION_AGREEMENT = 0.5;

    /** The first stage on a frame image, corners in frame px. */
    @FunctionalInterface
    interface FirstStage {
        SpineDetection detect(GreyImage frameImage) throws DetectorException;
    }

    /**
     * The frame chosen, its image, the first-stage detection on it (frame px) and the number of first-stage
     * runs it took.
     */
    record Located(FilmFrame frame, GreyImage image, SpineDetection firstStage, int runs) {
    }

    private final FirstStage stage;
    private final int inputWidth;
    private final int inputHeight;

    SpineLocator(FirstStage stage, int inputWidth, int inputHeight) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
    }

    /** Locates the spine on {@code film} without the locator network (see the class). */
    Located locate(GreyImage film) throws DetectorException {
        return locate(film, Optional.empty());
    }

    /**
     * Locates the spine on {@code film} (see the class); {@code region}, what the locator network saw on the film,
     * gives the first further frame to try when it saw a spine.
     */
    Located locate(GreyImage film, Optional<SpineRegion> region) throws DetectorException {
        FilmBorders.Content content = FilmBorders.content(film);
        FilmFrame first = FilmFrame.of(content.x0(), content.y0(), content.x1(), content.y1(), film.width(),
                film.height(), MAX_FRAME_HEIGHT, false);
        Located best = run(film, first, 1);
        boolean turn = looksInverted(first.extract(film));
        if (acceptable(best) && !turn) {
            return best;
        }
        List<FilmFrame> tried = new ArrayList<>(List.of(first));
        Deque<FilmFrame> queue = new ArrayDeque<>();
        int runs = 1;
        Optional<Located> turned = Optional.empty();
        if (turn) {
            runs++;
            Located t = run(film, first.withInverted(true), runs);
            Optional<Located> sure = eitherLook(best, t);
            if (sure.isPresent()) {
                return new Located(sure.get().frame(), sure.get().image(), sure.get().firstStage(), runs);
            }
            queue.add(t.frame());
            turned = Optional.of(t);
        }
        if (region.isPresent() && !region.get().spineSeen()) {
            Located answer = turned.map(t -> unsureOrKept(best, t)).orElse(best);
            return new Located(answer.frame(), answer.image(), answer.firstStage(), runs);
        }
        Optional<SpineRegion.Box> seen = region.filter(SpineRegion::spineSeen).flatMap(SpineRegion::box);
        for (double share : new double[] {SPINE_SHARE, CHECK_SPINE_SHARE}) {
            seen.flatMap(b -> around(b.x0(), b.y0(), b.x1(), b.y1(), content, film, share, false))
                    .map(f -> f.withInverted(looksInverted(f.extract(film))))
                    .ifPresent(queue::add);
        }
        around(best, content, film, SPINE_SHARE).ifPresent(queue::add);
        queue.addAll(windows(content, film));
        Located bestUnsure = best;
        while (runs < MAX_RUNS && !queue.isEmpty()) {
            FilmFrame f = queue.poll();
            if (tried.stream().anyMatch(t -> same(t, f))) {
                continue;
            }
            tried.add(f);
            Located c;
            if (turned.isPresent() && turned.get().frame().equals(f)) {
                c = turned.get();
            } else {
                runs++;
                c = run(film, f, runs);
            }
            if (!c.firstStage().confidence().low() && relativeSpread(c) <= RELATIVE_SPREAD_MAX) {
                if (seen.isPresent() && acceptable(c) && agreesWithRegion(c, seen.get())) {
                    return new Located(c.frame(), c.image(), c.firstStage(), runs);
                }
                Optional<FilmFrame> check = around(c, content, film, CHECK_SPINE_SHARE);
                if (check.isPresent() && same(check.get(), f)) {
                    return new Located(c.frame(), c.image(), c.firstStage(), runs);
                }
                if (check.isPresent() && runs < MAX_RUNS) {
                    runs++;
                    Located v = run(film, check.get(), runs);
                    if (!v.firstStage().confidence().low() && relativeSpread(v) <= RELATIVE_SPREAD_MAX && agree(c, v)) {
                        Located chosen = acceptable(c) || !acceptable(v) ? c : v;
                        return new Located(chosen.frame(), chosen.image(), chosen.firstStage(), runs);
                    }
                }
                around(c, content, film, SPINE_SHARE).ifPresent(queue::addLast);
                continue;
            }
            bestUnsure = unsureOrKept(bestUnsure, c);
            around(c, content, film, SPINE_SHARE).ifPresent(queue::addLast);
        }
        return new Located(bestUnsure.frame(), bestUnsure.image(), bestUnsure.firstStage(), runs);
    }

    /**
     * Whether the detected spine of {@code c} (the box of its corners, film px) and the spine column the locator
     * network saw overlap by at least {@value #REGION_AGREEMENT} (intersection over union): two independent looks
     * at the film that agree on where the spine is.
     */
    static boolean agreesWithRegion(Located c, SpineRegion.Box region) {
        double[] e = filmExtent(c);
        if (!(e[2] > e[0]) || !(e[3] > e[1])) {
            return false;
        }
        return new SpineRegion.Box(e[0], e[1], e[2], e[3]).iou(region) >= REGION_AGREEMENT;
    }

    /**
     * Windows of {@value #WINDOW_HEIGHT} of the content's height (at most {@value #WINDOW_WIDTH_RATIO} x that wide,
     * centred across),
     * in the middle, at the top and at the bottom of the content: where to look when the first frame shows
     * nothing clear, for a spine that fills only part of a larger film.
     */
    static List<FilmFrame> windows(FilmBorders.Content content, GreyImage film) {
        double h = WINDOW_HEIGHT * content.height();
        if (h < 32) {
            return List.of();
        }
        double w = Math.min(content.width(), WINDOW_WIDTH_RATIO * h);
        double x0 = content.x0() + (content.width() - w) / 2;
        List<FilmFrame> out = new ArrayList<>();
        for (double at : new double[] {(1 - WINDOW_HEIGHT) / 2, 0.05, 1 - WINDOW_HEIGHT - 0.05}) {
            double y0 = content.y0() + at * content.height();
            out.add(FilmFrame.of(x0, y0, x0 + w, y0 + h, film.width(), film.height(), MAX_FRAME_HEIGHT, false));
        }
        return out;
    }

    /**
     * Whether the frame image looks like a film whose bones are dark: its central vertical strip (the middle
     * fifth of the width, where an AP spine film's spine and mediastinum are bright) is darker on average than
     * the two strips between 10 % and 30 % of the width from either side (lungs, flanks, air: dark on a film
     * shown bones-white).
     */
    static boolean looksInverted(GreyImage image) {
        int w = image.width();
        double centre = stripMean(image, (int) (0.4 * w), (int) Math.ceil(0.6 * w));
        double sides = (stripMean(image, (int) (0.1 * w), (int) Math.ceil(0.3 * w))
                + stripMean(image, (int) (0.7 * w), (int) Math.ceil(0.9 * w))) / 2;
        return centre < sides;
    }

    private static double stripMean(GreyImage image, int x0, int x1) {
        int to = Math.max(x0 + 1, Math.min(x1, image.width()));
        double sum = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = x0; x < to; x++) {
                sum += image.value(x, y);
            }
        }
        return sum / ((double) image.height() * (to - x0));
    }

    /**
     * Whether two detections of one spine in two frames agree: the mean distance between their level centres
     * (film px) is below {@value #AGREEMENT} x the median centre gap of the first.
     */
    static boolean agree(Located a, Located b) {
        double sum = 0;
        double[] gaps = new double[SpineDecoder.LEVELS - 1];
        for (int k = 0; k < SpineDecoder.LEVELS; k++) {
            Point2 pa = a.frame().toFilm(a.firstStage().centre(k));
            sum += pa.distanceTo(b.frame().toFilm(b.firstStage().centre(k)));
            if (k > 0) {
                gaps[k - 1] = a.frame().toFilm(a.firstStage().centre(k - 1)).distanceTo(pa);
            }
        }
        return sum / SpineDecoder.LEVELS < AGREEMENT * median(gaps);
    }

    private Located run(GreyImage film, FilmFrame frame, int runs) throws DetectorException {
        GreyImage image = frame.extract(film);
        return new Located(frame, image, stage.detect(image), runs);
    }

    /**
     * Of the first look at a film whose content looks inverted and the look at it inverted (see the class, step 2):
     * the more confident when both are acceptable, the inverted one when only it is; empty otherwise (the search
     * goes on).
     */
    static Optional<Located> eitherLook(Located asItIs, Located inverted) {
        boolean first = acceptable(asItIs);
        if (acceptable(inverted)) {
            return Optional.of(first && asItIs.firstStage().confidence().score()
                    >= inverted.firstStage().confidence().score() ? asItIs : inverted);
        }
        return Optional.empty();
    }

    /**
     * The answer kept when no frame is taken (see the class, last step): {@code candidate} when it is unsure and
     * {@link #better} than {@code kept}, else {@code kept}; a confident look that was not taken never replaces it.
     */
    Located unsureOrKept(Located kept, Located candidate) {
        return candidate.firstStage().confidence().low() && better(candidate, kept) ? candidate : kept;
    }

    /** Confident, and the spine spans at least {@link #SPINE_SHARE_MIN} of the frame's height. */
    static boolean acceptable(Located c) {
        SpineDetection d = c.firstStage();
        return !d.confidence().low() && extent(d)[3] - extent(d)[1] >= SPINE_SHARE_MIN * c.frame().height();
    }

    /** Whether {@code a} is a better detection than {@code b} (see the class, step 4). */
    boolean better(Located a, Located b) {
        boolean lowA = a.firstStage().confidence().low();
        boolean lowB = b.firstStage().confidence().low();
        if (lowA != lowB) {
            return !lowA;
        }
        return relativeSpread(a) < relativeSpread(b);
    }

    /** Median heat-map spread over median centre gap, both in input px; infinite without a gap. */
    double relativeSpread(Located c) {
        SpineDetection d = c.firstStage();
        double[] spread = new double[SpineDecoder.LEVELS];
        double[] gaps = new double[SpineDecoder.LEVELS - 1];
        for (int k = 0; k < SpineDecoder.LEVELS; k++) {
            spread[k] = d.spread(k);
            if (k > 0) {
                gaps[k - 1] = d.centre(k - 1).distanceTo(d.centre(k));
            }
        }
        double scale = Letterbox.fit(c.frame().width(), c.frame().height(), inputWidth, inputHeight).scale();
        double gap = median(gaps) * scale;
        return gap > 0 ? median(spread) / gap : Double.POSITIVE_INFINITY;
    }

    /**
     * The frame (film px) around the spine of {@code c} as the class describes, within {@code content}; empty when
     * the detected spine has no extent (all corners within 8 px vertically) or the frame would be under 16 px.
     */
    static Optional<FilmFrame> around(Located c, FilmBorders.Content content, GreyImage film, double share) {
        double[] e = filmExtent(c);
        return around(e[0], e[1], e[2], e[3], content, film, share, c.frame().inverted());
    }

    /** {@link #extent} of the detection of {@code c} mapped to the film: min x, min y, max x, max y (film px). */
    static double[] filmExtent(Located c) {
        double[] e = extent(c.firstStage());
        Point2 lo = c.frame().toFilm(new Point2(e[0], e[1]));
        Point2 hi = c.frame().toFilm(new Point2(e[2], e[3]));
        return new double[] {lo.x(), lo.y(), hi.x(), hi.y()};
    }

    /**
     * The frame (film px) around a spine spanning {@code x0..x1} by {@code y0..y1} (film px): T1 to L5 over
     * {@code share} of its height, {@value #TOP_MARGIN} of it above, at least {@value #WIDTH_RATIO} x its height
     * wide and the spine at most {@value #LATERAL_SHARE} of its width, within {@code content}; empty when the
     * spine is under 8 px high or the frame would be under 16 px.
     */
    static Optional<FilmFrame> around(double x0, double y0, double x1, double y1, FilmBorders.Content content,
                                      GreyImage film, double share, boolean inverted) {
        double ext = y1 - y0;
        if (!(ext >= 8)) {
            return Optional.empty();
        }
        double h = ext / share;
        double fy0 = y0 - TOP_MARGIN * h;
        double w = Math.max(WIDTH_RATIO * h, (x1 - x0) / LATERAL_SHARE);
        double fx0 = (x0 + x1) / 2 - w / 2;
        double cx0 = Math.max(fx0, content.x0());
        double cy0 = Math.max(fy0, content.y0());
        double cx1 = Math.min(fx0 + w, content.x1());
        double cy1 = Math.min(fy0 + h, content.y1());
        if (cx1 - cx0 < 16 || cy1 - cy0 < 16) {
            return Optional.empty();
        }
        return Optional.of(FilmFrame.of(cx0, cy0, cx1, cy1, film.width(), film.height(), MAX_FRAME_HEIGHT, inverted));
    }

    /** min x, min y, max x, max y over all corners of {@code d} (its px). */
    static double[] extent(SpineDetection d) {
        double[] e = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (int k = 0; k < SpineDecoder.LEVELS; k++) {
            for (Point2 p : d.corners(k)) {
                e[0] = Math.min(e[0], p.x());
                e[1] = Math.min(e[1], p.y());
                e[2] = Math.max(e[2], p.x());
                e[3] = Math.max(e[3], p.y());
            }
        }
        return e;
    }

    /** Same inversion and intersection over union (film px) above {@link #SAME_FRAME_IOU}. */
    static boolean same(FilmFrame a, FilmFrame b) {
        if (a.inverted() != b.inverted()) {
            return false;
        }
        double ix = Math.min(a.x0() + a.filmWidth(), b.x0() + b.filmWidth()) - Math.max(a.x0(), b.x0());
        double iy = Math.min(a.y0() + a.filmHeight(), b.y0() + b.filmHeight()) - Math.max(a.y0(), b.y0());
        if (ix <= 0 || iy <= 0) {
            return false;
        }
        double inter = ix * iy;
        double union = (double) a.filmWidth() * a.filmHeight() + (double) b.filmWidth() * b.filmHeight() - inter;
        return inter / union > SAME_FRAME_IOU;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }
}
