package org.orthomeasure.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;

class MeasurementValuesTest {

    @Test
    void idsAreTheIssuesIdsInCanonicalOrder() {
        List<String> ids = MeasurementId.all().stream().map(MeasurementId::id).toList();
        assertEquals(45, ids.size());
        assertEquals("R.HKA", ids.get(0));
        assertEquals(List.of("R.HKA", "R.mLDFA", "R.MPTA", "R.JLCA", "R.MAD", "R.femurLength", "R.tibiaLength",
                "R.legLength", "R.aHKA", "R.JLO", "R.CPAK", "R.mLPFA", "R.aMPFA", "R.aLDFA", "R.AMA", "R.aMPTA",
                "R.mLDTA", "R.aLDTA", "R.aTFA", "R.fullLegLength"), ids.subList(0, 20));
        assertEquals("L.HKA", ids.get(20));
        assertEquals("L.fullLegLength", ids.get(39));
        assertEquals(List.of("LLD", "cobb", "cobb.major", "cobb.upper", "cobb.lower"), ids.subList(40, 45));
        assertEquals(MeasurementId.limb(Side.L, LimbMeasure.JLO), MeasurementId.parse("L.JLO").orElseThrow());
        assertTrue(MeasurementId.parse("R.hka").isEmpty());
    }

    @Test
    void normalRangesFromTheSpec() {
        assertRange("R.HKA", Unit.DEG, -3, 3);
        assertRange("L.mLDFA", Unit.DEG, 85, 90);
        assertRange("R.MPTA", Unit.DEG, 85, 90);
        assertRange("R.JLCA", Unit.DEG, 0, 2);
        assertRange("R.MAD", Unit.MM, 1, 15);
        assertRange("R.aHKA", Unit.DEG, -2, 2);
        assertRange("R.JLO", Unit.DEG, 177, 183);
        NormalRange jlca = range(MeasurementId.parse("R.JLCA").orElseThrow(), Unit.DEG).orElseThrow();
        assertTrue(jlca.lowReliability());
        assertEquals("0–2 deg (low reliability)", jlca.describe());
        // a negative bound gets the minus sign and "to", so the range cannot read as "3–3"
        assertEquals("\u22123 to 3 deg", range(MeasurementId.parse("R.HKA").orElseThrow(), Unit.DEG)
                .orElseThrow().describe());
        NormalRange cobb = range(MeasurementId.COBB_MAJOR, Unit.DEG).orElseThrow();
        assertTrue(cobb.contains(9.99));
        assertFalse(cobb.contains(10.0)); // scoliosis >= 10°
        assertEquals("< 10 deg", cobb.describe());
        assertTrue(range(MeasurementId.parse("R.MAD").orElseThrow(), Unit.PX).isEmpty());
        assertTrue(range(MeasurementId.LLD, Unit.MM).isEmpty());
    }

    private static java.util.Optional<NormalRange> range(MeasurementId id, Unit unit) {
        return id.definition().normalRange(MeasurementOptions.defaults(), unit);
    }

    private static void assertRange(String id, Unit unit, double lo, double hi) {
        NormalRange r = range(MeasurementId.parse(id).orElseThrow(), unit).orElseThrow();
        assertEquals(lo, r.lower());
        assertEquals(hi, r.upper());
        assertTrue(r.contains(lo) && r.contains(hi));
        assertFalse(r.contains(lo - 0.001) || r.contains(hi + 0.001));
    }

    @Test
    void measurementInvariants() {
        MeasurementId hka = MeasurementId.parse("R.HKA").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> new Measurement(hka, OptionalDouble.of(1), Optional.of("x"),
                Unit.DEG, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> Measurement.angle(hka, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Measurement.length(hka, 1, Unit.DEG, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Measurement(hka, OptionalDouble.of(1), Optional.empty(),
                Unit.DEG, Optional.of(SpineLevel.T1), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThrows(IllegalStateException.class, () -> Measurement.text(MeasurementId.parse("R.CPAK").orElseThrow(), "IV").value());
        assertEquals("-2.864", Measurement.angle(hka, -2.86398).formattedValue());
        assertEquals("0.000", Measurement.angle(hka, -1e-12).formattedValue()); // never "-0.000"
        assertTrue(Measurement.angle(hka, -3.5).isOutsideNormal());
        assertFalse(Measurement.angle(hka, -2.9).isOutsideNormal());
    }

    @Test
    void setRejectsDuplicatesAndConflicts() {
        MeasurementId hka = MeasurementId.parse("R.HKA").orElseThrow();
        Calibration none = Calibration.none(null);
        assertThrows(IllegalArgumentException.class, () -> MeasurementSet.of(
                List.of(Measurement.angle(hka, 1), Measurement.angle(hka, 2)), Map.of(), none, List.of()));
        assertThrows(IllegalArgumentException.class, () -> MeasurementSet.of(
                List.of(Measurement.angle(hka, 1)), Map.of(hka, Missing.of(List.of("R.kneeCenter"))), none, List.of()));
        MeasurementSet s = MeasurementSet.of(List.of(Measurement.angle(MeasurementId.COBB, 3), Measurement.angle(hka, 1)),
                Map.of(), none, List.of());
        assertEquals(hka, s.measurements().get(0).id()); // canonical order
    }
}
