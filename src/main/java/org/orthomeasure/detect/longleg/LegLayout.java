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

    /**
     * Why a film cannot be measured in the AP convention, from its Patient Orientation (0020,0020, e.g.
     * "L\F": the patient directions of image +x, then +y): when +x runs to the patient's right the
     * patient's right leg is on the image's right (a PA view or a mirrored film), and every medial/lateral
     * decision would be the wrong way round. Empty when the orientation is AP-like or not given.
     */
    public static Optional<String> orientationProblem(Optional<String> patientOrientation) {
        if (patientOrientation.isEmpty()) {
            return Optional.empty();
        }
        String po = patientOrientation.get().strip().toUpperCase(java.util.Locale.ROOT);
        String rows = po.split("\\\\")[0].strip();
        if (!rows.isEmpty() && rows.charAt(0) == 'R') {
            return Optional.of("the film's Patient Orientation (" + patientOrientation.get().strip() + ") puts the "
                    + "patient's right on the image's right (a PA or mirrored film); the long-leg measurements need "
                    + "the AP view, with the right leg on the image's left");
        }
        return Optional.empty();
    }

    /** The crops of a film of this layout. */
    LegCrop[] crops(int width, int height) {
        return oneLeg.map(s -> new LegCrop[] {LegCrop.single(s, width, height)})
                .orElseGet(() -> LegCrop.bilateral(width, height));
    }
}
