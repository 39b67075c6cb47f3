package org.orthomeasure.core.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Segment2;

class LandmarkSetTest {

    @Test
    void keysParseAndPrint() {
        LandmarkKey k = LandmarkKey.parse("R.kneeCenter");
        assertEquals(Side.R, k.side());
        assertEquals(LimbLandmark.KNEE_CENTER, k.landmark());
        assertEquals("R.kneeCenter", k.id());
        assertEquals("L.plafondMedial", LandmarkKey.of(Side.L, LimbLandmark.PLAFOND_MEDIAL).id());
        for (String bad : List.of("kneeCenter", "X.kneeCenter", "R.knee", "R.", "R.femoralHeadRim")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LandmarkKey.parse(bad));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        for (LimbLandmark l : LimbLandmark.values()) {
            assertEquals(l, LimbLandmark.fromId(l.id()).orElseThrow());
            assertTrue(!l.instruction().isBlank());
        }
        assertEquals(7, java.util.Arrays.stream(LimbLandmark.values()).filter(LimbLandmark::isCore).count());
    }

    @Test
    void withersReturnNewSetsAndLeaveTheOriginal() {
        LandmarkSet empty = LandmarkSet.empty();
        LandmarkKey knee = LandmarkKey.parse("R.kneeCenter");
        LandmarkSet one = empty.withPoint(knee, Point2.of(1, 2));
        assertTrue(empty.isEmpty());
        assertEquals(Point2.of(1, 2), one.point(knee).orElseThrow());
        assertEquals(Point2.of(5, 6), one.withPoint(knee, Point2.of(5, 6)).point(knee).orElseThrow());
        assertTrue(one.without(knee).isEmpty());
        assertEquals(LandmarkSet.empty(), one.without(knee));
        assertNotEquals(one, empty);
        assertThrows(UnsupportedOperationException.class, () -> one.points().clear());

        Vertebra t1 = Vertebra.of(SpineLevel.T1, Point2.of(0, 0), Point2.of(10, 0), Point2.of(0, 5), Point2.of(10, 5));
        LandmarkSet spine = empty.withVertebra(t1);
        assertEquals(t1, spine.vertebra(SpineLevel.T1).orElseThrow());
        assertTrue(spine.withoutVertebra(SpineLevel.T1).isEmpty());
        CobbLines lines = CobbLines.of(Segment2.of(Point2.of(0, 0), Point2.of(1, 0)), Segment2.of(Point2.of(0, 5), Point2.of(1, 6)));
        assertEquals(lines, empty.withCobbLines(lines).cobbLines().orElseThrow());
        assertTrue(empty.withCobbLines(lines).withoutCobbLines().isEmpty());
        assertEquals(List.of("R.kneeCenter", "T1", "cobbLines"),
                one.withVertebra(t1).withCobbLines(lines).presentIds());
    }

    @Test
    void femoralHeadGivenTakesPrecedenceOverTheRim() {
        List<Point2> rim = List.of(Point2.of(80, 100), Point2.of(100, 80), Point2.of(120, 100));
        LandmarkSet fitted = LandmarkSet.empty().withHeadRim(Side.L, rim);
        FemoralHead head = fitted.femoralHead(Side.L).orElseThrow();
        assertEquals(FemoralHead.Source.FITTED, head.source());
        assertEquals(100, head.center().x(), 1e-9);
        assertEquals(100, head.center().y(), 1e-9);
        assertEquals("fitted to 3 rim points (radius 20.0 px)", head.description("px"));
        assertTrue(fitted.femoralHead(Side.R).isEmpty());
        assertEquals("R.femoralHeadCenter is not placed and there are no R.femoralHeadRim points",
                fitted.femoralHeadProblem(Side.R).orElseThrow());

        LandmarkSet both = fitted.withPoint(Side.L, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(101, 99));
        assertEquals(FemoralHead.Source.GIVEN, both.femoralHead(Side.L).orElseThrow().source());
        assertEquals(Point2.of(101, 99), both.femoralHead(Side.L).orElseThrow().center());
        assertTrue(both.femoralHeadProblem(Side.L).isEmpty());
    }

    @Test
    void mappingAndSwappingSides() {
        LandmarkSet set = LandmarkSet.empty().withPoint(Side.R, LimbLandmark.KNEE_CENTER, Point2.of(1, 2))
                .withHeadRim(Side.L, List.of(Point2.of(0, 0), Point2.of(1, 0), Point2.of(0, 1)));
        LandmarkSet moved = set.map(p -> Point2.of(p.x() + 10, p.y()));
        assertEquals(Point2.of(11, 2), moved.point(Side.R, LimbLandmark.KNEE_CENTER).orElseThrow());
        LandmarkSet swapped = set.withSidesSwapped();
        assertEquals(Point2.of(1, 2), swapped.point(Side.L, LimbLandmark.KNEE_CENTER).orElseThrow());
        assertEquals(3, swapped.headRim(Side.R).size());
        assertTrue(swapped.headRim(Side.L).isEmpty());
    }

    @Test
    void degenerateVertebraIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vertebra.of(SpineLevel.L3,
                Point2.of(0, 0), Point2.of(0, 10), Point2.of(0, 10), Point2.of(0, 0)));
        assertTrue(e.getMessage().startsWith("vertebra L3"));
    }
}
