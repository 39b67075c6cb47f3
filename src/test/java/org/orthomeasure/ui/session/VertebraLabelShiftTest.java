package org.orthomeasure.ui.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.core.protocol.VertebraCorner;
import org.orthomeasure.core.spine.SpineFixtures;
import org.orthomeasure.ui.TestFilms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orthomeasure.core.landmarks.SpineLevel.L4;
import static org.orthomeasure.core.landmarks.SpineLevel.L5;
import static org.orthomeasure.core.landmarks.SpineLevel.T1;
import static org.orthomeasure.core.landmarks.SpineLevel.T2;
import static org.orthomeasure.core.landmarks.SpineLevel.T3;

/** Shifting the vertebra labels one level renames the outlines, extrapolates the freed end, in one undo step. */
class VertebraLabelShiftTest {

    /** 17 outlines 60 px apart from y = 100, tilted 0.5 deg per level (so each level is recognisable). */
    private static List<Vertebra> spine() {
        List<Vertebra> out = new ArrayList<>();
        for (SpineLevel l : SpineLevel.values()) {
            out.add(SpineFixtures.vertebra(l, 400 + 2 * l.ordinal(), 100 + 60 * l.ordinal(), 0.5 * l.ordinal()));
        }
        return out;
    }

    private static Session suggested(List<Vertebra> vertebrae) {
        Session s = new Session();
        s.load(Path.of("spine.dcm"), TestFilms.grey(800, 1400), Reading.empty(), Optional.empty(),
                LandmarkProtocol.allVertebrae());
        s.applySuggestion(vertebrae);
        return s;
    }

    private static Vertebra at(Session s, SpineLevel l) {
        return s.reading().landmarks().vertebra(l).orElseThrow();
    }

    private static void assertSameOutline(Vertebra expected, Vertebra actual) {
        assertEquals(expected.topLeft(), actual.topLeft());
        assertEquals(expected.topRight(), actual.topRight());
        assertEquals(expected.bottomLeft(), actual.bottomLeft());
        assertEquals(expected.bottomRight(), actual.bottomRight());
    }

    @Test
    void labelsDownRenamesEachOutlineOneLevelUpTheListAndExtrapolatesL5() {
        List<Vertebra> v = spine();
        Session s = suggested(v);
        Reading before = s.reading();
        s.shiftVertebraLabels(true);
        for (int k = 0; k < 16; k++) {
            assertSameOutline(v.get(k + 1), at(s, SpineLevel.values()[k]));
        }
        // L5 = 2 L4' - L3' = 2 (old L5) - (old L4): centre (400 + 2*17, 100 + 60*17) = (434, 1120), tilt 8.5 deg
        Vertebra l5 = at(s, L5);
        Vertebra expected = SpineFixtures.vertebra(L5, 434, 1120, 8.5);
        assertEquals(expected.topLeft().x(), l5.topLeft().x(), 0.05);
        assertEquals(expected.bottomRight().y(), l5.bottomRight().y(), 0.05);
        assertEquals(EnumSet.allOf(SpineLevel.class), EnumSet.copyOf(s.suggested()));
        // one undo step brings the reading and its suggestion marking back
        s.undo();
        assertEquals(before, s.reading());
        assertEquals(17, s.suggested().size());
        s.redo();
        assertSameOutline(v.get(1), at(s, T1));
    }

    @Test
    void labelsUpRenamesEachOutlineOneLevelDownTheListAndExtrapolatesT1() {
        List<Vertebra> v = spine();
        Session s = suggested(v);
        s.shiftVertebraLabels(false);
        for (int k = 1; k < 17; k++) {
            assertSameOutline(v.get(k - 1), at(s, SpineLevel.values()[k]));
        }
        Vertebra expected = SpineFixtures.vertebra(T1, 398, 40, -0.5);
        assertEquals(expected.topLeft().x(), at(s, T1).topLeft().x(), 0.05);
        assertEquals(expected.topLeft().y(), at(s, T1).topLeft().y(), 0.05);
        // down then up restores the outlines of T2..L5 (T1 is extrapolated from them, and L5's came back)
        s.shiftVertebraLabels(true);
        for (int k = 0; k < 16; k++) {
            assertSameOutline(v.get(k), at(s, SpineLevel.values()[k]));
        }
    }

    @Test
    void theUsersOwnVertebraeStayTheirsAndMeasurementsFollowTheNewNames() {
        // tilt 2 deg per level from T1 (0) to L3 (28), then 26 and 24: major curve T1-L3, 28 deg
        List<Vertebra> v = new ArrayList<>();
        for (SpineLevel l : SpineLevel.values()) {
            int k = l.ordinal();
            v.add(SpineFixtures.vertebra(l, 400, 100 + 60 * k, k <= 14 ? 2 * k : 28 - 2 * (k - 14)));
        }
        Session s = suggested(v);
        s.acceptAllSuggestions();
        var before = s.measurements().get(MeasurementId.COBB_MAJOR).orElseThrow();
        assertEquals(28.0, before.number().getAsDouble(), 1e-6);
        assertEquals(Optional.of(T1), before.from());
        assertEquals(Optional.of(SpineLevel.L3), before.to());
        s.shiftVertebraLabels(true);
        // only the extrapolated L5 is a suggestion; the renamed outlines stay confirmed
        assertEquals(EnumSet.of(L5), EnumSet.copyOf(s.suggested()));
        // now T1 is the outline tilted 2 deg and L2 the one tilted 28 deg
        var after = s.measurements().get(MeasurementId.COBB_MAJOR).orElseThrow();
        assertEquals(26.0, after.number().getAsDouble(), 1e-6);
        assertEquals(Optional.of(T1), after.from());
        assertEquals(Optional.of(SpineLevel.L2), after.to());
    }

    @Test
    void aPartialSpineShiftsWithoutInventingAnEndAndDraftsMoveWithTheirLevel() {
        Session s = suggested(List.of(SpineFixtures.vertebra(T2, 400, 200, 0), SpineFixtures.vertebra(T3, 400, 260, 0)));
        s.edit(s.reading().with(new PointRef.Corner(L4, VertebraCorner.TOP_LEFT), Point2.of(380, 900)));
        s.shiftVertebraLabels(true);
        assertEquals(EnumSet.of(T1, T2), s.reading().landmarks().vertebrae().keySet());
        assertEquals(Point2.of(380, 900),
                s.reading().drafts().get(new PointRef.Corner(SpineLevel.L3, VertebraCorner.TOP_LEFT)));
        assertFalse(s.reading().landmarks().vertebra(L5).isPresent());
        assertFalse(s.reading().landmarks().vertebra(L4).isPresent());
    }
}
