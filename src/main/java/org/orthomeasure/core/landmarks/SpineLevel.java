package org.orthomeasure.core.landmarks;

import java.util.Optional;

/**
 * The 17 vertebrae labelled on an AP spine film, top to bottom (the AASCE 2019 order).
 * Spec: measurements.md, spine.
 */
public enum SpineLevel {
    T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, L1, L2, L3, L4, L5;

    /** Number of levels (17). */
    public static final int COUNT = 17;

    /** The level named {@code name} ("T4"), if any. */
    public static Optional<SpineLevel> fromName(String name) {
        for (SpineLevel l : values()) {
            if (l.name().equals(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * The levels a film shows, written {@code TOP-BOTTOM} ("T1-T12", "t12 - l5"): the two levels, top first, at
     * least {@code minimum} of them counting both ends.
     *
     * @throws IllegalArgumentException with a one-line message naming the text when it is not such a range
     */
    public static SpineLevel[] range(String text, int minimum) {
        String[] parts = text.strip().toUpperCase(java.util.Locale.ROOT).split("\\s*-\\s*");
        Optional<SpineLevel> top = parts.length == 2 ? fromName(parts[0]) : Optional.empty();
        Optional<SpineLevel> bottom = parts.length == 2 ? fromName(parts[1]) : Optional.empty();
        if (top.isEmpty() || bottom.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a range of levels TOP-BOTTOM between T1 and L5"
                    + " (e.g. T1-T12 or T12-L5)");
        }
        if (bottom.get().ordinal() - top.get().ordinal() + 1 < minimum) {
            throw new IllegalArgumentException("'" + text + "': give at least " + minimum
                    + " consecutive levels, top first (e.g. T1-T12 or T12-L5)");
        }
        return new SpineLevel[] {top.get(), bottom.get()};
    }
}
