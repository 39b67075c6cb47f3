package org.orthomeasure.core.measure;

import static org.orthomeasure.core.landmarks.LimbLandmark.ANKLE_CENTER;
import static org.orthomeasure.core.landmarks.LimbLandmark.FEMORAL_CONDYLE_LATERAL;
import static org.orthomeasure.core.landmarks.LimbLandmark.FEMORAL_CONDYLE_MEDIAL;
import static org.orthomeasure.core.landmarks.LimbLandmark.FEMORAL_HEAD_CENTER;
import static org.orthomeasure.core.landmarks.LimbLandmark.FEMORAL_HEAD_TOP;
import static org.orthomeasure.core.landmarks.LimbLandmark.FEMORAL_SHAFT_DISTAL;
import static org.orthomeasure.core.landmarks.LimbLandmark.FEMORAL_SHAFT_PROXIMAL;
import static org.orthomeasure.core.landmarks.LimbLandmark.GREATER_TROCHANTER_TIP;
import static org.orthomeasure.core.landmarks.LimbLandmark.KNEE_CENTER;
import static org.orthomeasure.core.landmarks.LimbLandmark.PLAFOND_LATERAL;
import static org.orthomeasure.core.landmarks.LimbLandmark.PLAFOND_MEDIAL;
import static org.orthomeasure.core.landmarks.LimbLandmark.TIBIAL_PLATEAU_LATERAL;
import static org.orthomeasure.core.landmarks.LimbLandmark.TIBIAL_PLATEAU_MEDIAL;
import static org.orthomeasure.core.landmarks.LimbLandmark.TIBIAL_SHAFT_DISTAL;
import static org.orthomeasure.core.landmarks.LimbLandmark.TIBIAL_SHAFT_PROXIMAL;

import java.util.Optional;
import org.orthomeasure.core.limb.LowerLimbCalculators;
import org.orthomeasure.core.measure.MeasurementDefinition.Family;
import org.orthomeasure.core.measure.MeasurementDefinition.InterObserver;
import org.orthomeasure.core.measure.MeasurementDefinition.Kind;

/**
 * The per-side lower-limb measurements, each with its one {@link MeasurementDefinition}; the id of one
 * is the side prefix plus {@link #id()}, e.g. "R.HKA". The constant order is the report order.
 * Spec: measurements.md, lower limb, CPAK and "Extended lower-limb set". Letters as in
 * {@link LowerLimbCalculators}.
 */
public enum LimbMeasure {
    /** Mechanical HKA as signed deviation from straight, varus negative (deg). */
    HKA(MeasurementDefinition.builder("HKA", "HKA (mechanical)", Kind.ANGLE)
            .name("Hip–knee–ankle angle (mechanical)")
            .description("mechanical HKA (deviation from 180°, varus negative)")
            .family(Family.MECHANICAL_ALIGNMENT)
            .landmarks(FEMORAL_HEAD_CENTER, KNEE_CENTER, ANKLE_CENTER)
            .line(FEMORAL_HEAD_CENTER, KNEE_CENTER).line(KNEE_CENTER, ANKLE_CENTER)
            .calculator((s, p) -> LowerLimbCalculators.hkaDeviation(s, p.get(FEMORAL_HEAD_CENTER), p.get(KNEE_CENTER),
                    p.get(ANKLE_CENTER)))
            .normal(-3, 3, Unit.DEG).interObserver(InterObserver.LIMB_ANGLE)
            .qualifier(MeasurementDefinition::varusValgus)
            .deviationArc(FEMORAL_HEAD_CENTER, KNEE_CENTER, KNEE_CENTER, ANKLE_CENTER, 1.8)
            .build()),
    /** Mechanical lateral distal femoral angle (deg). */
    MLDFA(MeasurementDefinition.builder("mLDFA", "mLDFA", Kind.ANGLE)
            .name("Mechanical lateral distal femoral angle")
            .description("mechanical lateral distal femoral angle: angle(H − K, FCl − FCm)")
            .family(Family.KNEE_JOINT)
            .landmarks(FEMORAL_HEAD_CENTER, KNEE_CENTER, FEMORAL_CONDYLE_MEDIAL, FEMORAL_CONDYLE_LATERAL)
            .line(FEMORAL_HEAD_CENTER, KNEE_CENTER).line(FEMORAL_CONDYLE_MEDIAL, FEMORAL_CONDYLE_LATERAL)
            .calculator((s, p) -> LowerLimbCalculators.mldfa(p.get(FEMORAL_HEAD_CENTER), p.get(KNEE_CENTER),
                    p.get(FEMORAL_CONDYLE_MEDIAL), p.get(FEMORAL_CONDYLE_LATERAL)))
            .normal(85, 90, Unit.DEG).interObserver(InterObserver.LIMB_ANGLE)
            .arc(KNEE_CENTER, FEMORAL_HEAD_CENTER, FEMORAL_CONDYLE_MEDIAL, FEMORAL_CONDYLE_LATERAL, 1)
            .build()),
    /** Medial proximal tibial angle (deg). */
    MPTA(MeasurementDefinition.builder("MPTA", "MPTA", Kind.ANGLE)
            .name("Medial proximal tibial angle")
            .description("medial proximal tibial angle: angle(A − K, TPm − TPl)")
            .family(Family.KNEE_JOINT)
            .landmarks(KNEE_CENTER, ANKLE_CENTER, TIBIAL_PLATEAU_MEDIAL, TIBIAL_PLATEAU_LATERAL)
            .line(KNEE_CENTER, ANKLE_CENTER).line(TIBIAL_PLATEAU_MEDIAL, TIBIAL_PLATEAU_LATERAL)
            .calculator((s, p) -> LowerLimbCalculators.mpta(p.get(KNEE_CENTER), p.get(ANKLE_CENTER),
                    p.get(TIBIAL_PLATEAU_MEDIAL), p.get(TIBIAL_PLATEAU_LATERAL)))
            .normal(85, 90, Unit.DEG).interObserver(InterObserver.LIMB_ANGLE)
            .arc(KNEE_CENTER, ANKLE_CENTER, TIBIAL_PLATEAU_LATERAL, TIBIAL_PLATEAU_MEDIAL, 1)
            .build()),
    /** Joint line convergence angle, positive when converging medially (deg). */
    JLCA(MeasurementDefinition.builder("JLCA", "JLCA", Kind.ANGLE)
            .name("Joint line convergence angle")
            .description("joint line convergence angle (positive: converging medially)")
            .family(Family.KNEE_JOINT)
            .landmarks(FEMORAL_CONDYLE_MEDIAL, FEMORAL_CONDYLE_LATERAL, TIBIAL_PLATEAU_MEDIAL, TIBIAL_PLATEAU_LATERAL)
            .line(FEMORAL_CONDYLE_MEDIAL, FEMORAL_CONDYLE_LATERAL).line(TIBIAL_PLATEAU_MEDIAL, TIBIAL_PLATEAU_LATERAL)
            .calculator((s, p) -> LowerLimbCalculators.jlca(s, p.get(FEMORAL_CONDYLE_MEDIAL),
                    p.get(FEMORAL_CONDYLE_LATERAL), p.get(TIBIAL_PLATEAU_MEDIAL), p.get(TIBIAL_PLATEAU_LATERAL)))
            .normal(o -> Optional.of(NormalRange.of(0, 2, Unit.DEG).withLowReliability()))
            .definitionNote("low reliability (normal 0–2°); positive = converging medially")
            .build()),
    /** Mechanical axis deviation, positive when the line H-A passes medial of K (mm or px). */
    MAD(MeasurementDefinition.builder("MAD", "MAD", Kind.LENGTH)
            .name("Mechanical axis deviation")
            .description("mechanical axis deviation (positive: line H-A medial of K)")
            .family(Family.MECHANICAL_ALIGNMENT)
            .landmarks(FEMORAL_HEAD_CENTER, KNEE_CENTER, ANKLE_CENTER)
            .line(FEMORAL_HEAD_CENTER, ANKLE_CENTER)
            .calculator((s, p) -> LowerLimbCalculators.mad(s, p.get(FEMORAL_HEAD_CENTER), p.get(KNEE_CENTER),
                    p.get(ANKLE_CENTER)))
            .normal(1, 15, Unit.MM).interObserver(InterObserver.LENGTH)
            .qualifier(v -> v > 0 ? "H–A medial of K" : v < 0 ? "H–A lateral of K" : "H–A through K")
            .build()),
    /** Mechanical femur length H-K. */
    FEMUR_LENGTH(length("femurLength", "Femur length", "Femur length (H–K)", "femur length, hip centre to knee centre",
            FEMORAL_HEAD_CENTER, KNEE_CENTER, "mechanical: hip centre to knee centre")),
    /** Mechanical tibia length K-A. */
    TIBIA_LENGTH(length("tibiaLength", "Tibia length", "Tibia length (K–A)", "tibia length, knee centre to ankle centre",
            KNEE_CENTER, ANKLE_CENTER, "mechanical: knee centre to ankle centre")),
    /** Mechanical leg length H-A. */
    LEG_LENGTH(length("legLength", "Leg length", "Leg length (H–A)", "leg length, hip centre to ankle centre",
            FEMORAL_HEAD_CENTER, ANKLE_CENTER, "mechanical: hip centre to ankle centre")),
    /** Arithmetic HKA: MPTA - mLDFA (deg, negative = varus); the neutral band follows the CPAK option. */
    AHKA(MeasurementDefinition.builder("aHKA", "aHKA", Kind.ANGLE)
            .name("Arithmetic HKA (CPAK)")
            .description("arithmetic HKA = MPTA - mLDFA")
            .family(Family.CPAK)
            .landmarks(FEMORAL_HEAD_CENTER, KNEE_CENTER, ANKLE_CENTER, FEMORAL_CONDYLE_MEDIAL,
                    FEMORAL_CONDYLE_LATERAL, TIBIAL_PLATEAU_MEDIAL, TIBIAL_PLATEAU_LATERAL)
            .normal(o -> Optional.of(o.cpakAsianBand() ? NormalRange.of(-3, 3, Unit.DEG) : NormalRange.of(-2, 2, Unit.DEG)))
            .build()),
    /** Arithmetic joint line obliquity: MPTA + mLDFA (deg). */
    JLO(MeasurementDefinition.builder("JLO", "JLO (arithmetic)", Kind.ANGLE)
            .name("Arithmetic joint line obliquity (CPAK)")
            .description("arithmetic joint line obliquity = MPTA + mLDFA")
            .family(Family.CPAK)
            .landmarks(FEMORAL_HEAD_CENTER, KNEE_CENTER, ANKLE_CENTER, FEMORAL_CONDYLE_MEDIAL,
                    FEMORAL_CONDYLE_LATERAL, TIBIAL_PLATEAU_MEDIAL, TIBIAL_PLATEAU_LATERAL)
            .normal(177, 183, Unit.DEG)
            .build()),
    /** CPAK type I..IX (text). */
    CPAK(MeasurementDefinition.builder("CPAK", "CPAK type", Kind.CLASSIFICATION)
            .name("CPAK type")
            .description("CPAK type (MacDessi 2021)")
            .family(Family.CPAK)
            .landmarks(FEMORAL_HEAD_CENTER, KNEE_CENTER, ANKLE_CENTER, FEMORAL_CONDYLE_MEDIAL,
                    FEMORAL_CONDYLE_LATERAL, TIBIAL_PLATEAU_MEDIAL, TIBIAL_PLATEAU_LATERAL)
            .build()),
    /** Mechanical lateral proximal femoral angle (deg). */
    MLPFA(MeasurementDefinition.builder("mLPFA", "mLPFA", Kind.ANGLE)
            .name("Mechanical lateral proximal femoral angle")
            .description("mechanical lateral proximal femoral angle: angle(K − H, GT − H)")
            .family(Family.PROXIMAL_FEMUR)
            .landmarks(FEMORAL_HEAD_CENTER, KNEE_CENTER, GREATER_TROCHANTER_TIP)
            .line(FEMORAL_HEAD_CENTER, KNEE_CENTER).line(FEMORAL_HEAD_CENTER, GREATER_TROCHANTER_TIP)
            .calculator((s, p) -> LowerLimbCalculators.mlpfa(p.get(FEMORAL_HEAD_CENTER), p.get(KNEE_CENTER),
                    p.get(GREATER_TROCHANTER_TIP)))
            .normal(85, 95, Unit.DEG)
            .arc(FEMORAL_HEAD_CENTER, KNEE_CENTER, FEMORAL_HEAD_CENTER, GREATER_TROCHANTER_TIP, 1)
            .build()),
    /** Anatomical medial proximal femoral angle (deg). */
    AMPFA(MeasurementDefinition.builder("aMPFA", "aMPFA", Kind.ANGLE)
            .name("Anatomical medial proximal femoral angle")
            .description("anatomical medial proximal femoral angle: angle(Fd − Fp, H − GT)")
            .family(Family.PROXIMAL_FEMUR)
            .landmarks(FEMORAL_SHAFT_PROXIMAL, FEMORAL_SHAFT_DISTAL, GREATER_TROCHANTER_TIP, FEMORAL_HEAD_CENTER)
            .line(FEMORAL_SHAFT_PROXIMAL, FEMORAL_SHAFT_DISTAL).line(GREATER_TROCHANTER_TIP, FEMORAL_HEAD_CENTER)
            .calculator((s, p) -> LowerLimbCalculators.ampfa(p.get(FEMORAL_SHAFT_PROXIMAL), p.get(FEMORAL_SHAFT_DISTAL),
                    p.get(GREATER_TROCHANTER_TIP), p.get(FEMORAL_HEAD_CENTER)))
            .normal(80, 89, Unit.DEG)
            .arc(FEMORAL_SHAFT_PROXIMAL, FEMORAL_SHAFT_DISTAL, GREATER_TROCHANTER_TIP, FEMORAL_HEAD_CENTER, 1)
            .build()),
    /** Anatomical lateral distal femoral angle (deg). */
    ALDFA(MeasurementDefinition.builder("aLDFA", "aLDFA", Kind.ANGLE)
            .name("Anatomical lateral distal femoral angle")
            .description("anatomical lateral distal femoral angle: angle(Fp − Fd, FCl − FCm)")
            .family(Family.ANATOMICAL_AXES)
            .landmarks(FEMORAL_SHAFT_PROXIMAL, FEMORAL_SHAFT_DISTAL, FEMORAL_CONDYLE_MEDIAL, FEMORAL_CONDYLE_LATERAL)
            .line(FEMORAL_SHAFT_PROXIMAL, FEMORAL_SHAFT_DISTAL).line(FEMORAL_CONDYLE_MEDIAL, FEMORAL_CONDYLE_LATERAL)
            .calculator((s, p) -> LowerLimbCalculators.aldfa(p.get(FEMORAL_SHAFT_PROXIMAL), p.get(FEMORAL_SHAFT_DISTAL),
                    p.get(FEMORAL_CONDYLE_MEDIAL), p.get(FEMORAL_CONDYLE_LATERAL)))
            .normal(79, 83, Unit.DEG)
            .arc(FEMORAL_SHAFT_DISTAL, FEMORAL_SHAFT_PROXIMAL, FEMORAL_CONDYLE_MEDIAL, FEMORAL_CONDYLE_LATERAL, 2.45)
            .build()),
    /** Anatomic–mechanical angle of the femur (deg). */
    AMA(MeasurementDefinition.builder("AMA", "AMA", Kind.ANGLE)
            .name("Anatomic–mechanical angle of the femur")
            .description("anatomic–mechanical angle of the femur: angle(K − H, Fd − Fp)")
            .family(Family.ANATOMICAL_AXES)
            .landmarks(FEMORAL_HEAD_CENTER, KNEE_CENTER, FEMORAL_SHAFT_PROXIMAL, FEMORAL_SHAFT_DISTAL)
            .line(FEMORAL_HEAD_CENTER, KNEE_CENTER).line(FEMORAL_SHAFT_PROXIMAL, FEMORAL_SHAFT_DISTAL)
            .calculator((s, p) -> LowerLimbCalculators.ama(p.get(FEMORAL_HEAD_CENTER), p.get(KNEE_CENTER),
                    p.get(FEMORAL_SHAFT_PROXIMAL), p.get(FEMORAL_SHAFT_DISTAL)))
            .normal(5, 9, Unit.DEG)
            // Drawn towards the hip (the same angle as between the distal directions) to stay clear of the knee.
            .arc(KNEE_CENTER, FEMORAL_HEAD_CENTER, FEMORAL_SHAFT_DISTAL, FEMORAL_SHAFT_PROXIMAL, 3)
            .build()),
    /** Anatomical medial proximal tibial angle (deg). */
    AMPTA(MeasurementDefinition.builder("aMPTA", "aMPTA", Kind.ANGLE)
            .name("Anatomical medial proximal tibial angle")
            .description("anatomical medial proximal tibial angle: angle(Td − Tp, TPm − TPl)")
            .family(Family.ANATOMICAL_AXES)
            .landmarks(TIBIAL_SHAFT_PROXIMAL, TIBIAL_SHAFT_DISTAL, TIBIAL_PLATEAU_MEDIAL, TIBIAL_PLATEAU_LATERAL)
            .line(TIBIAL_SHAFT_PROXIMAL, TIBIAL_SHAFT_DISTAL).line(TIBIAL_PLATEAU_MEDIAL, TIBIAL_PLATEAU_LATERAL)
            .calculator((s, p) -> LowerLimbCalculators.ampta(p.get(TIBIAL_SHAFT_PROXIMAL), p.get(TIBIAL_SHAFT_DISTAL),
                    p.get(TIBIAL_PLATEAU_MEDIAL), p.get(TIBIAL_PLATEAU_LATERAL)))
            .normal(85, 90, Unit.DEG)
            // Drawn as the vertical angle, up and lateral (the same value), so that it does not meet the other leg's.
            .arc(TIBIAL_SHAFT_DISTAL, TIBIAL_SHAFT_PROXIMAL, TIBIAL_PLATEAU_MEDIAL, TIBIAL_PLATEAU_LATERAL, 1.75)
            .build()),
    /** Mechanical lateral distal tibial angle (deg). */
    MLDTA(MeasurementDefinition.builder("mLDTA", "mLDTA", Kind.ANGLE)
            .name("Mechanical lateral distal tibial angle")
            .description("mechanical lateral distal tibial angle: angle(K − A, PLl − PLm)")
            .family(Family.ANKLE)
            .landmarks(KNEE_CENTER, ANKLE_CENTER, PLAFOND_MEDIAL, PLAFOND_LATERAL)
            .line(KNEE_CENTER, ANKLE_CENTER).line(PLAFOND_MEDIAL, PLAFOND_LATERAL)
            .calculator((s, p) -> LowerLimbCalculators.mldta(p.get(KNEE_CENTER), p.get(ANKLE_CENTER),
                    p.get(PLAFOND_MEDIAL), p.get(PLAFOND_LATERAL)))
            .normal(86, 92, Unit.DEG)
            .arc(ANKLE_CENTER, KNEE_CENTER, PLAFOND_MEDIAL, PLAFOND_LATERAL, 1)
            .build()),
    /** Anatomical lateral distal tibial angle (deg). */
    ALDTA(MeasurementDefinition.builder("aLDTA", "aLDTA", Kind.ANGLE)
            .name("Anatomical lateral distal tibial angle")
            .description("anatomical lateral distal tibial angle: angle(Tp − Td, PLl − PLm)")
            .family(Family.ANKLE)
            .landmarks(TIBIAL_SHAFT_PROXIMAL, TIBIAL_SHAFT_DISTAL, PLAFOND_MEDIAL, PLAFOND_LATERAL)
            .line(TIBIAL_SHAFT_PROXIMAL, TIBIAL_SHAFT_DISTAL).line(PLAFOND_MEDIAL, PLAFOND_LATERAL)
            .calculator((s, p) -> LowerLimbCalculators.aldta(p.get(TIBIAL_SHAFT_PROXIMAL), p.get(TIBIAL_SHAFT_DISTAL),
                    p.get(PLAFOND_MEDIAL), p.get(PLAFOND_LATERAL)))
            .normal(86, 92, Unit.DEG)
            .arc(TIBIAL_SHAFT_DISTAL, TIBIAL_SHAFT_PROXIMAL, PLAFOND_MEDIAL, PLAFOND_LATERAL, 2.0)
            .build()),
    /** Anatomical tibiofemoral (femoral shaft–tibial shaft) angle, varus negative (deg). */
    ATFA(MeasurementDefinition.builder("aTFA", "aTFA", Kind.ANGLE)
            .name("Anatomical tibiofemoral angle (femoral shaft–tibial shaft)")
            .description("anatomical tibiofemoral angle: deviation from straight between Fd − Fp and Td − Tp,"
                    + " varus negative")
            .family(Family.ANATOMICAL_AXES)
            .landmarks(FEMORAL_SHAFT_PROXIMAL, FEMORAL_SHAFT_DISTAL, TIBIAL_SHAFT_PROXIMAL, TIBIAL_SHAFT_DISTAL)
            .line(FEMORAL_SHAFT_PROXIMAL, FEMORAL_SHAFT_DISTAL).line(TIBIAL_SHAFT_PROXIMAL, TIBIAL_SHAFT_DISTAL)
            .calculator((s, p) -> LowerLimbCalculators.atfa(s, p.get(FEMORAL_SHAFT_PROXIMAL),
                    p.get(FEMORAL_SHAFT_DISTAL), p.get(TIBIAL_SHAFT_PROXIMAL), p.get(TIBIAL_SHAFT_DISTAL)))
            .normal(5, 7, Unit.DEG)
            .qualifier(MeasurementDefinition::varusValgus)
            .definitionNote("anatomical: femoral shaft axis to tibial shaft axis, varus negative (not CPAK's aHKA)")
            .deviationArc(FEMORAL_SHAFT_PROXIMAL, FEMORAL_SHAFT_DISTAL, TIBIAL_SHAFT_PROXIMAL, TIBIAL_SHAFT_DISTAL, 2.6)
            .build()),
    /** Full leg length, femoral head top to ankle centre. */
    FULL_LEG_LENGTH(MeasurementDefinition.builder("fullLegLength", "Full leg length", Kind.LENGTH)
            .name("Full leg length")
            .description("full leg length, femoral head top to ankle centre")
            .family(Family.LENGTHS)
            .landmarks(FEMORAL_HEAD_TOP, ANKLE_CENTER).line(FEMORAL_HEAD_TOP, ANKLE_CENTER)
            .calculator((s, p) -> LowerLimbCalculators.fullLegLength(p.get(FEMORAL_HEAD_TOP), p.get(ANKLE_CENTER)))
            .interObserver(InterObserver.LENGTH)
            .definitionNote("femoral head top to ankle centre (LLD stays the difference of the H–A lengths)")
            .build());

    private final MeasurementDefinition definition;

    LimbMeasure(MeasurementDefinition definition) {
        this.definition = definition;
    }

    /** The id without side, e.g. "mLDFA". */
    public String id() {
        return definition.key();
    }

    /** One line saying what the measurement is. */
    public String description() {
        return definition.description();
    }

    /** The one definition of this measurement. */
    public MeasurementDefinition definition() {
        return definition;
    }

    /** A length between two landmarks, with the spec's "a few mm" inter-observer limit when calibrated. */
    private static MeasurementDefinition length(String key, String name, String abbreviation, String description,
                                                org.orthomeasure.core.landmarks.LimbLandmark from,
                                                org.orthomeasure.core.landmarks.LimbLandmark to, String note) {
        return MeasurementDefinition.builder(key, abbreviation, Kind.LENGTH)
                .name(name).description(description).family(Family.LENGTHS)
                .landmarks(from, to).line(from, to)
                .calculator((s, p) -> LowerLimbCalculators.length(p.get(from), p.get(to)))
                .interObserver(InterObserver.LENGTH)
                .definitionNote(note)
                .build();
    }
}
