package org.orthomeasure.core.measure;

/**
 * The per-side lower-limb measurements; the id of one is the side prefix plus {@link #id()},
 * e.g. "R.HKA". Spec: measurements.md, lower limb and CPAK.
 */
public enum LimbMeasure {
    /** Mechanical HKA as signed deviation from straight, varus negative (deg). */
    HKA("HKA", "mechanical HKA (deviation from 180°, varus negative)"),
    /** Mechanical lateral distal femoral angle (deg). */
    MLDFA("mLDFA", "mechanical lateral distal femoral angle"),
    /** Medial proximal tibial angle (deg). */
    MPTA("MPTA", "medial proximal tibial angle"),
    /** Joint line convergence angle, positive when converging medially (deg). */
    JLCA("JLCA", "joint line convergence angle (positive: converging medially)"),
    /** Mechanical axis deviation, positive when the line H-A passes medial of K (mm or px). */
    MAD("MAD", "mechanical axis deviation (positive: line H-A medial of K)"),
    /** Mechanical femur length H-K. */
    FEMUR_LENGTH("femurLength", "femur length, hip centre to knee centre"),
    /** Mechanical tibia length K-A. */
    TIBIA_LENGTH("tibiaLength", "tibia length, knee centre to ankle centre"),
    /** Mechanical leg length H-A. */
    LEG_LENGTH("legLength", "leg length, hip centre to ankle centre"),
    /** Arithmetic HKA: MPTA - mLDFA (deg, negative = varus). */
    AHKA("aHKA", "arithmetic HKA = MPTA - mLDFA"),
    /** Arithmetic joint line obliquity: MPTA + mLDFA (deg). */
    JLO("JLO", "arithmetic joint line obliquity = MPTA + mLDFA"),
    /** CPAK type I..IX (text). */
    CPAK("CPAK", "CPAK type (MacDessi 2021)");

    private final String id;
    private final String description;

    LimbMeasure(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The id without side, e.g. "mLDFA". */
    public String id() {
        return id;
    }

    /** One line saying what the measurement is. */
    public String description() {
        return description;
    }
}
