package org.orthomeasure.core.limb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Worked number 3 of measurements.md: CPAK from (MPTA, LDFA). */
class CpakTypeTest {

    @ParameterizedTest(name = "MPTA {0}, LDFA {1} -> {2}")
    @CsvSource({"85,90,I", "87,87,II", "90,85,III", "88,92,IV", "90,90,V", "93,88,VI", "90,94,VII", "92,92,VIII",
            "95,89,IX", "86,88,II", "88.5,88.5,V"})
    void workedNumber3(double mpta, double ldfa, CpakType expected) {
        assertEquals(expected, CpakType.fromAngles(mpta, ldfa, false));
    }

    @Test
    void boundsAreInclusive() {
        assertEquals(CpakType.V, CpakType.classify(-2.0, 177.0, false));
        assertEquals(CpakType.V, CpakType.classify(2.0, 183.0, false));
        assertEquals(CpakType.IV, CpakType.classify(-2.0001, 180, false));
        assertEquals(CpakType.VIII, CpakType.classify(0, 183.0001, false));
        // floating-point noise at a bound does not move a knee
        assertEquals(CpakType.V, CpakType.classify(0, 176.99999999999997, false));
    }

    @Test
    void asianBandWidensTheNeutralAhkaToThreeDegrees() {
        assertEquals(CpakType.IV, CpakType.classify(-2.5, 180, false));
        assertEquals(CpakType.V, CpakType.classify(-2.5, 180, true));
        assertEquals(CpakType.V, CpakType.classify(3.0, 180, true));
        assertEquals(CpakType.VI, CpakType.classify(3.01, 180, true));
        assertEquals("varus, apex distal", CpakType.I.describe());
        assertEquals("valgus, apex proximal", CpakType.IX.describe());
    }
}
