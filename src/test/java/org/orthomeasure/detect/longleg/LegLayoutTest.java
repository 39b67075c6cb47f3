package org.orthomeasure.detect.longleg;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.landmarks.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which legs a film shows (its shape and laterality) and whether its orientation is the AP convention. */
class LegLayoutTest {

    @Test
    void aWideFilmIsBilateralWhateverItsLateralitySays() {
        assertEquals(Optional.of(LegLayout.bilateral()), LegLayout.fromFilm(512, 1400, Optional.empty()));
        assertEquals(Optional.of(LegLayout.bilateral()), LegLayout.fromFilm(512, 1400, Optional.of("B")));
        assertEquals(Optional.of(LegLayout.bilateral()), LegLayout.fromFilm(2048, 7168, Optional.of("R")));
    }

    @Test
    void aOneLegFilmTakesItsSideFromTheLaterality() {
        assertEquals(Optional.of(LegLayout.oneLeg(Side.R)), LegLayout.fromFilm(128, 1024, Optional.of("R")));
        assertEquals(Optional.of(LegLayout.oneLeg(Side.L)), LegLayout.fromFilm(128, 1024, Optional.of(" l ")));
        assertTrue(LegLayout.fromFilm(128, 1024, Optional.empty()).isEmpty(), "one leg, side unknown: the user says");
        assertTrue(LegLayout.fromFilm(128, 1024, Optional.of("B")).isEmpty());
        assertTrue(LegLayout.fromFilm(128, 1024, Optional.of("U")).isEmpty());
    }

    @Test
    void aLayoutIsNotMirroredUnlessSaid() {
        assertTrue(!LegLayout.bilateral().mirrored() && !LegLayout.oneLeg(Side.L).mirrored());
        assertTrue(LegLayout.oneLeg(Side.L).withMirrored(true).mirrored());
        assertEquals(Optional.of(Side.L), LegLayout.oneLeg(Side.L).withMirrored(true).oneLeg());
    }
}
