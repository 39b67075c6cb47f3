package org.orthomeasure.core.limb;

/**
 * Coronal Plane Alignment of the Knee (MacDessi 2021), types I–IX from the arithmetic HKA
 * (aHKA = MPTA − mLDFA, negative = varus) and the arithmetic joint line obliquity (JLO = MPTA + mLDFA).
 * Spec: measurements.md, CPAK.
 *
 * <pre>
 *                   aHKA &lt; −band   −band ≤ aHKA ≤ band   aHKA &gt; band
 * JLO &lt; 177             I              II                 III
 * 177 ≤ JLO ≤ 183       IV             V                  VI
 * JLO &gt; 183             VII            VIII               IX
 * </pre>
 * The band is 2° (standard) or 3° (Asian modification). Bounds are inclusive; values within
 * {@value #BOUNDARY_TOLERANCE_DEG}° of a bound count as on it, so floating-point noise from landmark
 * arithmetic (176.99999999999997) cannot move a knee across a band.
 */
public enum CpakType {
    I, II, III, IV, V, VI, VII, VIII, IX;

    /** Standard aHKA neutral half-band, degrees. */
    public static final double STANDARD_BAND_DEG = 2.0;
    /** Asian-modification aHKA neutral half-band, degrees. */
    public static final double ASIAN_BAND_DEG = 3.0;
    /** JLO neutral band, degrees (inclusive). */
    public static final double JLO_LOW_DEG = 177.0;
    public static final double JLO_HIGH_DEG = 183.0;
    /** Tolerance at the band bounds, degrees. */
    public static final double BOUNDARY_TOLERANCE_DEG = 1e-9;

    /** The type for an aHKA and JLO in degrees; {@code asianBand} widens the aHKA band to ±3°. */
    public static CpakType classify(double aHkaDeg, double jloDeg, boolean asianBand) {
        double band = asianBand ? ASIAN_BAND_DEG : STANDARD_BAND_DEG;
        int column = aHkaDeg < -band - BOUNDARY_TOLERANCE_DEG ? 0 : aHkaDeg > band + BOUNDARY_TOLERANCE_DEG ? 2 : 1;
        int row = jloDeg < JLO_LOW_DEG - BOUNDARY_TOLERANCE_DEG ? 0 : jloDeg > JLO_HIGH_DEG + BOUNDARY_TOLERANCE_DEG ? 2 : 1;
        return values()[row * 3 + column];
    }

    /** The type from MPTA and mLDFA in degrees. */
    public static CpakType fromAngles(double mptaDeg, double mldfaDeg, boolean asianBand) {
        return classify(mptaDeg - mldfaDeg, mptaDeg + mldfaDeg, asianBand);
    }

    /** e.g. "varus, apex distal" for type I. */
    public String describe() {
        int row = ordinal() / 3;
        int column = ordinal() % 3;
        String alignment = switch (column) {
            case 0 -> "varus";
            case 1 -> "neutral";
            default -> "valgus";
        };
        String jlo = switch (row) {
            case 0 -> "apex distal";
            case 1 -> "neutral JLO";
            default -> "apex proximal";
        };
        return alignment + ", " + jlo;
    }
}
