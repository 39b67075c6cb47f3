package org.orthomeasure.detect;

import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The network's suggestion for one film: 17 levels T1..L5 (index 0..16), or on a film that shows fewer the
 * consecutive levels it shows ({@link #firstLevel()} at index 0; {@link SpineLandmarkDetector#detect(GreyImage,
 * SpineLevel, SpineLevel)}), each with four corners
 * (top-left, top-right, bottom-left, bottom-right) in the film's pixel coordinates, the spread of each
 * level's first-stage heat map (input px) and the overall {@link SpineConfidence}. The corners are the second
 * stage's ({@link VertebraRefiner}) when {@link SpineLandmarkDetector#detect} made it, the first stage's in a
 * first-stage-only result.
 */
public final class SpineDetection {

    /** Corner order within a level, as in the AASCE data. */
    public enum Corner { TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT }

    private final int imageWidth;
    private final int imageHeight;
    private final int first;
    private final List<List<Point2>> corners;
    private final double[] spread;
    private final double[] peak;
    /** The second stage's corner heat-map spread per level (patch px), where it, not the first stage, says how sure. */
    private final double[] cornerSpread;
    private final boolean refined;
    private final SpineConfidence confidence;

    private SpineDetection(int imageWidth, int imageHeight, int first, List<List<Point2>> corners, double[] spread,
                           double[] peak, boolean refined) {
        this(imageWidth, imageHeight, first, corners, spread, peak, null, refined);
    }

    private SpineDetection(int imageWidth, int imageHeight, int first, List<List<Point2>> corners, double[] spread,
                           double[] peak, double[] cornerSpread, boolean refined) {
        if (corners.size() != spread.length || corners.size() != peak.length || corners.size() < 2
                || first < 0 || first + corners.size() > SpineLevel.COUNT) {
            throw new IllegalArgumentException("levels " + first + " + " + corners.size() + " with " + spread.length
                    + " spreads and " + peak.length + " peaks do not fit T1..L5");
        }
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        this.first = first;
        this.corners = corners;
        this.spread = spread;
        this.peak = peak;
        this.cornerSpread = cornerSpread;
        this.refined = refined;
        this.confidence = cornerSpread == null ? SpineConfidence.assess(corners, spread, peak, first)
                : SpineConfidence.assessByCorners(corners, cornerSpread, first);
    }

    /**
     * A detection of the consecutive levels from {@code firstLevel} (corners TL, TR, BL, BR per level, film px),
     * with each level's first-stage spread (input px) and peak, for a film that shows only those levels; its
     * confidence comes from the second stage's corner spreads ({@code cornerSpread}, patch px,
     * {@link SpineConfidence#assessByCorners}), since the first stage's heat maps are spread on such a film.
     */
    static SpineDetection ofLevels(int imageWidth, int imageHeight, SpineLevel firstLevel, List<List<Point2>> levels,
                                   double[] spread, double[] peak, double[] cornerSpread, boolean refined) {
        List<List<Point2>> copy = new ArrayList<>(levels.size());
        for (List<Point2> quad : levels) {
            if (quad.size() != 4) {
                throw new IllegalArgumentException("a vertebra has 4 corners, got " + quad.size());
            }
            copy.add(List.copyOf(quad));
        }
        if (cornerSpread.length != levels.size()) {
            throw new IllegalArgumentException(levels.size() + " levels with " + cornerSpread.length
                    + " corner spreads");
        }
        return new SpineDetection(imageWidth, imageHeight, firstLevel.ordinal(), Collections.unmodifiableList(copy),
                spread.clone(), peak.clone(), cornerSpread.clone(), refined);
    }

    /** Maps decoded input-space corners back through {@code box} to the film and assesses them. */
    static SpineDetection of(int imageWidth, int imageHeight, Letterbox box, SpineDecoder.Decoded decoded) {
        List<List<Point2>> levels = new ArrayList<>(SpineDecoder.LEVELS);
        for (int k = 0; k < SpineDecoder.LEVELS; k++) {
            double[] c = decoded.corners()[k];
            List<Point2> quad = new ArrayList<>(4);
            for (int i = 0; i < 8; i += 2) {
                quad.add(box.toSource(c[i], c[i + 1]));
            }
            levels.add(Collections.unmodifiableList(quad));
        }
        return new SpineDetection(imageWidth, imageHeight, 0, Collections.unmodifiableList(levels),
                decoded.spread().clone(), decoded.peak().clone(), false);
    }

    /**
     * This first-stage detection's corners with the heat-map spreads and peaks of {@code look} (the same film and
     * levels, seen at another scale), the confidence assessed on both.
     *
     * @throws IllegalArgumentException when {@code look} is of another image size or other levels
     */
    SpineDetection withSharpnessOf(SpineDetection look) {
        if (look.imageWidth != imageWidth || look.imageHeight != imageHeight || look.first != first
                || look.corners.size() != corners.size()) {
            throw new IllegalArgumentException("the sharpness of another image or other levels");
        }
        return new SpineDetection(imageWidth, imageHeight, first, corners, look.spread, look.peak, refined);
    }

    /**
     * The same detection with the second stage's corners for its levels (film px, TL, TR, BL, BR each); the first-stage spreads and peaks are kept and the confidence is assessed on the new corners.
     */
    SpineDetection withCorners(List<List<Point2>> refined) {
        if (refined.size() != corners.size()) {
            throw new IllegalArgumentException("expected " + corners.size() + " levels, got " + refined.size());
        }
        List<List<Point2>> levels = new ArrayList<>(corners.size());
        for (List<Point2> quad : refined) {
            if (quad.size() != 4) {
                throw new IllegalArgumentException("a vertebra has 4 corners, got " + quad.size());
            }
            levels.add(List.copyOf(quad));
        }
        return new SpineDetection(imageWidth, imageHeight, first, Collections.unmodifiableList(levels), spread, peak,
                cornerSpread, true);
    }

    /**
     * This detection, made on the image of {@code frame}, in the coordinates of the {@code filmWidth x filmHeight}
     * film the frame was cut from ({@link FilmFrame#toFilm}); spreads, peaks and which stage gave the corners are
     * kept, and the confidence is assessed again on the mapped corners (its rules compare lengths and angles
     * only, so it does not change). This detection itself when the frame is the whole film.
     */
    SpineDetection inFilm(FilmFrame frame, int filmWidth, int filmHeight) {
        if (frame.x0() == 0 && frame.y0() == 0 && frame.factor() == 1 && frame.width() == filmWidth
                && frame.height() == filmHeight && imageWidth == filmWidth && imageHeight == filmHeight) {
            return this;
        }
        List<List<Point2>> levels = new ArrayList<>(corners.size());
        for (List<Point2> quad : corners) {
            List<Point2> mapped = new ArrayList<>(4);
            for (Point2 p : quad) {
                mapped.add(frame.toFilm(p));
            }
            levels.add(Collections.unmodifiableList(mapped));
        }
        return new SpineDetection(filmWidth, filmHeight, first, Collections.unmodifiableList(levels), spread, peak,
                cornerSpread, refined);
    }

    /** The first level detected: T1, or the top level a partial film shows. */
    public SpineLevel firstLevel() {
        return SpineLevel.values()[first];
    }

    /** The last level detected: L5, or the bottom level a partial film shows. */
    public SpineLevel lastLevel() {
        return SpineLevel.values()[first + corners.size() - 1];
    }

    /** The levels detected as text, top first: "T1-L5", or e.g. "T1-T12" on a partial film. */
    public String levelRange() {
        return firstLevel().name() + "-" + lastLevel().name();
    }

    /** The number of levels detected (17 on a whole spine). */
    public int levelCount() {
        return corners.size();
    }

    /** Whether all 17 levels T1..L5 were detected. */
    public boolean wholeSpine() {
        return corners.size() == SpineLevel.COUNT;
    }

    /** The centre of level {@code level} (film px): the mean of its four corners. */
    public Point2 centre(int level) {
        return centreOf(corners.get(level));
    }

    /** The mean of a quadrilateral's corners (film px). */
    static Point2 centreOf(List<Point2> quad) {
        double x = 0;
        double y = 0;
        for (Point2 p : quad) {
            x += p.x();
            y += p.y();
        }
        return new Point2(x / quad.size(), y / quad.size());
    }

    public int imageWidth() {
        return imageWidth;
    }

    public int imageHeight() {
        return imageHeight;
    }

    /** Corner {@code corner} of level index {@code level} (0 = {@link #firstLevel()}, T1 on a whole spine), film px. */
    public Point2 corner(int level, Corner corner) {
        return corners.get(level).get(corner.ordinal());
    }

    /** The four corners of level {@code level} in the order TL, TR, BL, BR (film px). */
    public List<Point2> corners(int level) {
        return corners.get(level);
    }

    /**
     * The second stage's corner heat-map spread of level index {@code level} (patch px), present on a detection
     * whose confidence rests on it ({@link #ofLevels}).
     */
    public java.util.OptionalDouble cornerSpread(int level) {
        return cornerSpread == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(cornerSpread[level]);
    }

    /** Heat-map peak (largest cell probability) of level index {@code level}. */
    double peak(int level) {
        return peak[level];
    }

    /** Heat-map spread of level {@code level}, input px (sharp peak: about 1-3). */
    public double spread(int level) {
        return spread[level];
    }

    /**
     * The suggested vertebrae, 17 T1..L5 or those a partial film shows (film px), or empty when a level has no
     * mid-line (its left and right edge midpoints coincide), which only a failed detection produces; its
     * confidence is then low.
     */
    public java.util.Optional<List<Vertebra>> vertebrae() {
        List<Vertebra> out = new ArrayList<>(corners.size());
        for (int k = 0; k < corners.size(); k++) {
            List<Point2> q = corners.get(k);
            Point2 left = q.get(0).midpoint(q.get(2));
            Point2 right = q.get(1).midpoint(q.get(3));
            if (left.equals(right)) {
                return java.util.Optional.empty();
            }
            out.add(Vertebra.of(SpineLevel.values()[first + k], q.get(0), q.get(1), q.get(2), q.get(3)));
        }
        return java.util.Optional.of(Collections.unmodifiableList(out));
    }

    /** True when the corners are the second stage's ({@link VertebraRefiner}), false when the first stage's. */
    public boolean refined() {
        return refined;
    }

    public SpineConfidence confidence() {
        return confidence;
    }
}
