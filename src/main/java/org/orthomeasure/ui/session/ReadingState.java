package org.orthomeasure.ui.session;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.protocol.Reading;

/**
 * One undoable state of the session: the user's reading together with what of it is still an
 * unconfirmed detector suggestion: vertebrae (spine) and lower-limb landmarks. Undo and redo restore
 * both at once, so a landmark always comes back with the marking it had (issues 5 and 11). Immutable;
 * the suggested levels and landmarks are always ones present in the reading (others are dropped at
 * construction).
 *
 * <p>A suggested femoral head is the key {@code (side, FEMORAL_HEAD_CENTER)}: it stands for the head as
 * placed, its centre point or its rim points, whichever the reading has.
 *
 * @param reading            the user's landmarks, complete and in progress
 * @param suggested          the levels of {@code reading} that are unconfirmed suggestions
 * @param suggestedLandmarks the limb landmarks of {@code reading} that are unconfirmed suggestions
 */
record ReadingState(Reading reading, Set<SpineLevel> suggested, Set<LandmarkKey> suggestedLandmarks) {

    ReadingState {
        Objects.requireNonNull(reading, "reading");
        Set<SpineLevel> present = EnumSet.noneOf(SpineLevel.class);
        for (SpineLevel l : Objects.requireNonNull(suggested, "suggested")) {
            if (reading.landmarks().vertebra(l).isPresent()) {
                present.add(l);
            }
        }
        suggested = Set.copyOf(present);
        Set<LandmarkKey> placed = new HashSet<>();
        for (LandmarkKey k : Objects.requireNonNull(suggestedLandmarks, "suggestedLandmarks")) {
            if (placed(reading.landmarks(), k).isPresent()) {
                placed.add(k);
            }
        }
        suggestedLandmarks = Set.copyOf(placed);
    }

    /** A state whose only suggestions are vertebrae. */
    ReadingState(Reading reading, Set<SpineLevel> suggested) {
        this(reading, suggested, Set.of());
    }

    /** A reading with no suggestions. */
    static ReadingState of(Reading reading) {
        return new ReadingState(reading, Set.of(), Set.of());
    }

    /**
     * The state after the user changed the reading to {@code next}: a suggested vertebra stays a
     * suggestion only while its four corners are exactly as suggested, a suggested landmark only while it
     * is exactly where it was suggested (a head: its centre and every rim point); one the user moved,
     * deleted or replaced is confirmed (leaves the set).
     */
    ReadingState edited(Reading next) {
        Set<SpineLevel> still = EnumSet.noneOf(SpineLevel.class);
        for (SpineLevel l : suggested) {
            var v = next.landmarks().vertebra(l);
            if (v.isPresent() && v.equals(reading.landmarks().vertebra(l))) {
                still.add(l);
            }
        }
        Set<LandmarkKey> stillPoints = new HashSet<>();
        for (LandmarkKey k : suggestedLandmarks) {
            Optional<List<Point2>> now = placed(next.landmarks(), k);
            if (now.isPresent() && now.equals(placed(reading.landmarks(), k))) {
                stillPoints.add(k);
            }
        }
        return new ReadingState(next, still, stillPoints);
    }

    /** The same reading with every suggestion accepted as it is. */
    ReadingState allAccepted() {
        return new ReadingState(reading, Set.of(), Set.of());
    }

    /**
     * Where {@code key} is placed in {@code set}: its point; for a femoral head its centre point (when placed)
     * followed by its rim points. Empty when it is not placed.
     */
    static Optional<List<Point2>> placed(LandmarkSet set, LandmarkKey key) {
        Optional<Point2> p = set.point(key);
        if (key.landmark() != LimbLandmark.FEMORAL_HEAD_CENTER) {
            return p.map(List::of);
        }
        List<Point2> rim = set.headRim(key.side());
        if (p.isEmpty() && rim.isEmpty()) {
            return Optional.empty();
        }
        List<Point2> all = new java.util.ArrayList<>();
        p.ifPresent(all::add);
        all.addAll(rim);
        return Optional.of(List.copyOf(all));
    }
}
