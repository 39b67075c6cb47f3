package org.orthomeasure.core.overlay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.geometry.Line2;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Vector2;
import org.orthomeasure.core.landmarks.CobbLines;
import org.orthomeasure.core.landmarks.FemoralHead;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.measure.LimbMeasure;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementDefinition;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.measure.Unit;

/**
 * Builds the {@link Overlay} of one film from its landmarks (image pixels) and the measurements made
 * from them. Geometry comes from the landmarks; the numbers on the labels come from the
 * {@link MeasurementSet}, so the overlay never shows a value the measurement table does not. An angle
 * arc or a value label is drawn only when its measurement exists.
 *
 * <p>Constructions (spec: measurements.md, lower limb; image x right, y down):
 * <ul>
 *   <li>Every angle whose definition has an {@link MeasurementDefinition.AngleConstruction} (HKA,
 *       mLDFA, MPTA, mLPFA, aMPFA, aLDFA, AMA, aMPTA, mLDTA, aLDTA, aTFA): an arc where the
 *       definition's two lines meet, from direction u to direction v, so it spans the value; HKA and
 *       aTFA (deviations from straight) also draw the first axis on past the vertex.</li>
 *   <li>The femoral and tibial shaft axes (Fp–Fd, Tp–Td, extended), the trochanter–head line GT–H
 *       and the ankle joint line (plafond, extended) whenever their points are placed.</li>
 *   <li>MAD: the line H–A and the perpendicular from K to its foot on that line.</li>
 *   <li>Cobb (two lines): both endplate lines; automatic curves: the mid-lines of the major curve's
 *       end vertebrae, extended, with labels for the major, upper and lower curves.</li>
 * </ul>
 */
public final class OverlayBuilder {

    /** Arc radius as a fraction of the shorter mechanical axis (femur or tibia). */
    static final double ARC_FRACTION = 0.08;
    /** The MAD label's distance above the knee along H-A, in arc radii. */
    static final double MAD_LABEL_OFFSET = 2.2;
    /** How far a joint line or Cobb line is extended beyond its points, as a fraction of its length. */
    static final double LINE_EXTENSION = 0.35;

    private final LandmarkSet landmarks;
    private final MeasurementSet measurements;
    private final List<OverlayItem> items = new ArrayList<>();

    private OverlayBuilder(LandmarkSet landmarks, MeasurementSet measurements) {
        this.landmarks = landmarks;
        this.measurements = measurements;
    }

    /** The overlay of {@code landmarks} labelled with {@code measurements} (made from the same landmarks). */
    public static Overlay build(LandmarkSet landmarks, MeasurementSet measurements) {
        Objects.requireNonNull(landmarks, "landmarks");
        Objects.requireNonNull(measurements, "measurements");
        OverlayBuilder b = new OverlayBuilder(landmarks, measurements);
        for (Side side : Side.values()) {
            b.limb(side);
        }
        b.vertebrae();
        b.cobbLines();
        b.spineCurves();
        return Overlay.of(b.items);
    }

    // ---- lower limb ----------------------------------------------------------------------------

    private void limb(Side side) {
        landmarks.points().forEach((key, p) -> {
            if (key.side() == side) {
                add(OverlayGroup.LANDMARKS, OverlayRole.LANDMARK, new PointMark(p, key.id()), key.id());
                add(OverlayGroup.LANDMARK_LABELS, OverlayRole.LANDMARK,
                        TextLabel.of(p, key.landmark().abbreviation(), lateral(side, TextAnchor.NORTH)), key.id());
            }
        });
        Optional<FemoralHead> head = landmarks.femoralHead(side);
        List<Point2> rim = landmarks.headRim(side);
        for (int i = 0; i < rim.size(); i++) {
            String id = side.prefix() + "femoralHeadRim[" + i + "]";
            add(OverlayGroup.FEMORAL_HEADS, OverlayRole.LANDMARK, new PointMark(rim.get(i), id), id);
        }
        head.flatMap(FemoralHead::circle).ifPresent(c -> {
            String id = side.prefix() + "femoralHeadCenter";
            add(OverlayGroup.FEMORAL_HEADS, OverlayRole.CONSTRUCTION, new CircleShape(c.center(), c.radius()), id);
            add(OverlayGroup.FEMORAL_HEADS, OverlayRole.CONSTRUCTION, new PointMark(c.center(), id + ".fitted"), id);
            add(OverlayGroup.LANDMARK_LABELS, OverlayRole.CONSTRUCTION,
                    TextLabel.of(c.center(), "H (fitted)", lateral(side, TextAnchor.NORTH)), id);
        });

        Optional<Point2> h = head.map(FemoralHead::center);
        Optional<Point2> k = landmarks.point(side, LimbLandmark.KNEE_CENTER);
        Optional<Point2> a = landmarks.point(side, LimbLandmark.ANKLE_CENTER);
        Optional<Point2> fcm = landmarks.point(side, LimbLandmark.FEMORAL_CONDYLE_MEDIAL);
        Optional<Point2> fcl = landmarks.point(side, LimbLandmark.FEMORAL_CONDYLE_LATERAL);
        Optional<Point2> tpm = landmarks.point(side, LimbLandmark.TIBIAL_PLATEAU_MEDIAL);
        Optional<Point2> tpl = landmarks.point(side, LimbLandmark.TIBIAL_PLATEAU_LATERAL);
        String s = side.prefix();

        // Mechanical axes.
        if (h.isPresent() && k.isPresent() && !h.get().equals(k.get())) {
            add(OverlayGroup.MECHANICAL_AXES, OverlayRole.AXIS, LineSegment.of(h.get(), k.get()), s + "femoralAxis");
        }
        if (k.isPresent() && a.isPresent() && !k.get().equals(a.get())) {
            add(OverlayGroup.MECHANICAL_AXES, OverlayRole.AXIS, LineSegment.of(k.get(), a.get()), s + "tibialAxis");
        }
        // Joint lines, extended beyond their points.
        if (fcm.isPresent() && fcl.isPresent() && !fcm.get().equals(fcl.get())) {
            add(OverlayGroup.JOINT_LINES, OverlayRole.JOINT_LINE, extended(fcm.get(), fcl.get(), LINE_EXTENSION),
                    s + "condylarLine");
        }
        if (tpm.isPresent() && tpl.isPresent() && !tpm.get().equals(tpl.get())) {
            add(OverlayGroup.JOINT_LINES, OverlayRole.JOINT_LINE, extended(tpm.get(), tpl.get(), LINE_EXTENSION),
                    s + "plateauLine");
        }

        // Anatomical (shaft) axes, the trochanter–head line and the ankle joint line (extended set).
        Optional<Point2> gt = landmarks.point(side, LimbLandmark.GREATER_TROCHANTER_TIP);
        Optional<Point2> fp = landmarks.point(side, LimbLandmark.FEMORAL_SHAFT_PROXIMAL);
        Optional<Point2> fd = landmarks.point(side, LimbLandmark.FEMORAL_SHAFT_DISTAL);
        Optional<Point2> tp = landmarks.point(side, LimbLandmark.TIBIAL_SHAFT_PROXIMAL);
        Optional<Point2> td = landmarks.point(side, LimbLandmark.TIBIAL_SHAFT_DISTAL);
        Optional<Point2> plm = landmarks.point(side, LimbLandmark.PLAFOND_MEDIAL);
        Optional<Point2> pll = landmarks.point(side, LimbLandmark.PLAFOND_LATERAL);
        if (fp.isPresent() && fd.isPresent() && !fp.get().equals(fd.get())) {
            add(OverlayGroup.ANATOMICAL_AXES, OverlayRole.ANATOMICAL_AXIS, extended(fp.get(), fd.get(), LINE_EXTENSION),
                    s + "femoralShaftAxis");
        }
        if (tp.isPresent() && td.isPresent() && !tp.get().equals(td.get())) {
            add(OverlayGroup.ANATOMICAL_AXES, OverlayRole.ANATOMICAL_AXIS, extended(tp.get(), td.get(), LINE_EXTENSION),
                    s + "tibialShaftAxis");
        }
        if (gt.isPresent() && h.isPresent() && !gt.get().equals(h.get())) {
            add(OverlayGroup.JOINT_LINES, OverlayRole.JOINT_LINE, LineSegment.of(gt.get(), h.get()),
                    s + "trochanterHeadLine");
        }
        if (plm.isPresent() && pll.isPresent() && !plm.get().equals(pll.get())) {
            add(OverlayGroup.JOINT_LINES, OverlayRole.JOINT_LINE, extended(plm.get(), pll.get(), LINE_EXTENSION),
                    s + "ankleJointLine");
        }

        double radius = arcRadius(h, k, a);
        // Every angle with an arc in its definition: HKA, mLDFA, MPTA and the extended set.
        for (LimbMeasure lm : LimbMeasure.values()) {
            lm.definition().construction().ifPresent(c -> measurement(side, lm).ifPresent(m ->
                    angleArc(side, h, c, lm.definition().key(), m, radius)));
        }
        // Load line H-A and the MAD perpendicular from K.
        measurement(side, LimbMeasure.MAD).ifPresent(m -> {
            Point2 hh = h.orElseThrow();
            Point2 aa = a.orElseThrow();
            Point2 kk = k.orElseThrow();
            add(OverlayGroup.LOAD_LINE, OverlayRole.CONSTRUCTION, LineSegment.of(hh, aa), s + "loadLine");
            Point2 foot = Line2.through(hh, aa).project(kk);
            if (!foot.equals(kk)) {
                add(OverlayGroup.LOAD_LINE, OverlayRole.MEASUREMENT, LineSegment.of(kk, foot), m.id().id());
            }
            // the word carries the direction, the number the distance (no sign: "MAD 2.4 mm lateral")
            String where = m.value() > 0 ? " medial" : m.value() < 0 ? " lateral" : "";
            // The label sits on the H-A line above the knee, on the lateral side (the medial side faces the
            // other leg and its label): the knee itself is crowded
            // with joint-line landmarks and the mLDFA/MPTA/HKA labels.
            Point2 labelAt = foot.plus(aa.vectorTo(hh).normalized().times(MAD_LABEL_OFFSET * radius));
            add(OverlayGroup.LOAD_LINE, OverlayRole.MEASUREMENT,
                    TextLabel.of(labelAt, "MAD " + oneDecimal(Math.abs(m.value())) + " " + (m.unit() == Unit.MM ? "mm" : "px")
                            + where, lateral(side, TextAnchor.CENTER)), m.id().id());
        });
        // Lengths beside the axes, on the lateral side.
        measurement(side, LimbMeasure.FEMUR_LENGTH).ifPresent(m -> add(OverlayGroup.LENGTHS, OverlayRole.MEASUREMENT,
                TextLabel.of(h.orElseThrow().midpoint(k.orElseThrow()), "femur " + length(m),
                        lateral(side, TextAnchor.CENTER)), m.id().id()));
        measurement(side, LimbMeasure.TIBIA_LENGTH).ifPresent(m -> add(OverlayGroup.LENGTHS, OverlayRole.MEASUREMENT,
                TextLabel.of(k.orElseThrow().midpoint(a.orElseThrow()), "tibia " + length(m),
                        lateral(side, TextAnchor.CENTER)), m.id().id()));
        measurement(side, LimbMeasure.LEG_LENGTH).ifPresent(m -> add(OverlayGroup.LENGTHS, OverlayRole.MEASUREMENT,
                TextLabel.of(a.orElseThrow(), "leg " + length(m), TextAnchor.SOUTH), m.id().id()));
        measurement(side, LimbMeasure.FULL_LEG_LENGTH).ifPresent(m -> add(OverlayGroup.LENGTHS, OverlayRole.MEASUREMENT,
                TextLabel.of(landmarks.point(side, LimbLandmark.FEMORAL_HEAD_TOP).orElseThrow(), "full leg " + length(m),
                        TextAnchor.NORTH), m.id().id()));
    }

    private Optional<Measurement> measurement(Side side, LimbMeasure m) {
        return measurements.get(MeasurementId.limb(side, m)).filter(x -> x.number().isPresent());
    }

    /** {@link #ARC_FRACTION} of the shorter of H–K and K–A (whichever exist), at least 4 px. */
    private static double arcRadius(Optional<Point2> h, Optional<Point2> k, Optional<Point2> a) {
        double shortest = Double.POSITIVE_INFINITY;
        if (h.isPresent() && k.isPresent()) {
            shortest = Math.min(shortest, h.get().distanceTo(k.get()));
        }
        if (k.isPresent() && a.isPresent()) {
            shortest = Math.min(shortest, k.get().distanceTo(a.get()));
        }
        return Double.isFinite(shortest) ? Math.max(4, ARC_FRACTION * shortest) : 40;
    }

    /**
     * The arc of an angle from its definition's construction: let V be where the line of u (uFrom–uTo)
     * meets the line of v (vFrom–vTo); the arc at V spans from direction u to direction v, so it spans
     * the measured value. Lines through a common landmark meet there; lines that are parallel, or meet
     * further from the landmarks than the landmarks are spread, fall back to uFrom. A line that
     * ends short of V is carried on to V as a dashed construction line. A deviation (HKA, aTFA) also
     * draws u's line on past V and says varus or valgus.
     */
    private void angleArc(Side side, Optional<Point2> head, MeasurementDefinition.AngleConstruction c, String name,
                          Measurement m, double baseRadius) {
        Point2 u0 = at(side, head, c.uFrom());
        Point2 u1 = at(side, head, c.uTo());
        Point2 v0 = at(side, head, c.vFrom());
        Point2 v1 = at(side, head, c.vTo());
        Vector2 u = u0.vectorTo(u1);
        Vector2 v = v0.vectorTo(v1);
        Optional<Point2> shared = c.uFrom() == c.vFrom() || c.uFrom() == c.vTo() ? Optional.of(u0)
                : c.uTo() == c.vFrom() || c.uTo() == c.vTo() ? Optional.of(u1) : Optional.empty();
        double spread = Math.max(Math.max(u0.distanceTo(u1), v0.distanceTo(v1)),
                Math.max(u0.distanceTo(v0), u1.distanceTo(v1)));
        // Two lines through one landmark meet there: take it exactly rather than a rounded intersection.
        Point2 vertex = shared.orElseGet(() -> Line2.through(u0, u1).intersection(Line2.through(v0, v1))
                .filter(x -> Math.min(Math.min(x.distanceTo(u0), x.distanceTo(u1)),
                        Math.min(x.distanceTo(v0), x.distanceTo(v1))) <= spread)
                .orElse(u0));
        String source = m.id().id();
        // Angles that need optional landmarks form their own group, so the knee can be decluttered.
        OverlayGroup group = m.id().definition().isOptional() ? OverlayGroup.EXTENDED_ANGLES : OverlayGroup.ANGLES;
        reachVertex(group, u0, u1, vertex, source);
        reachVertex(group, v0, v1, vertex, source);
        double radius = baseRadius * c.radiusFactor();
        String label = name + " " + degrees(m.value());
        if (c.deviation()) {
            Point2 beyond = vertex.plus(u.normalized().times(radius * 1.4));
            add(group, OverlayRole.CONSTRUCTION, LineSegment.of(vertex, beyond), source);
            // a deviation reads as its size and direction, "HKA 6.0° varus": the word carries the sign
            double deg = m.value();
            String word = degrees(Math.abs(deg)).equals(degrees(0)) ? "" : deg < 0 ? " varus" : " valgus";
            label = name + " " + degrees(word.isEmpty() ? 0 : Math.abs(deg)) + word;
        }
        arcWithLabel(group, ArcShape.between(vertex, vertex.plus(u), vertex.plus(v), radius), label, source);
    }

    /** A dashed line from the nearer of p and q to {@code vertex} when the vertex lies outside p–q. */
    private void reachVertex(OverlayGroup group, Point2 p, Point2 q, Point2 vertex, String source) {
        Vector2 d = p.vectorTo(q);
        double t = d.dot(p.vectorTo(vertex)) / d.dot(d);
        if (t < -1e-9 || t > 1 + 1e-9) {
            Point2 near = t < 0 ? p : q;
            if (!near.equals(vertex)) {
                add(group, OverlayRole.CONSTRUCTION, LineSegment.of(near, vertex), source);
            }
        }
    }

    /** The point of landmark {@code l} of {@code side}; the femoral head centre may be fitted. */
    private Point2 at(Side side, Optional<Point2> head, LimbLandmark l) {
        return l == LimbLandmark.FEMORAL_HEAD_CENTER ? head.orElseThrow() : landmarks.point(side, l).orElseThrow();
    }

    private void arcWithLabel(OverlayGroup group, ArcShape arc, String text, String source) {
        add(group, OverlayRole.MEASUREMENT, arc, source);
        double mid = Math.toRadians(arc.middleDeg());
        // Screen angle -> image direction: (cos, -sin).
        TextAnchor placement = TextAnchor.toward(Math.cos(mid), -Math.sin(mid));
        add(group, OverlayRole.MEASUREMENT, TextLabel.of(arc.pointAt(arc.middleDeg()), text, placement), source);
    }

    // ---- spine ---------------------------------------------------------------------------------

    private void vertebrae() {
        for (Map.Entry<SpineLevel, Vertebra> e : landmarks.vertebrae().entrySet()) {
            Vertebra v = e.getValue();
            String id = e.getKey().name();
            Point2[] corners = {v.topLeft(), v.topRight(), v.bottomRight(), v.bottomLeft()};
            for (int i = 0; i < 4; i++) {
                Point2 p = corners[i];
                Point2 q = corners[(i + 1) % 4];
                if (!p.equals(q)) {
                    add(OverlayGroup.VERTEBRAE, OverlayRole.LANDMARK, LineSegment.of(p, q), id);
                }
            }
            add(OverlayGroup.VERTEBRAE, OverlayRole.LANDMARK, TextLabel.of(v.leftMid(), id, TextAnchor.WEST), id);
            String[] names = {"topLeft", "topRight", "bottomRight", "bottomLeft"};
            for (int i = 0; i < 4; i++) {
                add(OverlayGroup.LANDMARKS, OverlayRole.LANDMARK, new PointMark(corners[i], id + "." + names[i]), id);
            }
        }
    }

    private void cobbLines() {
        Optional<CobbLines> lines = landmarks.cobbLines();
        Optional<Measurement> cobb = measurements.get(MeasurementId.COBB);
        if (lines.isEmpty()) {
            return;
        }
        CobbLines c = lines.get();
        String id = MeasurementId.COBB.id();
        add(OverlayGroup.COBB, OverlayRole.JOINT_LINE, LineSegment.of(c.upper().start(), c.upper().end()), id);
        add(OverlayGroup.COBB, OverlayRole.JOINT_LINE, LineSegment.of(c.lower().start(), c.lower().end()), id);
        add(OverlayGroup.LANDMARKS, OverlayRole.LANDMARK, new PointMark(c.upper().start(), "cobbLines.upper.start"), id);
        add(OverlayGroup.LANDMARKS, OverlayRole.LANDMARK, new PointMark(c.upper().end(), "cobbLines.upper.end"), id);
        add(OverlayGroup.LANDMARKS, OverlayRole.LANDMARK, new PointMark(c.lower().start(), "cobbLines.lower.start"), id);
        add(OverlayGroup.LANDMARKS, OverlayRole.LANDMARK, new PointMark(c.lower().end(), "cobbLines.lower.end"), id);
        cobb.filter(m -> m.number().isPresent()).ifPresent(m -> {
            double right = Math.max(Math.max(c.upper().start().x(), c.upper().end().x()),
                    Math.max(c.lower().start().x(), c.lower().end().x()));
            double midY = (c.upper().midpoint().y() + c.lower().midpoint().y()) / 2;
            add(OverlayGroup.COBB, OverlayRole.MEASUREMENT,
                    TextLabel.of(Point2.of(right, midY), "Cobb " + degrees(m.value()), TextAnchor.EAST), id);
        });
    }

    private void spineCurves() {
        Optional<Measurement> major = measurements.get(MeasurementId.COBB_MAJOR);
        if (major.isEmpty() || major.get().from().isEmpty()) {
            return;
        }
        double right = landmarks.vertebrae().values().stream()
                .mapToDouble(v -> Math.max(v.topRight().x(), v.bottomRight().x())).max().orElse(0);
        Measurement m = major.get();
        Vertebra upper = landmarks.vertebra(m.from().get()).orElseThrow();
        Vertebra lower = landmarks.vertebra(m.to().get()).orElseThrow();
        String id = m.id().id();
        add(OverlayGroup.COBB, OverlayRole.JOINT_LINE, extended(upper.leftMid(), upper.rightMid(), 0.6), id);
        add(OverlayGroup.COBB, OverlayRole.JOINT_LINE, extended(lower.leftMid(), lower.rightMid(), 0.6), id);
        for (MeasurementId curveId : List.of(MeasurementId.COBB_MAJOR, MeasurementId.COBB_UPPER,
                MeasurementId.COBB_LOWER)) {
            measurements.get(curveId).filter(c -> c.from().isPresent()).ifPresent(c -> {
                Vertebra a = landmarks.vertebra(c.from().get()).orElseThrow();
                Vertebra b = landmarks.vertebra(c.to().get()).orElseThrow();
                double y = (a.leftMid().midpoint(a.rightMid()).y() + b.leftMid().midpoint(b.rightMid()).y()) / 2;
                String name = curveId == MeasurementId.COBB_MAJOR ? "Major" : curveId == MeasurementId.COBB_UPPER
                        ? "Upper" : "Lower";
                add(OverlayGroup.COBB, OverlayRole.MEASUREMENT, TextLabel.of(Point2.of(right, y),
                        name + " " + degrees(c.value()) + " (" + c.from().get() + "–" + c.to().get() + ")",
                        TextAnchor.EAST), curveId.id());
            });
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void add(OverlayGroup group, OverlayRole role, OverlayShape shape, String source) {
        items.add(OverlayItem.of(group, role, shape, source));
    }

    /** The segment p–q lengthened by {@code fraction} of its length beyond each end (p != q). */
    static LineSegment extended(Point2 p, Point2 q, double fraction) {
        Vector2 d = p.vectorTo(q).times(fraction);
        return LineSegment.of(p.plus(d.negate()), q.plus(d));
    }

    /**
     * The placement on the lateral side of {@code side}'s leg (right leg: lateral is -x, so WEST),
     * keeping the vertical part of {@code vertical}.
     */
    private static TextAnchor lateral(Side side, TextAnchor vertical) {
        return TextAnchor.toward(-side.medialSign(), vertical.dy());
    }

    /** One decimal and a degree sign, with a true minus sign: "−2.9°" (never "−0.0°"). */
    static String degrees(double deg) {
        return oneDecimal(deg) + "°";
    }

    /** One decimal and the unit: "420.3 mm" or "812.0 px". */
    static String length(Measurement m) {
        return oneDecimal(m.value()) + " " + (m.unit() == Unit.MM ? "mm" : "px");
    }

    /** {@code v} with one decimal, a true minus sign (U+2212), and no negative zero. */
    public static String oneDecimal(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        if (s.equals("-0.0")) {
            return "0.0";
        }
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }
}
