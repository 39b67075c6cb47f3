package org.orthomeasure.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;

/** The extended lower-limb set (spec: measurements.md, "Extended lower-limb set", worked number 7). */
class ExtendedLimbSetTest {

    private static final double EPS = 5e-4;
    private static final Calibration NONE = Calibration.none("test");

    /** Worked number 7, right leg (px). */
    static LandmarkSet workedNumber7Right() {
        Map<LimbLandmark, Point2> p = Map.ofEntries(
                Map.entry(LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(100, 100)),
                Map.entry(LimbLandmark.GREATER_TROCHANTER_TIP, Point2.of(30, 110)),
                Map.entry(LimbLandmark.FEMORAL_HEAD_TOP, Point2.of(100, 75)),
                Map.entry(LimbLandmark.KNEE_CENTER, Point2.of(90, 500)),
                Map.entry(LimbLandmark.ANKLE_CENTER, Point2.of(100, 900)),
                Map.entry(LimbLandmark.FEMORAL_CONDYLE_MEDIAL, Point2.of(120, 500)),
                Map.entry(LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(60, 500)),
                Map.entry(LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(120, 510)),
                Map.entry(LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(60, 510)),
                Map.entry(LimbLandmark.FEMORAL_SHAFT_PROXIMAL, Point2.of(70, 200)),
                Map.entry(LimbLandmark.FEMORAL_SHAFT_DISTAL, Point2.of(85, 420)),
                Map.entry(LimbLandmark.TIBIAL_SHAFT_PROXIMAL, Point2.of(92, 600)),
                Map.entry(LimbLandmark.TIBIAL_SHAFT_DISTAL, Point2.of(98, 820)),
                Map.entry(LimbLandmark.PLAFOND_MEDIAL, Point2.of(115, 895)),
                Map.entry(LimbLandmark.PLAFOND_LATERAL, Point2.of(85, 895)));
        LandmarkSet set = LandmarkSet.empty();
        for (var e : p.entrySet()) {
            set = set.withPoint(Side.R, e.getKey(), e.getValue());
        }
        return set;
    }

    /** The same leg mirrored as a left leg: x → 1000 − x. */
    static LandmarkSet workedNumber7Left() {
        LandmarkSet set = LandmarkSet.empty();
        for (var e : workedNumber7Right().points().entrySet()) {
            set = set.withPoint(Side.L, e.getKey().landmark(), Point2.of(1000 - e.getValue().x(), e.getValue().y()));
        }
        return set;
    }

    private static MeasurementSet measure(LandmarkSet set) {
        return MeasurementEngine.measure(set, NONE, MeasurementOptions.defaults());
    }

    private static double value(MeasurementSet set, String id) {
        return set.get(id).orElseThrow(() -> new AssertionError(id + " missing: " + set.missing())).value();
    }

    private static void assertWorkedNumber7(MeasurementSet set, String s) {
        assertEquals(80.438, value(set, s + "mLPFA"), EPS);
        assertEquals(94.230, value(set, s + "aMPFA"), EPS);
        assertEquals(86.100, value(set, s + "aLDFA"), EPS);
        assertEquals(5.333, value(set, s + "AMA"), EPS);
        assertEquals(88.438, value(set, s + "aMPTA"), EPS);
        assertEquals(88.568, value(set, s + "mLDTA"), EPS);
        assertEquals(88.438, value(set, s + "aLDTA"), EPS);
        assertEquals(2.338, value(set, s + "aTFA"), EPS);
        assertEquals("valgus", set.get(s + "aTFA").orElseThrow().qualifier().orElseThrow());
        assertEquals(825.000, value(set, s + "fullLegLength"), 1e-9);
        assertEquals(Unit.PX, set.get(s + "fullLegLength").orElseThrow().unit());
        // worked number 1 unchanged (joint lines horizontal)
        assertEquals(-2.864, value(set, s + "HKA"), EPS);
        assertEquals(91.432, value(set, s + "mLDFA"), EPS);
        assertEquals(88.568, value(set, s + "MPTA"), EPS);
        assertEquals(10.0, value(set, s + "MAD"), 1e-9);
    }

    @Test
    void workedNumber7RightLeg() {
        MeasurementSet set = measure(workedNumber7Right());
        assertWorkedNumber7(set, "R.");
        // nothing of the right leg is missing
        assertTrue(set.missing().keySet().stream().noneMatch(id -> id.side().filter(x -> x == Side.R).isPresent()),
                set.missing().toString());
    }

    @Test
    void workedNumber7MirroredAsALeftLegGivesTheSameValues() {
        assertWorkedNumber7(measure(workedNumber7Left()), "L.");
        LandmarkSet both = workedNumber7Right();
        for (var e : workedNumber7Left().points().entrySet()) {
            both = both.withPoint(e.getKey(), e.getValue());
        }
        MeasurementSet set = measure(both);
        for (LimbMeasure m : LimbMeasure.values()) {
            Measurement r = set.get(MeasurementId.limb(Side.R, m)).orElseThrow();
            Measurement l = set.get(MeasurementId.limb(Side.L, m)).orElseThrow();
            if (r.number().isPresent()) {
                assertEquals(r.value(), l.value(), 1e-9, m.id());
            } else {
                assertEquals(r.text(), l.text(), m.id());
            }
        }
    }

    @Test
    void normalRangesOfTheSpecFlagTheWorkedLeg() {
        MeasurementSet set = measure(workedNumber7Right());
        assertRange(set, "R.mLPFA", 85, 95, true);   // 80.4 below
        assertRange(set, "R.aMPFA", 80, 89, true);   // 94.2 above
        assertRange(set, "R.aLDFA", 79, 83, true);   // 86.1 above
        assertRange(set, "R.AMA", 5, 9, false);      // 5.3
        assertRange(set, "R.aMPTA", 85, 90, false);
        assertRange(set, "R.mLDTA", 86, 92, false);
        assertRange(set, "R.aLDTA", 86, 92, false);
        assertRange(set, "R.aTFA", 5, 7, true);      // 2.3° valgus, below the 5–7° valgus band
        assertTrue(set.get("R.fullLegLength").orElseThrow().normalRange().isEmpty());
    }

    private static void assertRange(MeasurementSet set, String id, double lo, double hi, boolean outside) {
        Measurement m = set.get(id).orElseThrow();
        NormalRange r = m.normalRange().orElseThrow();
        assertEquals(lo, r.lower(), id);
        assertEquals(hi, r.upper(), id);
        assertEquals(outside, m.isOutsideNormal(), id);
    }

    @Test
    void missingOptionalLandmarksMakeTheirValuesAbsentNamedNeverZero() {
        LandmarkSet set = workedNumber7Right().without(org.orthomeasure.core.landmarks.LandmarkKey.of(Side.R,
                LimbLandmark.TIBIAL_SHAFT_DISTAL)).without(org.orthomeasure.core.landmarks.LandmarkKey.of(Side.R,
                LimbLandmark.FEMORAL_HEAD_TOP));
        MeasurementSet m = measure(set);
        for (String id : List.of("R.aMPTA", "R.aLDTA", "R.aTFA")) {
            assertTrue(m.get(id).isEmpty(), id);
            assertEquals(List.of("R.tibialShaftDistal"), m.missing().get(MeasurementId.parse(id).orElseThrow())
                    .landmarks(), id);
        }
        assertTrue(m.get("R.fullLegLength").isEmpty());
        assertEquals(List.of("R.femoralHeadTop"), m.missingWhereWorkedOn(set)
                .get(MeasurementId.parse("R.fullLegLength").orElseThrow()).landmarks());
        // the rest of the extended set is still there
        assertEquals(80.438, value(m, "R.mLPFA"), EPS);
        assertEquals(86.100, value(m, "R.aLDFA"), EPS);
        // the untouched left leg's extended values are missing, but not listed where nothing was placed
        assertTrue(m.missing().containsKey(MeasurementId.parse("L.aTFA").orElseThrow()));
        assertFalse(m.missingWhereWorkedOn(set).containsKey(MeasurementId.parse("L.aTFA").orElseThrow()));
    }

    @Test
    void coincidentShaftPointsLeaveTheAxisUndefined() {
        LandmarkSet set = workedNumber7Right().withPoint(Side.R, LimbLandmark.FEMORAL_SHAFT_DISTAL, Point2.of(70, 200));
        MeasurementSet m = measure(set);
        for (String id : List.of("R.aMPFA", "R.aLDFA", "R.AMA", "R.aTFA")) {
            assertTrue(m.get(id).isEmpty(), id);
            Missing why = m.missing().get(MeasurementId.parse(id).orElseThrow());
            assertEquals(List.of("R.femoralShaftProximal", "R.femoralShaftDistal"), why.landmarks(), id);
            assertTrue(why.note().orElseThrow().contains("coincide"), id);
        }
        assertEquals(88.438, value(m, "R.aMPTA"), EPS); // the tibial shaft is unaffected
        // a plafond of one point: no ankle joint line
        MeasurementSet n = measure(workedNumber7Right().withPoint(Side.R, LimbLandmark.PLAFOND_LATERAL,
                Point2.of(115, 895)));
        assertTrue(n.get("R.mLDTA").isEmpty() && n.get("R.aLDTA").isEmpty());
        // the trochanter on the head centre: no trochanter–head line
        MeasurementSet t = measure(workedNumber7Right().withPoint(Side.R, LimbLandmark.GREATER_TROCHANTER_TIP,
                Point2.of(100, 100)));
        assertTrue(t.get("R.mLPFA").isEmpty() && t.get("R.aMPFA").isEmpty());
    }

    @Test
    void parallelShaftsAreStraightAndAVarusKneeIsNegative() {
        // tibial shaft parallel to the femoral one: aTFA 0
        LandmarkSet straight = workedNumber7Right()
                .withPoint(Side.R, LimbLandmark.TIBIAL_SHAFT_PROXIMAL, Point2.of(92, 600))
                .withPoint(Side.R, LimbLandmark.TIBIAL_SHAFT_DISTAL, Point2.of(107, 820));
        assertEquals(0.0, value(measure(straight), "R.aTFA"), 1e-9);
        assertEquals("straight", measure(straight).get("R.aTFA").orElseThrow().qualifier().orElseThrow());
        // tibial shaft leaning medially more than the femur: f × t < 0 → varus, negative
        LandmarkSet varus = workedNumber7Right()
                .withPoint(Side.R, LimbLandmark.TIBIAL_SHAFT_DISTAL, Point2.of(130, 820));
        double v = value(measure(varus), "R.aTFA");
        assertTrue(v < 0, "varus must be negative, got " + v);
        double expected = Math.toDegrees(Math.atan2(38, 220) - Math.atan2(15, 220));
        assertEquals(-expected, v, 1e-9);
    }

    @Test
    void anisotropicSpacingConvertsToMillimetresBeforeTheAngles() {
        PixelSpacing spacing = PixelSpacing.of(0.2, 0.1); // rows 0.2 mm, columns 0.1 mm
        LandmarkSet px = workedNumber7Right().map(p -> Point2.of(p.x() / spacing.columnMm(), p.y() / spacing.rowMm()));
        MeasurementSet m = MeasurementEngine.measure(px, Calibration.of(spacing, CalibrationSource.PIXEL_SPACING,
                "test", null), MeasurementOptions.defaults());
        assertEquals(80.438, value(m, "R.mLPFA"), EPS);
        assertEquals(2.338, value(m, "R.aTFA"), EPS);
        assertEquals(825.000, value(m, "R.fullLegLength"), 1e-6);
        assertEquals(Unit.MM, m.get("R.fullLegLength").orElseThrow().unit());
    }

    @Test
    void withTheAsianCpakBandAnAhkaOf2point5IsNeutralAndNotFlagged() {
        double t = Math.toRadians(87.5);
        LandmarkSet set = LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(100, 100))
                .withPoint(Side.R, LimbLandmark.KNEE_CENTER, Point2.of(100, 500))
                .withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(100, 900))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, Point2.of(120, 500))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_LATERAL,
                        Point2.of(120 - 60 * Math.sin(t), 500 - 60 * Math.cos(t)))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(130, 510))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(70, 510));
        Measurement standard = measure(set).get("R.aHKA").orElseThrow();
        assertEquals(2.5, standard.value(), 1e-9);
        assertTrue(standard.isOutsideNormal()); // outside ±2°
        assertEquals("valgus", standard.qualifier().orElseThrow());
        Measurement asian = MeasurementEngine.measure(set, NONE, MeasurementOptions.defaults().withCpakAsianBand(true))
                .get("R.aHKA").orElseThrow();
        assertEquals(2.5, asian.value(), 1e-9);
        assertFalse(asian.isOutsideNormal(), "±3° band: 2.5° is neutral");
        assertEquals(-3, asian.normalRange().orElseThrow().lower());
        assertEquals("neutral", asian.qualifier().orElseThrow());
    }

    @Test
    void everyDefinitionNamesItsLandmarksAndItsLinesUseThem() {
        for (LimbMeasure m : LimbMeasure.values()) {
            MeasurementDefinition d = m.definition();
            assertFalse(d.landmarks().isEmpty(), m.id());
            assertFalse(d.name().isBlank(), m.id());
            assertEquals(m.id(), d.key());
            d.construction().ifPresent(c -> assertTrue(d.landmarks().containsAll(List.of(c.uFrom(), c.uTo(),
                    c.vFrom(), c.vTo())), m.id() + ": the overlay draws from the measured landmarks"));
            if (d.kind() == MeasurementDefinition.Kind.ANGLE && d.calculator().isPresent() && m != LimbMeasure.JLCA) {
                assertTrue(d.construction().isPresent(), m.id() + " is an angle without an overlay arc");
            }
        }
        // the extended angles need optional landmarks; the core ones do not
        assertTrue(LimbMeasure.ATFA.definition().isOptional());
        assertFalse(LimbMeasure.HKA.definition().isOptional());
        assertEquals("Femur length", LimbMeasure.FEMUR_LENGTH.definition().name());
    }
}
