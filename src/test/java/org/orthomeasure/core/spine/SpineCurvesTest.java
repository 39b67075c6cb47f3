package org.orthomeasure.core.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orthomeasure.core.landmarks.SpineLevel.L3;
import static org.orthomeasure.core.landmarks.SpineLevel.L5;
import static org.orthomeasure.core.landmarks.SpineLevel.T1;
import static org.orthomeasure.core.landmarks.SpineLevel.T10;
import static org.orthomeasure.core.landmarks.SpineLevel.T2;
import static org.orthomeasure.core.landmarks.SpineLevel.T4;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.landmarks.Vertebra;

/** The AASCE steps 1-5 on synthetic spines whose answers are known by construction. */
class SpineCurvesTest {

    private static final double EPS = 1e-9;
    /**
     * Tilts (deg): minimum -12 at T4, maximum 15 at T10; T2 = 3 and L3 = -4 separate the branches. T1 and L5
     * are level so that the first and last endplate midpoints lie exactly on the C-shape's chord.
     */
    private static final double[] TILTS = {0, 3, -10, -12, -8, -3, 2, 8, 12, 15, 14, 10, 6, 3, -4, 0, 0};

    private static List<Vertebra> cShaped() {
        return SpineFixtures.spine(i -> 300 + 60 * Math.sin(Math.PI * i / 16), TILTS);
    }

    private static List<Vertebra> sShaped() {
        return SpineFixtures.spine(i -> 300 + 60 * Math.sin(2 * Math.PI * i / 16), TILTS);
    }

    @Test
    void step3NotSShaped() {
        assertFalse(SpineCurves.isSShaped(cShaped()));
        SpineCurves.Result r = SpineCurves.evaluate(cShaped(), OptionalDouble.of(2000));
        assertEquals(SpineCurves.Branch.NOT_S_SHAPED, r.branch());
        assertCurve(27, T4, T10, r.major());
        assertCurve(12, T1, T4, r.upper()); // T1 to the upper end vertebra
        assertCurve(15, T10, L5, r.lower()); // lower end vertebra to L5
    }

    @Test
    void step4SShapedInTheUpperHalf() {
        assertTrue(SpineCurves.isSShaped(sShaped()));
        // bottom endplates of T4 (y 290) and T10 (y 650) sum to 940 < 2000
        SpineCurves.Result r = SpineCurves.evaluate(sShaped(), OptionalDouble.of(2000));
        assertEquals(SpineCurves.Branch.S_SHAPED_UPPER_HALF, r.branch());
        assertCurve(27, T4, T10, r.major());
        assertCurve(15, T2, T4, r.upper()); // largest angle with any vertebra above T4
        assertCurve(19, T10, L3, r.lower()); // largest angle with any vertebra below T10
    }

    @Test
    void step5SShapedOtherwise() {
        SpineCurves.Result r = SpineCurves.evaluate(sShaped(), OptionalDouble.of(900));
        assertEquals(SpineCurves.Branch.S_SHAPED_LOWER_HALF, r.branch());
        assertCurve(15, T2, T4, r.upper());
        assertCurve(3, T1, T2, r.lower()); // largest angle between T2 and any vertebra above it
    }

    @Test
    void withoutFilmHeightTheSpineExtentStandsIn() {
        // Spine spans y 90..1070 (plus tilt); T4 + T10 bottoms = 940 < ~1160 → upper half.
        SpineCurves.Result r = SpineCurves.evaluate(sShaped(), OptionalDouble.empty());
        assertEquals(SpineCurves.Branch.S_SHAPED_UPPER_HALF, r.branch());
    }

    @Test
    void perfectlyStraightVerticalSpineGivesZeroWithoutDividingByZero() {
        List<Vertebra> straight = SpineFixtures.spine(i -> 300, new double[17]);
        assertFalse(SpineCurves.isSShaped(straight));
        SpineCurves.Result r = SpineCurves.evaluate(straight, OptionalDouble.empty());
        assertEquals(0, r.major().degrees(), 0);
        assertEquals(0, r.upper().degrees(), 0);
        assertEquals(0, r.lower().degrees(), 0);
        assertEquals(T1, r.major().upperEnd());
    }

    @Test
    void sShapeIsDetectedWhenTheChordIsVertical() {
        // First and last endplate midpoints share x = 300: the normalised residual would divide by zero.
        List<Vertebra> s = SpineFixtures.spine(i -> i == 0 || i == 16 ? 300 : 300 + 40 * Math.sin(2 * Math.PI * i / 16),
                new double[17]);
        assertTrue(SpineCurves.isSShaped(s));
        List<Vertebra> c = SpineFixtures.spine(i -> i == 0 || i == 16 ? 300 : 300 + 40 * Math.sin(Math.PI * i / 16),
                new double[17]);
        assertFalse(SpineCurves.isSShaped(c));
    }

    @Test
    void needsAll17VerticesInOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpineCurves.evaluate(cShaped().subList(0, 16), OptionalDouble.empty()));
        assertTrue(e.getMessage().contains("17"));
        List<Vertebra> swapped = new java.util.ArrayList<>(cShaped());
        java.util.Collections.swap(swapped, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> SpineCurves.evaluate(swapped, OptionalDouble.empty()));
    }

    private static void assertCurve(double deg, Object upper, Object lower, Curve c) {
        assertEquals(deg, c.degrees(), EPS);
        assertEquals(upper, c.upperEnd());
        assertEquals(lower, c.lowerEnd());
    }
}
