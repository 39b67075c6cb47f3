package org.orthomeasure.detect.longleg;

import java.util.Optional;
import org.orthomeasure.core.landmarks.Side;

/**
 * What a long-leg film shows: both legs as an AP film does (the patient's right leg on the image's left),
 * both legs the other way round (a PA film, or one flipped), or one leg only and which.
 *
 * @param oneLeg  the leg when the film shows one leg only; empty for a bilateral film
 * @param swapped for a bilateral film: the patient's right leg is on the image's right
 */
public record LegLayout(Optional<Side> oneLeg, boolean swapped) {

    public LegLayout {
        if (oneLeg.isPresent() && swapped) {
            throw new IllegalArgumentException("a one-leg film has no left/right order to swap");
        }
    }

    /** Both legs, AP (the usual standing long-leg film). */
    public static LegLayout bilateral() {
        return new LegLayout(Optional.empty(), false);
    }

    /** Both legs, the patient's right on the image's right. */
    public static LegLayout bilateralSwapped() {
        return new LegLayout(Optional.empty(), true);
    }

    /** One leg only. */
    public static LegLayout oneLeg(Side side) {
        return new LegLayout(Optional.of(side), false);
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
                .orElseGet(() -> LegCrop.bilateral(width, height, swapped));
    }
}
