package org.orthomeasure.phantom;

import org.orthomeasure.core.calibration.CalibrationRules;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Protocol;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.io.landmarks.ImageSize;
import org.orthomeasure.io.landmarks.LandmarkDocument;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AP spine film with a scoliotic S curve: 17 vertebral bodies T1-L5 (cortical rim, pedicles,
 * spinous processes) whose endplates are perpendicular to a curved spinal axis, ribs, lungs,
 * clavicles, pelvis and sacrum, soft tissue and noise. The axis tilt (degrees from vertical) is a
 * smooth cosine interpolation through (s, tilt) = (0, 3), (0.18, 12), (0.62, -20), (0.93, 10), (1, 7),
 * s from 0 (top of T1) to 1 (bottom of L5); {@code dx/dy = tan(tilt)} is integrated for the axis. The
 * extremes make a double curve: main thoracic about T4-T11 (about 32 deg) and lumbar T11-L4 (about
 * 30 deg). Calibrated in the file: Pixel Spacing 0.2 mm differing from Imager Pixel Spacing
 * 0.22 mm with Pixel Spacing Calibration Type GEOMETRY (decision order 4 of measurements.md).
 */
public final class SpinePhantom {

    static final int WIDTH = 1000;
    static final int HEIGHT = 2800;
    static final double SPACING_MM = 0.2;
    private static final double MU_SOFT = 0.004;
    private static final double MU_BONE = 0.016;
    private static final double MU_CORTEX = 0.03;
    private static final double TOP_MM = 62;
    private static final double[] HEIGHT_MM = {14, 15, 16, 17, 17.5, 18, 18.5, 19, 20, 21, 21.5, 22, 24, 25, 26, 26.5, 27};
    private static final double[] WIDTH_MM = {28, 28, 29, 30, 31, 32, 33, 34, 35, 37, 39, 41, 43, 45, 47, 49, 51};
    private static final double[] DISC_MM = {4, 4, 4.5, 4.5, 5, 5, 5, 5.5, 5.5, 6, 6.5, 8, 9, 9.5, 10, 10};

    private final AttenuationCanvas canvas = new AttenuationCanvas(WIDTH, HEIGHT, 1 / SPACING_MM);
    private final double x0Mm = WIDTH * SPACING_MM / 2;
    private final double lengthMm;

    private SpinePhantom() {
        double sum = 0;
        for (double h : HEIGHT_MM) {
            sum += h;
        }
        for (double d : DISC_MM) {
            sum += d;
        }
        lengthMm = sum;
    }

    public static PhantomFilm create(long seed) {
        return new SpinePhantom().draw(seed + 1);
    }

    private static final double[][] TILT_KNOTS = {{0, 3}, {0.18, 12}, {0.62, -20}, {0.93, 10}, {1, 7}};

    /** Axis tilt in degrees at {@code s} (0 = top of T1, 1 = bottom of L5): cosine interpolation of the knots. */
    static double tiltDegrees(double s) {
        double c = Math.max(0, Math.min(1, s));
        for (int i = 0; i + 1 < TILT_KNOTS.length; i++) {
            double[] a = TILT_KNOTS[i];
            double[] b = TILT_KNOTS[i + 1];
            if (c <= b[0]) {
                double t = (c - a[0]) / (b[0] - a[0]);
                return a[1] + (b[1] - a[1]) * (1 - StrictMath.cos(Math.PI * t)) / 2;
            }
        }
        return TILT_KNOTS[TILT_KNOTS.length - 1][1];
    }

    /** Lateral position (mm) of the spinal axis at height {@code yMm}: {@code x0 + integral of tan(tilt) dy} (0.25 mm steps). */
    private double axisX(double yMm) {
        double x = x0Mm;
        double step = 0.25;
        for (double y = TOP_MM; y < yMm; y += step) {
            double h = Math.min(step, yMm - y);
            x += h * StrictMath.tan(Math.toRadians(tiltDegrees((y + h / 2 - TOP_MM) / lengthMm)));
        }
        return x;
    }

    private PhantomFilm draw(long seed) {
        trunk();
        LandmarkSet set = LandmarkSet.empty();
        double y = TOP_MM;
        SpineLevel[] levels = SpineLevel.values();
        for (int i = 0; i < levels.length; i++) {
            double h = HEIGHT_MM[i];
            double w = WIDTH_MM[i];
            double yc = y + h / 2;
            double theta = Math.toRadians(tiltDegrees((yc - TOP_MM) / lengthMm));
            double[] v = {StrictMath.sin(theta), StrictMath.cos(theta)};     // along the axis, downwards
            double[] e = {StrictMath.cos(theta), -StrictMath.sin(theta)};    // along the endplates, to +x
            Point2 c = Point2.of(canvas.px(axisX(yc)), canvas.px(yc));
            Point2 tl = offset(c, e, -w / 2, v, -h / 2);
            Point2 tr = offset(c, e, w / 2, v, -h / 2);
            Point2 bl = offset(c, e, -w / 2, v, h / 2);
            Point2 br = offset(c, e, w / 2, v, h / 2);
            set = set.withVertebra(Vertebra.of(levels[i], tl, tr, bl, br));
            vertebra(c, e, v, w, h, -theta);
            if (i < 12) {
                ribs(c, e, w, i);
            }
            y += h + (i < DISC_MM.length ? DISC_MM[i] : 0);
        }
        pelvis(y);
        short[] pixels = canvas.expose(12, 150, 3400, 6, seed);
        String ps = SPACING_MM + "\\" + SPACING_MM;
        var calibration = CalibrationRules.fromDicom(ps, "0.22\\0.22", null, "GEOMETRY", null);
        LandmarkDocument doc = LandmarkDocument.of(set).withPixelSpacing(calibration.spacing().orElseThrow())
                .withImageSize(ImageSize.of(WIDTH, HEIGHT)).withProtocol(Protocol.SPINE);
        Map<String, String> attrs = new LinkedHashMap<>(PhantomDicom.commonAttributes("spine", seed));
        attrs.put("PixelSpacing", ps);
        attrs.put("ImagerPixelSpacing", "0.22\\0.22");
        attrs.put("PixelSpacingCalibrationType", "GEOMETRY");
        attrs.put("PixelSpacingCalibrationDescription", "synthetic: object plane by construction");
        attrs.put("BodyPartExamined", "SPINE");
        attrs.put("AnatomicRegionSequence", "421060004^SCT^Spine");
        attrs.put("ImageLaterality", "U");                  // unpaired
        attrs.put("WindowCenter", "1486");                  // the viewer's automatic window of this film (0.5..99.5 %),
        attrs.put("WindowWidth", "2672");                   // so the display and the detector's input stay as they were
        attrs.put("WindowCenterWidthExplanation", "SPINE");
        attrs.put("ViewPosition", "AP");
        attrs.put("PatientName", "Phantom^Scoliosis");
        attrs.put("PatientID", "PHANTOM-SP-1");
        attrs.put("SeriesDescription", "Synthetic AP spine, scoliotic S curve");
        return new PhantomFilm("spine-phantom", WIDTH, HEIGHT, pixels, 12, attrs, doc);
    }

    private Point2 offset(Point2 c, double[] e, double alongE, double[] v, double alongV) {
        return Point2.of(c.x() + canvas.px(e[0] * alongE + v[0] * alongV), c.y() + canvas.px(e[1] * alongE + v[1] * alongV));
    }

    private void trunk() {
        canvas.ellipsoid(Point2.of(canvas.px(x0Mm), canvas.px(290)), 150, 330, 110, 0, MU_SOFT);
        for (int side = -1; side <= 1; side += 2) {
            canvas.ellipsoid(Point2.of(canvas.px(x0Mm + side * 58), canvas.px(175)), 44, 125, 60, 0, -MU_SOFT * 0.9); // lung
            canvas.capsule(Point2.of(canvas.px(x0Mm + side * 14), canvas.px(48)),
                    Point2.of(canvas.px(x0Mm + side * 98), canvas.px(28)), 6, 5, MU_CORTEX);               // clavicle
        }
    }

    private void vertebra(Point2 c, double[] e, double[] v, double w, double h, double angle) {
        canvas.slab(c, w, h, angle, 26, 2.5, 1.6, MU_BONE, MU_CORTEX);
        for (int side = -1; side <= 1; side += 2) {
            Point2 p = offset(c, e, side * 0.3 * w, v, -0.12 * h);
            canvas.ellipsoid(p, 0.1 * w, 0.2 * h, 12, angle, MU_CORTEX);
            canvas.ellipsoid(p, 0.06 * w, 0.13 * h, 12, angle, -MU_CORTEX);                            // pedicle ring
            Point2 tp = offset(c, e, side * 0.62 * w, v, -0.05 * h);
            canvas.ellipsoid(tp, 0.14 * w, 0.12 * h, 8, angle, MU_BONE);                                // transverse process
        }
        canvas.ellipsoid(offset(c, e, 0, v, 0.32 * h), 0.06 * w, 0.3 * h, 10, angle, MU_BONE);          // spinous process
    }

    private void ribs(Point2 c, double[] e, double w, int level) {
        double reach = 55 + 35 * StrictMath.sin(Math.PI * (level + 1) / 13.0);
        for (int side = -1; side <= 1; side += 2) {
            Point2 p0 = Point2.of(c.x() + side * canvas.px(w * 0.62 * e[0]), c.y() + side * canvas.px(w * 0.62 * e[1]));
            Point2 p1 = Point2.of(p0.x() + side * canvas.px(reach * 0.55), p0.y() - canvas.px(4));
            Point2 p2 = Point2.of(p1.x() + side * canvas.px(reach * 0.4), p1.y() + canvas.px(30));
            Point2 p3 = Point2.of(p2.x() + side * canvas.px(reach * 0.05), p2.y() + canvas.px(45));
            canvas.capsule(p0, p1, 4.5, 4.5, MU_BONE * 0.8);
            canvas.capsule(p1, p2, 4.5, 4, MU_BONE * 0.8);
            canvas.capsule(p2, p3, 4, 3.5, MU_BONE * 0.8);
        }
    }

    private void pelvis(double belowL5Mm) {
        double cx = axisX(belowL5Mm);
        canvas.ellipsoid(Point2.of(canvas.px(cx), canvas.px(belowL5Mm + 32)), 40, 36, 18, 0, MU_BONE);       // sacrum
        for (int side = -1; side <= 1; side += 2) {
            canvas.ellipsoid(Point2.of(canvas.px(cx + side * 72), canvas.px(belowL5Mm + 30)), 58, 40, 6,
                    Math.toRadians(side * 25), MU_BONE);                                                   // iliac wing
            canvas.capsule(Point2.of(canvas.px(cx + side * 40), canvas.px(belowL5Mm - 2)),
                    Point2.of(canvas.px(cx + side * 112), canvas.px(belowL5Mm + 30)), 4, 4, MU_CORTEX);    // crest
        }
    }
}
