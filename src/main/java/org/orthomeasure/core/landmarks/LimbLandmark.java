package org.orthomeasure.core.landmarks;

import java.util.Optional;

/**
 * Lower-limb landmarks of the AP standing long-leg radiograph, per side. Ids as in the landmark file;
 * {@link #fromId(String)} maps an id string to its landmark. Spec: measurements.md, lower limb,
 * landmark table, and "Extended lower-limb set" (the optional trochanter, head top, shaft and plafond
 * points).
 */
public enum LimbLandmark {
    FEMORAL_HEAD_CENTER("femoralHeadCenter", "H", true, "femoral head centre",
            "Centre of the femoral head (or click 3+ points on the head rim to fit a circle)"),
    KNEE_CENTER("kneeCenter", "K", true, "knee centre",
            "Knee centre: midpoint of the tibial spines or centre of the intercondylar notch"),
    ANKLE_CENTER("ankleCenter", "A", true, "ankle centre",
            "Ankle centre: centre of the tibial plafond / talar dome"),
    FEMORAL_CONDYLE_MEDIAL("femoralCondyleMedial", "FCm", true, "femoral condyle, medial",
            "Most distal point of the medial femoral condyle"),
    FEMORAL_CONDYLE_LATERAL("femoralCondyleLateral", "FCl", true, "femoral condyle, lateral",
            "Most distal point of the lateral femoral condyle"),
    TIBIAL_PLATEAU_MEDIAL("tibialPlateauMedial", "TPm", true, "tibial plateau, medial",
            "Medial tibial plateau point (lowest subchondral point or edge, consistently)"),
    TIBIAL_PLATEAU_LATERAL("tibialPlateauLateral", "TPl", true, "tibial plateau, lateral",
            "Lateral tibial plateau point (lowest subchondral point or edge, consistently)"),
    GREATER_TROCHANTER_TIP("greaterTrochanterTip", "GT", false, "greater trochanter tip",
            "Tip of the greater trochanter: its most proximal point (optional)"),
    PLAFOND_MEDIAL("plafondMedial", "PLm", false, "tibial plafond, medial end",
            "Medial end of the tibial plafond, the distal tibial joint surface (optional)"),
    PLAFOND_LATERAL("plafondLateral", "PLl", false, "tibial plafond, lateral end",
            "Lateral end of the tibial plafond, the distal tibial joint surface (optional)"),
    FEMORAL_HEAD_TOP("femoralHeadTop", "FHt", false, "femoral head top",
            "Top of the femoral head: its most proximal point (optional, full leg length)"),
    FEMORAL_SHAFT_PROXIMAL("femoralShaftProximal", "Fp", false, "femoral shaft, proximal axis point",
            "Femoral shaft about a third of the way down: the midpoint between the medial and lateral cortex"
                    + " (optional)"),
    FEMORAL_SHAFT_DISTAL("femoralShaftDistal", "Fd", false, "femoral shaft, distal axis point",
            "Femoral shaft about two thirds of the way down: the midpoint between the medial and lateral"
                    + " cortex (optional)"),
    TIBIAL_SHAFT_PROXIMAL("tibialShaftProximal", "Tp", false, "tibial shaft, proximal axis point",
            "Tibial shaft about a third of the way down: the midpoint between the medial and lateral cortex"
                    + " (optional)"),
    TIBIAL_SHAFT_DISTAL("tibialShaftDistal", "Td", false, "tibial shaft, distal axis point",
            "Tibial shaft about two thirds of the way down: the midpoint between the medial and lateral"
                    + " cortex (optional)");

    private final String id;
    private final String abbreviation;
    private final boolean core;
    private final String words;
    private final String instruction;

    LimbLandmark(String id, String abbreviation, boolean core, String words, String instruction) {
        this.id = id;
        this.abbreviation = abbreviation;
        this.core = core;
        this.words = words;
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

    /** The landmark in clinical words without side, e.g. "femoral condyle, medial". */
    public String words() {
        return words;
    }

    /** True for the seven landmarks the core measurements need; false for the optional ones. */
    public boolean isCore() {
        return core;
    }

    /**
     * True for a point on a shaft's anatomical axis: the user may place it directly or click both
     * cortices, of which the midpoint is stored (spec: extended set, landmark table).
     */
    public boolean isShaftAxisPoint() {
        return this == FEMORAL_SHAFT_PROXIMAL || this == FEMORAL_SHAFT_DISTAL
                || this == TIBIAL_SHAFT_PROXIMAL || this == TIBIAL_SHAFT_DISTAL;
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
