package org.orthomeasure.detect.longleg;

import java.util.Optional;
import org.orthomeasure.core.landmarks.Side;

/**
 * What a long-leg film shows: both legs as an AP film shows them (the patient's right leg on the image's
 * left, the convention the measurement engine's medial/lateral rests on), or one leg only and which.
 *
 * @param oneLeg the leg when the film shows one leg only; empty for a bilateral film
 */
public record LegLayout(Optional<Side> oneLeg) {

    /** Both legs, AP (the usual standing long-leg film). */
    public static LegLayout bilateral() {
        return new LegLayout(Optional.empty());
    }

    /** One leg only. */
    public static LegLayout oneLeg(Side side) {
        return new LegLayout(Optional.of(side));
    }

    /**
     * The layout from the film's shape when nothing else says: narrower than a fifth of its height
     * (the OAI crops are 1/8) is one leg, and needs its side from the user or the file; empty then.
     */
    public static Optional<LegLayout> fromShape(int width, int height) {
        return (double) width / height < 0.2 ? Optional.empty() : Optional.of(bilateral());
    }

    /** The crops of a film of this layout. */
    LegCrop[] crops(int width, int height) {
        return oneLeg.map(s -> new LegCrop[] {LegCrop.single(s, width, height)})
                .orElseGet(() -> LegCrop.bilateral(width, height));
    }
}
