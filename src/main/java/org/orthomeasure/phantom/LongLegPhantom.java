package org.orthomeasure.phantom;

import org.orthomeasure.core.calibration.CalibrationRules;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Protocol;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.io.landmarks.ImageSize;
import org.orthomeasure.io.landmarks.LandmarkDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bilateral standing AP long-leg film: pelvis, femora (head, neck, trochanter, cortex and marrow,
 * condyles), patellae, tibiae, fibulae, tali and soft tissue, with a mild varus knee on the left.
 * Calibrated like a real stitched DR film: Imager Pixel Spacing 0.3 mm with an Estimated Radiographic
 * Magnification Factor of 1.1 (object-plane spacing 0.3 / 1.1 = 0.2727 mm).
 *
 * <p>The joint lines are built from target angles (mLDFA, MPTA, spec measurements.md "Lower limb"),
 * so the film's true values are known: right leg HKA about -0.9 deg, left about -6.2 deg (varus,
 * tibial origin: MPTA 84 deg).
 */
public final class LongLegPhantom {

    static final int WIDTH = 1500;
    static final int HEIGHT = 4400;
    static final double IMAGER_SPACING_MM = 0.3;
    static final double MAGNIFICATION = 1.1;
    /** Soft tissue, cancellous and cortical bone, per mm of path. */
    private static final double MU_SOFT = 0.004;
    private static final double MU_BONE = 0.018;
    private static final double MU_CORTEX = 0.035;

    private final AttenuationCanvas canvas;
    private final double midlineMm = WIDTH / 2.0 / pxPerMm();

    private LongLegPhantom() {
        this.canvas = new AttenuationCanvas(WIDTH, HEIGHT, pxPerMm());
    }

    private static double pxPerMm() {
        return MAGNIFICATION / IMAGER_SPACING_MM;
    }

    /** The film, drawn with noise seed {@code seed}. */
    public static PhantomFilm create(long seed) {
        return new LongLegPhantom().draw(seed);
    }

    /** One leg's geometry in pixels. */
    private record Leg(Side side, Point2 hip, Point2 knee, Point2 ankle, Point2 condyleMedial, Point2 condyleLateral,
                       Point2 plateauMedial, Point2 plateauLateral, Point2 plafondMedial, Point2 plafondLateral,
                       Point2 trochanter, double headRadiusMm, int lateral) {
    }

    private Point2 mm(double x, double y) {
        return Point2.of(canvas.px(x), canvas.px(y));
    }

    /**
     * Builds one leg. {@code lateral} is the image x direction of the leg's lateral side (-1 for R,
     * which lies on the image's left, +1 for L); {@code kneeShiftMm} moves the knee laterally off the
     * hip-ankle line (varus).
     */
    private Leg leg(Side side, double kneeShiftMm, double mldfa, double mpta) {
        int lat = side == Side.R ? -1 : 1;
        Point2 hip = mm(midlineMm + lat * 92, 190);
        Point2 ankle = mm(midlineMm + lat * 60, 990);
        double t = (610 - 190) / (990.0 - 190);
        Point2 onLine = Point2.of(hip.x() + t * (ankle.x() - hip.x()), canvas.px(610));
        Point2 knee = Point2.of(onLine.x() + lat * canvas.px(kneeShiftMm), onLine.y());
        // femoral joint line: at angle mLDFA from the upward axis, towards lateral
        double[] up = unit(hip.x() - knee.x(), hip.y() - knee.y());
        double[] latPerp = perpendicular(up, lat);
        double a = Math.toRadians(mldfa);
        double[] dFem = {Math.cos(a) * up[0] + Math.sin(a) * latPerp[0], Math.cos(a) * up[1] + Math.sin(a) * latPerp[1]};
        Point2 femCentre = along(knee, up, -4);
        Point2 condyleLateral = along(femCentre, dFem, 22);
        Point2 condyleMedial = along(femCentre, dFem, -22);
        // tibial plateau line: at angle MPTA from the downward axis, towards medial
        double[] down = unit(ankle.x() - knee.x(), ankle.y() - knee.y());
        double[] medPerp = perpendicular(down, -lat);
        double b = Math.toRadians(mpta);
        double[] dTib = {Math.cos(b) * down[0] + Math.sin(b) * medPerp[0], Math.cos(b) * down[1] + Math.sin(b) * medPerp[1]};
        Point2 tibCentre = along(knee, down, 8);
        Point2 plateauMedial = along(tibCentre, dTib, 24);
        Point2 plateauLateral = along(tibCentre, dTib, -24);
        double[] medAnkle = perpendicular(down, -lat);
        Point2 plafondMedial = along(ankle, medAnkle, 15);
        Point2 plafondLateral = along(ankle, medAnkle, -15);
        Point2 trochanter = Point2.of(hip.x() + lat * canvas.px(58), hip.y() + canvas.px(6));
        return new Leg(side, hip, knee, ankle, condyleMedial, condyleLateral, plateauMedial, plateauLateral,
                plafondMedial, plafondLateral, trochanter, 24, lat);
    }

    private PhantomFilm draw(long seed) {
        Leg right = leg(Side.R, 3, 87.5, 87.5);
        Leg left = leg(Side.L, 21, 89, 84);
        pelvis(right, left);
        for (Leg leg : List.of(right, left)) {
            softTissue(leg);
            femur(leg);
            tibiaAndFoot(leg);
        }
        short[] pixels = canvas.expose(12, 120, 3600, 7, seed);
        LandmarkSet set = LandmarkSet.empty();
        for (Leg leg : List.of(right, left)) {
            set = set.withPoint(leg.side(), LimbLandmark.FEMORAL_HEAD_CENTER, leg.hip())
                    .withPoint(leg.side(), LimbLandmark.KNEE_CENTER, leg.knee())
                    .withPoint(leg.side(), LimbLandmark.ANKLE_CENTER, leg.ankle())
                    .withPoint(leg.side(), LimbLandmark.FEMORAL_CONDYLE_MEDIAL, leg.condyleMedial())
                    .withPoint(leg.side(), LimbLandmark.FEMORAL_CONDYLE_LATERAL, leg.condyleLateral())
                    .withPoint(leg.side(), LimbLandmark.TIBIAL_PLATEAU_MEDIAL, leg.plateauMedial())
                    .withPoint(leg.side(), LimbLandmark.TIBIAL_PLATEAU_LATERAL, leg.plateauLateral())
                    .withPoint(leg.side(), LimbLandmark.GREATER_TROCHANTER_TIP, leg.trochanter())
                    .withPoint(leg.side(), LimbLandmark.PLAFOND_MEDIAL, leg.plafondMedial())
                    .withPoint(leg.side(), LimbLandmark.PLAFOND_LATERAL, leg.plafondLateral())
                    .withPoint(leg.side(), LimbLandmark.FEMORAL_HEAD_TOP,
                            Point2.of(leg.hip().x(), leg.hip().y() - canvas.px(leg.headRadiusMm())))
                    .withPoint(leg.side(), LimbLandmark.FEMORAL_SHAFT_PROXIMAL, femoralShaft(leg, 1 / 3.0))
                    .withPoint(leg.side(), LimbLandmark.FEMORAL_SHAFT_DISTAL, femoralShaft(leg, 2 / 3.0))
                    .withPoint(leg.side(), LimbLandmark.TIBIAL_SHAFT_PROXIMAL, tibialShaft(leg, 1 / 3.0))
                    .withPoint(leg.side(), LimbLandmark.TIBIAL_SHAFT_DISTAL, tibialShaft(leg, 2 / 3.0))
                    .withHeadRim(leg.side(), headRim(leg));
        }
        String ips = IMAGER_SPACING_MM + "\\" + IMAGER_SPACING_MM;
        PixelSpacing objectSpacing = CalibrationRules.fromDicom(null, ips, Double.toString(MAGNIFICATION), null, null)
                .spacing().orElseThrow();
        LandmarkDocument doc = LandmarkDocument.of(set).withPixelSpacing(objectSpacing)
                .withImageSize(ImageSize.of(WIDTH, HEIGHT)).withProtocol(Protocol.LONG_LEG);
        Map<String, String> attrs = new LinkedHashMap<>(PhantomDicom.commonAttributes("longleg", seed));
        attrs.put("ImagerPixelSpacing", ips);
        attrs.put("EstimatedRadiographicMagnificationFactor", Double.toString(MAGNIFICATION));
        attrs.put("BodyPartExamined", "LOWER LIMB");
        attrs.put("AnatomicRegionSequence", "61685007^SCT^Lower limb");
        attrs.put("ImageLaterality", "B");                  // both legs
        attrs.put("ViewPosition", "AP");
        attrs.put("PatientName", "Phantom^Long Leg");
        attrs.put("PatientID", "PHANTOM-LL-1");
        attrs.put("SeriesDescription", "Synthetic bilateral standing long-leg AP (left varus)");
        attrs.put("WindowCenter", "1900");
        attrs.put("WindowWidth", "3000");
        attrs.put("WindowCenterWidthExplanation", "BONE");
        return new PhantomFilm("longleg-phantom", WIDTH, HEIGHT, pixels, 12, attrs, doc);
    }

    private List<Point2> headRim(Leg leg) {
        List<Point2> rim = new ArrayList<>();
        double r = canvas.px(leg.headRadiusMm());
        for (double deg : new double[]{200, 235, 270, 305, 340}) {
            double a = Math.toRadians(deg);
            rim.add(Point2.of(leg.hip().x() + r * Math.cos(a), leg.hip().y() + r * Math.sin(a)));
        }
        return rim;
    }

    private void pelvis(Leg right, Leg left) {
        double mid = canvas.px(midlineMm);
        canvas.ellipsoid(mm(midlineMm, 170), 185, 125, 110, 0, MU_SOFT);                  // pelvic soft tissue
        canvas.bone().ellipsoid(mm(midlineMm, 105), 42, 62, 16, 0, 1.5).add(MU_CORTEX, MU_BONE);   // sacrum
        for (Leg leg : List.of(right, left)) {
            int lat = leg.lateral();
            Point2 h = leg.hip();
            canvas.bone()
                    .ellipsoid(mm(midlineMm + lat * 95, 108), 80, 55, 6, Math.toRadians(-lat * 28), 1.5)  // iliac wing
                    .capsule(mm(midlineMm + lat * 118, 60), mm(midlineMm + lat * 168, 122), 5, 5, 2)     // crest
                    .ellipsoid(Point2.of(h.x() - lat * canvas.px(4), h.y() - canvas.px(14)), 36, 22, 12, 0, 2) // acetabular roof
                    .capsule(Point2.of(mid + lat * canvas.px(12), canvas.px(262)),
                            Point2.of(h.x() - lat * canvas.px(18), h.y() + canvas.px(22)), 8, 10, 1.5)  // superior pubic ramus
                    .ellipsoid(Point2.of(h.x() - lat * canvas.px(22), h.y() + canvas.px(78)), 17, 24, 14, 0, 2) // ischium
                    .capsule(Point2.of(mid + lat * canvas.px(14), canvas.px(285)),
                            Point2.of(h.x() - lat * canvas.px(22), h.y() + canvas.px(90)), 6, 7, 1.5)   // inferior ramus
                    .add(MU_CORTEX, MU_BONE);
        }
    }

    private void softTissue(Leg leg) {
        int lat = leg.lateral();
        Point2 thighTop = Point2.of(leg.hip().x() + lat * canvas.px(12), leg.hip().y() + canvas.px(10));
        canvas.capsule(thighTop, leg.knee(), 82, 52, MU_SOFT);
        // one tapered capsule per segment: capsules sharing an end would count the overlap twice
        canvas.capsule(Point2.of(leg.knee().x(), leg.knee().y() + canvas.px(40)), leg.ankle(), 50, 28, MU_SOFT);
        Point2 calf = Point2.of((leg.knee().x() * 2 + leg.ankle().x()) / 3, (leg.knee().y() * 2 + leg.ankle().y()) / 3);
        canvas.ellipsoid(Point2.of(calf.x() - lat * canvas.px(6), calf.y()), 30, 110, 25, 0, MU_SOFT);  // calf muscles
        canvas.ellipsoid(Point2.of(leg.ankle().x() - lat * canvas.px(4), leg.ankle().y() + canvas.px(55)),
                42, 62, 45, 0, MU_SOFT); // foot (seen end-on)
    }

    /** The start of the femoral shaft's axis (the top of the drawn shaft capsule). */
    private Point2 femoralShaftTop(Leg leg) {
        return Point2.of(leg.hip().x() + leg.lateral() * canvas.px(42), leg.hip().y() + canvas.px(52));
    }

    /** The end of the femoral shaft's axis, above the metaphysis. */
    private Point2 femoralShaftBottom(Leg leg) {
        return along(leg.knee(), unit(leg.hip().x() - leg.knee().x(), leg.hip().y() - leg.knee().y()), 85);
    }

    /** The point a fraction {@code t} down the femoral shaft's axis: midway between its cortices. */
    private Point2 femoralShaft(Leg leg, double t) {
        Point2 a = femoralShaftTop(leg);
        Point2 b = femoralShaftBottom(leg);
        return Point2.of(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()));
    }

    /** The ends of the tibial shaft's axis (the drawn shaft capsule). */
    private Point2[] tibialShaftEnds(Leg leg) {
        double[] down = unit(leg.ankle().x() - leg.knee().x(), leg.ankle().y() - leg.knee().y());
        Point2 plateau = leg.plateauMedial().midpoint(leg.plateauLateral());
        return new Point2[] {along(plateau, down, 35), along(leg.ankle(), down, -40)};
    }

    /** The point a fraction {@code t} down the tibial shaft's axis: midway between its cortices. */
    private Point2 tibialShaft(Leg leg, double t) {
        Point2[] e = tibialShaftEnds(leg);
        return Point2.of(e[0].x() + t * (e[1].x() - e[0].x()), e[0].y() + t * (e[1].y() - e[0].y()));
    }

    private void femur(Leg leg) {
        int lat = leg.lateral();
        Point2 h = leg.hip();
        double[] up = unit(h.x() - leg.knee().x(), h.y() - leg.knee().y());
        double r = leg.headRadiusMm();
        Point2 neckBase = Point2.of(h.x() + lat * canvas.px(40), h.y() + canvas.px(44));
        Point2 shaftTop = femoralShaftTop(leg);
        AttenuationCanvas.Bone femur = canvas.bone()
                .ellipsoid(h, r, r, r, 0, 1.5)                                                         // head
                .capsule(h, neckBase, 14, 17, 2)                                                       // neck
                .ellipsoid(Point2.of(h.x() + lat * canvas.px(46), h.y() + canvas.px(40)), 21, 36, 18,
                        Math.toRadians(lat * 8), 2)                                                    // trochanters
                .ellipsoid(Point2.of(h.x() + lat * canvas.px(24), h.y() + canvas.px(64)), 9, 11, 9, 0, 1.5) // lesser trochanter
                .capsule(shaftTop, femoralShaftBottom(leg), 15, 15, 5.5)                               // shaft
                .ellipsoid(along(leg.knee(), up, 34), 38, 30, 22, 0, 1.5);                             // metaphysis
        for (Point2 c : List.of(leg.condyleMedial(), leg.condyleLateral())) {
            femur.ellipsoid(along(c, up, 17), 16, 17, 22, 0, 1.5);                                    // condyles
        }
        femur.add(MU_CORTEX, MU_BONE);
        canvas.ellipsoid(along(leg.knee(), up, 8), 7, 11, 10, 0, -MU_BONE);                  // intercondylar notch
        canvas.bone().ellipsoid(along(leg.knee(), up, 14), 21, 24, 9, 0, 1).add(MU_CORTEX, MU_BONE * 0.8); // patella
    }

    private void tibiaAndFoot(Leg leg) {
        int lat = leg.lateral();
        double[] down = unit(leg.ankle().x() - leg.knee().x(), leg.ankle().y() - leg.knee().y());
        Point2 plateau = leg.plateauMedial().midpoint(leg.plateauLateral());
        double tilt = Math.atan2(leg.plateauLateral().y() - leg.plateauMedial().y(),
                leg.plateauLateral().x() - leg.plateauMedial().x());
        canvas.bone()
                .ellipsoid(along(plateau, down, 20), 39, 21, 24, tilt, 1.5)                              // proximal tibia
                .capsule(tibialShaftEnds(leg)[0], tibialShaftEnds(leg)[1], 16, 12, 5)                   // shaft
                .ellipsoid(along(leg.ankle(), down, -18), 21, 19, 20, 0, 1.5)                            // distal tibia
                .ellipsoid(Point2.of(leg.plafondMedial().x() - lat * canvas.px(5), leg.ankle().y() + canvas.px(4)),
                        6, 14, 10, 0, 1.5)                                                               // medial malleolus
                .add(MU_CORTEX, MU_BONE);
        Point2 fibTop = Point2.of(plateau.x() + lat * canvas.px(30), plateau.y() + canvas.px(22));
        Point2 fibBottom = Point2.of(leg.ankle().x() + lat * canvas.px(24), leg.ankle().y() + canvas.px(6));
        canvas.bone().ellipsoid(fibTop, 10, 9, 9, 0, 1.5).capsule(fibTop, fibBottom, 6, 5.5, 2.5)
                .ellipsoid(fibBottom, 7, 12, 8, 0, 1.5).add(MU_CORTEX, MU_BONE);                       // fibula
        canvas.bone().ellipsoid(Point2.of(leg.ankle().x(), leg.ankle().y() + canvas.px(16)), 18, 13, 18, 0, 1.5)
                .add(MU_CORTEX, MU_BONE);                                                                // talus
        canvas.bone().ellipsoid(Point2.of(leg.ankle().x() - lat * canvas.px(2), leg.ankle().y() + canvas.px(50)),
                22, 22, 28, 0, 1.5).add(MU_CORTEX, MU_BONE * 0.9);                                      // tarsals
    }

    private Point2 along(Point2 p, double[] dir, double mm) {
        return Point2.of(p.x() + dir[0] * canvas.px(mm), p.y() + dir[1] * canvas.px(mm));
    }

    private static double[] unit(double x, double y) {
        double n = Math.hypot(x, y);
        return new double[]{x / n, y / n};
    }

    /** The unit perpendicular of {@code v} whose x component has the sign of {@code xSign}. */
    private static double[] perpendicular(double[] v, int xSign) {
        double[] p = {-v[1], v[0]};
        return Math.signum(p[0]) == xSign ? p : new double[]{v[1], -v[0]};
    }
}
