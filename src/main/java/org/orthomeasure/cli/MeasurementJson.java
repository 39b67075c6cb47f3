package org.orthomeasure.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.io.landmarks.LandmarkFileWriter;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.measure.Missing;

/**
 * The JSON form of a {@link MeasurementSet} printed by {@code measure --json}:
 * <pre>
 * {"measurements": {"R.HKA": {"value": -2.864, "unit": "deg", "note": ..., "normal": "−3 to 3 deg",
 *                             "outsideNormal": false}, "R.CPAK": {"value": "IV", "unit": ""},
 *                   "R.femurLength": {"value": 60.0, "unit": "mm", "calibration": "mm, detector plane"},
 *                   "cobb.major": {"value": 30.0, "unit": "deg", "from": "T4", "to": "T11"}, ...},
 *  "missing": {"L.HKA": {"landmarks": ["L.kneeCenter"], "note": ...}},
 *  "calibration": {"source": "none", "unit": "px", "label": "px (uncalibrated)", ...},
 *  "notes": [...]}
 * </pre>
 * Numbers are rounded to 3 decimals (the engine keeps full precision).
 */
final class MeasurementJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MeasurementJson() {
    }

    static String toJson(MeasurementSet set) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(set)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** The measurements, missing, calibration and notes of {@code set} as a JSON object (what {@link #toJson} writes). */
    static ObjectNode tree(MeasurementSet set) {
        ObjectNode root = NODES.objectNode();
        ObjectNode ms = root.putObject("measurements");
        for (Measurement m : set.measurements()) {
            ObjectNode o = ms.putObject(m.id().id());
            o.put("name", m.id().definition().name());
            if (m.number().isPresent()) {
                o.put("value", round3(m.value()));
            } else {
                o.put("value", m.text().orElseThrow());
            }
            o.put("unit", m.unit().symbol());
            m.from().ifPresent(l -> o.put("from", l.name()));
            m.to().ifPresent(l -> o.put("to", l.name()));
            m.calibrationLabel().ifPresent(c -> o.put("calibration", c));
            m.note().ifPresent(n -> o.put("note", n));
            m.normalRange().ifPresent(r -> {
                o.put("normal", r.describe());
                o.put("outsideNormal", m.isOutsideNormal());
            });
        }
        ObjectNode missing = root.putObject("missing");
        for (Map.Entry<MeasurementId, Missing> e : set.missing().entrySet()) {
            ObjectNode o = missing.putObject(e.getKey().id());
            ArrayNode l = o.putArray("landmarks");
            e.getValue().landmarks().forEach(l::add);
            e.getValue().note().ifPresent(n -> o.put("note", n));
        }
        root.set("calibration", calibration(set.calibration()));
        ArrayNode notes = root.putArray("notes");
        set.notes().forEach(notes::add);
        return root;
    }

    /** The landmark file's calibration record plus the unit lengths are given in and its label. */
    private static ObjectNode calibration(Calibration c) {
        ObjectNode o = LandmarkFileWriter.calibration(c);
        o.put("unit", c.lengthUnit());
        o.put("label", c.unitLabel());
        return o;
    }

    /** {@code v} rounded half away from zero to 3 decimals; -0.0 becomes 0.0. */
    static double round3(double v) {
        double r = Math.signum(v) * Math.round(Math.abs(v) * 1000) / 1000.0;
        return r == 0 ? 0.0 : r;
    }
}
