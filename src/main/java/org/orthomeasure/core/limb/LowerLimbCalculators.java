package org.orthomeasure.core.limb;

import org.orthomeasure.core.geometry.Angles;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Vector2;
import org.orthomeasure.core.landmarks.Side;

/**
 * The lower-limb calculators of the AP standing long-leg film, one pure function per measurement.
 * Spec: measurements.md, "Lower limb" and "Extended lower-limb set". Inputs are points in a Cartesian frame with x right and y down
 * (image pixels, or millimetres after applying the pixel spacing, which anisotropic spacing requires);
 * angles are returned in degrees, distances in the unit of the input.
 *
 * <p>Medial/lateral come from the {@link Side}: on a standard AP view the right leg's medial direction
 * is +x and the left leg's is −x. Orientation is read through cross products relative to the limb's own
 * axes, so every result is unchanged by rotating or translating the film, and mirroring the film while
 * swapping R and L leaves every result unchanged. Identity (exact in 2-D, checked by tests):
 * HKA = MPTA − mLDFA − JLCA.
 *
 * <p>Letters: H hip (femoral head) centre, K knee centre, A ankle centre; FCm/FCl medial/lateral
 * femoral condyle, TPm/TPl medial/lateral tibial plateau points; GT greater trochanter tip, Fp/Fd
 * proximal/distal femoral shaft axis points, Tp/Td proximal/distal tibial shaft axis points, PLm/PLl
 * medial/lateral ends of the tibial plafond. "angle(u, v)" is the unsigned angle between two vectors,
 * in [0, 180]. Callers ensure that the points of each line are distinct; coincident points make a
 * zero vector and are rejected.
 */
public final class LowerLimbCalculators {

    private LowerLimbCalculators() {
    }

    /**
     * Mechanical HKA as the signed deviation from a straight limb, degrees, varus negative:
     * the turn from the femoral axis H→K to the tibial axis K→A, {@code s · atan2(u × v, u · v)} with
     * u = K − H, v = A − K and s = +1 for R, −1 for L. The 180°-based form is {@code 180 + HKA}.
     * Worked number 1: R, H (100,100), K (90,500), A (100,900) → −2.864°.
     */
    public static double hkaDeviation(Side side, Point2 h, Point2 k, Point2 a) {
        return side.medialSign() * Angles.signedDegrees(h.vectorTo(k), k.vectorTo(a));
    }

    /**
     * Mechanical lateral distal femoral angle, degrees, in [0, 180]: the angle at the knee between the
     * mechanical axis towards the hip (H − K) and the distal femoral joint line towards the lateral
     * condyle (FCl − FCm). Worked number 1: 91.432°.
     */
    public static double mldfa(Point2 h, Point2 k, Point2 condyleMedial, Point2 condyleLateral) {
        return Angles.betweenDegrees(k.vectorTo(h), condyleMedial.vectorTo(condyleLateral));
    }

    /**
     * Medial proximal tibial angle, degrees, in [0, 180]: the angle at the knee between the tibial
     * mechanical axis towards the ankle (A − K) and the plateau line towards the medial plateau
     * (TPm − TPl). Worked number 1: 88.568°.
     */
    public static double mpta(Point2 k, Point2 a, Point2 plateauMedial, Point2 plateauLateral) {
        return Angles.betweenDegrees(k.vectorTo(a), plateauLateral.vectorTo(plateauMedial));
    }

    /**
     * Joint line convergence angle, degrees, signed, positive when the condylar and plateau lines
     * converge medially (the joint opens laterally): {@code s · signedAngle(TPl − TPm → FCl − FCm)},
     * s = +1 for R, −1 for L. Worked number 2: plateau line rotated 2° → +2°.
     */
    public static double jlca(Side side, Point2 condyleMedial, Point2 condyleLateral, Point2 plateauMedial,
                              Point2 plateauLateral) {
        Vector2 femoralLine = condyleMedial.vectorTo(condyleLateral);
        Vector2 tibialLine = plateauMedial.vectorTo(plateauLateral);
        return side.medialSign() * Angles.signedDegrees(tibialLine, femoralLine);
    }

    /**
     * Mechanical axis deviation: the perpendicular distance from K to the line H–A, signed positive when
     * the line passes medial of K (as in varus), in the unit of the input:
     * {@code s · ((A − H) × (K − H)) / |A − H|}. Worked number 1: +10 px (line medial of K).
     */
    public static double mad(Side side, Point2 h, Point2 k, Point2 a) {
        Vector2 axis = h.vectorTo(a);
        double len = axis.length();
        if (len == 0) {
            throw new IllegalArgumentException("hip and ankle centres coincide: the line H-A is undefined");
        }
        return side.medialSign() * axis.cross(h.vectorTo(k)) / len;
    }

    /** Mechanical length between two centres (H–K femur, K–A tibia, H–A leg), unit of the input. */
    public static double length(Point2 from, Point2 to) {
        return from.distanceTo(to);
    }

    /** aHKA = MPTA − mLDFA, degrees, negative = varus (CPAK). */
    public static double arithmeticHka(double mptaDeg, double mldfaDeg) {
        return mptaDeg - mldfaDeg;
    }

    /** Arithmetic joint line obliquity JLO = MPTA + mLDFA, degrees (CPAK). */
    public static double jointLineObliquity(double mptaDeg, double mldfaDeg) {
        return mptaDeg + mldfaDeg;
    }

    // ---- extended set (spec: "Extended lower-limb set"; Paley's names and normal values) -------

    /**
     * Mechanical lateral proximal femoral angle, degrees, in [0, 180]: angle(K − H, GT − H), at the hip
     * centre between the mechanical axis and the line to the greater trochanter tip. Worked number 7:
     * 80.438°.
     */
    public static double mlpfa(Point2 h, Point2 k, Point2 trochanter) {
        return Angles.betweenDegrees(h.vectorTo(k), h.vectorTo(trochanter));
    }

    /**
     * Anatomical medial proximal femoral angle, degrees, in [0, 180]: angle(Fd − Fp, H − GT), between
     * the femoral shaft axis pointing distally and the trochanter–head line pointing to the head.
     * Worked number 7: 94.230°.
     */
    public static double ampfa(Point2 shaftProximal, Point2 shaftDistal, Point2 trochanter, Point2 h) {
        return Angles.betweenDegrees(shaftProximal.vectorTo(shaftDistal), trochanter.vectorTo(h));
    }

    /**
     * Anatomical lateral distal femoral angle, degrees, in [0, 180]: angle(Fp − Fd, FCl − FCm), between
     * the femoral shaft axis pointing proximally and the condylar line towards the lateral condyle.
     * Worked number 7: 86.100°.
     */
    public static double aldfa(Point2 shaftProximal, Point2 shaftDistal, Point2 condyleMedial, Point2 condyleLateral) {
        return Angles.betweenDegrees(shaftDistal.vectorTo(shaftProximal), condyleMedial.vectorTo(condyleLateral));
    }

    /**
     * Anatomic–mechanical angle of the femur, degrees, in [0, 180]: angle(K − H, Fd − Fp), between the
     * mechanical axis and the shaft axis, both pointing distally. Worked number 7: 5.333°.
     */
    public static double ama(Point2 h, Point2 k, Point2 shaftProximal, Point2 shaftDistal) {
        return Angles.betweenDegrees(h.vectorTo(k), shaftProximal.vectorTo(shaftDistal));
    }

    /**
     * Anatomical medial proximal tibial angle, degrees, in [0, 180]: angle(Td − Tp, TPm − TPl), between
     * the tibial shaft axis pointing distally and the plateau line towards the medial plateau point.
     * Worked number 7: 88.438°.
     */
    public static double ampta(Point2 shaftProximal, Point2 shaftDistal, Point2 plateauMedial, Point2 plateauLateral) {
        return Angles.betweenDegrees(shaftProximal.vectorTo(shaftDistal), plateauLateral.vectorTo(plateauMedial));
    }

    /**
     * Mechanical lateral distal tibial angle, degrees, in [0, 180]: angle(K − A, PLl − PLm), at the ankle
     * between the tibial mechanical axis pointing to the knee and the ankle joint line towards its
     * lateral end. Worked number 7: 88.568°.
     */
    public static double mldta(Point2 k, Point2 a, Point2 plafondMedial, Point2 plafondLateral) {
        return Angles.betweenDegrees(a.vectorTo(k), plafondMedial.vectorTo(plafondLateral));
    }

    /**
     * Anatomical lateral distal tibial angle, degrees, in [0, 180]: angle(Tp − Td, PLl − PLm), between
     * the tibial shaft axis pointing proximally and the ankle joint line towards its lateral end.
     * Worked number 7: 88.438°.
     */
    public static double aldta(Point2 shaftProximal, Point2 shaftDistal, Point2 plafondMedial, Point2 plafondLateral) {
        return Angles.betweenDegrees(shaftDistal.vectorTo(shaftProximal), plafondMedial.vectorTo(plafondLateral));
    }

    /**
     * Anatomical tibiofemoral angle (femoral shaft–tibial shaft angle), degrees, signed deviation from
     * straight, <b>varus negative, valgus positive</b>: {@code s · atan2(f × t, f · t)} with the
     * proximal-to-distal shaft axes f = Fd − Fp and t = Td − Tp, s = +1 for R and −1 for L (so that
     * f × t &lt; 0 in medial-+x coordinates is varus). Not CPAK's aHKA. Worked number 7: +2.338° (valgus).
     */
    public static double atfa(Side side, Point2 femurProximal, Point2 femurDistal, Point2 tibiaProximal,
                              Point2 tibiaDistal) {
        return side.medialSign() * Angles.signedDegrees(femurProximal.vectorTo(femurDistal),
                tibiaProximal.vectorTo(tibiaDistal));
    }

    /** Full leg length: from the top of the femoral head to the ankle centre, unit of the input. */
    public static double fullLegLength(Point2 headTop, Point2 a) {
        return headTop.distanceTo(a);
    }
}
