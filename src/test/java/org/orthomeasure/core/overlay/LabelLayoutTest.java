package org.orthomeasure.core.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;

/** The label layout: free labels stay where they asked to be, crowded ones move apart with a leader line. */
class LabelLayoutTest {

    private static final double CHAR_W = 7;
    private static final double TEXT_H = 14;

    @Test
    void aFreeLabelSitsOnItsSideOfTheAnchorWithoutALeader() {
        LabelLayout layout = LabelLayout.within(400, 300);
        LabelLayout.Placement p = layout.place(Point2.of(100, 150), 60, TEXT_H, TextAnchor.EAST, 5);
        assertEquals(new LabelLayout.Box(105, 143, 60, TEXT_H), p.box());
        assertTrue(p.leader().isEmpty());
        assertFalse(p.overlaps());
        LabelLayout.Placement above = layout.place(Point2.of(300, 150), 40, TEXT_H, TextAnchor.NORTH, 5);
        assertEquals(new LabelLayout.Box(280, 131, 40, TEXT_H), above.box());
    }

    /**
     * A label meant left of its point (the lateral side of a right leg) whose place is taken stays on the left,
     * even when a free place across the point (beside the other leg) is a little nearer.
     */
    @Test
    void aMovedLabelStaysOnItsSideOfTheAnchorUnlessTheOtherSideIsMuchNearer() {
        LabelLayout layout = LabelLayout.within(400, 300);
        Point2 anchor = Point2.of(200, 150);
        // the label's own place and 70 px above and below it on the left are taken: the nearest free place is
        // 9 steps right, across the anchor; on the left side 11 steps up or down
        layout.reserve(new LabelLayout.Box(100, 80, 96, 140));
        LabelLayout.Placement p = layout.place(anchor, 60, TEXT_H, TextAnchor.WEST, 5);
        assertFalse(p.overlaps());
        assertTrue(p.box().left() + p.box().width() / 2 < anchor.x(), "stays left of the anchor: " + p.box());
        // with the left side blocked far up and down, the nearer place across the anchor is taken
        LabelLayout crowded = LabelLayout.within(400, 300);
        crowded.reserve(new LabelLayout.Box(0, 0, 195, 300));
        LabelLayout.Placement q = crowded.place(anchor, 60, TEXT_H, TextAnchor.WEST, 5);
        assertFalse(q.overlaps());
        assertTrue(q.box().left() >= 195, "moved across only when its side is full: " + q.box());
    }

    @Test
    void aLabelAtTheEdgeIsShiftedInsideTheArea() {
        LabelLayout layout = LabelLayout.within(200, 100);
        LabelLayout.Box b = layout.place(Point2.of(190, 2), 50, TEXT_H, TextAnchor.NORTH_EAST, 5).box();
        assertEquals(150, b.left(), 1e-9);
        assertEquals(0, b.top(), 1e-9);
    }

    @Test
    void twelveLabelsOnOnePointAreStackedApartEachMovedOneWithALeaderToItsAnchor() {
        LabelLayout layout = LabelLayout.within(600, 600);
        Point2 anchor = Point2.of(300, 300);
        List<LabelLayout.Placement> placed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            placed.add(layout.place(anchor, 80, TEXT_H, TextAnchor.EAST, 5));
        }
        assertNoOverlap(layout.labels());
        assertTrue(placed.get(0).leader().isEmpty());
        // the second label goes straight below or above the first (the nearest free spot)
        assertEquals(placed.get(0).box().left(), placed.get(1).box().left(), 1e-9);
        assertEquals(TEXT_H, Math.abs(placed.get(1).box().top() - placed.get(0).box().top()), 1e-9);
        for (LabelLayout.Placement p : placed) {
            assertFalse(p.overlaps());
            p.leader().ifPresent(l -> {
                assertEquals(anchor, l.from());
                assertEquals(p.box().nearestTo(anchor), l.to());
            });
        }
        long withLeader = placed.stream().filter(p -> p.leader().isPresent()).count();
        assertTrue(withLeader >= 8, "labels moved more than their height get a leader: " + withLeader);
    }

    @Test
    void aReservedBoxIsKeptFree() {
        LabelLayout layout = LabelLayout.within(300, 300);
        LabelLayout.Box marker = new LabelLayout.Box(100, 100, 30, 30);
        layout.reserve(marker);
        LabelLayout.Box b = layout.place(Point2.of(110, 115), 50, TEXT_H, TextAnchor.CENTER, 0).box();
        assertFalse(b.overlaps(marker), b.toString());
        assertTrue(layout.labels().size() == 1 && layout.labels().get(0).equals(b));
    }

    @Test
    void aNameBesideItsPointIsSkippedRatherThanMovedWhenItsPlaceIsTaken() {
        LabelLayout layout = LabelLayout.within(300, 300);
        layout.place(Point2.of(100, 100), 60, TEXT_H, TextAnchor.EAST, 5);
        assertTrue(layout.placeBesideOrSkip(Point2.of(100, 100), 30, TEXT_H, TextAnchor.EAST, 5).isEmpty());
        assertTrue(layout.placeBesideOrSkip(Point2.of(100, 200), 30, TEXT_H, TextAnchor.EAST, 5).isPresent());
        assertEquals(2, layout.labels().size());
    }

    /**
     * A crowded bilateral reading (worked number 7 on both legs, with the extended set) fitted into a
     * small view: every label of the overlay gets a box, and no two boxes overlap.
     */
    @Test
    void everyLabelOfACrowdedBilateralReadingGetsItsOwnBox() {
        LandmarkSet set = ExtendedOverlayTest.worked7(false);
        LandmarkSet left = ExtendedOverlayTest.worked7(true);
        for (LimbLandmark l : LimbLandmark.values()) {
            var p = left.point(Side.L, l);
            if (p.isPresent()) {
                set = set.withPoint(Side.L, l, p.get());
            }
        }
        MeasurementSet m = MeasurementEngine.measure(set, Calibration.none(null), MeasurementOptions.defaults());
        Overlay overlay = OverlayBuilder.build(set, m);
        double scale = 0.6; // 1000 x 900 px film in a 600 x 540 view
        LabelLayout layout = LabelLayout.within(600, 540);
        int labels = 0;
        for (OverlayItem item : overlay.items()) {
            if (item.shape() instanceof TextLabel t) {
                Point2 at = Point2.of(t.anchor().x() * scale, t.anchor().y() * scale);
                LabelLayout.Placement p = layout.place(at, t.text().length() * CHAR_W, TEXT_H, t.placement(), 5);
                assertFalse(p.overlaps(), t.text());
                LabelLayout.Box b = p.box();
                assertTrue(b.left() >= 0 && b.top() >= 0 && b.right() <= 600 && b.bottom() <= 540, b.toString());
                labels++;
            }
        }
        assertTrue(labels > 40, "a crowded reading: " + labels + " labels");
        assertEquals(labels, layout.labels().size());
        assertNoOverlap(layout.labels());
    }

    static void assertNoOverlap(List<LabelLayout.Box> boxes) {
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).overlaps(boxes.get(j)), boxes.get(i) + " overlaps " + boxes.get(j));
            }
        }
    }
}
