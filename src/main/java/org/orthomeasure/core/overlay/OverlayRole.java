package org.orthomeasure.core.overlay;

/**
 * The semantic role of an overlay item; renderers map roles to colours and line styles (the core
 * never names a colour).
 */
public enum OverlayRole {
    /** A landmark placed by the user. */
    LANDMARK,
    /** A mechanical axis (H to K, K to A). */
    AXIS,
    /** An anatomical (shaft) axis of the femur or tibia. */
    ANATOMICAL_AXIS,
    /** A joint line (condylar, plateau) or a Cobb endplate line. */
    JOINT_LINE,
    /** A measurement: angle arc, value label, MAD perpendicular, length label. */
    MEASUREMENT,
    /** A construction line that is not itself a measurement (axis extension, the H to A line); usually dashed. */
    CONSTRUCTION,
    /** Something proposed by the detector that the user has not accepted yet. */
    SUGGESTION,
    /** The other reading in check mode (a reference session or the app's suggestion), drawn in its own colour. */
    REFERENCE
}
