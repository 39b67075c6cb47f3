package org.orthomeasure.core.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Line2;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Segment2;
import org.orthomeasure.core.landmarks.CobbLines;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;

/** Overlay geometry on the worked numbers of measurements.md. */
class OverlayBuilderTest {

    /** Worked number 1: right leg, H (100,100), K (90,500), A (100,900), both joint lines horizontal. */
    static LandmarkSet workedRightLeg() {
        return LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(100, 100))
                .withPoint(Side.R, LimbLandmark.KNEE_CENTER, Point2.of(90, 500))
                .withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(100, 900))
                // right leg: medial is +x
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, Point2.of(125, 480))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(55, 480))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(125, 515))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(55, 515));
    }

    static Overlay overlayOf(LandmarkSet set) {
        MeasurementSet m = MeasurementEngine.measure(set, Calibration.none(null), MeasurementOptions.defaults());
        return OverlayBuilder.build(set, m);
    }

    static List<OverlayItem> items(Overlay o, String source, Class<? extends OverlayShape> type) {
        return o.items().stream().filter(i -> i.source().equals(source) && type.isInstance(i.shape())).toList();
    }

    static ArcShape arc(Overlay o, String source) {
        List<OverlayItem> arcs = items(o, source, ArcShape.class);
        assertEquals(1, arcs.size(), "one arc for " + source);
        return (ArcShape) arcs.get(0).shape();
    }

    static String label(Overlay o, String source) {
        List<OverlayItem> labels = items(o, source, TextLabel.class);
        assertEquals(1, labels.size(), "one label for " + source);
        return ((TextLabel) labels.get(0).shape()).text();
    }

    @Test
    void anglesArcsSpanTheWorkedValues() {
        Overlay o = overlayOf(workedRightLeg());
        assertEquals(2.864, arc(o, "R.HKA").spannedDeg(), 1e-3);
        assertEquals(91.432, arc(o, "R.mLDFA").spannedDeg(), 1e-3);
        assertEquals(88.568, arc(o, "R.MPTA").spannedDeg(), 1e-3);
        assertEquals("HKA 2.9° varus", label(o, "R.HKA"));
        assertEquals("mLDFA 91.4°", label(o, "R.mLDFA"));
        assertEquals("MPTA 88.6°", label(o, "R.MPTA"));
    }

    @Test
    void arcsSitAtTheRightVertexOnTheRightSide() {
        Overlay o = overlayOf(workedRightLeg());
        // mLDFA vertex: line H-K meets the condylar line y = 480 at x = 90.5.
        ArcShape mldfa = arc(o, "R.mLDFA");
        assertEquals(480, mldfa.center().y(), 1e-9);
        assertEquals(90.5, mldfa.center().x(), 1e-9);
        // Its middle points up and lateral: for the right leg lateral is -x (image left).
        Point2 mid = mldfa.pointAt(mldfa.middleDeg());
        assertTrue(mid.x() < mldfa.center().x() && mid.y() < mldfa.center().y(), "mLDFA arc up-lateral: " + mid);
        // MPTA vertex on y = 515, arc down and medial (+x for the right leg).
        ArcShape mpta = arc(o, "R.MPTA");
        assertEquals(515, mpta.center().y(), 1e-9);
        Point2 mptaMid = mpta.pointAt(mpta.middleDeg());
        assertTrue(mptaMid.x() > mpta.center().x() && mptaMid.y() > mpta.center().y(), "MPTA down-medial: " + mptaMid);
        // HKA arc at K.
        assertEquals(Point2.of(90, 500), arc(o, "R.HKA").center());
    }

    @Test
    void madPerpendicularIsTenPixelsAndLabelled() {
        Overlay o = overlayOf(workedRightLeg());
        List<OverlayItem> segs = items(o, "R.MAD", LineSegment.class);
        assertEquals(1, segs.size());
        LineSegment perp = (LineSegment) segs.get(0).shape();
        assertEquals(Point2.of(90, 500), perp.from());
        assertEquals(10.0, perp.length(), 1e-9);
        // Its foot lies on the line H-A.
        assertEquals(0, Line2.through(Point2.of(100, 100), Point2.of(100, 900)).distanceTo(perp.to()), 1e-9);
        assertEquals("MAD 10.0 px medial", label(o, "R.MAD"));
        assertEquals(OverlayGroup.LOAD_LINE, segs.get(0).group());
    }

    @Test
    void aLateralMadIsLabelledByItsDistanceAndDirectionWithoutASign() {
        LandmarkSet set = workedRightLeg().withPoint(Side.R, LimbLandmark.KNEE_CENTER, Point2.of(110, 500));
        Overlay o = overlayOf(set);
        assertEquals(-10.0, MeasurementEngine.measure(set, Calibration.none("test"), MeasurementOptions.defaults())
                .get("R.MAD").orElseThrow().value(), 1e-9);
        assertEquals("MAD 10.0 px lateral", label(o, "R.MAD"));
    }

    @Test
    void lengthsCarryTheirCalibrationUnit() {
        LandmarkSet set = workedRightLeg();
        Overlay px = overlayOf(set);
        assertEquals("leg 800.0 px", label(px, "R.legLength"));
        Calibration cal = Calibration.of(PixelSpacing.isotropic(0.5), CalibrationSource.USER_LINE, "line 100 mm", null);
        Overlay mm = OverlayBuilder.build(set, MeasurementEngine.measure(set, cal, MeasurementOptions.defaults()));
        assertEquals("leg 400.0 mm", label(mm, "R.legLength"));
        assertEquals("MAD 5.0 mm medial", label(mm, "R.MAD"));
    }

    @Test
    void mirroredLeftLegGivesTheSameAngles() {
        LandmarkSet mirrored = workedRightLeg().map(p -> Point2.of(1000 - p.x(), p.y())).withSidesSwapped();
        Overlay o = overlayOf(mirrored);
        assertEquals(2.864, arc(o, "L.HKA").spannedDeg(), 1e-3);
        assertEquals(91.432, arc(o, "L.mLDFA").spannedDeg(), 1e-3);
        assertEquals(88.568, arc(o, "L.MPTA").spannedDeg(), 1e-3);
        assertEquals("HKA 2.9° varus", label(o, "L.HKA"));
        // Left leg: lateral is +x, so the mLDFA arc opens to the image right.
        ArcShape mldfa = arc(o, "L.mLDFA");
        assertTrue(mldfa.pointAt(mldfa.middleDeg()).x() > mldfa.center().x());
    }

    @Test
    void groupsCanBeHiddenAndEveryLandmarkIsAPoint() {
        Overlay o = overlayOf(workedRightLeg());
        assertEquals(EnumSet.of(OverlayGroup.LANDMARKS, OverlayGroup.LANDMARK_LABELS, OverlayGroup.MECHANICAL_AXES, OverlayGroup.JOINT_LINES,
                OverlayGroup.LOAD_LINE, OverlayGroup.ANGLES, OverlayGroup.LENGTHS), o.groups());
        long points = o.visible(EnumSet.of(OverlayGroup.LANDMARKS)).stream()
                .filter(i -> i.shape() instanceof PointMark).count();
        assertEquals(7, points);
        assertTrue(o.visible(EnumSet.of(OverlayGroup.LANDMARKS)).stream()
                .noneMatch(i -> i.shape() instanceof ArcShape));
        assertTrue(o.visible(EnumSet.noneOf(OverlayGroup.class)).isEmpty());
        // Drawing order follows the group order: landmark names last (on top).
        assertEquals(OverlayGroup.LANDMARK_LABELS, o.items().get(o.items().size() - 1).group());
        assertTrue(o.withRole(OverlayRole.REFERENCE).items().stream().allMatch(i -> i.role() == OverlayRole.REFERENCE));
    }

    @Test
    void incompleteOrDegenerateLegsDrawWhatTheyCanWithoutFailing() {
        LandmarkSet partial = LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(100, 100))
                .withPoint(Side.R, LimbLandmark.KNEE_CENTER, Point2.of(90, 500));
        Overlay o = overlayOf(partial);
        assertEquals(1, items(o, "R.femoralAxis", LineSegment.class).size());
        assertTrue(o.items().stream().noneMatch(i -> i.shape() instanceof ArcShape));
        assertEquals("femur 400.1 px", label(o, "R.femurLength"));

        // H on top of K: no axis, no angle, no exception.
        LandmarkSet coincident = workedRightLeg().withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(90, 500));
        Overlay c = overlayOf(coincident);
        assertTrue(items(c, "R.femoralAxis", LineSegment.class).isEmpty());
        assertTrue(items(c, "R.HKA", ArcShape.class).isEmpty());
        assertEquals(1, items(c, "R.MPTA", ArcShape.class).size());

        assertTrue(overlayOf(LandmarkSet.empty()).isEmpty());
        assertEquals(Optional.empty(), overlayOf(LandmarkSet.empty()).bounds());
    }

    @Test
    void fittedFemoralHeadIsDrawnAsACircle() {
        LandmarkSet set = workedRightLeg().without(org.orthomeasure.core.landmarks.LandmarkKey.of(Side.R,
                        LimbLandmark.FEMORAL_HEAD_CENTER))
                .withHeadRim(Side.R, List.of(Point2.of(130, 100), Point2.of(100, 70), Point2.of(70, 100)));
        Overlay o = overlayOf(set);
        List<OverlayItem> circles = items(o, "R.femoralHeadCenter", CircleShape.class);
        assertEquals(1, circles.size());
        CircleShape c = (CircleShape) circles.get(0).shape();
        assertEquals(100, c.center().x(), 1e-6);
        assertEquals(100, c.center().y(), 1e-6);
        assertEquals(30, c.radius(), 1e-6);
        assertEquals(3, o.items().stream().filter(i -> i.shape() instanceof PointMark pm
                && pm.landmarkId().startsWith("R.femoralHeadRim[")).count());
        assertEquals(2.864, arc(o, "R.HKA").spannedDeg(), 1e-3);
        Bounds b = o.bounds().orElseThrow();
        assertEquals(70, b.minY(), 1e-6); // top of the fitted circle
        assertEquals(900, b.maxY(), 1e-6); // the ankle
    }

    @Test
    void cobbLinesAreLabelledWithTheAngle() {
        // Worked number 4: 30.0 deg.
        LandmarkSet set = LandmarkSet.empty().withCobbLines(CobbLines.of(
                Segment2.of(Point2.of(0, 0), Point2.of(100, 26.795)),
                Segment2.of(Point2.of(0, 500), Point2.of(100, 473.205))));
        Overlay o = overlayOf(set);
        assertEquals("Cobb 30.0°", label(o, "cobb"));
        assertEquals(2, items(o, "cobb", LineSegment.class).size());
        assertEquals(4, o.visible(EnumSet.of(OverlayGroup.LANDMARKS)).size());
        assertFalse(o.groups().contains(OverlayGroup.ANGLES));
    }

    @Test
    void numbersUseATrueMinusAndNoNegativeZero() {
        assertEquals("−2.9", OverlayBuilder.oneDecimal(-2.864));
        assertEquals("0.0", OverlayBuilder.oneDecimal(-0.04));
        assertEquals("177.1", OverlayBuilder.oneDecimal(177.136));
    }
}
