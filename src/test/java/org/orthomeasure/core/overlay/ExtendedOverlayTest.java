package org.orthomeasure.core.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.measure.LimbMeasure;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;

/** Overlays of the extended lower-limb set on worked number 7 (and its mirror, a left leg). */
class ExtendedOverlayTest {

    private static final double[][] WORKED_7 = {
            {100, 100}, {30, 110}, {100, 75}, {90, 500}, {100, 900}, {120, 500}, {60, 500}, {120, 510}, {60, 510},
            {70, 200}, {85, 420}, {92, 600}, {98, 820}, {115, 895}, {85, 895}};
    private static final LimbLandmark[] ORDER = {
            LimbLandmark.FEMORAL_HEAD_CENTER, LimbLandmark.GREATER_TROCHANTER_TIP, LimbLandmark.FEMORAL_HEAD_TOP,
            LimbLandmark.KNEE_CENTER, LimbLandmark.ANKLE_CENTER, LimbLandmark.FEMORAL_CONDYLE_MEDIAL,
            LimbLandmark.FEMORAL_CONDYLE_LATERAL, LimbLandmark.TIBIAL_PLATEAU_MEDIAL,
            LimbLandmark.TIBIAL_PLATEAU_LATERAL, LimbLandmark.FEMORAL_SHAFT_PROXIMAL, LimbLandmark.FEMORAL_SHAFT_DISTAL,
            LimbLandmark.TIBIAL_SHAFT_PROXIMAL, LimbLandmark.TIBIAL_SHAFT_DISTAL, LimbLandmark.PLAFOND_MEDIAL,
            LimbLandmark.PLAFOND_LATERAL};

    static LandmarkSet worked7(boolean mirroredLeft) {
        LandmarkSet set = LandmarkSet.empty();
        for (int i = 0; i < ORDER.length; i++) {
            double x = WORKED_7[i][0];
            set = mirroredLeft ? set.withPoint(Side.L, ORDER[i], Point2.of(1000 - x, WORKED_7[i][1]))
                    : set.withPoint(Side.R, ORDER[i], Point2.of(x, WORKED_7[i][1]));
        }
        return set;
    }

    @Test
    void everyAngleArcSpansItsValueOnBothLegs() {
        for (boolean left : new boolean[] {false, true}) {
            LandmarkSet set = worked7(left);
            Side side = left ? Side.L : Side.R;
            MeasurementSet m = MeasurementEngine.measure(set, org.orthomeasure.core.calibration.Calibration.none(null),
                    MeasurementOptions.defaults());
            Overlay o = OverlayBuilder.build(set, m);
            for (LimbMeasure lm : LimbMeasure.values()) {
                if (lm.definition().construction().isEmpty()) {
                    continue;
                }
                String id = MeasurementId.limb(side, lm).id();
                double value = m.get(id).orElseThrow().value();
                ArcShape arc = OverlayBuilderTest.arc(o, id);
                assertEquals(Math.abs(value), arc.spannedDeg(), 1e-6, id);
                String label = OverlayBuilderTest.label(o, id);
                // a deviation from straight (HKA, aTFA) reads as its size and a word, "HKA 2.9° varus"
                boolean deviation = lm.definition().construction().orElseThrow().deviation();
                assertTrue(label.startsWith(lm.id() + " " + OverlayBuilder.degrees(deviation ? Math.abs(value) : value)),
                        label);
                assertFalse(label.contains("−") && (label.endsWith("varus") || label.endsWith("valgus")), label);
            }
            assertTrue(OverlayBuilderTest.label(o, side.prefix() + "aTFA").endsWith("valgus"));
            assertEquals("full leg 825.0 px", OverlayBuilderTest.label(o, side.prefix() + "fullLegLength"));
            for (String line : List.of("femoralShaftAxis", "tibialShaftAxis")) {
                List<OverlayItem> axis = OverlayBuilderTest.items(o, side.prefix() + line, LineSegment.class);
                assertEquals(1, axis.size(), line);
                assertEquals(OverlayGroup.ANATOMICAL_AXES, axis.get(0).group());
                assertEquals(OverlayRole.ANATOMICAL_AXIS, axis.get(0).role());
            }
            for (String line : List.of("trochanterHeadLine", "ankleJointLine")) {
                List<OverlayItem> l = OverlayBuilderTest.items(o, side.prefix() + line, LineSegment.class);
                assertEquals(1, l.size(), line);
                assertEquals(OverlayGroup.JOINT_LINES, l.get(0).group());
            }
        }
    }

    @Test
    void theAldfaArcSitsWhereTheShaftAxisMeetsTheCondylarLine() {
        LandmarkSet set = worked7(false);
        MeasurementSet m = MeasurementEngine.measure(set, org.orthomeasure.core.calibration.Calibration.none(null),
                MeasurementOptions.defaults());
        ArcShape arc = OverlayBuilderTest.arc(OverlayBuilder.build(set, m), "R.aLDFA");
        // shaft line x = 70 + 15/220 (y - 200) at the condylar line y = 500
        assertEquals(70 + 15.0 / 220 * 300, arc.center().x(), 1e-9);
        assertEquals(500, arc.center().y(), 1e-9);
        // and the shaft axis, which ends at y = 420 + 0.35·220, is carried on to it by a dashed line
        assertTrue(OverlayBuilderTest.items(OverlayBuilder.build(set, m), "R.aLDFA", LineSegment.class).stream()
                .anyMatch(i -> i.role() == OverlayRole.CONSTRUCTION));
    }

    @Test
    void withoutTheShaftPointsThereIsNoAnatomicalArc() {
        LandmarkSet set = worked7(false).without(org.orthomeasure.core.landmarks.LandmarkKey.of(Side.R,
                LimbLandmark.FEMORAL_SHAFT_DISTAL));
        MeasurementSet m = MeasurementEngine.measure(set, org.orthomeasure.core.calibration.Calibration.none(null),
                MeasurementOptions.defaults());
        Overlay o = OverlayBuilder.build(set, m);
        for (String id : List.of("R.aLDFA", "R.AMA", "R.aMPFA", "R.aTFA", "R.femoralShaftAxis")) {
            assertTrue(o.items().stream().noneMatch(i -> i.source().equals(id)), id);
        }
        assertEquals(1, OverlayBuilderTest.items(o, "R.aMPTA", ArcShape.class).size());
    }
}
