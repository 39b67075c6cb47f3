package org.orthomeasure.core.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.orthomeasure.core.landmarks.Protocol;

/**
 * Which protocol a newly opened film asks for, from what the file says about itself: Body Part
 * Examined first, then the study and series descriptions, then the image shape. Pure; the user can
 * always choose another protocol.
 *
 * <p>Words (case-insensitive, whole words or word starts): spine for SPINE, LSPINE, TSPINE, CSPINE,
 * SCOLIO…, COBB, WHOLESPINE, THORACOLUMBAR, VERTEBRA…; long leg for LEG, LOWER LIMB, LOWEXM,
 * EXTREMITY, KNEE, FEMUR, TIBIA, HIP, ANKLE, LONG LEG, FULL LEG, STANDING LEG, HKA, ALIGNMENT. Shape:
 * a film at least 3.3 times as long as it is wide is a long-leg film (a spine cassette is at most
 * 90 × 30 cm, ratio 3; a long-leg film 130 × 35 cm, ratio 3.7); otherwise the shape says nothing.
 */
public final class FilmProtocol {

    /** The protocol kind the film asks for and why, e.g. "Body Part Examined is SPINE". */
    public record Guess(Protocol kind, String because) {
    }

    /** Height over width (or width over height) from which a film is taken as a long-leg film. */
    public static final double LONG_LEG_ASPECT = 3.3;

    private static final List<String> SPINE = List.of("SPINE", "LSPINE", "TSPINE", "CSPINE", "SCOLIO", "COBB",
            "WHOLESPINE", "THORACOLUMBAR", "VERTEBRA", "KYPHO");
    private static final List<String> LONG_LEG = List.of("LEG", "LOWER LIMB", "LOWEXM", "EXTREMITY", "KNEE", "FEMUR",
            "TIBIA", "HIP", "ANKLE", "LONG LEG", "LONGLEG", "FULL LEG", "HKA", "ALIGNMENT", "GENU");

    private FilmProtocol() {
    }

    /**
     * The protocol kind a film asks for; empty when neither its header nor its shape says.
     *
     * @param bodyPart     Body Part Examined, if any
     * @param descriptions study and series description (any order, absent ones left out)
     * @param width        image width, px
     * @param height       image height, px
     */
    public static Optional<Guess> guess(Optional<String> bodyPart, List<String> descriptions, int width, int height) {
        if (bodyPart.isPresent()) {
            Optional<Protocol> k = kindOf(bodyPart.get());
            if (k.isPresent()) {
                return Optional.of(new Guess(k.get(), "Body Part Examined is " + bodyPart.get().strip()));
            }
        }
        for (String d : descriptions) {
            Optional<Protocol> k = kindOf(d);
            if (k.isPresent()) {
                return Optional.of(new Guess(k.get(), "the description says \"" + d.strip() + "\""));
            }
        }
        if (width > 0 && height > 0 && Math.max(width, height) >= LONG_LEG_ASPECT * Math.min(width, height)) {
            return Optional.of(new Guess(Protocol.LONG_LEG, String.format(Locale.ROOT,
                    "the film is %.1f times as long as it is wide", Math.max(width, height) / (double) Math.min(width, height))));
        }
        return Optional.empty();
    }

    /** SPINE or LONG_LEG when {@code text} names one (spine words first: "leg" inside no spine word). */
    static Optional<Protocol> kindOf(String text) {
        String t = " " + text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", " ").strip() + " ";
        if (SPINE.stream().anyMatch(w -> t.contains(" " + w))) {
            return Optional.of(Protocol.SPINE);
        }
        if (LONG_LEG.stream().anyMatch(w -> t.contains(" " + w + " ") || t.contains(" " + w + "S "))) {
            return Optional.of(Protocol.LONG_LEG);
        }
        return Optional.empty();
    }
}
