package org.orthomeasure.core.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.CobbLines;
import org.orthomeasure.core.landmarks.FemoralHead;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.measure.Unit;

/**
 * Compares two readings (landmark sets) of the same film, measured with the same calibration and
 * options (spec: issue 6; limits: {@link InterObserverLimits}).
 *
 * <ul>
 *   <li>Landmarks: for every landmark in both readings the distance
 *       {@code sqrt((dx · columnMm)² + (dy · rowMm)²)} in mm when calibrated, {@code sqrt(dx² + dy²)} in px
 *       otherwise. The femoral head centre is compared as used by the measurements (given, or fitted to
 *       the rim points); a Cobb line by its midpoint (its end points may lie anywhere along the endplate).</li>
 *   <li>Measurements: both values, A − B, and the verdict against the limit; for curves with end
 *       vertebrae whether both readings chose the same ones.</li>
 * </ul>
 */
public final class ReadingComparator {

    private ReadingComparator() {
    }

    /** Compares reading {@code a} with reading {@code b} with the standard limits. */
    public static Comparison compare(LandmarkSet a, LandmarkSet b, Calibration calibration, MeasurementOptions options) {
        return compare(a, b, calibration, options, InterObserverLimits.standard());
    }

    /** Compares reading {@code a} with reading {@code b}. */
    public static Comparison compare(LandmarkSet a, LandmarkSet b, Calibration calibration, MeasurementOptions options,
                                     InterObserverLimits limits) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(limits, "limits");
        MeasurementSet ma = MeasurementEngine.measure(a, calibration, options);
        MeasurementSet mb = MeasurementEngine.measure(b, calibration, options);
        return new Comparison(landmarks(a, b, calibration), measurements(ma, mb, limits), ma, mb, calibration, limits);
    }

    // ---- landmarks -----------------------------------------------------------------------------

    private static List<LandmarkDifference> landmarks(LandmarkSet a, LandmarkSet b, Calibration calibration) {
        Map<String, Point2> pa = positions(a);
        Map<String, Point2> pb = positions(b);
        List<String> ids = new ArrayList<>(pa.keySet());
        pb.keySet().stream().filter(k -> !pa.containsKey(k)).forEach(ids::add);
        ids.sort((x, y) -> Integer.compare(order(x), order(y)));
        Unit unit = calibration.isCalibrated() ? Unit.MM : Unit.PX;
        List<LandmarkDifference> out = new ArrayList<>();
        for (String id : ids) {
            Optional<Point2> x = Optional.ofNullable(pa.get(id));
            Optional<Point2> y = Optional.ofNullable(pb.get(id));
            OptionalDouble d = x.isPresent() && y.isPresent()
                    ? OptionalDouble.of(distance(x.get(), y.get(), calibration)) : OptionalDouble.empty();
            out.add(new LandmarkDifference(id, x, y, d, unit));
        }
        return out;
    }

    /** Distance in mm with the calibration's row/column spacing, else in px. */
    static double distance(Point2 p, Point2 q, Calibration calibration) {
        double dx = q.x() - p.x();
        double dy = q.y() - p.y();
        if (calibration.spacing().isPresent()) {
            PixelSpacing s = calibration.spacing().get();
            return Math.hypot(dx * s.columnMm(), dy * s.rowMm());
        }
        return Math.hypot(dx, dy);
    }

    /** Every comparable position of a reading by id, in insertion order. */
    private static Map<String, Point2> positions(LandmarkSet set) {
        Map<String, Point2> p = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            set.femoralHead(side).map(FemoralHead::center)
                    .ifPresent(c -> p.put(LandmarkKey.of(side, LimbLandmark.FEMORAL_HEAD_CENTER).id(), c));
        }
        set.points().forEach((k, v) -> p.putIfAbsent(k.id(), v));
        for (Vertebra v : set.vertebrae().values()) {
            String l = v.level().name();
            p.put(l + ".topLeft", v.topLeft());
            p.put(l + ".topRight", v.topRight());
            p.put(l + ".bottomLeft", v.bottomLeft());
            p.put(l + ".bottomRight", v.bottomRight());
        }
        set.cobbLines().ifPresent((CobbLines c) -> {
            p.put("cobbLines.upper", c.upper().midpoint());
            p.put("cobbLines.lower", c.lower().midpoint());
        });
        return p;
    }

    /** Canonical order: R limb, L limb (by landmark), vertebrae T1..L5 (by corner), Cobb lines. */
    private static int order(String id) {
        if (id.startsWith("R.") || id.startsWith("L.")) {
            LandmarkKey k = LandmarkKey.parse(id);
            return k.side().ordinal() * 100 + k.landmark().ordinal();
        }
        if (id.startsWith("cobbLines.")) {
            return 10_000 + (id.endsWith("upper") ? 0 : 1);
        }
        String level = id.substring(0, id.indexOf('.'));
        String corner = id.substring(id.indexOf('.') + 1);
        int c = List.of("topLeft", "topRight", "bottomLeft", "bottomRight").indexOf(corner);
        return 1_000 + SpineLevel.valueOf(level).ordinal() * 4 + c;
    }

    // ---- measurements --------------------------------------------------------------------------

    private static List<MeasurementDifference> measurements(MeasurementSet ma, MeasurementSet mb,
                                                            InterObserverLimits limits) {
        List<MeasurementDifference> out = new ArrayList<>();
        for (MeasurementId id : MeasurementId.all()) {
            Optional<Measurement> a = ma.get(id);
            Optional<Measurement> b = mb.get(id);
            if (a.isEmpty() && b.isEmpty()) {
                continue;
            }
            out.add(difference(id, a, b, limits));
        }
        return out;
    }

    private static MeasurementDifference difference(MeasurementId id, Optional<Measurement> a, Optional<Measurement> b,
                                                    InterObserverLimits limits) {
        if (a.isEmpty() || b.isEmpty()) {
            return new MeasurementDifference(id, a, b, OptionalDouble.empty(), Optional.empty(), Verdict.MISSING,
                    Optional.empty());
        }
        Measurement x = a.get();
        Measurement y = b.get();
        Optional<Boolean> sameEnds = x.from().isPresent() && y.from().isPresent()
                ? Optional.of(x.from().equals(y.from()) && x.to().equals(y.to())) : Optional.empty();
        if (x.text().isPresent() || y.text().isPresent()) {
            Verdict v = x.text().equals(y.text()) ? Verdict.SAME : Verdict.DIFFERENT;
            return new MeasurementDifference(id, a, b, OptionalDouble.empty(), Optional.empty(), v, sameEnds);
        }
        if (x.unit() != y.unit()) {
            throw new IllegalStateException(id + " measured in " + x.unit() + " and " + y.unit());
        }
        double diff = x.value() - y.value();
        Optional<Double> limit = limits.limitFor(id, x.unit());
        Verdict v = limit.map(l -> Math.abs(diff) > l ? Verdict.EXCEEDS_LIMIT : Verdict.WITHIN_LIMIT)
                .orElse(Verdict.NO_LIMIT);
        return new MeasurementDifference(id, a, b, OptionalDouble.of(diff), limit, v, sameEnds);
    }
}
