package org.orthomeasure.core.measure;

/** The unit of a measurement value; {@link #symbol()} is what the JSON output and the table show. */
public enum Unit {
    DEG("deg"),
    MM("mm"),
    PX("px"),
    /** A classification (CPAK type) or count: no unit. */
    NONE("");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
