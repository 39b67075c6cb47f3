package org.orthomeasure.core.landmarks;

import java.util.Optional;

/** Which kind of film a landmark session belongs to; its id is the landmark-file value. */
public enum Protocol {
    LONG_LEG("long-leg"),
    SPINE("spine");

    private final String id;

    Protocol(String id) {
        this.id = id;
    }

    /** "long-leg" or "spine". */
    public String id() {
        return id;
    }

    public static Optional<Protocol> fromId(String id) {
        for (Protocol p : values()) {
            if (p.id.equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
