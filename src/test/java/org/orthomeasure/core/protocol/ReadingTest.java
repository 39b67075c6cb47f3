package org.orthomeasure.core.protocol;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadingTest {

    private static PointRef.Corner c(SpineLevel l, VertebraCorner k) {
        return new PointRef.Corner(l, k);
    }

    private static Reading fourCorners(SpineLevel level) {
        return Reading.empty()
                .with(c(level, VertebraCorner.TOP_LEFT), Point2.of(0, 0))
                .with(c(level, VertebraCorner.TOP_RIGHT), Point2.of(40, 2))
                .with(c(level, VertebraCorner.BOTTOM_LEFT), Point2.of(1, 30))
                .with(c(level, VertebraCorner.BOTTOM_RIGHT), Point2.of(41, 31));
    }

    @Test
    void aVertebraIsCompleteWithItsFourthCorner() {
        Reading three = Reading.empty()
                .with(c(SpineLevel.T5, VertebraCorner.TOP_LEFT), Point2.of(0, 0))
                .with(c(SpineLevel.T5, VertebraCorner.TOP_RIGHT), Point2.of(40, 2))
                .with(c(SpineLevel.T5, VertebraCorner.BOTTOM_LEFT), Point2.of(1, 30));
        assertTrue(three.landmarks().vertebrae().isEmpty());
        assertEquals(3, three.drafts().size());
        Reading four = fourCorners(SpineLevel.T5);
        assertTrue(four.drafts().isEmpty());
        assertEquals(Point2.of(41, 31), four.landmarks().vertebra(SpineLevel.T5).orElseThrow().bottomRight());
        assertEquals(Point2.of(40, 2), four.position(c(SpineLevel.T5, VertebraCorner.TOP_RIGHT)).orElseThrow());
        assertEquals(4, four.allPoints().size());
    }

    @Test
    void movingOrDeletingACornerOfACompleteVertebra() {
        Reading four = fourCorners(SpineLevel.L1);
        Reading moved = four.with(c(SpineLevel.L1, VertebraCorner.TOP_LEFT), Point2.of(-5, 1));
        assertEquals(Point2.of(-5, 1), moved.landmarks().vertebra(SpineLevel.L1).orElseThrow().topLeft());
        assertTrue(moved.drafts().isEmpty());
        Reading deleted = four.without(c(SpineLevel.L1, VertebraCorner.BOTTOM_LEFT));
        assertTrue(deleted.landmarks().vertebrae().isEmpty());
        assertEquals(3, deleted.drafts().size());
        assertFalse(deleted.position(c(SpineLevel.L1, VertebraCorner.BOTTOM_LEFT)).isPresent());
        // putting it back completes it again and equals the original
        assertEquals(four, deleted.with(c(SpineLevel.L1, VertebraCorner.BOTTOM_LEFT), Point2.of(1, 30)));
    }

    @Test
    void aDegenerateVertebraStaysADraft() {
        // left and right edge midpoints coincide
        Reading r = Reading.empty()
                .with(c(SpineLevel.T2, VertebraCorner.TOP_LEFT), Point2.of(0, 0))
                .with(c(SpineLevel.T2, VertebraCorner.TOP_RIGHT), Point2.of(0, 0))
                .with(c(SpineLevel.T2, VertebraCorner.BOTTOM_LEFT), Point2.of(0, 10))
                .with(c(SpineLevel.T2, VertebraCorner.BOTTOM_RIGHT), Point2.of(0, 10));
        assertTrue(r.landmarks().vertebrae().isEmpty());
        assertEquals(4, r.drafts().size());
        Reading fixed = r.with(c(SpineLevel.T2, VertebraCorner.TOP_RIGHT), Point2.of(30, 0))
                .with(c(SpineLevel.T2, VertebraCorner.BOTTOM_RIGHT), Point2.of(30, 10));
        assertTrue(fixed.landmarks().vertebra(SpineLevel.T2).isPresent());
    }

    @Test
    void cobbLinesNeedFourDistinctEnds() {
        PointRef.CobbEnd us = new PointRef.CobbEnd(PointRef.CobbLine.UPPER, true);
        PointRef.CobbEnd ue = new PointRef.CobbEnd(PointRef.CobbLine.UPPER, false);
        PointRef.CobbEnd ls = new PointRef.CobbEnd(PointRef.CobbLine.LOWER, true);
        PointRef.CobbEnd le = new PointRef.CobbEnd(PointRef.CobbLine.LOWER, false);
        Reading r = Reading.empty().with(us, Point2.of(0, 0)).with(ue, Point2.of(100, 26.795))
                .with(ls, Point2.of(0, 500)).with(le, Point2.of(0, 500));
        assertFalse(r.landmarks().cobbLines().isPresent());
        r = r.with(le, Point2.of(100, 473.205));
        assertTrue(r.landmarks().cobbLines().isPresent());
        assertTrue(r.drafts().isEmpty());
        Reading less = r.without(ue);
        assertFalse(less.landmarks().cobbLines().isPresent());
        assertEquals(3, less.drafts().size());
        assertEquals(Point2.of(0, 500), less.position(ls).orElseThrow());
    }

    @Test
    void rimPointsAppendMoveAndDelete() {
        Reading r = Reading.empty()
                .with(new PointRef.HeadRim(Side.R, 0), Point2.of(1, 0))
                .with(new PointRef.HeadRim(Side.R, 1), Point2.of(0, 1))
                .with(new PointRef.HeadRim(Side.R, 2), Point2.of(-1, 0));
        assertEquals(3, r.landmarks().headRim(Side.R).size());
        assertEquals(0, r.landmarks().femoralHead(Side.R).orElseThrow().center().x(), 1e-9);
        r = r.with(new PointRef.HeadRim(Side.R, 1), Point2.of(0, -1));
        assertEquals(List.of(Point2.of(1, 0), Point2.of(0, -1), Point2.of(-1, 0)), r.landmarks().headRim(Side.R));
        Reading less = r.without(new PointRef.HeadRim(Side.R, 0));
        assertEquals(List.of(Point2.of(0, -1), Point2.of(-1, 0)), less.landmarks().headRim(Side.R));
        Reading r2 = r;
        assertThrows(IllegalArgumentException.class, () -> r2.with(new PointRef.HeadRim(Side.R, 5), Point2.of(0, 0)));
        assertSame(r, r.without(new PointRef.HeadRim(Side.R, 9)));
    }

    @Test
    void limbPointsGoStraightIntoTheLandmarkSet() {
        PointRef k = new PointRef.Limb(LandmarkKey.of(Side.L, LimbLandmark.KNEE_CENTER));
        Reading r = Reading.empty().with(k, Point2.of(5, 6));
        assertEquals(Point2.of(5, 6), r.landmarks().point(Side.L, LimbLandmark.KNEE_CENTER).orElseThrow());
        assertEquals(Reading.empty(), r.without(k));
        assertEquals("L.kneeCenter", k.id());
    }
}
