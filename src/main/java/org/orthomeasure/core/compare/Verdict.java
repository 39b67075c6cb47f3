package org.orthomeasure.core.compare;

/** What a measurement difference between two readings means. */
public enum Verdict {
    /** |A − B| is within the inter-observer limit. */
    WITHIN_LIMIT("within limit"),
    /** |A − B| is larger than the inter-observer limit. */
    EXCEEDS_LIMIT("exceeds limit"),
    /** Both have a value but the spec gives no limit (JLCA, aHKA, JLO, lengths in px). */
    NO_LIMIT("no limit"),
    /** A classification (CPAK type) that is the same in both. */
    SAME("same"),
    /** A classification that differs. */
    DIFFERENT("different"),
    /** Only one reading (or neither) has this measurement. */
    MISSING("missing in one reading");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** Short words for a table. */
    public String label() {
        return label;
    }
}
