package org.orthomeasure.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Segment2;
import org.orthomeasure.core.landmarks.CobbLines;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.spine.SpineFixtures;

class MeasurementEngineTest {

    private static final double EPS = 5e-4;
    private static final Calibration NONE = Calibration.none("test");
    private static final Calibration MM015 = Calibration.of(PixelSpacing.isotropic(0.15),
            CalibrationSource.PIXEL_SPACING, "test", null);

    private static double value(MeasurementSet set, String id) {
        return set.get(id).orElseThrow(() -> new AssertionError(id + " missing: " + set.missing())).value();
    }

    @Test
    void workedNumber1ThroughTheEngine() {
        MeasurementSet set = MeasurementEngine.measure(LimbFixtures.workedNumber1Right(), NONE,
                MeasurementOptions.defaults());
        assertEquals(-2.864, value(set, "R.HKA"), EPS);
        // mLDFA 91.432 > 90 with MPTA 88.568 >= 85: the spec's malalignment test says femoral origin
        assertEquals("varus; 177.136° as 180°-based HKA; varus origin femoral (mLDFA > 90°)",
                set.get("R.HKA").orElseThrow().note().orElseThrow());
        assertEquals(91.432, value(set, "R.mLDFA"), EPS);
        assertEquals(88.568, value(set, "R.MPTA"), EPS);
        assertEquals(0.0, value(set, "R.JLCA"), 1e-12);
        assertEquals(-2.864, value(set, "R.aHKA"), EPS);
        assertEquals(180.000, value(set, "R.JLO"), EPS);
        assertEquals("IV", set.get("R.CPAK").orElseThrow().text().orElseThrow());
        Measurement mad = set.get("R.MAD").orElseThrow();
        assertEquals(10.0, mad.value(), 1e-12);
        assertEquals(Unit.PX, mad.unit()); // no calibration: px, never mm
        assertEquals("px (uncalibrated)", mad.calibrationLabel().orElseThrow());
        assertEquals("line H–A passes medial of K", mad.note().orElseThrow());
        assertTrue(set.get("R.mLDFA").orElseThrow().isOutsideNormal()); // 91.4 > 90
        assertFalse(set.get("R.MPTA").orElseThrow().isOutsideNormal());
        assertTrue(set.get("R.JLCA").orElseThrow().normalRange().orElseThrow().lowReliability());
        // MAD has a normal range in mm only
        assertTrue(mad.normalRange().isEmpty());
    }

    @Test
    void workedNumber6LengthsAndLld() {
        LandmarkSet set = LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(300, 200))
                .withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(310, 1800))
                .withPoint(Side.L, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(900, 210))
                .withPoint(Side.L, LimbLandmark.ANKLE_CENTER, Point2.of(890, 1790));
        MeasurementSet m = MeasurementEngine.measure(set, MM015, MeasurementOptions.defaults());
        assertEquals(240.005, value(m, "R.legLength"), EPS);
        assertEquals(237.005, value(m, "L.legLength"), EPS);
        Measurement lld = m.get(MeasurementId.LLD).orElseThrow();
        assertEquals(3.0, lld.value(), EPS);
        assertEquals(Unit.MM, lld.unit());
        assertEquals("mm, pixel spacing, source unknown", lld.calibrationLabel().orElseThrow());
        assertTrue(lld.note().orElseThrow().startsWith("right longer"));
        // Without calibration the same lengths are in px.
        MeasurementSet px = MeasurementEngine.measure(set, NONE, MeasurementOptions.defaults());
        assertEquals(1600.03125, value(px, "R.legLength"), 1e-5);
        assertEquals(Unit.PX, px.get(MeasurementId.LLD).orElseThrow().unit());
        assertEquals(20.0, value(px, "LLD"), 1e-3);
    }

    @Test
    void lldBelowDisplayResolutionNamesNoLongerSide() {
        // Left ankle 0.02 mm lower than the right: LLD -0.02 mm, shown as 0.0 mm, so not "left longer".
        LandmarkSet set = LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(300, 200))
                .withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(300, 1800))
                .withPoint(Side.L, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(900, 200))
                .withPoint(Side.L, LimbLandmark.ANKLE_CENTER, Point2.of(900, 1800 + 0.02 / 0.15));
        Measurement lld = MeasurementEngine.measure(set, MM015, MeasurementOptions.defaults())
                .get(MeasurementId.LLD).orElseThrow();
        assertEquals(-0.02, lld.value(), 1e-9);
        assertTrue(lld.note().orElseThrow().startsWith("equal lengths"), lld.note().orElseThrow());
        // 0.06 mm is above the threshold: the longer side is named.
        Measurement longer = MeasurementEngine.measure(set.withPoint(Side.L, LimbLandmark.ANKLE_CENTER,
                        Point2.of(900, 1800 + 0.06 / 0.15)), MM015, MeasurementOptions.defaults())
                .get(MeasurementId.LLD).orElseThrow();
        assertTrue(longer.note().orElseThrow().startsWith("left longer"), longer.note().orElseThrow());
    }

    @Test
    void missingLandmarksAreNamedNeverZero() {
        LandmarkSet set = LimbFixtures.workedNumber1Right().without(LandmarkKey.parse("R.kneeCenter"));
        MeasurementSet m = MeasurementEngine.measure(set, NONE, MeasurementOptions.defaults());
        assertTrue(m.get("R.HKA").isEmpty());
        assertEquals(List.of("R.kneeCenter"), m.missing().get(MeasurementId.limb(Side.R, LimbMeasure.HKA)).landmarks());
        assertEquals(List.of("R.kneeCenter"), m.missing().get(MeasurementId.limb(Side.R, LimbMeasure.MLDFA)).landmarks());
        assertEquals(List.of("R.kneeCenter"), m.missing().get(MeasurementId.limb(Side.R, LimbMeasure.CPAK)).landmarks());
        // JLCA and the leg length do not need the knee
        assertEquals(0.0, value(m, "R.JLCA"), 1e-12);
        assertEquals(800.0, value(m, "R.legLength"), 1e-12);
        // the other leg is entirely missing; LLD names both leg lengths' missing landmarks
        assertEquals(List.of("L.femoralHeadCenter", "L.kneeCenter", "L.ankleCenter"),
                m.missing().get(MeasurementId.limb(Side.L, LimbMeasure.HKA)).landmarks());
        assertEquals(List.of("L.femoralHeadCenter", "L.ankleCenter"), m.missing().get(MeasurementId.LLD).landmarks());
        assertEquals(List.of("cobbLines"), m.missing().get(MeasurementId.COBB).landmarks());
        assertEquals(17, m.missing().get(MeasurementId.COBB_MAJOR).landmarks().size());
        // every id is either measured or missing, never both
        for (MeasurementId id : MeasurementId.all()) {
            assertTrue(m.get(id).isPresent() ^ m.missing().containsKey(id), id.id());
        }
        for (Measurement x : m.measurements()) {
            assertTrue(x.number().isEmpty() || Double.isFinite(x.value()));
        }
    }

    @Test
    void coincidentLandmarksMakeTheMeasurementMissingWithAReason() {
        LandmarkSet set = LimbFixtures.workedNumber1Right()
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(120, 495));
        MeasurementSet m = MeasurementEngine.measure(set, NONE, MeasurementOptions.defaults());
        Missing missing = m.missing().get(MeasurementId.limb(Side.R, LimbMeasure.MLDFA));
        assertEquals(List.of("R.femoralCondyleMedial", "R.femoralCondyleLateral"), missing.landmarks());
        assertTrue(missing.note().orElseThrow().contains("coincide"));
        assertTrue(m.missing().containsKey(MeasurementId.limb(Side.R, LimbMeasure.CPAK)));
        assertEquals(-2.864, value(m, "R.HKA"), EPS); // unaffected
    }

    @Test
    void femoralHeadFittedFromRimPointsAndSaidSo() {
        LandmarkSet set = LimbFixtures.workedNumber1Right()
                .without(LandmarkKey.parse("R.femoralHeadCenter"))
                .withHeadRim(Side.R, List.of(Point2.of(75, 100), Point2.of(100, 75), Point2.of(125, 100),
                        Point2.of(100 + 25 * Math.cos(0.5), 100 - 25 * Math.sin(0.5))));
        MeasurementSet m = MeasurementEngine.measure(set, NONE, MeasurementOptions.defaults());
        assertEquals(-2.864, value(m, "R.HKA"), EPS);
        assertTrue(m.notes().contains("R.femoralHeadCenter fitted to 4 rim points (radius 25.0 px)"), m.notes().toString());
    }

    @Test
    void collinearOrTooFewRimPointsAreReported() {
        LandmarkSet base = LimbFixtures.workedNumber1Right().without(LandmarkKey.parse("R.femoralHeadCenter"));
        MeasurementSet collinear = MeasurementEngine.measure(base.withHeadRim(Side.R,
                List.of(Point2.of(0, 0), Point2.of(10, 10), Point2.of(20, 20))), NONE, MeasurementOptions.defaults());
        Missing m = collinear.missing().get(MeasurementId.limb(Side.R, LimbMeasure.HKA));
        assertEquals(List.of("R.femoralHeadCenter"), m.landmarks());
        assertEquals("R.femoralHeadRim: the 3 rim points are collinear: no circle fits them", m.note().orElseThrow());
        MeasurementSet few = MeasurementEngine.measure(base.withHeadRim(Side.R,
                List.of(Point2.of(0, 0), Point2.of(10, 10))), NONE, MeasurementOptions.defaults());
        assertEquals("R.femoralHeadRim has 2 points, a circle needs at least 3",
                few.missing().get(MeasurementId.limb(Side.R, LimbMeasure.HKA)).note().orElseThrow());
    }

    @Test
    void anisotropicSpacingComputesAnglesInMillimetres() {
        // Build worked number 1 in mm, then express it in pixels of 0.1 mm (rows) x 0.2 mm (columns).
        PixelSpacing spacing = PixelSpacing.of(0.1, 0.2);
        LandmarkSet mm = LimbFixtures.workedNumber1Right();
        LandmarkSet px = mm.map(p -> Point2.of(p.x() / spacing.columnMm(), p.y() / spacing.rowMm()));
        Calibration cal = Calibration.of(spacing, CalibrationSource.PIXEL_SPACING, "test", null);
        MeasurementSet m = MeasurementEngine.measure(px, cal, MeasurementOptions.defaults());
        assertEquals(-2.864, value(m, "R.HKA"), EPS);
        assertEquals(91.432, value(m, "R.mLDFA"), EPS);
        assertEquals(88.568, value(m, "R.MPTA"), EPS);
        assertEquals(10.0, value(m, "R.MAD"), 1e-9);
        assertEquals(Unit.MM, m.get("R.MAD").orElseThrow().unit());
        // Measured naively in pixels the angles would be wrong:
        MeasurementSet naive = MeasurementEngine.measure(px, NONE, MeasurementOptions.defaults());
        assertTrue(Math.abs(value(naive, "R.HKA") + 2.864) > 1);
    }

    @Test
    void cpakAsianBandOption() {
        // MPTA 88.568, mLDFA 91.432: aHKA -2.864 is varus (IV) with ±2°, neutral (V) with ±3°.
        LandmarkSet set = LimbFixtures.workedNumber1Right();
        assertEquals("IV", MeasurementEngine.measure(set, NONE, MeasurementOptions.defaults())
                .get("R.CPAK").orElseThrow().text().orElseThrow());
        Measurement asian = MeasurementEngine.measure(set, NONE, MeasurementOptions.defaults().withCpakAsianBand(true))
                .get("R.CPAK").orElseThrow();
        assertEquals("V", asian.text().orElseThrow());
        assertTrue(asian.note().orElseThrow().contains("±3°"));
    }

    @Test
    void cobbLinesAndSpineCurves() {
        double[] tilts = {0, 3, -10, -12, -8, -3, 2, 8, 12, 15, 14, 10, 6, 3, -4, 0, 0};
        LandmarkSet set = LandmarkSet.empty().withCobbLines(CobbLines.of(
                Segment2.of(Point2.of(0, 0), Point2.of(100, 26.795)),
                Segment2.of(Point2.of(0, 500), Point2.of(100, 473.205))));
        for (Vertebra v : SpineFixtures.spine(i -> 300 + 60 * Math.sin(2 * Math.PI * i / 16), tilts)) {
            set = set.withVertebra(v);
        }
        MeasurementSet m = MeasurementEngine.measure(set, NONE, MeasurementOptions.defaults());
        assertEquals(30.0, value(m, "cobb"), 1e-3);
        Measurement major = m.get(MeasurementId.COBB_MAJOR).orElseThrow();
        assertEquals(27.0, major.value(), 1e-9);
        assertEquals(SpineLevel.T4, major.from().orElseThrow());
        assertEquals(SpineLevel.T10, major.to().orElseThrow());
        assertEquals(15.0, value(m, "cobb.upper"), 1e-9);
        assertEquals(19.0, value(m, "cobb.lower"), 1e-9);
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("vertical extent of the labelled spine")), m.notes().toString());
        // With a film height given, no such note; a short film moves the major curve to the lower half.
        MeasurementSet withHeight = MeasurementEngine.measure(set, NONE, MeasurementOptions.defaults().withFilmHeight(900));
        assertTrue(withHeight.notes().isEmpty());
        assertEquals(3.0, value(withHeight, "cobb.lower"), 1e-9);
        // One vertebra missing: the curves name it.
        MeasurementSet partial = MeasurementEngine.measure(set.withoutVertebra(SpineLevel.L2), NONE,
                MeasurementOptions.defaults());
        assertEquals(List.of("L2"), partial.missing().get(MeasurementId.COBB_LOWER).landmarks());
        assertTrue(partial.missing().get(MeasurementId.COBB_MAJOR).note().orElseThrow().contains("consecutive"));
        // A thoracic-only film (T1..T12 placed): the curves use what is there and say so.
        LandmarkSet thoracic = set;
        for (SpineLevel l : List.of(SpineLevel.L1, SpineLevel.L2, SpineLevel.L3, SpineLevel.L4, SpineLevel.L5)) {
            thoracic = thoracic.withoutVertebra(l);
        }
        MeasurementSet t = MeasurementEngine.measure(thoracic, NONE, MeasurementOptions.defaults().withFilmHeight(2000));
        Measurement tMajor = t.get(MeasurementId.COBB_MAJOR).orElseThrow();
        assertEquals(27.0, tMajor.value(), 1e-9); // T4 (-12) to T10 (15) lie within T1..T12
        assertEquals(SpineLevel.T4, tMajor.from().orElseThrow());
        assertTrue(tMajor.note().orElseThrow().contains("measured over T1–T12 only (12 of 17 vertebrae)"),
                tMajor.note().toString());
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("T1–T12 only") && n.contains("L1, L2, L3, L4, L5")),
                t.notes().toString());
        assertFalse(m.notes().stream().anyMatch(n -> n.contains(" only (")), m.notes().toString());
    }

    @Test
    void varusOriginTibialAndCombined() {
        // Tilt the plateau so that MPTA drops to 83.568: with mLDFA 91.432 the origin is combined.
        double t = Math.toRadians(5);
        LandmarkSet set = LimbFixtures.workedNumber1Right()
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(90 + 30 * Math.cos(t), 505 + 30 * Math.sin(t)))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(90 - 30 * Math.cos(t), 505 - 30 * Math.sin(t)));
        MeasurementSet m = MeasurementEngine.measure(set, NONE, MeasurementOptions.defaults());
        assertEquals(83.568, value(m, "R.MPTA"), EPS);
        assertTrue(m.get("R.HKA").orElseThrow().note().orElseThrow()
                .endsWith("varus origin combined (MPTA < 85°, mLDFA > 90°)"));
    }

    @Test
    void mislabelledVertebraIsFlagged() {
        double[] tilts = new double[17];
        LandmarkSet set = LandmarkSet.empty();
        for (Vertebra v : SpineFixtures.spine(i -> 300, tilts)) {
            set = set.withVertebra(v.level() == SpineLevel.T7
                    ? Vertebra.of(v.level(), v.topRight(), v.topLeft(), v.bottomRight(), v.bottomLeft()) : v);
        }
        MeasurementSet m = MeasurementEngine.measure(set, NONE, MeasurementOptions.defaults());
        assertEquals(90.0, value(m, "cobb.major"), 1e-9); // the reference clips the reversed mid-line to 90°
        assertTrue(m.notes().stream().anyMatch(n -> n.startsWith("vertebra T7: its left-edge midpoint")), m.notes().toString());
    }

    @Test
    void bothLegsInCanonicalOrder() {
        MeasurementSet m = MeasurementEngine.measure(LimbFixtures.workedNumber1Both(), MM015,
                MeasurementOptions.defaults());
        List<String> ids = m.measurements().stream().map(x -> x.id().id()).toList();
        assertEquals(List.of("R.HKA", "R.mLDFA", "R.MPTA", "R.JLCA", "R.MAD", "R.femurLength", "R.tibiaLength",
                "R.legLength", "R.aHKA", "R.JLO", "R.CPAK", "L.HKA", "L.mLDFA", "L.MPTA", "L.JLCA", "L.MAD",
                "L.femurLength", "L.tibiaLength", "L.legLength", "L.aHKA", "L.JLO", "L.CPAK", "LLD"), ids);
        assertEquals(-2.864, value(m, "L.HKA"), EPS);
        assertEquals(0.0, value(m, "LLD"), 1e-9);
        assertEquals(1.5, value(m, "L.MAD"), 1e-9); // 10 px at 0.15 mm
    }

    @Test
    void notMeasuredListsOnlyThePartsWorkedOn() {
        LandmarkSet rightLegOnly = LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(100, 100))
                .withPoint(Side.R, LimbLandmark.KNEE_CENTER, Point2.of(90, 500));
        MeasurementSet m = MeasurementEngine.measure(rightLegOnly, NONE, MeasurementOptions.defaults());
        java.util.Set<String> listed = new java.util.TreeSet<>();
        m.missingWhereWorkedOn(rightLegOnly).keySet().forEach(id -> listed.add(id.id()));
        // the right leg's missing measurements, nothing of the left leg, LLD or the spine
        assertTrue(listed.contains("R.HKA") && listed.contains("R.MPTA"), listed.toString());
        assertTrue(listed.stream().allMatch(id -> id.startsWith("R.")), listed.toString());
        // the full map still has everything
        assertTrue(m.missing().containsKey(MeasurementId.LLD) && m.missing().containsKey(MeasurementId.COBB_MAJOR));
        // one vertebra placed: the curves are listed, the two-line Cobb and the legs are not
        LandmarkSet oneVertebra = LandmarkSet.empty().withVertebra(new org.orthomeasure.core.landmarks.Vertebra(
                org.orthomeasure.core.landmarks.SpineLevel.T1, Point2.of(0, 0), Point2.of(10, 0),
                Point2.of(0, 8), Point2.of(10, 8)));
        MeasurementSet s = MeasurementEngine.measure(oneVertebra, NONE, MeasurementOptions.defaults());
        java.util.Set<String> spine = new java.util.TreeSet<>();
        s.missingWhereWorkedOn(oneVertebra).keySet().forEach(id -> spine.add(id.id()));
        assertEquals(java.util.Set.of("cobb.major", "cobb.upper", "cobb.lower"), spine);
        // nothing placed at all: everything is listed
        assertEquals(MeasurementId.all().size(), MeasurementEngine.measure(LandmarkSet.empty(), NONE,
                MeasurementOptions.defaults()).missingWhereWorkedOn(LandmarkSet.empty()).size());
    }
}
