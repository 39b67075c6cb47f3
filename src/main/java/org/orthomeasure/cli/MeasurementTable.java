package org.orthomeasure.cli;

import java.io.PrintStream;
import java.util.Map;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.measure.Missing;

/** The readable table printed by {@code measure} without {@code --json}. */
final class MeasurementTable {

    private MeasurementTable() {
    }

    static void print(MeasurementSet set, String source, PrintStream out) {
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
        if (!set.missing().isEmpty()) {
            out.println();
            out.println("Not measured:");
            for (Map.Entry<MeasurementId, Missing> e : set.missing().entrySet()) {
                out.printf("  %-16s %s%n", e.getKey().id(), e.getValue().describe());
            }
        }
        if (!set.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            set.notes().forEach(n -> out.println("  " + n));
        }
    }
}
