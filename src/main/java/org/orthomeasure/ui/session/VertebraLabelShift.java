package org.orthomeasure.ui.session;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.Reading;

/**
 * Renames every vertebra of a reading one level along the spine, for levels that are one vertebra off (the
 * outlines are right, their names are not). {@code down}: each name moves to the vertebra below it on the film,
 * so the vertebra named T2 becomes T1, ..., L5 becomes L4, and the one named T1 (above the true T1) is dropped;
 * otherwise each name moves to the vertebra above: T1 becomes T2, ..., L4 becomes L5, the one named L5 is
 * dropped. Corners still being placed move with their level; suggested vertebrae stay suggestions under their new
 * names. The level left without a vertebra at the other end (L5 going down, T1 going up) is extrapolated from the
 * two vertebrae next to it, corner by corner, {@code p = 2 a - b} (a the neighbour, b the one after it: one more
 * step of the same spacing, tilt and shape), and marked a suggestion for the user to check; when those two are
 * not both complete it stays empty. Cobb lines and limb landmarks are untouched.
 */
final class VertebraLabelShift {

    private VertebraLabelShift() {
    }

    /** The state with its vertebra labels shifted; the same state when it has no vertebra. */
    static ReadingState shift(ReadingState state, boolean down) {
        Reading reading = state.reading();
        LandmarkSet set = reading.landmarks();
        Map<SpineLevel, Vertebra> old = set.vertebrae();
        boolean drafts = reading.drafts().keySet().stream().anyMatch(r -> r instanceof PointRef.Corner);
        if (old.isEmpty() && !drafts) {
            return state;
        }
        int step = down ? -1 : 1;
        SpineLevel[] levels = SpineLevel.values();
        Map<SpineLevel, Vertebra> moved = new EnumMap<>(SpineLevel.class);
        Set<SpineLevel> suggested = EnumSet.noneOf(SpineLevel.class);
        for (Vertebra v : old.values()) {
            int to = v.level().ordinal() + step;
            if (to >= 0 && to < levels.length) {
                moved.put(levels[to], Vertebra.of(levels[to], v.topLeft(), v.topRight(), v.bottomLeft(),
                        v.bottomRight()));
                if (state.suggested().contains(v.level())) {
                    suggested.add(levels[to]);
                }
            }
        }
        SpineLevel vacated = down ? levels[levels.length - 1] : levels[0];
        SpineLevel next = down ? levels[levels.length - 2] : levels[1];
        SpineLevel after = down ? levels[levels.length - 3] : levels[2];
        boolean vacatedDrafted = reading.drafts().keySet().stream()
                .anyMatch(r -> r instanceof PointRef.Corner c && c.level().ordinal() - step == vacated.ordinal());
        if (!vacatedDrafted && moved.containsKey(next) && moved.containsKey(after)) {
            extrapolate(vacated, moved.get(next), moved.get(after)).ifPresent(v -> {
                moved.put(vacated, v);
                suggested.add(vacated);
            });
        }
        for (SpineLevel l : old.keySet()) {
            set = set.withoutVertebra(l);
        }
        for (Vertebra v : moved.values()) {
            set = set.withVertebra(v);
        }
        Reading out = reading.withLandmarks(set);
        for (var d : reading.drafts().entrySet()) {
            if (d.getKey() instanceof PointRef.Corner c) {
                int to = c.level().ordinal() + step;
                if (to >= 0 && to < levels.length) {
                    out = out.with(new PointRef.Corner(levels[to], c.corner()), d.getValue());
                }
            } else {
                out = out.with(d.getKey(), d.getValue());
            }
        }
        return new ReadingState(out, suggested, state.suggestedLandmarks());
    }

    /** Level {@code level} at 2 a - b corner by corner; empty when that outline has no mid-line. */
    static Optional<Vertebra> extrapolate(SpineLevel level, Vertebra a, Vertebra b) {
        try {
            return Optional.of(Vertebra.of(level, twice(a.topLeft(), b.topLeft()), twice(a.topRight(), b.topRight()),
                    twice(a.bottomLeft(), b.bottomLeft()), twice(a.bottomRight(), b.bottomRight())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Point2 twice(Point2 a, Point2 b) {
        return new Point2(2 * a.x() - b.x(), 2 * a.y() - b.y());
    }
}
