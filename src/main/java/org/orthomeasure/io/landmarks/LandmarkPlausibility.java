package org.orthomeasure.io.landmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;

/**
 * What a landmark file's coordinates must satisfy to describe a film someone read, beyond being
 * finite numbers: bounds that keep every length and angle computed from them human.
 * <ul>
 *   <li>{@link #MIN_SEPARATION_PX}: two points that must be distinct (landmarks of one side, the
 *       corners of a vertebra, the ends of a line, rim points) closer than 1 px are refused: nobody
 *       places two landmarks within one pixel, and angles from them are noise (HKA 0, JLO 360);</li>
 *   <li>{@link #MAX_COORDINATE_PX}: no coordinate beyond 50 000 px in either direction (the largest
 *       film accepted is 40 000 px per side);</li>
 *   <li>{@link #OUTSIDE_MARGIN}: on a film of known size, no point further outside it than 10 % of its
 *       longer side (a femoral head centre may lie just off a cropped film, not a metre away);</li>
 *   <li>{@link #MAX_SPAN_MM}: with a calibration, all points together within 2.5 m (a full-body
 *       radiograph is under 2 m tall), so no femur of 1.5 km is ever printed.</li>
 * </ul>
 */
public final class LandmarkPlausibility {

    /** Closest two distinct points may be, px. */
    public static final double MIN_SEPARATION_PX = 1.0;
    /** Largest absolute coordinate, px. */
    public static final double MAX_COORDINATE_PX = 50_000;
    /** How far outside a film of known size a point may lie, as a fraction of its longer side. */
    public static final double OUTSIDE_MARGIN = 0.10;
    /** Largest extent of all points of one reading, mm. */
    public static final double MAX_SPAN_MM = 2500;

    private LandmarkPlausibility() {
    }

    /** True when {@code a} and {@code b} are too close to be two different places ({@link #MIN_SEPARATION_PX}). */
    public static boolean nearlyCoincide(Point2 a, Point2 b) {
        return a.distanceTo(b) < MIN_SEPARATION_PX;
    }

    /** Why a single coordinate pair is not plausible, or empty. */
    public static Optional<String> coordinateProblem(double x, double y) {
        if (Math.abs(x) > MAX_COORDINATE_PX || Math.abs(y) > MAX_COORDINATE_PX) {
            return Optional.of("coordinates beyond " + (long) MAX_COORDINATE_PX + " px cannot be on a film, got ["
                    + x + ", " + y + "]");
        }
        return Optional.empty();
    }

    /** The first point lying more than {@link #OUTSIDE_MARGIN} outside a {@code width} x {@code height} film, described. */
    public static Optional<String> outsideFilm(LandmarkSet set, int width, int height) {
        double m = OUTSIDE_MARGIN * Math.max(width, height);
        for (Point2 p : allPoints(set)) {
            if (p.x() < -m || p.y() < -m || p.x() > width + m || p.y() > height + m) {
                return Optional.of(String.format(Locale.ROOT, "the point [%s, %s] lies far outside the %dx%d film "
                        + "(more than %.0f px beyond its edge)", num(p.x()), num(p.y()), width, height, m));
            }
        }
        return Optional.empty();
    }

    /** Why all points together span more than {@link #MAX_SPAN_MM} at {@code spacing}, or empty. */
    public static Optional<String> spanTooLarge(LandmarkSet set, PixelSpacing spacing) {
        List<Point2> pts = allPoints(set);
        if (pts.isEmpty()) {
            return Optional.empty();
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Point2 p : pts) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        double spanMm = Math.hypot((maxX - minX) * spacing.columnMm(), (maxY - minY) * spacing.rowMm());
        if (spanMm > MAX_SPAN_MM) {
            return Optional.of(String.format(Locale.ROOT, "the landmarks span %.0f mm at %s x %s mm per pixel, more "
                    + "than any radiograph shows (%.0f mm)", spanMm, num(spacing.rowMm()), num(spacing.columnMm()),
                    MAX_SPAN_MM));
        }
        return Optional.empty();
    }

    /** Every point of the set: limb landmarks, head rims, vertebra corners, Cobb line ends. */
    static List<Point2> allPoints(LandmarkSet set) {
        List<Point2> all = new ArrayList<>();
        set.map(p -> {
            all.add(p);
            return p;
        });
        return all;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
