package org.orthomeasure.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Segment2;
import org.orthomeasure.core.landmarks.CobbLines;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.measure.LimbMeasure;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.Unit;

class ReadingComparatorTest {

    static final Calibration NONE = Calibration.none(null);
    static final MeasurementOptions OPTS = MeasurementOptions.defaults();

    /** Worked number 1, right leg. */
    static LandmarkSet worked() {
        return LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(100, 100))
                .withPoint(Side.R, LimbLandmark.KNEE_CENTER, Point2.of(90, 500))
                .withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(100, 900))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, Point2.of(120, 495))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(60, 495))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(120, 505))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(60, 505));
    }

    static MeasurementDifference row(Comparison c, MeasurementId id) {
        return c.measurements().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    static LandmarkDifference landmark(Comparison c, String id) {
        return c.landmarks().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    static MeasurementId r(LimbMeasure m) {
        return MeasurementId.limb(Side.R, m);
    }

    @Test
    void identicalReadingsAgreeEverywhere() {
        Comparison c = ReadingComparator.compare(worked(), worked(), NONE, OPTS);
        assertEquals(7, c.landmarks().size());
        assertTrue(c.landmarks().stream().allMatch(d -> d.distance().getAsDouble() == 0 && d.unit() == Unit.PX));
        assertTrue(c.exceeding().isEmpty());
        assertEquals(Verdict.WITHIN_LIMIT, row(c, r(LimbMeasure.HKA)).verdict());
        assertEquals(Verdict.SAME, row(c, r(LimbMeasure.CPAK)).verdict());
        // Lengths in px have no mm limit.
        assertEquals(Verdict.NO_LIMIT, row(c, r(LimbMeasure.MAD)).verdict());
        assertEquals(Verdict.NO_LIMIT, row(c, r(LimbMeasure.JLCA)).verdict());
    }

    @Test
    void movingTheHipCentreChangesHkaAndMldfaByKnownAmounts() {
        // B: H at (90,100): femoral axis vertical. HKA -1.432 (varus), mLDFA 90.0; A - B = -1.432 and +1.432: within 1.5.
        LandmarkSet b1 = worked().withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(90, 100));
        Comparison c1 = ReadingComparator.compare(worked(), b1, NONE, OPTS);
        MeasurementDifference hka = row(c1, r(LimbMeasure.HKA));
        assertEquals(-2.864, hka.a().orElseThrow().value(), 1e-3);
        assertEquals(-1.432, hka.b().orElseThrow().value(), 1e-3);
        assertEquals(-1.432, hka.difference().getAsDouble(), 1e-3);
        assertEquals(Optional.of(1.5), hka.limit());
        assertEquals(Verdict.WITHIN_LIMIT, hka.verdict());
        assertEquals(1.432, row(c1, r(LimbMeasure.MLDFA)).difference().getAsDouble(), 1e-3);
        assertEquals(10.0, landmark(c1, "R.femoralHeadCenter").distance().getAsDouble(), 1e-12);
        assertEquals(0.0, landmark(c1, "R.kneeCenter").distance().getAsDouble(), 1e-12);

        // B: H at (80,100): H, K, A collinear. HKA 0, mLDFA 88.568: differences 2.864, beyond 1.5.
        LandmarkSet b2 = worked().withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(80, 100));
        Comparison c2 = ReadingComparator.compare(worked(), b2, NONE, OPTS);
        assertEquals(-2.864, row(c2, r(LimbMeasure.HKA)).difference().getAsDouble(), 1e-3);
        assertEquals(Verdict.EXCEEDS_LIMIT, row(c2, r(LimbMeasure.HKA)).verdict());
        assertEquals(2.864, row(c2, r(LimbMeasure.MLDFA)).difference().getAsDouble(), 1e-3);
        assertEquals(0.0, row(c2, r(LimbMeasure.MPTA)).difference().getAsDouble(), 1e-9);
        assertEquals(Verdict.WITHIN_LIMIT, row(c2, r(LimbMeasure.MPTA)).verdict());
        // CPAK: A is IV (aHKA -2.864), B is V (aHKA 0).
        assertEquals("IV", row(c2, r(LimbMeasure.CPAK)).a().orElseThrow().text().orElseThrow());
        assertEquals("V", row(c2, r(LimbMeasure.CPAK)).b().orElseThrow().text().orElseThrow());
        assertEquals(Verdict.DIFFERENT, row(c2, r(LimbMeasure.CPAK)).verdict());
        assertEquals(List.of(r(LimbMeasure.HKA), r(LimbMeasure.MLDFA)),
                c2.exceeding().stream().map(MeasurementDifference::id).toList());
        assertEquals("R.femoralHeadCenter", c2.largestLandmarkDistance().orElseThrow().id());
    }

    @Test
    void calibratedDistancesAndLengthLimitsAreInMillimetres() {
        Calibration cal = Calibration.of(PixelSpacing.of(0.2, 0.1), CalibrationSource.USER_LINE, "line", null);
        // Move the ankle by (10, 10) px: 1 mm across, 2 mm down -> sqrt(5) mm.
        LandmarkSet b = worked().withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(110, 910));
        Comparison c = ReadingComparator.compare(worked(), b, cal, OPTS);
        LandmarkDifference ankle = landmark(c, "R.ankleCenter");
        assertEquals(Math.sqrt(5), ankle.distance().getAsDouble(), 1e-12);
        assertEquals(Unit.MM, ankle.unit());
        MeasurementDifference tibia = row(c, r(LimbMeasure.TIBIA_LENGTH));
        assertEquals(Optional.of(3.0), tibia.limit());
        assertEquals(Unit.MM, tibia.a().orElseThrow().unit());
        // Tibia K (90,500)->A in mm: A (100,900) -> (1, 80) mm; B (110,910) -> (2, 82) mm.
        assertEquals(Math.hypot(1, 80) - Math.hypot(2, 82), tibia.difference().getAsDouble(), 1e-9);
        assertEquals(Verdict.WITHIN_LIMIT, tibia.verdict());
    }

    @Test
    void readingsWithDifferentLandmarksListWhatIsMissing() {
        LandmarkSet b = worked().without(org.orthomeasure.core.landmarks.LandmarkKey.of(Side.R,
                LimbLandmark.TIBIAL_PLATEAU_MEDIAL)).withPoint(Side.L, LimbLandmark.KNEE_CENTER, Point2.of(700, 500));
        Comparison c = ReadingComparator.compare(worked(), b, NONE, OPTS);
        LandmarkDifference tpm = landmark(c, "R.tibialPlateauMedial");
        assertTrue(tpm.a().isPresent());
        assertTrue(tpm.b().isEmpty());
        assertTrue(tpm.distance().isEmpty());
        assertTrue(landmark(c, "L.kneeCenter").a().isEmpty());
        assertEquals(Verdict.MISSING, row(c, r(LimbMeasure.MPTA)).verdict());
        assertEquals(Verdict.WITHIN_LIMIT, row(c, r(LimbMeasure.HKA)).verdict());
        // Order: R landmarks then L.
        assertEquals("L.kneeCenter", c.landmarks().get(c.landmarks().size() - 1).id());
    }

    @Test
    void cobbAngleLimitIsSevenDegrees() {
        LandmarkSet a = LandmarkSet.empty().withCobbLines(lines(15, -15)); // 30 deg (worked number 4 shape)
        Comparison within = ReadingComparator.compare(a, LandmarkSet.empty().withCobbLines(lines(18, -18)), NONE, OPTS);
        MeasurementDifference d = row(within, MeasurementId.COBB);
        assertEquals(30.0, d.a().orElseThrow().value(), 1e-9);
        assertEquals(36.0, d.b().orElseThrow().value(), 1e-9);
        assertEquals(-6.0, d.difference().getAsDouble(), 1e-9);
        assertEquals(Verdict.WITHIN_LIMIT, d.verdict());
        assertEquals(Optional.empty(), d.sameEnds());
        Comparison beyond = ReadingComparator.compare(a, LandmarkSet.empty().withCobbLines(lines(19, -19)), NONE, OPTS);
        assertEquals(-8.0, row(beyond, MeasurementId.COBB).difference().getAsDouble(), 1e-9);
        assertEquals(Verdict.EXCEEDS_LIMIT, row(beyond, MeasurementId.COBB).verdict());
        // Both lines turned about their midpoints: the midpoints have not moved.
        assertEquals(0.0, landmark(beyond, "cobbLines.upper").distance().getAsDouble(), 1e-9);
    }

    /** Two 100 px lines centred at (50, 0) and (50, 500), tilted by the given angles (degrees, y down). */
    static CobbLines lines(double upperDeg, double lowerDeg) {
        return CobbLines.of(line(50, 0, upperDeg), line(50, 500, lowerDeg));
    }

    static Segment2 line(double cx, double cy, double deg) {
        double dx = 50 * Math.cos(Math.toRadians(deg));
        double dy = 50 * Math.sin(Math.toRadians(deg));
        return Segment2.of(Point2.of(cx - dx, cy - dy), Point2.of(cx + dx, cy + dy));
    }

    @Test
    void curvesSayWhetherTheSameEndVertebraeWereChosen() {
        double[] tiltsA = new double[17];
        tiltsA[SpineLevel.T3.ordinal()] = 10;
        tiltsA[SpineLevel.L2.ordinal()] = -15;
        double[] tiltsB = tiltsA.clone();
        tiltsB[SpineLevel.T4.ordinal()] = 11;
        Comparison c = ReadingComparator.compare(spine(tiltsA), spine(tiltsB), NONE, OPTS);
        MeasurementDifference major = row(c, MeasurementId.COBB_MAJOR);
        assertEquals(SpineLevel.T3, major.a().orElseThrow().from().orElseThrow());
        assertEquals(SpineLevel.T4, major.b().orElseThrow().from().orElseThrow());
        assertEquals(25.0, major.a().orElseThrow().value(), 1e-9);
        assertEquals(26.0, major.b().orElseThrow().value(), 1e-9);
        assertEquals(Optional.of(false), major.sameEnds());
        assertEquals(Verdict.WITHIN_LIMIT, major.verdict());
        assertEquals(Optional.of(true), row(ReadingComparator.compare(spine(tiltsA), spine(tiltsA), NONE, OPTS),
                MeasurementId.COBB_MAJOR).sameEnds());
        assertEquals(68, c.landmarks().size());
        assertEquals("T1.topLeft", c.landmarks().get(0).id());
        assertEquals("L5.bottomRight", c.landmarks().get(67).id());
        assertFalse(landmark(c, "T4.topLeft").distance().getAsDouble() == 0);
    }

    /** 17 vertebrae 60 x 40 px, 100 px apart, each rotated about its centre by its tilt (degrees). */
    static LandmarkSet spine(double[] tilts) {
        LandmarkSet s = LandmarkSet.empty();
        for (SpineLevel l : SpineLevel.values()) {
            double cx = 300;
            double cy = 100 + 100 * l.ordinal();
            double t = Math.toRadians(tilts[l.ordinal()]);
            s = s.withVertebra(Vertebra.of(l, rot(cx, cy, -30, -20, t), rot(cx, cy, 30, -20, t), rot(cx, cy, -30, 20, t),
                    rot(cx, cy, 30, 20, t)));
        }
        return s;
    }

    static Point2 rot(double cx, double cy, double x, double y, double t) {
        return Point2.of(cx + x * Math.cos(t) - y * Math.sin(t), cy + x * Math.sin(t) + y * Math.cos(t));
    }

    @Test
    void limitsAreValidatedAndDocumented() {
        InterObserverLimits l = InterObserverLimits.standard();
        assertEquals(Optional.of(7.0), l.limitFor(MeasurementId.COBB_MAJOR, Unit.DEG));
        assertEquals(Optional.of(1.5), l.limitFor(r(LimbMeasure.MPTA), Unit.DEG));
        assertEquals(Optional.of(3.0), l.limitFor(MeasurementId.LLD, Unit.MM));
        assertEquals(Optional.empty(), l.limitFor(MeasurementId.LLD, Unit.PX));
        assertEquals(Optional.empty(), l.limitFor(r(LimbMeasure.AHKA), Unit.DEG));
        assertThrows(IllegalArgumentException.class, () -> new InterObserverLimits(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new InterObserverLimits(7, Double.NaN, 1));
    }
}
