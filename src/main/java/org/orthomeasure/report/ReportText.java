package org.orthomeasure.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.plausibility.LimbPlausibility;
import org.orthomeasure.core.plausibility.PlausibilityFlag;
import org.orthomeasure.core.measure.LimbMeasure;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementDefinition;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.NormalRange;
import org.orthomeasure.core.measure.Unit;

/**
 * The words and numbers of the reports: measurement names, values with units (one decimal, true
 * minus sign), normal ranges, flags, the calibration statement and the conventions. One place, so the
 * PDF, the comparison and the tests agree.
 */
public final class ReportText {

    private ReportText() {
    }

    /** The conventions the measurements follow, one sentence each (spec: measurements.md). */
    public static final List<String> CONVENTIONS = List.of(
            "HKA is the mechanical hip–knee–ankle angle reported as the signed deviation from straight, "
                    + "varus negative (CPAK convention); the 180°-based value is given beside it.",
            "mLDFA is the lateral angle between the femoral mechanical axis and the distal femoral joint line; "
                    + "MPTA the medial angle between the tibial mechanical axis and the tibial plateau line.",
            "JLCA is positive when the femoral and tibial joint lines converge medially; its reliability is low.",
            "MAD is the perpendicular distance from the knee centre to the line hip centre–ankle centre, "
                    + "positive when that line passes medial of the knee centre.",
            "Lengths are mechanical: femur = hip centre to knee centre, tibia = knee centre to ankle centre, "
                    + "leg = hip centre to ankle centre; LLD = right leg minus left leg.",
            "Extended set (Paley): mLPFA = angle(K − H, GT − H); aMPFA = angle(femoral shaft axis, trochanter–head "
                    + "line); aLDFA and aMPTA against the shaft axes; AMA between the femoral mechanical and shaft axes; "
                    + "mLDTA and aLDTA against the ankle joint line (plafond); shaft points are mid-diaphyseal.",
            "aTFA is the anatomical tibiofemoral (femoral shaft–tibial shaft) angle as a deviation from straight, "
                    + "varus negative, valgus positive; it is not CPAK's aHKA. Full leg length = femoral head top "
                    + "to ankle centre; LLD stays the difference of the H–A lengths.",
            "CPAK (MacDessi 2021): aHKA = MPTA − mLDFA (negative = varus), arithmetic JLO = MPTA + mLDFA; "
                    + "neutral bands aHKA ±2° (±3° with the Asian modification) and JLO 177–183°, inclusive.",
            "Cobb angles are unsigned; automatic curves follow the AASCE 2019 reference logic on vertebra "
                    + "mid-lines. Inter-observer variability of the Cobb angle is about 7°.",
            "Medial and lateral are taken from the side of each landmark (R./L.), never from the image position.");

    /** A number with one decimal and a true minus sign (U+2212), never "−0.0". */
    public static String number(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        if (s.equals("-0.0")) {
            return "0.0";
        }
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    /** The value with its unit: "−2.9°", "400.1 mm", "812.0 px", "IV". */
    public static String value(Measurement m) {
        if (m.text().isPresent()) {
            return m.text().get();
        }
        return withUnit(m.value(), m.unit());
    }

    /** {@code v} with one decimal and the unit symbol ("°" for degrees). */
    public static String withUnit(double v, Unit unit) {
        return switch (unit) {
            case DEG -> number(v) + "°";
            case MM -> number(v) + " mm";
            case PX -> number(v) + " px";
            case NONE -> number(v);
        };
    }

    /**
     * The value in a radiologist's words: a deviation from straight (HKA, aTFA; varus negative) as
     * its size and direction, "6.0° varus" / "2.1° valgus"; MAD as its size and where the line H–A
     * passes the knee centre, "21.0 mm medial" (positive: medial); every other value as {@link #value}.
     */
    public static String clinical(Measurement m) {
        if (m.text().isPresent() || m.number().isEmpty()) {
            return value(m);
        }
        double v = m.value();
        if (isDeviation(m)) {
            return direction(number(Math.abs(v)) + "°", v, "varus", "valgus");
        }
        if (is(m, LimbMeasure.MAD)) {
            return direction(withUnit(Math.abs(v), m.unit()), v, "lateral", "medial");
        }
        return value(m);
    }

    /** The normal range in the words of {@link #clinical}: "within ±3°", "5–7° valgus"; else {@link #normal}. */
    public static String clinicalNormal(Measurement m) {
        Optional<NormalRange> r = m.normalRange();
        if (r.isEmpty() || !isDeviation(m) || r.get().upperExclusive()) {
            return normal(m);
        }
        double lo = r.get().lower();
        double hi = r.get().upper();
        if (lo < 0 && hi > 0) {
            return lo == -hi ? "within ±" + plain(hi) + "°" : plain(-lo) + "° varus to " + plain(hi) + "° valgus";
        }
        if (lo >= 0) {
            return plain(lo) + "–" + plain(hi) + "° valgus";
        }
        return plain(-hi) + "–" + plain(-lo) + "° varus";
    }

    /** True for an angle given as a signed deviation from straight, varus negative (its arc is drawn as one). */
    static boolean isDeviation(Measurement m) {
        return m.id().definition().construction().map(MeasurementDefinition.AngleConstruction::deviation).orElse(false);
    }

    /** "{@code size} {@code word}" for the sign of {@code v} (no word when it rounds to zero). */
    private static String direction(String size, double v, String negative, String positive) {
        if (number(Math.abs(v)).equals("0.0")) {
            return size;
        }
        return size + " " + (v < 0 ? negative : positive);
    }

    /**
     * The name of a measurement in a table whose rows are grouped by side ("HKA (mechanical)", "Femur
     * length (H–K)"): its definition's short label.
     */
    public static String shortName(MeasurementId id) {
        return id.definition().abbreviation();
    }

    /** The full name, with the side for limb measurements: "Right HKA (mechanical)". */
    public static String fullName(MeasurementId id) {
        return id.side().map(s -> (s.word().substring(0, 1).toUpperCase(Locale.ROOT) + s.word().substring(1))
                + " " + shortName(id)).orElse(shortName(id));
    }

    /** The normal range as the table shows it ("85–90°", "< 10°", "1–15 mm"), or "" when none applies. */
    public static String normal(Measurement m) {
        Optional<NormalRange> r = m.normalRange();
        if (r.isEmpty()) {
            return "";
        }
        NormalRange n = r.get();
        if (n.upperExclusive() && n.lower() == 0) {
            return "< " + plain(n.upper()) + symbol(n.unit());
        }
        String sep = n.lower() < 0 ? " to " : "–";
        return plainSigned(n.lower()) + sep + plainSigned(n.upper()) + symbol(n.unit());
    }

    /**
     * The flag beside a value: "above normal", "below normal", "scoliosis" for Cobb angles of 10° or more,
     * "low reliability" for JLCA (added to the others), or "".
     */
    public static String flag(Measurement m) {
        List<String> parts = new ArrayList<>();
        Optional<NormalRange> r = m.normalRange();
        if (r.isPresent() && m.isOutsideNormal()) {
            if (m.id().definition().family().anatomy() == MeasurementDefinition.Anatomy.SPINE) {
                parts.add("scoliosis");
            } else {
                parts.add(m.value() > r.get().upper() ? "above normal" : "below normal");
            }
        }
        if (r.isPresent() && r.get().lowReliability()) {
            parts.add("low reliability");
        }
        return String.join(", ", parts);
    }

    /** The detail line under a value: the measurement's note, the end vertebrae, and for lengths the calibration. */
    public static String detail(Measurement m) {
        List<String> parts = new ArrayList<>();
        if (m.from().isPresent()) {
            parts.add("end vertebrae " + m.from().get() + "–" + m.to().get());
        }
        m.note().ifPresent(parts::add);
        m.calibrationLabel().ifPresent(c -> parts.add("length in " + c));
        return String.join("; ", parts);
    }

    /**
     * The calibration statement: where the scale comes from and its warning, or that lengths are in
     * pixels. Spec: measurements.md, calibration ("every length carries its calibration source").
     */
    public static List<String> calibrationStatement(Calibration c) {
        List<String> lines = new ArrayList<>();
        if (c.isCalibrated()) {
            var s = c.spacing().orElseThrow();
            String spacing = s.isAnisotropic()
                    ? String.format(Locale.ROOT, "%.4f mm (rows) × %.4f mm (columns) per pixel", s.rowMm(), s.columnMm())
                    : String.format(Locale.ROOT, "%.4f mm per pixel", s.rowMm());
            lines.add("Lengths in mm, scale " + spacing + ", source: " + c.source().label()
                    + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")") + ".");
        } else {
            lines.add("The image is not calibrated: lengths are given in pixels (px), not millimetres. "
                    + "Angles need no scale.");
        }
        c.warning().ifPresent(w -> lines.add("Warning: " + w));
        return lines;
    }

    /** "Right" or "Left". */
    static String sideWord(Side side) {
        return side == Side.R ? "Right" : "Left";
    }

    /** "Right tibial plateau, medial". */
    static String landmark(LandmarkKey key) {
        return sideWord(key.side()) + " " + key.landmark().words();
    }

    /**
     * One line saying what is implausible and which landmark to check, e.g. "Right tibial plateau,
     * medial: 240 mm from the knee centre (expected within 48 mm)" (rules: {@link LimbPlausibility}).
     */
    public static String plausibility(PlausibilityFlag f) {
        String who = landmark(f.landmark());
        String ref = f.reference().map(r -> r.landmark().words()).orElse("");
        return switch (f.rule()) {
            case FAR_FROM_JOINT -> String.format(Locale.ROOT, "%s: %s from the %s (expected within %s)", who,
                    whole(f.value(), f.unit()), ref, whole(f.limit(), f.unit()));
            case CONDYLE_DISTAL_TO_PLATEAU -> String.format(Locale.ROOT,
                    "%s: %s below the %s (a condyle lies above its plateau)", who, whole(f.value(), f.unit()), ref);
            case JOINT_LINES_CONVERGE -> String.format(Locale.ROOT,
                    "%s joint lines converge by %.1f° (more than %.0f°): check the femoral condyle and tibial plateau points",
                    sideWord(f.side()), f.value(), f.limit());
            case FEMUR_TIBIA_PROPORTION -> String.format(Locale.ROOT,
                    "%s femur is %.2f × its tibia's length (expected %s): check the hip, knee and ankle centres",
                    sideWord(f.side()), f.value(), f.value() < f.limit() ? "at least " + plain(f.limit()) : "at most " + plain(f.limit()));
            case KNEE_NOT_BETWEEN -> sideWord(f.side()) + " knee centre is not between the hip and ankle centres";
        };
    }

    /** The plausibility findings of a long-leg reading, one line each (empty for a spine reading or a plausible one). */
    public static List<String> plausibility(LandmarkSet landmarks, Calibration calibration) {
        return LimbPlausibility.check(landmarks, calibration.spacing()).stream().map(ReportText::plausibility).toList();
    }

    private static String whole(double v, String unit) {
        return String.format(Locale.ROOT, "%.0f %s", v, unit);
    }

    private static final java.util.regex.Pattern LANDMARK_ID = java.util.regex.Pattern.compile("\\b[RL]\\.[a-zA-Z]+(\\[\\d+])?");

    /**
     * {@code text} with every landmark id in it ("R.femoralCondyleMedial", "L.femoralHeadRim[2]")
     * replaced by its name ("Right femoral condyle, medial", "Left femoral head rim"); other words stay.
     */
    public static String withNames(String text) {
        java.util.regex.Matcher m = LANDMARK_ID.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String id = m.group();
            String name = id;
            if (id.contains("femoralHeadRim")) {
                name = sideWord(id.charAt(0) == 'R' ? Side.R : Side.L) + " femoral head rim";
            } else {
                try {
                    name = landmark(LandmarkKey.parse(id));
                } catch (IllegalArgumentException notALandmark) {
                    // not a landmark id: left as written
                }
            }
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(name));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** True when {@code m} is a per-side limb measurement of kind {@code kind}. */
    static boolean is(Measurement m, LimbMeasure kind) {
        return m.id().limbMeasure().map(k -> k == kind).orElse(false);
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String plainSigned(double v) {
        String s = plain(v);
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    private static String symbol(Unit u) {
        return switch (u) {
            case DEG -> "°";
            case MM -> " mm";
            case PX -> " px";
            case NONE -> "";
        };
    }
}
