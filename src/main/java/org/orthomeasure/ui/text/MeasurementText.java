package org.orthomeasure.ui.text;

import java.util.Locale;
import java.util.Optional;
import org.orthomeasure.core.limb.CpakType;
import org.orthomeasure.core.measure.LimbMeasure;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.NormalRange;
import org.orthomeasure.core.measure.Unit;

/**
 * How a measurement reads in the panels, in the words a radiologist writes (measurements.md for the
 * sign conventions): "6.0° varus (174.0°)" for HKA (varus negative), "21.0 mm medial" for MAD
 * (positive: the line H–A passes medial of the knee centre), JLO, aHKA and CPAK as categories, a flag
 * as "outside normal (85–90°)", a Cobb curve that does not exist as absent. Presentation only: the
 * values come from the core unchanged. The names are looked up by measurement id, so that they can
 * later come from the core's measurement definitions.
 */
public final class MeasurementText {

    /** Why JLCA is marked "low reliability" (tooltip). */
    public static final String JLCA_RELIABILITY = "JLCA is the small angle between the condylar and the plateau line: "
            + "a millimetre at one joint-line point changes it by about 1°, and it changes with weight bearing, knee "
            + "flexion and rotation. Its agreement between readers is poor, so use it as a hint, not a diagnosis "
            + "(normal 0–2°).";

    private MeasurementText() {
    }

    /** The short name in the panels: "HKA", "Femur length", "Major curve", "Cobb (two lines)". */
    public static String name(MeasurementId id) {
        Optional<LimbMeasure> limb = id.limbMeasure();
        if (limb.isPresent()) {
            String lid = limb.get().id();
            return switch (lid) {
                case "femurLength" -> "Femur length";
                case "tibiaLength" -> "Tibia length";
                case "legLength" -> "Leg length";
                case "fullLegLength" -> "Full leg length";
                default -> lid; // HKA, mLDFA, MPTA, JLCA, MAD, aHKA, JLO, CPAK, mLPFA, ...: the abbreviations radiologists write
            };
        }
        return switch (id.id()) {
            case "cobb" -> "Cobb (two lines)";
            case "cobb.major" -> "Major curve";
            case "cobb.upper" -> "Upper curve";
            case "cobb.lower" -> "Lower curve";
            case "LLD" -> "LLD"; // leg length discrepancy (the tooltip spells it out)
            default -> id.definition().abbreviation();
        };
    }

    /** True for a Cobb curve the film does not have (its end vertebrae coincide): shown as absent, never "0.0° T1–T1". */
    public static boolean isAbsentCurve(Measurement m) {
        return m.from().isPresent() && m.to().isPresent() && m.from().get().equals(m.to().get());
    }

    /**
     * The value as shown: one decimal, true minus sign, unit; HKA with varus/valgus and its 180°-based
     * form; MAD with its direction; Cobb curves with their end vertebrae; px lengths marked uncalibrated.
     */
    public static String value(Measurement m) {
        if (m.text().isPresent()) {
            return m.text().get();
        }
        if (isAbsentCurve(m)) {
            return "absent";
        }
        double v = m.value();
        String lid = m.id().limbMeasure().map(LimbMeasure::id).orElse("");
        String s;
        if (lid.equals("HKA")) {
            String dir = direction(v, "varus", "valgus");
            s = number(Math.abs(v)) + "°" + (dir.isEmpty() ? "" : " " + dir)
                    + String.format(Locale.ROOT, " (%.1f°)", 180 + v);
        } else if (lid.equals("MAD")) {
            String dir = direction(-v, "medial", "lateral"); // positive MAD: the line H–A passes medial of K
            s = number(Math.abs(v)) + " " + m.unit().symbol() + (dir.isEmpty() ? "" : " " + dir);
        } else {
            s = signed(v) + (m.unit() == Unit.DEG ? "°" : " " + m.unit().symbol());
        }
        if (m.from().isPresent() && m.to().isPresent()) {
            s += " " + m.from().get() + "–" + m.to().get();
        }
        if (m.unit() == Unit.PX) {
            s += " (uncalibrated)";
        }
        return s;
    }

    /**
     * The category of a measurement read as one (JLO, aHKA, CPAK): "apex distal", "varus",
     * "varus, apex distal"; empty for the others.
     */
    public static Optional<String> category(Measurement m) {
        String lid = m.id().limbMeasure().map(LimbMeasure::id).orElse("");
        if (lid.equals("CPAK")) {
            return m.text().flatMap(t -> {
                try {
                    return Optional.of(CpakType.valueOf(t).describe());
                } catch (IllegalArgumentException notAType) {
                    return Optional.empty();
                }
            });
        }
        if (m.number().isEmpty()) {
            return Optional.empty();
        }
        double v = m.value();
        // bands of measurements.md (inclusive): JLO 177–183 neutral, aHKA −2..2 neutral
        if (lid.equals("JLO")) {
            return Optional.of(v < 177 ? "apex distal" : v > 183 ? "apex proximal" : "neutral");
        }
        if (lid.equals("aHKA")) {
            return Optional.of(v < -2 ? "varus" : v > 2 ? "valgus" : "neutral");
        }
        return Optional.empty();
    }

    /** The normal range as shown: "85–90°", "−3 to 3°", "1–15 mm", "< 10°"; JLO and aHKA as their neutral band. */
    public static String range(Measurement m) {
        if (isAbsentCurve(m)) {
            return "";
        }
        return m.normalRange().map(r -> (category(m).isPresent() ? "neutral " : "") + range(r)).orElse("");
    }

    /** "85–90°", "−3 to 3°", "1–15 mm", "< 10°". */
    public static String range(NormalRange r) {
        String unit = r.unit() == Unit.DEG ? "°" : " " + r.unit().symbol();
        if (r.upperExclusive() && r.lower() == 0) {
            return "< " + bound(r.upper()) + unit;
        }
        return bound(r.lower()) + (r.lower() < 0 ? " to " : "–") + bound(r.upper()) + unit;
    }

    /**
     * The flag beside the value: the category for JLO/aHKA/CPAK; "outside normal (85–90°)" when out
     * of range; "low reliability" for JLCA; "absent" explained for a missing curve; else empty.
     */
    public static String flag(Measurement m) {
        Optional<String> c = category(m);
        if (c.isPresent()) {
            return c.get();
        }
        if (isAbsentCurve(m)) {
            return "no such curve on this film";
        }
        boolean low = m.normalRange().filter(NormalRange::lowReliability).isPresent();
        if (m.isOutsideNormal()) {
            return "outside normal (" + range(m.normalRange().orElseThrow()) + ")" + (low ? ", low reliability" : "");
        }
        return low ? "low reliability" : "";
    }

    /** True when the value is to be shown as abnormal (out of range, and not a category). */
    public static boolean isFlagged(Measurement m) {
        return m.isOutsideNormal() && category(m).isEmpty() && !isAbsentCurve(m);
    }

    /** The tooltip of the flag: why JLCA has low reliability; empty for the others. */
    public static Optional<String> flagTooltip(Measurement m) {
        return m.normalRange().filter(NormalRange::lowReliability).map(r -> JLCA_RELIABILITY);
    }

    /** "" within 0.05 of zero (shown as 0.0), else the word for the sign: {@code negative} below zero. */
    private static String direction(double v, String negative, String positive) {
        if (Math.abs(v) < 0.05) {
            return "";
        }
        return v < 0 ? negative : positive;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String signed(double v) {
        String num = String.format(Locale.ROOT, "%.1f", v).replace('-', '−');
        return num.equals("−0.0") ? "0.0" : num;
    }

    private static String bound(double v) {
        String abs = Math.abs(v) == Math.rint(Math.abs(v)) ? Long.toString((long) Math.abs(v)) : Double.toString(Math.abs(v));
        return v < 0 ? "−" + abs : abs;
    }
}
