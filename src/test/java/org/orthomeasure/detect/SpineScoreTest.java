package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpineScoreTest {

    @Test
    void smapeOfTheSpecExample() {
        // spec: gt (30, 10, 15), pred (28, 12, 15) -> 4/110 = 3.636 %
        FilmScore f = new FilmScore("a", new double[] {30, 10, 15}, new double[] {28, 12, 15}, 5, false);
        assertEquals(400.0 / 110, f.smapePercent(), 1e-9);
    }

    @Test
    void averagesOverFilmsAndCurves() {
        FilmScore a = new FilmScore("a", new double[] {30, 10, 15}, new double[] {28, 12, 15}, 4, false);
        FilmScore b = new FilmScore("b", new double[] {20, 5, 5}, new double[] {20, 5, 5}, 8, true);
        SpineScore s = SpineScore.of(List.of(a, b));
        assertEquals(2, s.films());
        assertEquals((400.0 / 110) / 2, s.smapePercent(), 1e-9);
        assertEquals(1.0, s.maeMajorDeg(), 1e-12);
        assertEquals(1.0, s.maeUpperDeg(), 1e-12);
        assertEquals(0.0, s.maeLowerDeg(), 1e-12);
        assertEquals(6.0, s.meanCornerDistancePx(), 1e-12);
        assertEquals(1, s.lowConfidenceFilms());
    }

    @Test
    void straightSpineBothZeroScoresZeroNotNaN() {
        FilmScore f = new FilmScore("z", new double[3], new double[3], 0, false);
        assertEquals(0.0, f.smapePercent());
    }

    @Test
    void rejectsEmptyAndMalformed() {
        assertThrows(IllegalArgumentException.class, () -> SpineScore.of(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new FilmScore("x", new double[2], new double[3], 0, false));
    }
}
