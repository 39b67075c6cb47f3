package org.orthomeasure.core.overlay;

/**
 * A group of overlay items the user shows or hides together (issue 4, "Overlays ... Show/hide per group").
 * The order is the drawing order: later groups are drawn on top.
 */
public enum OverlayGroup {
    /** Vertebra outlines (4 corners each). */
    VERTEBRAE("Vertebrae"),
    /** Fitted femoral-head circles and their rim points. */
    FEMORAL_HEADS("Femoral heads"),
    /** Femoral (H to K) and tibial (K to A) mechanical axes, with the femoral axis extended below K. */
    MECHANICAL_AXES("Mechanical axes"),
    /** Femoral and tibial shaft (anatomical) axes, through the mid-diaphyseal points. */
    ANATOMICAL_AXES("Anatomical axes"),
    /** Distal femoral (condylar), tibial plateau and ankle joint lines, and the trochanter–head line. */
    JOINT_LINES("Joint lines"),
    /** The H to A line (mechanical axis of the leg) and the MAD perpendicular from K. */
    LOAD_LINE("H-A line and MAD"),
    /** Angle arcs with their values (HKA, mLDFA, MPTA). */
    ANGLES("Angles"),
    /** Arcs of the extended set, which needs optional landmarks (mLPFA, aMPFA, aLDFA, AMA, aMPTA, mLDTA, aLDTA, aTFA). */
    EXTENDED_ANGLES("Extended angles"),
    /** Cobb lines with the angle and the end vertebrae. */
    COBB("Cobb"),
    /** Length labels (femur, tibia, leg). */
    LENGTHS("Lengths"),
    /** Landmark points (markers only; their names are in {@link #LANDMARK_LABELS}). */
    LANDMARKS("Landmarks"),
    /** The short names beside the landmark points ("H", "K", "FCm", ...). */
    LANDMARK_LABELS("Landmark names");

    private final String label;

    OverlayGroup(String label) {
        this.label = label;
    }

    /** Short name for a show/hide check box. */
    public String label() {
        return label;
    }
}
