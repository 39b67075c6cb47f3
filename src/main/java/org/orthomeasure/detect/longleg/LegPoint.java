package org.orthomeasure.detect.longleg;

/**
 * The points the lower-limb detector suggests per leg, by their landmark-file ids (spec:
 * measurements.md, lower limb and "Extended lower-limb set"). The workstation and the command line map
 * each id onto the core landmark of the same id.
 */
public enum LegPoint {
    FEMORAL_HEAD_CENTER("femoralHeadCenter"),
    FEMORAL_HEAD_TOP("femoralHeadTop"),
    GREATER_TROCHANTER_TIP("greaterTrochanterTip"),
    FEMORAL_SHAFT_PROXIMAL("femoralShaftProximal"),
    FEMORAL_SHAFT_DISTAL("femoralShaftDistal"),
    FEMORAL_CONDYLE_MEDIAL("femoralCondyleMedial"),
    FEMORAL_CONDYLE_LATERAL("femoralCondyleLateral"),
    KNEE_CENTER("kneeCenter"),
    TIBIAL_PLATEAU_MEDIAL("tibialPlateauMedial"),
    TIBIAL_PLATEAU_LATERAL("tibialPlateauLateral"),
    TIBIAL_SHAFT_PROXIMAL("tibialShaftProximal"),
    TIBIAL_SHAFT_DISTAL("tibialShaftDistal"),
    PLAFOND_MEDIAL("plafondMedial"),
    PLAFOND_LATERAL("plafondLateral"),
    ANKLE_CENTER("ankleCenter");

    private final String id;

    LegPoint(String id) {
        this.id = id;
    }

    /** The landmark-file id without side, e.g. "kneeCenter". */
    public String id() {
        return id;
    }
}
