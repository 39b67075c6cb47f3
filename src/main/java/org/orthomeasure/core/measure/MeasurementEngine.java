package org.orthomeasure.core.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.FemoralHead;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.limb.CpakType;
import org.orthomeasure.core.limb.LowerLimbCalculators;
import org.orthomeasure.core.spine.CobbAngle;
import org.orthomeasure.core.spine.Curve;
import org.orthomeasure.core.spine.SpineCurves;

/**
 * The one entry point from landmarks to measurements: every measurement of measurements.md that the
 * landmarks allow, and for every other one what is missing (never a 0 or NaN in its place).
 *
 * <p>Frame: with a calibration every point is first converted to millimetres (x · column spacing,
 * y · row spacing) so that angles are right with anisotropic pixels and lengths come out in mm; the
 * femoral head circle is fitted in that frame too. Without a calibration the frame is pixels and
 * lengths are reported in px.
 */
public final class MeasurementEngine {

    /** |LLD| below this (mm or px) is reported as equal lengths, not as one side longer. */
    static final double LLD_EQUAL_BELOW = 0.05;

    private MeasurementEngine() {
    }

    /** Measures {@code landmarks} (image pixels) with {@code calibration} and {@code options}. */
    public static MeasurementSet measure(LandmarkSet landmarks, Calibration calibration, MeasurementOptions options) {
        Objects.requireNonNull(landmarks, "landmarks");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(options, "options");
        return new Run(landmarks, calibration, options).run();
    }

    /** The state of one run; discarded afterwards. */
    private static final class Run {
        private final LandmarkSet frame;
        private final Calibration calibration;
        private final MeasurementOptions options;
        private final Unit lengthUnit;
        private final double rowScale;
        private final List<Measurement> results = new ArrayList<>();
        private final Map<MeasurementId, Missing> missing = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<Side, Double> legLengths = new LinkedHashMap<>();

        Run(LandmarkSet landmarks, Calibration calibration, MeasurementOptions options) {
            this.calibration = calibration;
            this.options = options;
            LandmarkSet seen = options.filmMirrored() ? limbMirrored(landmarks) : landmarks;
            if (calibration.spacing().isPresent()) {
                PixelSpacing s = calibration.spacing().get();
                UnaryOperator<Point2> toMm = p -> p.scaled(s.columnMm(), s.rowMm());
                this.frame = seen.map(toMm);
                this.lengthUnit = Unit.MM;
                this.rowScale = s.rowMm();
            } else {
                this.frame = seen;
                this.lengthUnit = Unit.PX;
                this.rowScale = 1;
            }
        }

        /**
         * The limb landmarks of a mirrored film mirrored (x → −x), so they are measured in the AP convention the
         * lower-limb definitions assume; vertebrae and Cobb lines, whose values do not depend on the side, as
         * they are.
         */
        private static LandmarkSet limbMirrored(LandmarkSet landmarks) {
            LandmarkSet seen = landmarks;
            for (var e : landmarks.points().entrySet()) {
                seen = seen.withPoint(e.getKey(), Point2.of(-e.getValue().x(), e.getValue().y()));
            }
            for (Side side : Side.values()) {
                List<Point2> rim = landmarks.headRim(side);
                if (!rim.isEmpty()) {
                    seen = seen.withHeadRim(side, rim.stream().map(p -> Point2.of(-p.x(), p.y())).toList());
                }
            }
            return seen;
        }

        MeasurementSet run() {
            for (Side side : Side.values()) {
                measureLimb(side);
            }
            measureLld();
            measureCobbLines();
            measureSpineCurves();
            if (options.filmMirrored() && !frame.points().isEmpty()) {
                notes.add("mirrored film (the patient's right on the image's right, from its Patient Orientation): "
                        + "the lower-limb landmarks were measured in the AP convention, medial towards the midline");
            }
            List<Measurement> ranged = results.stream().map(m -> m.under(options)).toList();
            return MeasurementSet.of(ranged, missing, calibration, notes);
        }

        // ---- lower limb ----------------------------------------------------------------------

        private void measureLimb(Side side) {
            Optional<FemoralHead> head = frame.femoralHead(side);
            head.filter(h -> h.source() == FemoralHead.Source.FITTED).ifPresent(h -> notes.add(side.prefix()
                    + "femoralHeadCenter " + h.description(lengthUnit.symbol())));
            Optional<String> headProblem = frame.femoralHeadProblem(side);
            Limb limb = new Limb(side, head.map(FemoralHead::center), headProblem);

            // Every per-leg definition with a calculator, in report order.
            Map<LimbMeasure, Double> values = new EnumMap<>(LimbMeasure.class);
            for (LimbMeasure m : LimbMeasure.values()) {
                if (m.definition().calculator().isPresent()) {
                    limb.compute(id(side, m), m.definition()).ifPresent(v -> values.put(m, v));
                }
            }
            Optional<Double> mpta = Optional.ofNullable(values.get(LimbMeasure.MPTA));
            Optional<Double> mldfa = Optional.ofNullable(values.get(LimbMeasure.MLDFA));
            values.forEach((m, v) -> {
                MeasurementDefinition d = m.definition();
                MeasurementId mid = id(side, m);
                Measurement r = d.kind() == MeasurementDefinition.Kind.LENGTH ? length(mid, v) : Measurement.angle(mid, v);
                if (m == LimbMeasure.HKA) {
                    r = r.withNote(hkaNote(v, mpta, mldfa));
                } else if (m == LimbMeasure.MAD) {
                    r = r.withNote(madNote(v));
                } else if (d.definitionNote().isPresent()) {
                    r = r.withNote(d.definitionNote().get());
                }
                Optional<String> q = d.qualifier(v);
                if (q.isPresent()) {
                    r = r.withQualifier(q.get());
                }
                results.add(r);
            });
            Optional.ofNullable(values.get(LimbMeasure.LEG_LENGTH)).ifPresent(v -> legLengths.put(side, v));

            // CPAK family: needs both MPTA and mLDFA.
            List<MeasurementId> cpakIds = List.of(id(side, LimbMeasure.AHKA), id(side, LimbMeasure.JLO),
                    id(side, LimbMeasure.CPAK));
            if (mpta.isPresent() && mldfa.isPresent()) {
                double a = LowerLimbCalculators.arithmeticHka(mpta.get(), mldfa.get());
                double j = LowerLimbCalculators.jointLineObliquity(mpta.get(), mldfa.get());
                CpakType type = CpakType.classify(a, j, options.cpakAsianBand());
                results.add(Measurement.angle(cpakIds.get(0), a).withNote("MPTA − mLDFA, negative = varus")
                        .withQualifier(LimbMeasure.AHKA.definition().normalRange(options).orElseThrow().contains(a)
                                ? "neutral" : a < 0 ? "varus" : "valgus"));
                results.add(Measurement.angle(cpakIds.get(1), j).withNote("arithmetic JLO = MPTA + mLDFA"));
                results.add(Measurement.text(cpakIds.get(2), type.name()).withNote(type.describe()
                        + (options.cpakAsianBand() ? " (aHKA neutral band ±3°, Asian modification)"
                        : " (aHKA neutral band ±2°)")));
            } else {
                Missing union = union(missing.get(id(side, LimbMeasure.MPTA)), missing.get(id(side, LimbMeasure.MLDFA)));
                cpakIds.forEach(cid -> missing.put(cid, union));
            }
        }

        private void measureLld() {
            Double right = legLengths.get(Side.R);
            Double left = legLengths.get(Side.L);
            if (right == null || left == null) {
                Missing union = union(missing.get(id(Side.R, LimbMeasure.LEG_LENGTH)),
                        missing.get(id(Side.L, LimbMeasure.LEG_LENGTH)));
                missing.put(MeasurementId.LLD, union);
                return;
            }
            double lld = right - left;
            // Below the display resolution (0.1) a side is not called longer: "0.0 mm, left longer" misleads.
            String note = Math.abs(lld) < LLD_EQUAL_BELOW ? "equal lengths (difference below "
                    + LLD_EQUAL_BELOW + " " + lengthUnit.symbol() + ")"
                    : lld > 0 ? "right longer" : "left longer";
            results.add(length(MeasurementId.LLD, lld).withNote(note + "; right leg length minus left")
                    .withQualifier(Math.abs(lld) < LLD_EQUAL_BELOW ? "equal" : note));
        }

        private Measurement length(MeasurementId id, double value) {
            return Measurement.length(id, value, lengthUnit, calibration.unitLabel());
        }

        // ---- spine ---------------------------------------------------------------------------

        private void measureCobbLines() {
            if (frame.cobbLines().isEmpty()) {
                missing.put(MeasurementId.COBB, Missing.of(List.of("cobbLines")));
                return;
            }
            double deg = CobbAngle.degrees(frame.cobbLines().get());
            results.add(Measurement.angle(MeasurementId.COBB, deg).withNote(cobbNote(deg)));
        }

        private void measureSpineCurves() {
            List<MeasurementId> ids = List.of(MeasurementId.COBB_MAJOR, MeasurementId.COBB_UPPER,
                    MeasurementId.COBB_LOWER);
            List<String> absent = new ArrayList<>();
            List<Vertebra> vertebrae = new ArrayList<>();
            for (SpineLevel level : SpineLevel.values()) {
                Optional<Vertebra> v = frame.vertebra(level);
                v.ifPresentOrElse(vertebrae::add, () -> absent.add(level.name()));
            }
            boolean consecutive = !vertebrae.isEmpty() && vertebrae.get(vertebrae.size() - 1).level().ordinal()
                    - vertebrae.get(0).level().ordinal() == vertebrae.size() - 1;
            if (!absent.isEmpty() && !(consecutive && vertebrae.size() >= SpineCurves.MIN_VERTEBRAE)) {
                Missing m = Missing.of(absent, "the curve evaluation needs all 17 vertebrae T1–L5, or at least "
                        + SpineCurves.MIN_VERTEBRAE + " consecutive ones on a film that shows fewer");
                ids.forEach(i -> missing.put(i, m));
                return;
            }
            for (Vertebra v : vertebrae) {
                if (v.midLine().x() <= 0) {
                    notes.add("vertebra " + v.level() + ": its left-edge midpoint is not left of its right-edge "
                            + "midpoint; corners mislabelled? Its mid-line angle is clipped to 90°");
                }
            }
            OptionalDouble height = options.filmHeightPx().isPresent()
                    ? OptionalDouble.of(options.filmHeightPx().getAsDouble() * rowScale) : OptionalDouble.empty();
            SpineCurves.Result r = SpineCurves.evaluate(vertebrae, height);
            if (r.branch() != SpineCurves.Branch.NOT_S_SHAPED && height.isEmpty()) {
                notes.add("film height unknown: the S-shaped-spine rule used the vertical extent of the labelled spine");
            }
            String branch = switch (r.branch()) {
                case NOT_S_SHAPED -> "not S-shaped";
                case S_SHAPED_UPPER_HALF -> "S-shaped, major curve in the upper half of the film";
                case S_SHAPED_LOWER_HALF -> "S-shaped, major curve in the lower half of the film";
            };
            String partial = r.wholeSpine() ? "" : String.format(Locale.ROOT,
                    "; measured over %s–%s only (%d of 17 vertebrae)", r.from(), r.to(), vertebrae.size());
            if (!r.wholeSpine()) {
                notes.add(String.format(Locale.ROOT, "spine curves measured over %s–%s only (%d of 17 vertebrae; %s "
                        + "not placed): a curve that runs beyond them is measured only to the last one placed",
                        r.from(), r.to(), vertebrae.size(), String.join(", ", absent)));
            }
            results.add(curve(MeasurementId.COBB_MAJOR, r.major(), cobbNote(r.major().degrees()) + partial));
            results.add(curve(MeasurementId.COBB_UPPER, r.upper(), branch + partial));
            results.add(curve(MeasurementId.COBB_LOWER, r.lower(), branch + partial));
        }

        private static Measurement curve(MeasurementId id, Curve c, String note) {
            return Measurement.angle(id, c.degrees()).withEnds(c.upperEnd(), c.lowerEnd()).withNote(note);
        }

        // ---- helpers -------------------------------------------------------------------------

        private static MeasurementId id(Side side, LimbMeasure m) {
            return MeasurementId.limb(side, m);
        }

        private static Missing union(Missing a, Missing b) {
            List<String> ids = new ArrayList<>();
            List<String> noteParts = new ArrayList<>();
            for (Missing m : new Missing[] {a, b}) {
                if (m == null) {
                    continue;
                }
                m.landmarks().stream().filter(x -> !ids.contains(x)).forEach(ids::add);
                m.note().filter(x -> !noteParts.contains(x)).ifPresent(noteParts::add);
            }
            return Missing.of(ids, noteParts.isEmpty() ? null : String.join("; ", noteParts));
        }

        /**
         * "varus; 177.136° as 180°-based HKA", plus for a varus knee the malalignment test of the spec:
         * MPTA &lt; 85° tibial origin, mLDFA &gt; 90° femoral origin, both combined.
         */
        private static String hkaNote(double hka, Optional<Double> mpta, Optional<Double> mldfa) {
            String kind = hka < 0 ? "varus" : hka > 0 ? "valgus" : "straight";
            String note = String.format(Locale.ROOT, "%s; %.3f° as 180°-based HKA", kind, 180 + hka);
            if (hka < 0 && mpta.isPresent() && mldfa.isPresent()) {
                boolean tibial = mpta.get() < 85;
                boolean femoral = mldfa.get() > 90;
                String origin = tibial && femoral ? "combined (MPTA < 85°, mLDFA > 90°)"
                        : tibial ? "tibial (MPTA < 85°)" : femoral ? "femoral (mLDFA > 90°)"
                        : "neither tibial nor femoral (MPTA ≥ 85°, mLDFA ≤ 90°)";
                note += "; varus origin " + origin;
            }
            return note;
        }

        private static String madNote(double mad) {
            return mad > 0 ? "line H–A passes medial of K" : mad < 0 ? "line H–A passes lateral of K"
                    : "line H–A passes through K";
        }

        private static String cobbNote(double deg) {
            return deg >= 10 ? "scoliosis (≥ 10°)" : "below 10°: no scoliosis";
        }

        /** One side's landmark lookup with missing/coincident bookkeeping. */
        private final class Limb {
            private final Side side;
            private final Optional<Point2> head;
            private final Optional<String> headProblem;

            Limb(Side side, Optional<Point2> head, Optional<String> headProblem) {
                this.side = side;
                this.head = head;
                this.headProblem = headProblem;
            }

            private Optional<Point2> point(LimbLandmark l) {
                return l == LimbLandmark.FEMORAL_HEAD_CENTER ? head : frame.point(side, l);
            }

            /**
             * Computes the definition's value when all its landmarks exist and no line of it has coincident
             * points; otherwise records the measurement {@code id} as missing and returns empty.
             */
            Optional<Double> compute(MeasurementId id, MeasurementDefinition d) {
                Map<LimbLandmark, Point2> pts = new EnumMap<>(LimbLandmark.class);
                List<String> absent = new ArrayList<>();
                String note = null;
                for (LimbLandmark l : d.landmarks()) {
                    Optional<Point2> p = point(l);
                    if (p.isPresent()) {
                        pts.put(l, p.get());
                    } else {
                        absent.add(LandmarkKey.of(side, l).id());
                        if (l == LimbLandmark.FEMORAL_HEAD_CENTER) {
                            note = headProblem.orElse(null);
                        }
                    }
                }
                if (!absent.isEmpty()) {
                    missing.put(id, Missing.of(absent, note));
                    return Optional.empty();
                }
                for (MeasurementDefinition.Line line : d.lines()) {
                    if (pts.get(line.from()).equals(pts.get(line.to()))) {
                        String ia = LandmarkKey.of(side, line.from()).id();
                        String ib = LandmarkKey.of(side, line.to()).id();
                        missing.put(id, Missing.of(List.of(ia, ib), ia + " and " + ib
                                + " coincide, the line through them is undefined"));
                        return Optional.empty();
                    }
                }
                double v = d.calculator().orElseThrow().compute(side, Collections.unmodifiableMap(pts));
                if (!Double.isFinite(v)) {
                    missing.put(id, Missing.of(List.of(), "the landmarks give no finite value"));
                    return Optional.empty();
                }
                return Optional.of(v);
            }
        }
    }
}
