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
import org.orthomeasure.core.landmarks.SpineLevel;
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

    /** A run of {@code tilts.length} consecutive vertebrae from {@code first}, one every 60 px, centres x(i). */
    static List<Vertebra> run(SpineLevel first, java.util.function.IntToDoubleFunction x, double[] tilts) {
        List<Vertebra> out = new java.util.ArrayList<>();
        for (int i = 0; i < tilts.length; i++) {
            out.add(SpineFixtures.vertebra(SpineLevel.values()[first.ordinal() + i], x.applyAsDouble(i), 100 + 60 * i,
                    tilts[i]));
        }
        return out;
    }

    @Test
    void aLumbarOnlyFilmIsEvaluatedOnTheLevelsItShows() {
        // T12..L5, a C-shape whose chord is vertical (first and last level at x 300, level): not S-shaped
        double[] tilts = {0, 10, 18, 8, -6, 0};
        List<Vertebra> lumbar = run(SpineLevel.T12, i -> 300 + 60 * Math.sin(Math.PI * i / 5), tilts);
        assertFalse(SpineCurves.isSShaped(lumbar));
        SpineCurves.Result r = SpineCurves.evaluate(lumbar, OptionalDouble.of(2000));
        assertEquals(SpineCurves.Branch.NOT_S_SHAPED, r.branch());
        assertEquals(SpineLevel.T12, r.from());
        assertEquals(L5, r.to());
        assertFalse(r.wholeSpine());
        assertCurve(24, SpineLevel.L2, SpineLevel.L4, r.major()); // 18 - (-6)
        assertCurve(18, SpineLevel.T12, SpineLevel.L2, r.upper()); // the run's top vertebra to the upper end
        assertCurve(6, SpineLevel.L4, L5, r.lower()); // lower end to the run's bottom vertebra
        assertTrue(SpineCurves.evaluate(cShaped(), OptionalDouble.of(2000)).wholeSpine());
    }

    @Test
    void aPartialSShapedRunKeepsAboveAndBelowWithinTheRun() {
        // T10..L5, one full sine period across a vertical chord: S-shaped; major 12 - (-8) = 20 between T11 and L1
        double[] tilts = {0, 12, 4, -8, -2, 9, -5, 0};
        List<Vertebra> s = run(T10, i -> 300 + 60 * Math.sin(2 * Math.PI * i / 7), tilts);
        assertTrue(SpineCurves.isSShaped(s));
        SpineCurves.Result upperHalf = SpineCurves.evaluate(s, OptionalDouble.of(2000)); // bottoms 170 + 290 < 2000
        assertEquals(SpineCurves.Branch.S_SHAPED_UPPER_HALF, upperHalf.branch());
        assertCurve(20, SpineLevel.T11, SpineLevel.L1, upperHalf.major());
        assertCurve(12, T10, SpineLevel.T11, upperHalf.upper()); // T10 is the only vertebra above T11 in the run
        assertCurve(17, SpineLevel.L1, L3, upperHalf.lower()); // -8 against L3's 9
        SpineCurves.Result lowerHalf = SpineCurves.evaluate(s, OptionalDouble.of(400));
        assertEquals(SpineCurves.Branch.S_SHAPED_LOWER_HALF, lowerHalf.branch());
        assertCurve(0, T10, T10, lowerHalf.lower()); // nothing above T10 on this film
    }

    @Test
    void needsAtLeastFourConsecutiveVerticesInOrder() {
        assertEquals(SpineLevel.L4, SpineCurves.evaluate(cShaped().subList(0, 16), OptionalDouble.empty()).to());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpineCurves.evaluate(cShaped().subList(3, 6), OptionalDouble.empty()));
        assertTrue(e.getMessage().contains("at least 4"), e.getMessage());
        List<Vertebra> swapped = new java.util.ArrayList<>(cShaped());
        java.util.Collections.swap(swapped, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> SpineCurves.evaluate(swapped, OptionalDouble.empty()));
        List<Vertebra> gap = new java.util.ArrayList<>(cShaped());
        gap.remove(8);
        e = assertThrows(IllegalArgumentException.class, () -> SpineCurves.evaluate(gap, OptionalDouble.empty()));
        assertTrue(e.getMessage().contains("consecutive"), e.getMessage());
    }

    private static void assertCurve(double deg, Object upper, Object lower, Curve c) {
        assertEquals(deg, c.degrees(), EPS);
        assertEquals(upper, c.upperEnd());
        assertEquals(lower, c.lowerEnd());
    }
}
