package org.orthomeasure.core.landmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.CircleFit;
import org.orthomeasure.core.geometry.Point2;

/**
 * All landmarks of one film, immutable: lower-limb points per side, femoral-head rim points per side,
 * vertebrae by level and the two manual Cobb lines. Every change returns a new set ("wither"s).
 * Coordinates are image pixels (x right, y down).
 */
public final class LandmarkSet {

    private static final LandmarkSet EMPTY = new LandmarkSet(new TreeMap<>(), new EnumMap<>(Side.class),
            new EnumMap<>(SpineLevel.class), Optional.empty());

    private final Map<LandmarkKey, Point2> points;
    private final Map<Side, List<Point2>> headRims;
    private final Map<SpineLevel, Vertebra> vertebrae;
    private final Optional<CobbLines> cobbLines;

    private LandmarkSet(Map<LandmarkKey, Point2> points, Map<Side, List<Point2>> headRims,
                        Map<SpineLevel, Vertebra> vertebrae, Optional<CobbLines> cobbLines) {
        this.points = points;
        this.headRims = headRims;
        this.vertebrae = vertebrae;
        this.cobbLines = cobbLines;
    }

    /** The set without any landmark. */
    public static LandmarkSet empty() {
        return EMPTY;
    }

    // ---- withers -------------------------------------------------------------------------------

    /** This set with {@code key} placed at {@code p} (replacing any previous position). */
    public LandmarkSet withPoint(LandmarkKey key, Point2 p) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(p, "p");
        Map<LandmarkKey, Point2> copy = new TreeMap<>(points);
        copy.put(key, p);
        return new LandmarkSet(copy, headRims, vertebrae, cobbLines);
    }

    /** Shorthand for {@code withPoint(LandmarkKey.of(side, landmark), p)}. */
    public LandmarkSet withPoint(Side side, LimbLandmark landmark, Point2 p) {
        return withPoint(LandmarkKey.of(side, landmark), p);
    }

    /** This set without {@code key}. */
    public LandmarkSet without(LandmarkKey key) {
        if (!points.containsKey(key)) {
            return this;
        }
        Map<LandmarkKey, Point2> copy = new TreeMap<>(points);
        copy.remove(key);
        return new LandmarkSet(copy, headRims, vertebrae, cobbLines);
    }

    /**
     * This set with the femoral-head rim points of {@code side} replaced by {@code rim} (any number;
     * a centre is fitted only from 3 or more non-collinear points). An empty list removes the rim.
     */
    public LandmarkSet withHeadRim(Side side, List<Point2> rim) {
        Objects.requireNonNull(side, "side");
        List<Point2> copyList = List.copyOf(rim);
        Map<Side, List<Point2>> copy = new EnumMap<>(Side.class);
        copy.putAll(headRims);
        if (copyList.isEmpty()) {
            copy.remove(side);
        } else {
            copy.put(side, copyList);
        }
        return new LandmarkSet(points, copy, vertebrae, cobbLines);
    }

    /** This set with {@code v} placed at its level (replacing any previous one). */
    public LandmarkSet withVertebra(Vertebra v) {
        Objects.requireNonNull(v, "v");
        Map<SpineLevel, Vertebra> copy = new EnumMap<>(SpineLevel.class);
        copy.putAll(vertebrae);
        copy.put(v.level(), v);
        return new LandmarkSet(points, headRims, copy, cobbLines);
    }

    /** This set without the vertebra at {@code level}. */
    public LandmarkSet withoutVertebra(SpineLevel level) {
        if (!vertebrae.containsKey(level)) {
            return this;
        }
        Map<SpineLevel, Vertebra> copy = new EnumMap<>(SpineLevel.class);
        copy.putAll(vertebrae);
        copy.remove(level);
        return new LandmarkSet(points, headRims, copy, cobbLines);
    }

    /** This set with the manual Cobb lines set. */
    public LandmarkSet withCobbLines(CobbLines lines) {
        return new LandmarkSet(points, headRims, vertebrae, Optional.of(lines));
    }

    /** This set without manual Cobb lines. */
    public LandmarkSet withoutCobbLines() {
        return new LandmarkSet(points, headRims, vertebrae, Optional.empty());
    }

    /**
     * Every coordinate mapped through {@code f} (e.g. px to mm, or a rotation in a test); the side of
     * each landmark is kept.
     */
    public LandmarkSet map(UnaryOperator<Point2> f) {
        Map<LandmarkKey, Point2> p = new TreeMap<>();
        points.forEach((k, v) -> p.put(k, f.apply(v)));
        Map<Side, List<Point2>> r = new EnumMap<>(Side.class);
        headRims.forEach((s, list) -> r.put(s, list.stream().map(f).toList()));
        Map<SpineLevel, Vertebra> vs = new EnumMap<>(SpineLevel.class);
        vertebrae.forEach((l, v) -> vs.put(l, v.map(f)));
        return new LandmarkSet(p, r, vs, cobbLines.map(c -> c.map(f)));
    }

    /** The limb landmarks and head rims with R and L exchanged (vertebrae and Cobb lines unchanged). */
    public LandmarkSet withSidesSwapped() {
        Map<LandmarkKey, Point2> p = new TreeMap<>();
        points.forEach((k, v) -> p.put(LandmarkKey.of(k.side().opposite(), k.landmark()), v));
        Map<Side, List<Point2>> r = new EnumMap<>(Side.class);
        headRims.forEach((s, list) -> r.put(s.opposite(), list));
        return new LandmarkSet(p, r, vertebrae, cobbLines);
    }

    // ---- getters -------------------------------------------------------------------------------

    public Optional<Point2> point(LandmarkKey key) {
        return Optional.ofNullable(points.get(key));
    }

    public Optional<Point2> point(Side side, LimbLandmark landmark) {
        return point(LandmarkKey.of(side, landmark));
    }

    /** All limb points, sorted by side then landmark. */
    public Map<LandmarkKey, Point2> points() {
        return Collections.unmodifiableMap(points);
    }

    /** The femoral-head rim points of {@code side} (empty when none). */
    public List<Point2> headRim(Side side) {
        return headRims.getOrDefault(side, List.of());
    }

    /** Vertebrae by level, top to bottom. */
    public Map<SpineLevel, Vertebra> vertebrae() {
        return Collections.unmodifiableMap(vertebrae);
    }

    public Optional<Vertebra> vertebra(SpineLevel level) {
        return Optional.ofNullable(vertebrae.get(level));
    }

    public Optional<CobbLines> cobbLines() {
        return cobbLines;
    }

    /** True when the set holds nothing at all. */
    public boolean isEmpty() {
        return points.isEmpty() && headRims.isEmpty() && vertebrae.isEmpty() && cobbLines.isEmpty();
    }

    /**
     * The femoral head centre of {@code side}: the given {@code femoralHeadCenter} when placed, otherwise
     * the least-squares circle through the rim points when there are 3 or more non-collinear ones;
     * empty otherwise (see {@link #femoralHeadProblem(Side)} for why).
     */
    public Optional<FemoralHead> femoralHead(Side side) {
        Point2 given = points.get(LandmarkKey.of(side, LimbLandmark.FEMORAL_HEAD_CENTER));
        if (given != null) {
            return Optional.of(FemoralHead.given(side, given));
        }
        List<Point2> rim = headRim(side);
        if (rim.size() < 3) {
            return Optional.empty();
        }
        try {
            Circle c = CircleFit.fit(rim);
            return Optional.of(FemoralHead.fitted(side, c, rim.size()));
        } catch (IllegalArgumentException collinear) {
            return Optional.empty();
        }
    }

    /**
     * Why {@link #femoralHead(Side)} is empty, as one sentence naming the landmark; empty when a
     * centre is available.
     */
    public Optional<String> femoralHeadProblem(Side side) {
        if (femoralHead(side).isPresent()) {
            return Optional.empty();
        }
        List<Point2> rim = headRim(side);
        String rimId = side.prefix() + "femoralHeadRim";
        if (rim.isEmpty()) {
            return Optional.of(side.prefix() + "femoralHeadCenter is not placed and there are no "
                    + rimId + " points");
        }
        if (rim.size() < 3) {
            return Optional.of(rimId + " has " + rim.size() + " point" + (rim.size() == 1 ? "" : "s")
                    + ", a circle needs at least 3");
        }
        try {
            CircleFit.fit(rim);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(rimId + ": " + e.getMessage());
        }
    }

    /** Every id that names something in this set: limb keys, "R.femoralHeadRim", levels, "cobbLines". */
    public List<String> presentIds() {
        List<String> ids = new ArrayList<>();
        points.keySet().forEach(k -> ids.add(k.id()));
        headRims.keySet().forEach(s -> ids.add(s.prefix() + "femoralHeadRim"));
        vertebrae.keySet().forEach(l -> ids.add(l.name()));
        cobbLines.ifPresent(c -> ids.add("cobbLines"));
        return ids;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LandmarkSet s && points.equals(s.points) && headRims.equals(s.headRims)
                && vertebrae.equals(s.vertebrae) && cobbLines.equals(s.cobbLines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(points, headRims, vertebrae, cobbLines);
    }

    @Override
    public String toString() {
        return "LandmarkSet[points=" + points + ", headRims=" + headRims + ", vertebrae=" + vertebrae.keySet()
                + ", cobbLines=" + cobbLines + "]";
    }
}
