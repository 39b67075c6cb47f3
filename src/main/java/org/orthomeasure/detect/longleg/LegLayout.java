package org.orthomeasure.detect.longleg;

import java.util.Optional;
import org.orthomeasure.core.landmarks.Side;

/**
 * What a long-leg film shows: both legs as an AP film shows them (the patient's right leg on the image's
 * left, the convention the measurement engine's medial/lateral rests on), or one leg only and which.
 *
 * @param oneLeg   the leg when the film shows one leg only; empty for a bilateral film
 * @param mirrored the film is mirrored against the AP convention (the patient's right on the image's right,
 *                 from its Patient Orientation): it is detected flipped and the landmarks mapped back, so
 *                 each keeps its true side
 */
public record LegLayout(Optional<Side> oneLeg, boolean mirrored) {

    /** Both legs, AP (the usual standing long-leg film). */
    public static LegLayout bilateral() {
        return new LegLayout(Optional.empty(), false);
    }

    /** One leg only. */
    public static LegLayout oneLeg(Side side) {
        return new LegLayout(Optional.of(side), false);
    }

    /** This layout on a film mirrored against the AP convention, or not. */
    public LegLayout withMirrored(boolean on) {
        return new LegLayout(oneLeg, on);
    }

    /**
     * The layout from the film's shape when nothing else says: narrower than a fifth of its height
     * (the OAI crops are 1/8) is one leg, and needs its side from the user or the file; empty then.
     */
    public static Optional<LegLayout> fromShape(int width, int height) {
        return (double) width / height < 0.2 ? Optional.empty() : Optional.of(bilateral());
    }

    /**
     * The layout from what the film's header says, then from its shape: a film of one leg's shape whose
     * laterality (Image Laterality or Laterality) is "R" or "L" shows that leg; any other film is bilateral
     * AP. Empty when the film is one leg's shape and the header does not say which leg (the user must).
     *
     * @param laterality the header's laterality as written ("R", "L", "B", "U"), when it has one
     */
    public static Optional<LegLayout> fromFilm(int width, int height, Optional<String> laterality) {
        Optional<LegLayout> byShape = fromShape(width, height);
        if (byShape.isPresent()) {
            return byShape;
        }
        return laterality.map(v -> v.strip().toUpperCase(java.util.Locale.ROOT))
                .flatMap(v -> v.equals("R") ? Optional.of(oneLeg(Side.R)) : v.equals("L") ? Optional.of(oneLeg(Side.L))
                        : Optional.empty());
    }

    /** The crops of a film of this layout. */
    LegCrop[] crops(int width, int height) {
        return oneLeg.map(s -> new LegCrop[] {LegCrop.single(s, width, height)})
                .orElseGet(() -> LegCrop.bilateral(width, height));
    }
}
