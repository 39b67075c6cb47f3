package org.orthomeasure.core.landmarks;

import java.util.Optional;

/**
 * Lower-limb landmarks of the AP standing long-leg radiograph, per side. Ids as in the landmark file.
 * Spec: measurements.md, lower limb, landmark table.
 */
public enum LimbLandmark {
    FEMORAL_HEAD_CENTER("femoralHeadCenter", "H", true,
            "Centre of the femoral head (or click 3+ points on the head rim to fit a circle)"),
    KNEE_CENTER("kneeCenter", "K", true,
            "Knee centre: midpoint of the tibial spines or centre of the intercondylar notch"),
    ANKLE_CENTER("ankleCenter", "A", true,
            "Ankle centre: centre of the tibial plafond / talar dome"),
    FEMORAL_CONDYLE_MEDIAL("femoralCondyleMedial", "FCm", true,
            "Most distal point of the medial femoral condyle"),
    FEMORAL_CONDYLE_LATERAL("femoralCondyleLateral", "FCl", true,
            "Most distal point of the lateral femoral condyle"),
    TIBIAL_PLATEAU_MEDIAL("tibialPlateauMedial", "TPm", true,
            "Medial tibial plateau point (lowest subchondral point or edge, consistently)"),
    TIBIAL_PLATEAU_LATERAL("tibialPlateauLateral", "TPl", true,
            "Lateral tibial plateau point (lowest subchondral point or edge, consistently)"),
    GREATER_TROCHANTER_TIP("greaterTrochanterTip", "GT", false,
            "Tip of the greater trochanter (optional)"),
    PLAFOND_MEDIAL("plafondMedial", "PLm", false,
            "Medial end of the tibial plafond (optional)"),
    PLAFOND_LATERAL("plafondLateral", "PLl", false,
            "Lateral end of the tibial plafond (optional)"),
    FEMORAL_HEAD_TOP("femoralHeadTop", "FHt", false,
            "Top of the femoral head (optional, anatomical length)");

    private final String id;
    private final String abbreviation;
    private final boolean core;
    private final String instruction;

    LimbLandmark(String id, String abbreviation, boolean core, String instruction) {
        this.id = id;
        this.abbreviation = abbreviation;
        this.core = core;
        this.instruction = instruction;
    }

    /** The file id without side, e.g. "kneeCenter". */
    public String id() {
        return id;
    }

    /** Short label for overlays, e.g. "K". */
    public String abbreviation() {
        return abbreviation;
    }

    /** True for the seven landmarks the core measurements need; false for the optional ones. */
    public boolean isCore() {
        return core;
    }

    /** One line telling the user where to click. */
    public String instruction() {
        return instruction;
    }

    /** The landmark with file id {@code id} (case-sensitive), if any. */
    public static Optional<LimbLandmark> fromId(String id) {
        for (LimbLandmark l : values()) {
            if (l.id.equals(id)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
