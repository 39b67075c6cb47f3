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
}
