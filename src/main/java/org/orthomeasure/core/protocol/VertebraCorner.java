package org.orthomeasure.core.protocol;

/** The four corners of a vertebra in the AASCE order (image left/right). Spec: measurements.md, spine. */
public enum VertebraCorner {
    TOP_LEFT("topLeft", "top-left corner (superior endplate, image left)"),
    TOP_RIGHT("topRight", "top-right corner (superior endplate, image right)"),
    BOTTOM_LEFT("bottomLeft", "bottom-left corner (inferior endplate, image left)"),
    BOTTOM_RIGHT("bottomRight", "bottom-right corner (inferior endplate, image right)");

    private final String id;
    private final String description;

    VertebraCorner(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
