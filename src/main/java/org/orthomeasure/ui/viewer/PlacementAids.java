package org.orthomeasure.ui.viewer;

import java.util.List;
import java.util.Optional;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.detect.GreyImage;
import org.orthomeasure.detect.longleg.HeadCircleFinder;
import org.orthomeasure.detect.longleg.JointEdgeSnapper;
import org.orthomeasure.io.image.Radiograph;

/**
 * The image-aware helpers for placing lower-limb landmarks by hand, on any film and without the model: a click
 * in the femoral head proposes the head's circle ({@link HeadCircleFinder}); a click on a condyle, plateau or
 * plafond point moves to the articular edge at its column ({@link JointEdgeSnapper}). The grey image of the
 * film they read is built once per film (the film's default window, as the detectors read it).
 */
final class PlacementAids {

    /** How far (screen px at the current zoom) a click is moved at most onto an edge. */
    static final double SNAP_SCREEN_PX = 10;
    /** The most a click is moved, mm, on a calibrated film (half a joint space more than a typical miss). */
    static final double SNAP_MAX_MM = 4;
    /** The widest joint space looked for beyond an edge, mm, on a calibrated film (knee and ankle: 3-7 mm). */
    static final double JOINT_SPACE_MM = 7;
    /** Uncalibrated, the widest joint space as a share of the film height (7.5 mm of a 1 m long-leg film). */
    static final double JOINT_SPACE_SHARE = 0.0075;

    private Radiograph film;
    private GreyImage grey;

    /** The proposed head circle around {@code click}, when the film shows one there. */
    Optional<Circle> headCircle(Radiograph radiograph, Calibration calibration, Point2 click) {
        GreyImage g = grey(radiograph);
        List<Double> radii = HeadCircleFinder.radiiToTry(calibration.spacing().map(s -> Math.sqrt(s.rowMm() * s.columnMm())),
                g.height());
        return HeadCircleFinder.propose(g, click, radii).map(HeadCircleFinder.Proposal::circle);
    }

    /**
     * {@code click} moved onto the joint edge of {@code landmark}, or unchanged when the landmark does not
     * snap or no edge is near; {@code screenScale} is screen px per image px.
     */
    Point2 snapped(Radiograph radiograph, Calibration calibration, LimbLandmark landmark, Point2 click, double screenScale) {
        Optional<JointEdgeSnapper.Bone> bone = JointEdgeSnapper.boneSide(landmark);
        if (bone.isEmpty() || !(screenScale > 0)) {
            return click;
        }
        double range = SNAP_SCREEN_PX / screenScale;
        double cap = calibration.spacing().map(s -> SNAP_MAX_MM / s.rowMm()).orElse(0.015 * radiograph.height());
        range = Math.max(2, Math.min(range, cap));
        double jointSpace = calibration.spacing().map(s -> JOINT_SPACE_MM / s.rowMm()).orElse(JOINT_SPACE_SHARE * radiograph.height());
        return JointEdgeSnapper.snap(grey(radiograph), click, bone.get(), range, jointSpace);
    }

    private GreyImage grey(Radiograph radiograph) {
        if (film != radiograph || grey == null) {
            grey = GreyImage.fromRadiograph(radiograph);
            film = radiograph;
        }
        return grey;
    }
}
