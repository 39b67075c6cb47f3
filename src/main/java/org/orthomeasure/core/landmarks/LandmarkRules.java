package org.orthomeasure.core.landmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.orthomeasure.core.geometry.CircleFit;
import org.orthomeasure.core.geometry.Point2;

/**
 * The rules a set of lower-limb landmarks obeys, in one place for the landmark file reader, the
 * session store and the viewer: two different landmarks of one side may not lie at the same place
 * (the line through them, and every measurement using it, would be undefined), and a femoral-head
 * rim has at least 3 distinct, non-collinear points (a circle needs them). Landmarks of different
 * sides may coincide. Messages are one line and name the landmarks; coordinates are written as
 * {@code [x, y]}.
 */
public final class LandmarkRules {

    /** The fewest rim points a circle can be fitted to. */
    public static final int MIN_RIM_POINTS = 3;

    private LandmarkRules() {
    }

    /**
     * Why {@code key} may not be placed at {@code p} in {@code set}: another landmark of the same side
     * is already there; empty when it may (moving a landmark onto its own place is allowed).
     */
    public static Optional<String> placementProblem(LandmarkSet set, LandmarkKey key, Point2 p) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(p, "p");
        for (Map.Entry<LandmarkKey, Point2> e : set.points().entrySet()) {
            LandmarkKey other = e.getKey();
            if (other.side() == key.side() && !other.equals(key) && e.getValue().equals(p)) {
                return Optional.of(coincide(other, key, p));
            }
        }
        return Optional.empty();
    }

    /** Every pair of landmarks of one side at the same place, in the set's order, one line each. */
    public static List<String> coincidences(LandmarkSet set) {
        List<String> out = new ArrayList<>();
        List<Map.Entry<LandmarkKey, Point2>> entries = new ArrayList<>(set.points().entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                var a = entries.get(i);
                var b = entries.get(j);
                if (a.getKey().side() == b.getKey().side() && a.getValue().equals(b.getValue())) {
                    out.add(coincide(a.getKey(), b.getKey(), a.getValue()));
                }
            }
        }
        return out;
    }

    /**
     * The first coincidence that {@code after} has and {@code before} has not: the reason to refuse an
     * edit from {@code before} to {@code after} (placing or dragging a landmark onto another of its
     * side); empty when the edit breaks no rule that was kept before.
     */
    public static Optional<String> introducedCoincidence(LandmarkSet before, LandmarkSet after) {
        List<String> old = coincidences(before);
        return coincidences(after).stream().filter(c -> !old.contains(c)).findFirst();
    }

    /**
     * Why {@code rim} cannot define a femoral head: fewer than {@value #MIN_RIM_POINTS} points, a point
     * given twice, or all points on one line; empty when a circle can be fitted.
     */
    public static Optional<String> rimProblem(List<Point2> rim) {
        if (rim.size() < MIN_RIM_POINTS) {
            return Optional.of(tooFewRimPoints(rim.size()));
        }
        Set<Point2> seen = new HashSet<>();
        for (int i = 0; i < rim.size(); i++) {
            if (!seen.add(rim.get(i))) {
                return Optional.of("rim point " + i + " " + coords(rim.get(i)) + " repeats an earlier rim point");
            }
        }
        try {
            CircleFit.fit(rim);
            return Optional.empty();
        } catch (IllegalArgumentException collinear) {
            return Optional.of(collinear.getMessage());
        }
    }

    /** "too few rim points: 2 given, a circle needs at least 3". */
    public static String tooFewRimPoints(int given) {
        return "too few rim points: " + given + " given, a circle needs at least " + MIN_RIM_POINTS;
    }

    /** Every broken rule of {@code set}: coincident landmarks, then unusable rims ("R.femoralHeadRim: ..."). */
    public static List<String> problems(LandmarkSet set) {
        List<String> out = new ArrayList<>(coincidences(set));
        for (Side side : Side.values()) {
            List<Point2> rim = set.headRim(side);
            if (!rim.isEmpty()) {
                rimProblem(rim).ifPresent(p -> out.add(side.prefix() + "femoralHeadRim: " + p));
            }
        }
        return out;
    }

    /**
     * The part of {@code set} that obeys the rules, for saving work in progress: a rim that cannot
     * define a head yet is left out (it is still being clicked), and of two landmarks of one side at
     * the same place the later one in the set's order is left out. A set that obeys the rules comes
     * back unchanged.
     */
    public static LandmarkSet obeying(LandmarkSet set) {
        LandmarkSet out = set;
        for (Side side : Side.values()) {
            List<Point2> rim = set.headRim(side);
            if (!rim.isEmpty() && rimProblem(rim).isPresent()) {
                out = out.withHeadRim(side, List.of());
            }
        }
        LandmarkSet kept = LandmarkSet.empty();
        for (Map.Entry<LandmarkKey, Point2> e : set.points().entrySet()) {
            if (placementProblem(kept, e.getKey(), e.getValue()).isPresent()) {
                out = out.without(e.getKey());
            } else {
                kept = kept.withPoint(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static String coincide(LandmarkKey a, LandmarkKey b, Point2 p) {
        return a.id() + " and " + b.id() + " coincide at " + coords(p)
                + "; two different landmarks cannot be at the same place";
    }

    /** "[x, y]" with integers written without a decimal point. */
    static String coords(Point2 p) {
        return "[" + num(p.x()) + ", " + num(p.y()) + "]";
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
