package org.orthomeasure.core.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmapeTest {

    @Test
    void workedExample() {
        assertEquals(3.636, Smape.percent(List.of(new double[] {30, 10, 15}), List.of(new double[] {28, 12, 15})), 5e-4);
    }

    @Test
    void averagesOverImagesAndHandlesAllZero() {
        double p = Smape.percent(List.of(new double[] {30, 10, 15}, new double[] {0, 0, 0}),
                List.of(new double[] {28, 12, 15}, new double[] {0, 0, 0}));
        assertEquals(3.636 / 2, p, 5e-4);
        assertEquals(100.0, Smape.percent(List.of(new double[] {10, 0, 0}), List.of(new double[] {0, 0, 0})), 1e-12);
    }

    @Test
    void rejectsMismatchedOrNegativeInput() {
        assertThrows(IllegalArgumentException.class, () -> Smape.percent(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> Smape.imageTerm(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Smape.imageTerm(new double[] {-1}, new double[] {1}));
    }
}
