package org.orthomeasure.core.landmarks;

/**
 * The patient's side of a lower-limb landmark, written as the id prefix "R." or "L.".
 * Spec: measurements.md, lower limb: on a standard AP view the right leg is on the image's left, so
 * for the right leg medial is +x and for the left leg medial is -x; the side always comes from the
 * landmark id, never from the image position.
 */
public enum Side {
    R, L;

    /** "R." or "L.". */
    public String prefix() {
        return name() + ".";
    }

    /** The other side. */
    public Side opposite() {
        return this == R ? L : R;
    }

    /** "right" or "left". */
    public String word() {
        return this == R ? "right" : "left";
    }

    /**
     * +1 for R, -1 for L: the sign that turns an orientation measured in image coordinates into a
     * medial/lateral statement (for R medial is +x on a standard AP view, for L it is -x).
     */
    public int medialSign() {
        return this == R ? 1 : -1;
    }
}
