package org.orthomeasure.core.landmarks;

import java.util.Objects;
import java.util.Optional;

/** A lower-limb landmark of one side; its id is e.g. "R.kneeCenter". */
public record LandmarkKey(Side side, LimbLandmark landmark) implements Comparable<LandmarkKey> {

    public LandmarkKey {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(landmark, "landmark");
    }

    public static LandmarkKey of(Side side, LimbLandmark landmark) {
        return new LandmarkKey(side, landmark);
    }

    /** "R.kneeCenter". */
    public String id() {
        return side.prefix() + landmark.id();
    }

    /** The landmark in clinical words with its side, e.g. "Right femoral condyle, medial". */
    public String displayName() {
        String w = side.word();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1) + " " + landmark.words();
    }

    /**
     * Parses "R.kneeCenter" / "L.ankleCenter".
     *
     * @throws IllegalArgumentException with a message naming the id when it is not a limb landmark
     */
    public static LandmarkKey parse(String id) {
        Objects.requireNonNull(id, "id");
        if (id.length() < 3 || id.charAt(1) != '.' || (id.charAt(0) != 'R' && id.charAt(0) != 'L')) {
            throw new IllegalArgumentException("'" + id + "' is not a landmark id (expected R.<name> or L.<name>)");
        }
        Side side = id.charAt(0) == 'R' ? Side.R : Side.L;
        String name = id.substring(2);
        LimbLandmark l = LimbLandmark.fromId(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown landmark '" + id + "' (known: " + knownNames() + ")"));
        return new LandmarkKey(side, l);
    }

    /**
     * The landmark a landmark-file id names, a side's head rim ("R.femoralHeadRim") standing for its femoral
     * head centre (the head as placed, by its centre or its rim); empty when the id names no limb landmark
     * (a vertebra, "cobbLines").
     */
    public static Optional<LandmarkKey> ofFileId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.length() > 2 && id.substring(2).equals(HEAD_RIM) && (id.charAt(0) == 'R' || id.charAt(0) == 'L')
                && id.charAt(1) == '.') {
            return Optional.of(new LandmarkKey(id.charAt(0) == 'R' ? Side.R : Side.L, LimbLandmark.FEMORAL_HEAD_CENTER));
        }
        try {
            return Optional.of(parse(id));
        } catch (IllegalArgumentException notALimbLandmark) {
            return Optional.empty();
        }
    }

    /** The name of a side's femoral-head rim in landmark files, after the side's prefix. */
    public static final String HEAD_RIM = "femoralHeadRim";

    private static String knownNames() {
        StringBuilder sb = new StringBuilder();
        for (LimbLandmark l : LimbLandmark.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(l.id());
        }
        return sb.append(", ").append(HEAD_RIM).toString();
    }

    @Override
    public int compareTo(LandmarkKey o) {
        int c = side.compareTo(o.side);
        return c != 0 ? c : landmark.compareTo(o.landmark);
    }

    @Override
    public String toString() {
        return id();
    }
}
