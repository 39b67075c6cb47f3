package org.orthomeasure.ui.text;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.measure.LimbMeasure;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.Unit;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.VertebraCorner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words of the panels for known values (sign conventions of measurements.md). */
class MeasurementTextTest {

    private static Measurement angle(LimbMeasure l, double v) {
        return Measurement.angle(MeasurementId.limb(Side.L, l), v);
    }

    @Test
    void hkaReadsVarusOrValgusWithItsHundredAndEightyDegreeForm() {
        assertEquals("6.0° varus (174.0°)", MeasurementText.value(angle(LimbMeasure.HKA, -6.0)));
        assertEquals("2.1° valgus (182.1°)", MeasurementText.value(angle(LimbMeasure.HKA, 2.1)));
        assertEquals("0.0° (180.0°)", MeasurementText.value(angle(LimbMeasure.HKA, -0.04)));
        assertEquals("outside normal (−3 to 3°)", MeasurementText.flag(angle(LimbMeasure.HKA, -6.0)));
        assertTrue(MeasurementText.isFlagged(angle(LimbMeasure.HKA, -6.0)));
    }

    @Test
    void madReadsItsDirectionPositiveMedial() {
        MeasurementId mad = MeasurementId.limb(Side.R, LimbMeasure.MAD);
        assertEquals("21.0 mm medial", MeasurementText.value(Measurement.length(mad, 21.0, Unit.MM, "calibrated in file")));
        assertEquals("4.5 mm lateral", MeasurementText.value(Measurement.length(mad, -4.5, Unit.MM, "calibrated in file")));
        assertEquals("20.0 px medial (uncalibrated)", MeasurementText.value(Measurement.length(mad, 20, Unit.PX, "px (uncalibrated)")));
        assertEquals("0.0 mm", MeasurementText.value(Measurement.length(mad, 0.01, Unit.MM, "calibrated in file")));
        assertEquals("outside normal (1–15 mm)", MeasurementText.flag(Measurement.length(mad, 21.0, Unit.MM, "x")));
    }

    @Test
    void joCpakAndAhkaAreCategoriesNotAbnormalities() {
        Measurement jlo = angle(LimbMeasure.JLO, 173.0);
        assertEquals("apex distal", MeasurementText.flag(jlo));
        assertFalse(MeasurementText.isFlagged(jlo), "a category is not an abnormality");
        assertEquals("neutral 177–183°", MeasurementText.range(jlo));
        assertEquals("neutral", MeasurementText.flag(angle(LimbMeasure.JLO, 183.0)));
        assertEquals("apex proximal", MeasurementText.flag(angle(LimbMeasure.JLO, 183.1)));
        assertEquals("varus", MeasurementText.flag(angle(LimbMeasure.AHKA, -5.0)));
        assertEquals("neutral", MeasurementText.flag(angle(LimbMeasure.AHKA, 2.0)));
        assertEquals("valgus", MeasurementText.flag(angle(LimbMeasure.AHKA, 2.5)));
        Measurement cpak = Measurement.text(MeasurementId.limb(Side.R, LimbMeasure.CPAK), "IV");
        assertEquals("IV", MeasurementText.value(cpak));
        assertTrue(MeasurementText.flag(cpak).startsWith("varus"), MeasurementText.flag(cpak));
    }

    @Test
    void outOfRangeFlagsNameTheRangeAndJlcaSaysWhyItIsLowReliability() {
        assertEquals("outside normal (85–90°)", MeasurementText.flag(angle(LimbMeasure.MPTA, 84.0)));
        assertEquals("", MeasurementText.flag(angle(LimbMeasure.MPTA, 87.0)));
        assertEquals("85–90°", MeasurementText.range(angle(LimbMeasure.MPTA, 87.0)));
        assertEquals("low reliability", MeasurementText.flag(angle(LimbMeasure.JLCA, 1.0)));
        assertEquals("outside normal (0–2°), low reliability", MeasurementText.flag(angle(LimbMeasure.JLCA, 4.0)));
        assertTrue(MeasurementText.flagTooltip(angle(LimbMeasure.JLCA, 1.0)).orElseThrow().contains("poor"));
        assertEquals(Optional.empty(), MeasurementText.flagTooltip(angle(LimbMeasure.MPTA, 84.0)));
    }

    @Test
    void aCobbCurveThatDoesNotExistIsAbsentNeverZeroDegreesT1ToT1() {
        Measurement none = Measurement.angle(MeasurementId.COBB_UPPER, 0).withEnds(SpineLevel.T1, SpineLevel.T1);
        assertEquals("absent", MeasurementText.value(none));
        assertEquals("no such curve on this film", MeasurementText.flag(none));
        assertFalse(MeasurementText.isFlagged(none));
        Measurement major = Measurement.angle(MeasurementId.COBB_MAJOR, 31.4).withEnds(SpineLevel.T5, SpineLevel.T12);
        assertEquals("31.4° T5–T12", MeasurementText.value(major));
        assertEquals("outside normal (< 10°)", MeasurementText.flag(major));
    }

    @Test
    void namesAreWordsNotIds() {
        assertEquals("Femur length", MeasurementText.name(MeasurementId.limb(Side.R, LimbMeasure.FEMUR_LENGTH)));
        assertEquals("Upper curve", MeasurementText.name(MeasurementId.COBB_UPPER));
        assertEquals("HKA", MeasurementText.name(MeasurementId.limb(Side.R, LimbMeasure.HKA)));
        assertEquals("Right femoral condyle, medial",
                ClinicalText.landmark(LandmarkKey.of(Side.R, LimbLandmark.FEMORAL_CONDYLE_MEDIAL)));
        assertEquals("Upper endplate line, 1st end", ClinicalText.point(new PointRef.CobbEnd(PointRef.CobbLine.UPPER, true)));
        assertEquals("T4, top-left corner", ClinicalText.point(new PointRef.Corner(SpineLevel.T4, VertebraCorner.TOP_LEFT)));
        assertEquals("Right femoral condyle, medial and Right femoral condyle, lateral coincide; T4 kept",
                ClinicalText.withNames("R.femoralCondyleMedial and R.femoralCondyleLateral coincide; T4 kept"));
        assertEquals("Left femoral head rim: 2 points", ClinicalText.withNames("L.femoralHeadRim[1]: 2 points"));
    }
}
