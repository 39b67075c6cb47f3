package org.orthomeasure.ui.session;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.protocol.Reading;

/**
 * One undoable state of the session: the user's reading together with the vertebrae of it that are
 * still unconfirmed detector suggestions. Undo and redo restore both at once, so a vertebra always
 * comes back with the marking it had (issue 5). Immutable; the suggested levels are always levels whose
 * vertebra is complete in the reading (others are dropped at construction).
 *
 * @param reading   the user's landmarks, complete and in progress
 * @param suggested the levels of {@code reading} that are unconfirmed suggestions
 */
record ReadingState(Reading reading, Set<SpineLevel> suggested) {

    ReadingState {
        Objects.requireNonNull(reading, "reading");
        Set<SpineLevel> present = EnumSet.noneOf(SpineLevel.class);
        for (SpineLevel l : Objects.requireNonNull(suggested, "suggested")) {
            if (reading.landmarks().vertebra(l).isPresent()) {
                present.add(l);
            }
        }
        suggested = Set.copyOf(present);
    }

    /** A reading with no suggested vertebrae. */
    static ReadingState of(Reading reading) {
        return new ReadingState(reading, Set.of());
    }

    /**
     * The state after the user changed the reading to {@code next}: a suggested vertebra stays a
     * suggestion only while its four corners are exactly as suggested; one the user moved, deleted or
     * replaced is confirmed (leaves the set).
     */
    ReadingState edited(Reading next) {
        Set<SpineLevel> still = EnumSet.noneOf(SpineLevel.class);
        for (SpineLevel l : suggested) {
            var v = next.landmarks().vertebra(l);
            if (v.isPresent() && v.equals(reading.landmarks().vertebra(l))) {
                still.add(l);
            }
        }
        return new ReadingState(next, still);
    }

    /** The same reading with every suggested vertebra accepted as it is. */
    ReadingState allAccepted() {
        return new ReadingState(reading, Set.of());
    }
}
