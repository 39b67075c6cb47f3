package org.orthomeasure.core.plausibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Angles;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Vector2;
import org.orthomeasure.core.landmarks.FemoralHead;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;

/**
 * Plausibility rules for the landmarks of an AP long-leg film, per leg. Pure: the same flags for a
 * translated, rotated or mirrored reading, since every rule is a ratio of lengths or an angle measured
 * along the leg's own axis (hip centre H to ankle centre A, or H to the knee centre K when A is
 * missing), never along the image axes. Distances are reported in mm when a spacing is given, else px.
 *
 * <p>Limits (chosen wide, so that a flag means a misplaced point, not an unusual knee):
 * <ul>
 *   <li>knee points (condyles, plateau) within {@value #MAX_KNEE_POINT_FRACTION} × |HK| of K (about
 *       90 mm for a 450 mm femur; the knee is about 80 mm wide); plafond points within
 *       {@value #MAX_ANKLE_POINT_FRACTION} × |HK| of A; the top of the femoral head within
 *       {@value #MAX_HEAD_TOP_FRACTION} × |HK| of H and the greater trochanter within
 *       {@value #MAX_TROCHANTER_FRACTION} × |HK| of H;</li>
 *   <li>a condyle point no more than {@value #CONDYLE_TOLERANCE_FRACTION} × |HK| (about 2 mm) distal
 *       to the plateau point of its compartment, along the leg axis;</li>
 *   <li>the condylar line FCm–FCl and the plateau line TPm–TPl within {@value #MAX_JLCA_DEG}° of
 *       each other (|JLCA|; normal 0–2°, measurements.md);</li>
 *   <li>femur length |HK| over tibia length |KA| within [{@value #MIN_FEMUR_TIBIA_RATIO},
 *       {@value #MAX_FEMUR_TIBIA_RATIO}] (adults about 1.2);</li>
 *   <li>K between H and A along the axis H→A.</li>
 * </ul>
 * A rule whose landmarks are not all placed is not applied.
 */
public final class LimbPlausibility {

    public static final double MAX_KNEE_POINT_FRACTION = 0.2;
    public static final double MAX_ANKLE_POINT_FRACTION = 0.15;
    public static final double MAX_HEAD_TOP_FRACTION = 0.15;
    public static final double MAX_TROCHANTER_FRACTION = 0.3;
    public static final double CONDYLE_TOLERANCE_FRACTION = 0.005;
    public static final double MAX_JLCA_DEG = 10;
    public static final double MIN_FEMUR_TIBIA_RATIO = 0.8;
    public static final double MAX_FEMUR_TIBIA_RATIO = 1.8;

    private LimbPlausibility() {
    }

    /** The flags of both legs, right leg first, each leg in the order of the rules. */
    public static List<PlausibilityFlag> check(LandmarkSet set, Optional<PixelSpacing> spacing) {
        List<PlausibilityFlag> flags = new ArrayList<>();
        for (Side side : Side.values()) {
            flags.addAll(check(set, side, spacing));
        }
        return flags;
    }

    /** The flags of one leg. */
    public static List<PlausibilityFlag> check(LandmarkSet set, Side side, Optional<PixelSpacing> spacing) {
        List<PlausibilityFlag> flags = new ArrayList<>();
        Optional<Point2> h = set.femoralHead(side).map(FemoralHead::center);
        Optional<Point2> k = set.point(side, LimbLandmark.KNEE_CENTER);
        Optional<Point2> a = set.point(side, LimbLandmark.ANKLE_CENTER);
        Leg leg = new Leg(set, side, spacing, flags);
        if (h.isEmpty() || k.isEmpty() || h.get().equals(k.get())) {
            leg.jointLines(); // needs no scale
            return flags;
        }
        double femur = h.get().distanceTo(k.get());
        // the leg's axis, proximal to distal
        Vector2 down = (a.isPresent() && !a.get().equals(h.get()) ? h.get().vectorTo(a.get()) : h.get().vectorTo(k.get()))
                .normalized();

        if (a.isPresent()) {
            double along = h.get().vectorTo(k.get()).dot(down);
            double rest = k.get().vectorTo(a.get()).dot(down);
            if (along <= 0 || rest <= 0) {
                flags.add(new PlausibilityFlag(PlausibilityFlag.Rule.KNEE_NOT_BETWEEN, side, key(side, LimbLandmark.KNEE_CENTER),
                        Optional.empty(), 0, 0, ""));
            }
        }
        for (LimbLandmark l : List.of(LimbLandmark.FEMORAL_CONDYLE_MEDIAL, LimbLandmark.FEMORAL_CONDYLE_LATERAL,
                LimbLandmark.TIBIAL_PLATEAU_MEDIAL, LimbLandmark.TIBIAL_PLATEAU_LATERAL)) {
            leg.near(l, LimbLandmark.KNEE_CENTER, k.get(), MAX_KNEE_POINT_FRACTION * femur);
        }
        if (a.isPresent()) {
            for (LimbLandmark l : List.of(LimbLandmark.PLAFOND_MEDIAL, LimbLandmark.PLAFOND_LATERAL)) {
                leg.near(l, LimbLandmark.ANKLE_CENTER, a.get(), MAX_ANKLE_POINT_FRACTION * femur);
            }
        }
        leg.near(LimbLandmark.FEMORAL_HEAD_TOP, LimbLandmark.FEMORAL_HEAD_CENTER, h.get(), MAX_HEAD_TOP_FRACTION * femur);
        leg.near(LimbLandmark.GREATER_TROCHANTER_TIP, LimbLandmark.FEMORAL_HEAD_CENTER, h.get(),
                MAX_TROCHANTER_FRACTION * femur);

        leg.condyleAbovePlateau(LimbLandmark.FEMORAL_CONDYLE_MEDIAL, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, down,
                CONDYLE_TOLERANCE_FRACTION * femur);
        leg.condyleAbovePlateau(LimbLandmark.FEMORAL_CONDYLE_LATERAL, LimbLandmark.TIBIAL_PLATEAU_LATERAL, down,
                CONDYLE_TOLERANCE_FRACTION * femur);
        leg.jointLines();

        if (a.isPresent() && !a.get().equals(k.get())) {
            double ratio = femur / k.get().distanceTo(a.get());
            if (ratio < MIN_FEMUR_TIBIA_RATIO || ratio > MAX_FEMUR_TIBIA_RATIO) {
                flags.add(new PlausibilityFlag(PlausibilityFlag.Rule.FEMUR_TIBIA_PROPORTION, side,
                        key(side, LimbLandmark.KNEE_CENTER), Optional.empty(), ratio,
                        ratio < MIN_FEMUR_TIBIA_RATIO ? MIN_FEMUR_TIBIA_RATIO : MAX_FEMUR_TIBIA_RATIO, ""));
            }
        }
        return flags;
    }

    private static LandmarkKey key(Side side, LimbLandmark l) {
        return LandmarkKey.of(side, l);
    }

    /** One leg's landmarks and the flags found so far. */
    private record Leg(LandmarkSet set, Side side, Optional<PixelSpacing> spacing, List<PlausibilityFlag> flags) {

        /** Flags {@code l} when it is farther than {@code maxPx} from {@code centre} (landmark {@code ref}). */
        void near(LimbLandmark l, LimbLandmark ref, Point2 centre, double maxPx) {
            set.point(side, l).ifPresent(p -> {
                if (p.distanceTo(centre) > maxPx) {
                    flags.add(new PlausibilityFlag(PlausibilityFlag.Rule.FAR_FROM_JOINT, side, key(side, l),
                            Optional.of(key(side, ref)), length(p.vectorTo(centre)), length(p.vectorTo(centre)
                            .normalized().times(maxPx)), spacing.isPresent() ? "mm" : "px"));
                }
            });
        }

        /** Flags the condyle when it lies more than {@code tolerancePx} distal to its plateau point along {@code down}. */
        void condyleAbovePlateau(LimbLandmark condyle, LimbLandmark plateau, Vector2 down, double tolerancePx) {
            Optional<Point2> c = set.point(side, condyle);
            Optional<Point2> p = set.point(side, plateau);
            if (c.isPresent() && p.isPresent()) {
                double below = p.get().vectorTo(c.get()).dot(down); // > 0: the condyle is distal to the plateau
                if (below > tolerancePx) {
                    flags.add(new PlausibilityFlag(PlausibilityFlag.Rule.CONDYLE_DISTAL_TO_PLATEAU, side, key(side, condyle),
                            Optional.of(key(side, plateau)), length(down.times(below)), length(down.times(tolerancePx)),
                            spacing.isPresent() ? "mm" : "px"));
                }
            }
        }

        /** Flags the plateau line when it is more than {@link #MAX_JLCA_DEG} from the condylar line. */
        void jointLines() {
            var fcm = set.point(side, LimbLandmark.FEMORAL_CONDYLE_MEDIAL);
            var fcl = set.point(side, LimbLandmark.FEMORAL_CONDYLE_LATERAL);
            var tpm = set.point(side, LimbLandmark.TIBIAL_PLATEAU_MEDIAL);
            var tpl = set.point(side, LimbLandmark.TIBIAL_PLATEAU_LATERAL);
            if (fcm.isEmpty() || fcl.isEmpty() || tpm.isEmpty() || tpl.isEmpty()
                    || fcm.get().equals(fcl.get()) || tpm.get().equals(tpl.get())) {
                return;
            }
            // the angle between two lines, 0..90°, from the directions medial -> lateral of each
            double deg = Angles.betweenDegrees(fcm.get().vectorTo(fcl.get()), tpm.get().vectorTo(tpl.get()));
            deg = Math.min(deg, 180 - deg);
            if (deg > MAX_JLCA_DEG) {
                flags.add(new PlausibilityFlag(PlausibilityFlag.Rule.JOINT_LINES_CONVERGE, side,
                        key(side, LimbLandmark.TIBIAL_PLATEAU_MEDIAL), Optional.of(key(side, LimbLandmark.FEMORAL_CONDYLE_MEDIAL)),
                        deg, MAX_JLCA_DEG, "°"));
            }
        }

        /** The length of an image vector in mm (with the spacing) or px. */
        double length(Vector2 v) {
            return spacing.map(s -> Math.hypot(v.x() * s.columnMm(), v.y() * s.rowMm())).orElse(v.length());
        }
    }
}
