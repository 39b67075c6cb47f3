package org.orthomeasure.ui.session;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.calibration.CalibrationRules;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.measure.Unit;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.ui.TestFilms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTest {

    static PointRef ref(LimbLandmark l) {
        return new PointRef.Limb(LandmarkKey.of(Side.R, l));
    }

    /** Worked number 1 of measurements.md: right leg, both joint lines horizontal. */
    static Reading workedNumberOne() {
        return Reading.empty()
                .with(ref(LimbLandmark.FEMORAL_HEAD_CENTER), Point2.of(100, 100))
                .with(ref(LimbLandmark.KNEE_CENTER), Point2.of(90, 500))
                .with(ref(LimbLandmark.ANKLE_CENTER), Point2.of(100, 900))
                .with(ref(LimbLandmark.FEMORAL_CONDYLE_MEDIAL), Point2.of(120, 490))
                .with(ref(LimbLandmark.FEMORAL_CONDYLE_LATERAL), Point2.of(60, 490))
                .with(ref(LimbLandmark.TIBIAL_PLATEAU_MEDIAL), Point2.of(120, 510))
                .with(ref(LimbLandmark.TIBIAL_PLATEAU_LATERAL), Point2.of(60, 510));
    }

    private static Session loaded() {
        Session s = new Session();
        s.load(Path.of("film.dcm"), TestFilms.grey(300, 1000), Reading.empty(), Optional.empty(),
                LandmarkProtocol.longLeg(EnumSet.of(Side.R), false));
        return s;
    }

    @Test
    void aLandmarkOnTopOfAnotherOfItsSideIsRefusedWithAReason() {
        Session s = loaded();
        s.edit(workedNumberOne());
        long revision = s.revisionProperty().get();
        s.edit(s.reading().with(ref(LimbLandmark.ANKLE_CENTER), Point2.of(90, 500))); // onto the knee
        assertEquals(Point2.of(100, 900), s.reading().landmarks().point(Side.R, LimbLandmark.ANKLE_CENTER).orElseThrow());
        assertEquals(revision, s.revisionProperty().get());
        assertEquals("not placed: R.kneeCenter and R.ankleCenter coincide at [90, 500]; two different landmarks "
                + "cannot be at the same place", s.refusalProperty().get());
        // a drag onto it stops short: the point stays at its last allowed place
        s.beginDrag();
        s.dragTo(s.reading().with(ref(LimbLandmark.ANKLE_CENTER), Point2.of(95, 700)));
        s.dragTo(s.reading().with(ref(LimbLandmark.ANKLE_CENTER), Point2.of(90, 500)));
        s.endDrag();
        assertEquals(Point2.of(95, 700), s.reading().landmarks().point(Side.R, LimbLandmark.ANKLE_CENTER).orElseThrow());
        // the other leg's landmark may lie there
        s.edit(s.reading().with(new PointRef.Limb(LandmarkKey.of(Side.L, LimbLandmark.ANKLE_CENTER)), Point2.of(90, 500)));
        assertEquals("", s.refusalProperty().get());
        assertTrue(s.reading().landmarks().point(Side.L, LimbLandmark.ANKLE_CENTER).isPresent());
    }

    @Test
    void measurementsFollowEveryEditAndUndo() {
        Session s = loaded();
        assertTrue(s.measurements().get("R.HKA").isEmpty());
        s.edit(workedNumberOne());
        assertEquals(-2.864, s.measurements().get("R.HKA").orElseThrow().value(), 1e-3);
        assertEquals(91.432, s.measurements().get("R.mLDFA").orElseThrow().value(), 1e-3);
        assertEquals("IV", s.measurements().get("R.CPAK").orElseThrow().formattedValue());
        s.edit(s.reading().without(ref(LimbLandmark.ANKLE_CENTER)));
        assertTrue(s.measurements().get("R.HKA").isEmpty());
        assertTrue(s.canUndoProperty().get());
        s.undo();
        assertEquals(-2.864, s.measurements().get("R.HKA").orElseThrow().value(), 1e-3);
        assertTrue(s.canRedoProperty().get());
        s.redo();
        assertTrue(s.measurements().get("R.HKA").isEmpty());
    }

    @Test
    void aDragIsOneUndoStepAndShowsLiveValues() {
        Session s = loaded();
        s.edit(workedNumberOne());
        Reading before = s.reading();
        s.beginDrag();
        for (int x = 91; x <= 100; x++) {
            s.dragTo(s.reading().with(ref(LimbLandmark.KNEE_CENTER), Point2.of(x, 500)));
        }
        // K on the line H-A: straight leg
        assertEquals(0.0, s.measurements().get("R.HKA").orElseThrow().value(), 1e-9);
        s.endDrag();
        s.undo();
        assertEquals(before, s.reading());
    }

    @Test
    void aUserCalibrationTurnsLengthsIntoMillimetres() {
        Session s = loaded();
        s.edit(workedNumberOne());
        assertEquals(Unit.PX, s.measurements().get("R.MAD").orElseThrow().unit());
        long rev = s.revisionProperty().get();
        s.userCalibrationProperty().set(CalibrationRules.calibrationBall(25, 200));
        assertEquals(CalibrationSource.CALIBRATION_BALL, s.calibration().source());
        assertEquals(Unit.MM, s.measurements().get("R.MAD").orElseThrow().unit());
        assertEquals(10 * 0.125, s.measurements().get("R.MAD").orElseThrow().value(), 1e-9);
        assertTrue(s.revisionProperty().get() > rev);
        s.userCalibrationProperty().set(null);
        assertEquals(Unit.PX, s.measurements().get("R.MAD").orElseThrow().unit());
    }

    @Test
    void aReferenceReadingStaysHiddenUntilRevealed() {
        Session s = loaded();
        s.setReference(workedNumberOne());
        assertFalse(s.referenceRevealedProperty().get());
        assertEquals(workedNumberOne(), s.referenceProperty().get());
        assertTrue(s.reading().landmarks().isEmpty());
    }

    @Test
    void suggestionsAreConfirmedByMovingAVertebraOrAcceptingAllAndNeverOverwriteTheUsersOwn() {
        Session s = loaded();
        var T1 = org.orthomeasure.core.landmarks.SpineLevel.T1;
        var T2 = org.orthomeasure.core.landmarks.SpineLevel.T2;
        var T3 = org.orthomeasure.core.landmarks.SpineLevel.T3;
        var mine = org.orthomeasure.core.spine.SpineFixtures.vertebra(T1, 100, 100, 0);
        s.edit(Reading.of(s.reading().landmarks().withVertebra(mine)));
        long rev = s.revisionProperty().get();
        var suggestion = java.util.List.of(org.orthomeasure.core.spine.SpineFixtures.vertebra(T1, 110, 100, 5),
                org.orthomeasure.core.spine.SpineFixtures.vertebra(T2, 110, 200, 5),
                org.orthomeasure.core.spine.SpineFixtures.vertebra(T3, 110, 300, 5));
        assertEquals(EnumSet.of(T2, T3), EnumSet.copyOf(s.applySuggestion(suggestion)));
        assertEquals(mine, s.reading().landmarks().vertebra(T1).orElseThrow(), "the user's own vertebra is kept");
        assertEquals(EnumSet.of(T2, T3), EnumSet.copyOf(s.suggested()));
        assertTrue(s.revisionProperty().get() > rev, "suggestions are saved");

        // moving one corner of T2 confirms T2 only
        var t2 = s.reading().landmarks().vertebra(T2).orElseThrow();
        s.edit(s.reading().with(new PointRef.Corner(T2, org.orthomeasure.core.protocol.VertebraCorner.values()[0]),
                Point2.of(t2.topLeft().x() + 3, t2.topLeft().y())));
        assertEquals(EnumSet.of(T3), EnumSet.copyOf(s.suggested()));

        // a second suggestion refreshes the suggested T3 but not the confirmed T1, T2
        var again = java.util.List.of(org.orthomeasure.core.spine.SpineFixtures.vertebra(T1, 130, 100, 0),
                org.orthomeasure.core.spine.SpineFixtures.vertebra(T2, 130, 200, 0),
                org.orthomeasure.core.spine.SpineFixtures.vertebra(T3, 130, 300, 0));
        assertEquals(EnumSet.of(T3), EnumSet.copyOf(s.applySuggestion(again)));
        assertEquals(again.get(2), s.reading().landmarks().vertebra(T3).orElseThrow());
        assertEquals(mine, s.reading().landmarks().vertebra(T1).orElseThrow());

        s.acceptAllSuggestions();
        assertTrue(s.suggested().isEmpty());

        // corners the user is still placing (an incomplete T4) are kept, and T4 is not filled
        var T4 = org.orthomeasure.core.landmarks.SpineLevel.T4;
        PointRef t4tl = new PointRef.Corner(T4, org.orthomeasure.core.protocol.VertebraCorner.TOP_LEFT);
        s.edit(s.reading().with(t4tl, Point2.of(90, 390)));
        assertTrue(s.applySuggestion(java.util.List.of(org.orthomeasure.core.spine.SpineFixtures.vertebra(T4, 110, 400, 0)))
                .isEmpty());
        assertEquals(Point2.of(90, 390), s.reading().drafts().get(t4tl));
        assertTrue(s.reading().landmarks().vertebra(T4).isEmpty());
        s.undo();

        // undoing a suggestion removes its vertebrae and their suggested state
        s.applySuggestion(java.util.List.of(org.orthomeasure.core.spine.SpineFixtures.vertebra(
                org.orthomeasure.core.landmarks.SpineLevel.L5, 100, 900, 0)));
        assertEquals(1, s.suggested().size());
        s.undo();
        assertTrue(s.suggested().isEmpty());
        assertTrue(s.reading().landmarks().vertebra(org.orthomeasure.core.landmarks.SpineLevel.L5).isEmpty());
    }
}
