package org.orthomeasure.core.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Segment2;
import org.orthomeasure.core.landmarks.CobbLines;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;

/**
 * One reader's landmarks on one film while they are being placed: the {@link LandmarkSet} the
 * measurements use, plus the points of objects that are not complete yet (a vertebra with fewer than
 * four corners, a Cobb line with one end). Immutable: every edit returns a new reading, so undo is
 * keeping the previous value.
 *
 * <p>Completion rules: a vertebra enters the landmark set as soon as its four corners are placed and
 * form a valid vertebra (its edge midpoints differ); the Cobb lines enter it when both lines have two
 * distinct ends. Moving a point of a complete object rebuilds it; deleting one returns the remaining
 * points to the drafts.
 */
public final class Reading {

    private static final Reading EMPTY = new Reading(LandmarkSet.empty(), Map.of());

    private final LandmarkSet landmarks;
    /** Points of incomplete vertebrae ({@link PointRef.Corner}) and Cobb lines ({@link PointRef.CobbEnd}). */
    private final Map<PointRef, Point2> drafts;

    private Reading(LandmarkSet landmarks, Map<PointRef, Point2> drafts) {
        this.landmarks = landmarks;
        this.drafts = drafts;
    }

    public static Reading empty() {
        return EMPTY;
    }

    /** A reading of complete landmarks (e.g. restored from a landmark file). */
    public static Reading of(LandmarkSet landmarks) {
        return new Reading(Objects.requireNonNull(landmarks, "landmarks"), Map.of());
    }

    /** The complete landmarks, as measured. */
    public LandmarkSet landmarks() {
        return landmarks;
    }

    /** Points of objects not complete yet. */
    public Map<PointRef, Point2> drafts() {
        return Collections.unmodifiableMap(drafts);
    }

    /** Where {@code ref} is, complete or draft. */
    public Optional<Point2> position(PointRef ref) {
        if (ref instanceof PointRef.Limb l) {
            return landmarks.point(l.key());
        }
        if (ref instanceof PointRef.HeadRim r) {
            List<Point2> rim = landmarks.headRim(r.side());
            return r.index() < rim.size() ? Optional.of(rim.get(r.index())) : Optional.empty();
        }
        if (ref instanceof PointRef.Corner c) {
            return landmarks.vertebra(c.level()).map(v -> corner(v, c.corner()))
                    .or(() -> Optional.ofNullable(drafts.get(c)));
        }
        PointRef.CobbEnd e = (PointRef.CobbEnd) ref;
        return landmarks.cobbLines().map(cl -> cobbEnd(cl, e)).or(() -> Optional.ofNullable(drafts.get(e)));
    }

    /** Every placed point with its name, limb points first, then rims, vertebrae top to bottom, Cobb ends. */
    public Map<PointRef, Point2> allPoints() {
        Map<PointRef, Point2> all = new LinkedHashMap<>();
        landmarks.points().forEach((k, p) -> all.put(new PointRef.Limb(k), p));
        for (Side s : Side.values()) {
            List<Point2> rim = landmarks.headRim(s);
            for (int i = 0; i < rim.size(); i++) {
                all.put(new PointRef.HeadRim(s, i), rim.get(i));
            }
        }
        for (SpineLevel level : SpineLevel.values()) {
            for (VertebraCorner c : VertebraCorner.values()) {
                PointRef.Corner ref = new PointRef.Corner(level, c);
                position(ref).ifPresent(p -> all.put(ref, p));
            }
        }
        for (PointRef.CobbLine line : PointRef.CobbLine.values()) {
            for (boolean start : new boolean[] {true, false}) {
                PointRef.CobbEnd ref = new PointRef.CobbEnd(line, start);
                position(ref).ifPresent(p -> all.put(ref, p));
            }
        }
        return all;
    }

    /**
     * This reading with {@code ref} at {@code p}. A rim point with index equal to the rim's size is
     * appended; a larger index is rejected.
     */
    public Reading with(PointRef ref, Point2 p) {
        Objects.requireNonNull(p, "p");
        if (ref instanceof PointRef.Limb l) {
            return new Reading(landmarks.withPoint(l.key(), p), drafts);
        }
        if (ref instanceof PointRef.HeadRim r) {
            List<Point2> rim = new ArrayList<>(landmarks.headRim(r.side()));
            if (r.index() > rim.size()) {
                throw new IllegalArgumentException(r.id() + ": the rim has only " + rim.size() + " points");
            }
            if (r.index() == rim.size()) {
                rim.add(p);
            } else {
                rim.set(r.index(), p);
            }
            return new Reading(landmarks.withHeadRim(r.side(), rim), drafts);
        }
        if (ref instanceof PointRef.Corner c) {
            return withCorner(c, p);
        }
        return withCobbEnd((PointRef.CobbEnd) ref, p);
    }

    /** This reading without {@code ref} (unchanged when it is not placed). Later rim points move down one index. */
    public Reading without(PointRef ref) {
        if (ref instanceof PointRef.Limb l) {
            return new Reading(landmarks.without(l.key()), drafts);
        }
        if (ref instanceof PointRef.HeadRim r) {
            List<Point2> rim = new ArrayList<>(landmarks.headRim(r.side()));
            if (r.index() >= rim.size()) {
                return this;
            }
            rim.remove(r.index());
            return new Reading(landmarks.withHeadRim(r.side(), rim), drafts);
        }
        if (ref instanceof PointRef.Corner c) {
            return withoutCorner(c);
        }
        return withoutCobbEnd((PointRef.CobbEnd) ref);
    }

    /** This reading with the landmark set replaced and no drafts (e.g. a suggestion accepted as a whole). */
    public Reading withLandmarks(LandmarkSet set) {
        return new Reading(Objects.requireNonNull(set, "set"), Map.of());
    }

    private Reading withCorner(PointRef.Corner c, Point2 p) {
        Map<PointRef, Point2> d = new LinkedHashMap<>(drafts);
        LandmarkSet set = landmarks;
        Optional<Vertebra> existing = landmarks.vertebra(c.level());
        if (existing.isPresent()) {
            // move a corner of a complete vertebra: its other corners become drafts until rebuilt
            for (VertebraCorner vc : VertebraCorner.values()) {
                d.put(new PointRef.Corner(c.level(), vc), corner(existing.get(), vc));
            }
            set = set.withoutVertebra(c.level());
        }
        d.put(c, p);
        return completeVertebra(set, d, c.level());
    }

    private Reading withoutCorner(PointRef.Corner c) {
        Map<PointRef, Point2> d = new LinkedHashMap<>(drafts);
        LandmarkSet set = landmarks;
        Optional<Vertebra> existing = landmarks.vertebra(c.level());
        if (existing.isPresent()) {
            for (VertebraCorner vc : VertebraCorner.values()) {
                if (vc != c.corner()) {
                    d.put(new PointRef.Corner(c.level(), vc), corner(existing.get(), vc));
                }
            }
            set = set.withoutVertebra(c.level());
        } else if (d.remove(c) == null) {
            return this;
        }
        return new Reading(set, d);
    }

    private static Reading completeVertebra(LandmarkSet set, Map<PointRef, Point2> d, SpineLevel level) {
        Map<VertebraCorner, Point2> corners = new EnumMap<>(VertebraCorner.class);
        for (VertebraCorner vc : VertebraCorner.values()) {
            Point2 q = d.get(new PointRef.Corner(level, vc));
            if (q == null) {
                return new Reading(set, d);
            }
            corners.put(vc, q);
        }
        try {
            Vertebra v = Vertebra.of(level, corners.get(VertebraCorner.TOP_LEFT), corners.get(VertebraCorner.TOP_RIGHT),
                    corners.get(VertebraCorner.BOTTOM_LEFT), corners.get(VertebraCorner.BOTTOM_RIGHT));
            for (VertebraCorner vc : VertebraCorner.values()) {
                d.remove(new PointRef.Corner(level, vc));
            }
            return new Reading(set.withVertebra(v), d);
        } catch (IllegalArgumentException degenerate) {
            return new Reading(set, d); // stays a draft until a corner is moved
        }
    }

    private Reading withCobbEnd(PointRef.CobbEnd e, Point2 p) {
        Map<PointRef, Point2> d = new LinkedHashMap<>(drafts);
        LandmarkSet set = landmarks;
        if (landmarks.cobbLines().isPresent()) {
            putCobbDrafts(d, landmarks.cobbLines().get());
            set = set.withoutCobbLines();
        }
        d.put(e, p);
        return completeCobb(set, d);
    }

    private Reading withoutCobbEnd(PointRef.CobbEnd e) {
        Map<PointRef, Point2> d = new LinkedHashMap<>(drafts);
        LandmarkSet set = landmarks;
        if (landmarks.cobbLines().isPresent()) {
            putCobbDrafts(d, landmarks.cobbLines().get());
            set = set.withoutCobbLines();
        }
        if (d.remove(e) == null) {
            return this;
        }
        return new Reading(set, d);
    }

    private static void putCobbDrafts(Map<PointRef, Point2> d, CobbLines cl) {
        for (PointRef.CobbLine line : PointRef.CobbLine.values()) {
            for (boolean start : new boolean[] {true, false}) {
                PointRef.CobbEnd ref = new PointRef.CobbEnd(line, start);
                d.put(ref, cobbEnd(cl, ref));
            }
        }
    }

    private static Reading completeCobb(LandmarkSet set, Map<PointRef, Point2> d) {
        Point2 us = d.get(new PointRef.CobbEnd(PointRef.CobbLine.UPPER, true));
        Point2 ue = d.get(new PointRef.CobbEnd(PointRef.CobbLine.UPPER, false));
        Point2 ls = d.get(new PointRef.CobbEnd(PointRef.CobbLine.LOWER, true));
        Point2 le = d.get(new PointRef.CobbEnd(PointRef.CobbLine.LOWER, false));
        if (us == null || ue == null || ls == null || le == null || us.equals(ue) || ls.equals(le)) {
            return new Reading(set, d);
        }
        for (PointRef.CobbLine line : PointRef.CobbLine.values()) {
            d.remove(new PointRef.CobbEnd(line, true));
            d.remove(new PointRef.CobbEnd(line, false));
        }
        return new Reading(set.withCobbLines(CobbLines.of(Segment2.of(us, ue), Segment2.of(ls, le))), d);
    }

    static Point2 corner(Vertebra v, VertebraCorner c) {
        return switch (c) {
            case TOP_LEFT -> v.topLeft();
            case TOP_RIGHT -> v.topRight();
            case BOTTOM_LEFT -> v.bottomLeft();
            case BOTTOM_RIGHT -> v.bottomRight();
        };
    }

    private static Point2 cobbEnd(CobbLines cl, PointRef.CobbEnd e) {
        Segment2 s = e.line() == PointRef.CobbLine.UPPER ? cl.upper() : cl.lower();
        return e.start() ? s.start() : s.end();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reading r && landmarks.equals(r.landmarks) && drafts.equals(r.drafts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(landmarks, drafts);
    }

    @Override
    public String toString() {
        return "Reading[" + landmarks + ", drafts=" + drafts + "]";
    }
}
