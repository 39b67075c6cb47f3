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
}
