package org.orthomeasure.core.protocol;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Protocol;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LandmarkProtocolTest {

    private static PointRef limb(Side s, LimbLandmark l) {
        return new PointRef.Limb(LandmarkKey.of(s, l));
    }

    @Test
    void longLegListsEachLegTopToBottomWithInstructions() {
        LandmarkProtocol p = LandmarkProtocol.longLeg(EnumSet.of(Side.R, Side.L), false);
        assertEquals(14, p.steps().size());
        assertEquals(List.of("R.femoralHeadCenter", "R.femoralCondyleMedial", "R.femoralCondyleLateral", "R.kneeCenter",
                        "R.tibialPlateauMedial", "R.tibialPlateauLateral", "R.ankleCenter"),
                p.steps().subList(0, 7).stream().map(Step::id).toList());
        assertEquals("L.femoralHeadCenter", p.steps().get(7).id());
        assertTrue(p.steps().get(1).instruction().contains("medial: towards the midline"));
        assertEquals(Protocol.LONG_LEG, p.kind());
        assertEquals("Long-leg alignment (both legs)", p.name());
        LandmarkProtocol full = LandmarkProtocol.longLeg(EnumSet.of(Side.L), true);
        assertEquals(15, full.steps().size());
        assertEquals(List.of("L.femoralHeadTop", "L.greaterTrochanterTip", "L.femoralShaftProximal",
                        "L.femoralShaftDistal", "L.tibialShaftProximal", "L.tibialShaftDistal", "L.plafondMedial",
                        "L.plafondLateral"),
                full.steps().subList(7, 15).stream().map(Step::id).toList());
        assertTrue(full.steps().subList(7, 15).stream().allMatch(Step::optional));
        assertTrue(full.steps().get(9).instruction().contains("cortex (the midpoint is stored)"),
                full.steps().get(9).instruction());
        assertThrows(IllegalArgumentException.class, () -> LandmarkProtocol.longLeg(EnumSet.noneOf(Side.class), false));
    }

    @Test
    void nextMissingWalksTheListAndSkipsWhatIsPlaced() {
        LandmarkProtocol p = LandmarkProtocol.longLeg(EnumSet.of(Side.R), true);
        Reading r = Reading.empty();
        assertEquals("R.femoralHeadCenter", p.nextMissing(r).orElseThrow().id());
        r = r.with(limb(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER), Point2.of(100, 100));
        assertEquals("R.femoralCondyleMedial", p.nextMissing(r).orElseThrow().id());
        r = r.with(limb(Side.R, LimbLandmark.KNEE_CENTER), Point2.of(90, 500));
        assertEquals("R.femoralCondyleMedial", p.nextMissing(r).orElseThrow().id());
        Step knee = p.stepFor(limb(Side.R, LimbLandmark.KNEE_CENTER)).orElseThrow();
        assertEquals("R.tibialPlateauMedial", p.nextMissingAfter(knee, r).orElseThrow().id());
        for (LimbLandmark l : LimbLandmark.values()) {
            if (l.isCore()) {
                r = r.with(limb(Side.R, l), Point2.of(10 + l.ordinal(), 20));
            }
        }
        assertTrue(p.missing(r).isEmpty());
        // required all placed: the optional ones follow
        assertEquals("R.femoralHeadTop", p.nextMissing(r).orElseThrow().id());
        for (LimbLandmark l : LimbLandmark.values()) {
            r = r.with(limb(Side.R, l), Point2.of(10 + l.ordinal(), 20));
        }
        assertEquals(Optional.empty(), p.nextMissing(r));
        assertEquals(Optional.empty(), p.nextMissingAfter(knee, r));
    }

    @Test
    void aFemoralHeadFittedFromThreeRimPointsCountsAsPlaced() {
        LandmarkProtocol p = LandmarkProtocol.longLeg(EnumSet.of(Side.L), false);
        Reading r = Reading.empty()
                .with(new PointRef.HeadRim(Side.L, 0), Point2.of(110, 100))
                .with(new PointRef.HeadRim(Side.L, 1), Point2.of(100, 110));
        assertEquals("L.femoralHeadCenter", p.nextMissing(r).orElseThrow().id());
        assertEquals("L.femoralHeadCenter", p.missing(r).get(0).id());
        r = r.with(new PointRef.HeadRim(Side.L, 2), Point2.of(90, 100));
        assertEquals("L.femoralCondyleMedial", p.nextMissing(r).orElseThrow().id());
        assertEquals(p.steps().get(0), p.stepFor(new PointRef.HeadRim(Side.L, 2)).orElseThrow());
        // collinear rim points give no centre: still missing
        Reading line = Reading.empty()
                .with(new PointRef.HeadRim(Side.L, 0), Point2.of(0, 0))
                .with(new PointRef.HeadRim(Side.L, 1), Point2.of(1, 1))
                .with(new PointRef.HeadRim(Side.L, 2), Point2.of(2, 2));
        assertEquals("L.femoralHeadCenter", p.nextMissing(line).orElseThrow().id());
    }

    @Test
    void scoliosisVariants() {
        LandmarkProtocol lines = LandmarkProtocol.cobbLines();
        assertEquals(4, lines.steps().size());
        assertEquals("cobb.upper.start", lines.nextMissing(Reading.empty()).orElseThrow().id());
        LandmarkProtocol all = LandmarkProtocol.allVertebrae();
        assertEquals(68, all.steps().size());
        assertEquals("T1.topLeft", all.steps().get(0).id());
        assertEquals("L5.bottomRight", all.steps().get(67).id());
        Reading r = Reading.empty().with(new PointRef.Corner(SpineLevel.T1, VertebraCorner.TOP_LEFT), Point2.of(0, 0));
        assertEquals("T1.topRight", all.nextMissing(r).orElseThrow().id());
        assertEquals(Protocol.SPINE, all.kind());
    }

    @Test
    void inferFromAFileFindsTheVariant() {
        LandmarkSet left = LandmarkSet.empty().withPoint(Side.L, LimbLandmark.KNEE_CENTER, Point2.of(1, 2));
        LandmarkProtocol p = LandmarkProtocol.inferFrom(Optional.empty(), Reading.of(left));
        assertEquals(EnumSet.of(Side.L), p.sides());
        assertFalse(p.steps().stream().anyMatch(Step::optional));
        assertEquals(LandmarkProtocol.Variant.LONG_LEG,
                LandmarkProtocol.inferFrom(Optional.empty(), Reading.empty()).variant());
        assertEquals(EnumSet.allOf(Side.class), LandmarkProtocol.inferFrom(Optional.empty(), Reading.empty()).sides());
        assertEquals(LandmarkProtocol.Variant.COBB_LINES,
                LandmarkProtocol.inferFrom(Optional.of(Protocol.SPINE), Reading.empty()).variant());
        Reading corner = Reading.empty().with(new PointRef.Corner(SpineLevel.L2, VertebraCorner.BOTTOM_LEFT), Point2.of(3, 3));
        assertEquals(LandmarkProtocol.Variant.ALL_VERTEBRAE, LandmarkProtocol.inferFrom(Optional.empty(), corner).variant());
    }
}
