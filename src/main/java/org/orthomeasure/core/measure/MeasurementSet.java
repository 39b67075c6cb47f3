package org.orthomeasure.core.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Side;

/**
 * The result of one measurement run: the measurements in canonical order, the measurements that
 * could not be made with what is missing, the calibration used, and general notes (how a femoral
 * head centre was obtained, where the film height came from, ...).
 */
public final class MeasurementSet {

    private final List<Measurement> measurements;
    private final Map<MeasurementId, Missing> missing;
    private final Calibration calibration;
    private final List<String> notes;

    private MeasurementSet(List<Measurement> measurements, Map<MeasurementId, Missing> missing,
                           Calibration calibration, List<String> notes) {
        this.measurements = measurements;
        this.missing = missing;
        this.calibration = calibration;
        this.notes = notes;
    }

    /** A set from its parts; measurements and missing entries are sorted into canonical order. */
    public static MeasurementSet of(List<Measurement> measurements, Map<MeasurementId, Missing> missing,
                                    Calibration calibration, List<String> notes) {
        Objects.requireNonNull(calibration, "calibration");
        List<Measurement> ms = new ArrayList<>(measurements);
        ms.sort(Comparator.comparingInt(m -> m.id().order()));
        for (int i = 1; i < ms.size(); i++) {
            if (ms.get(i).id().equals(ms.get(i - 1).id())) {
                throw new IllegalArgumentException("measurement " + ms.get(i).id() + " given twice");
            }
        }
        List<MeasurementId> keys = new ArrayList<>(missing.keySet());
        keys.sort(Comparator.comparingInt(MeasurementId::order));
        Map<MeasurementId, Missing> miss = new LinkedHashMap<>();
        for (MeasurementId k : keys) {
            if (ms.stream().anyMatch(m -> m.id().equals(k))) {
                throw new IllegalArgumentException("measurement " + k + " is both present and missing");
            }
            miss.put(k, missing.get(k));
        }
        return new MeasurementSet(List.copyOf(ms), Collections.unmodifiableMap(miss), calibration, List.copyOf(notes));
    }

    /** Measurements in canonical order. */
    public List<Measurement> measurements() {
        return measurements;
    }

    /** The measurement {@code id}, if computed. */
    public Optional<Measurement> get(MeasurementId id) {
        return measurements.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The measurement spelled {@code id} ("R.HKA"), if computed. */
    public Optional<Measurement> get(String id) {
        return MeasurementId.parse(id).flatMap(this::get);
    }

    /** Measurements that could not be made, in canonical order, with what is missing. */
    public Map<MeasurementId, Missing> missing() {
        return missing;
    }

    /**
     * The missing measurements that belong to a part of the film the user worked on, for listing
     * under "not measured": a leg's measurements when that leg has any landmark, LLD when both legs
     * have, the curves when any vertebra is placed. A long-leg reading thus does not list the spine,
     * nor a one-leg reading the other leg. With no landmark at all everything is listed.
     */
    public Map<MeasurementId, Missing> missingWhereWorkedOn(LandmarkSet landmarks) {
        if (landmarks.isEmpty()) {
            return missing;
        }
        Map<MeasurementId, Missing> out = new LinkedHashMap<>();
        missing.forEach((id, why) -> {
            if (workedOn(id, landmarks)) {
                out.put(id, why);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    private static boolean workedOn(MeasurementId id, LandmarkSet landmarks) {
        if (id.side().isPresent()) {
            return legWorkedOn(id.side().get(), landmarks);
        }
        if (id.equals(MeasurementId.LLD)) {
            return legWorkedOn(Side.R, landmarks) && legWorkedOn(Side.L, landmarks);
        }
        if (id.equals(MeasurementId.COBB)) {
            return landmarks.cobbLines().isPresent();
        }
        return !landmarks.vertebrae().isEmpty();
    }

    private static boolean legWorkedOn(Side side, LandmarkSet landmarks) {
        return !landmarks.headRim(side).isEmpty()
                || landmarks.points().keySet().stream().anyMatch(k -> k.side() == side);
    }

    public Calibration calibration() {
        return calibration;
    }

    /** General notes on how the values were obtained. */
    public List<String> notes() {
        return notes;
    }
}
