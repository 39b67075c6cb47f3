package org.orthomeasure.cli;

import java.io.PrintStream;
import java.util.Map;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.measure.Missing;

/** The readable table printed by {@code measure} without {@code --json}. */
final class MeasurementTable {

    private MeasurementTable() {
    }

    /** Prints {@code set}; "not measured" lists only the parts of the film {@code landmarks} worked on. */
    static void print(MeasurementSet set, LandmarkSet landmarks, String source, PrintStream out) {
        out.println("Measurements from " + source);
        out.println("Calibration: " + set.calibration().unitLabel()
                + (set.calibration().detail().isEmpty() ? "" : " (" + set.calibration().detail() + ")"));
        set.calibration().warning().ifPresent(w -> out.println("  warning: " + w));
        out.println();
        String format = "%-16s %10s  %-4s %-9s %-27s %s%n";
        out.printf(format, "measurement", "value", "unit", "ends", "normal", "note");
        for (Measurement m : set.measurements()) {
            String ends = m.from().map(f -> f.name() + "-" + m.to().orElseThrow().name()).orElse("");
            String normal = m.normalRange().map(r -> r.describe() + (m.isOutsideNormal() ? " OUTSIDE" : "")).orElse("");
            String note = m.note().orElse("");
            if (m.calibrationLabel().isPresent()) {
                note = "[" + m.calibrationLabel().get() + "] " + note;
            }
            out.printf(format, m.id().id(), m.formattedValue(), m.unit().symbol(), ends, normal, note.strip());
        }
        Map<MeasurementId, Missing> missing = set.missingWhereWorkedOn(landmarks);
        java.util.Set<String> untouched = new java.util.LinkedHashSet<>();
        set.missing().keySet().stream().filter(id -> !missing.containsKey(id)).forEach(id -> untouched.add(
                id.side().map(side -> side == Side.R ? "right leg" : "left leg")
                        .orElse(id.equals(MeasurementId.LLD) ? "LLD" : id.equals(MeasurementId.COBB)
                                ? "Cobb lines" : "spine curves")));
        if (!set.missing().isEmpty()) {
            out.println();
            out.println("Not measured:");
            for (Map.Entry<MeasurementId, Missing> e : missing.entrySet()) {
                out.printf("  %-16s %s%n", e.getKey().id(), e.getValue().describe());
            }
            if (!untouched.isEmpty()) {
                out.println("  nothing placed for: " + String.join(", ", untouched));
            }
        }
        if (!set.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            set.notes().forEach(n -> out.println("  " + n));
        }
    }
}
