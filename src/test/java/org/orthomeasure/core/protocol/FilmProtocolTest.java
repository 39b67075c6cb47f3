package org.orthomeasure.core.protocol;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.landmarks.Protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FilmProtocolTest {

    private static Optional<Protocol> kind(String bodyPart, List<String> descriptions, int w, int h) {
        return FilmProtocol.guess(Optional.ofNullable(bodyPart), descriptions, w, h).map(FilmProtocol.Guess::kind);
    }

    @Test
    void bodyPartExaminedDecidesFirst() {
        assertEquals(Optional.of(Protocol.SPINE), kind("SPINE", List.of("standing long leg"), 1000, 2800));
        assertEquals(Optional.of(Protocol.SPINE), kind("TSPINE", List.of(), 1000, 1200));
        assertEquals(Optional.of(Protocol.LONG_LEG), kind("LOWER LIMB", List.of("scoliosis"), 1500, 4400));
        assertEquals(Optional.of(Protocol.LONG_LEG), kind("LEG", List.of(), 1500, 1500));
        assertEquals("Body Part Examined is SPINE",
                FilmProtocol.guess(Optional.of("SPINE"), List.of(), 1, 1).orElseThrow().because());
    }

    @Test
    void descriptionsDecideWhenTheBodyPartSaysNothing() {
        assertEquals(Optional.of(Protocol.SPINE), kind("CHEST", List.of("Synthetic AP spine, scoliotic S curve"), 1000, 2800));
        assertEquals(Optional.of(Protocol.LONG_LEG), kind(null, List.of("Bilateral standing long-leg AP"), 1500, 1600));
        assertEquals(Optional.of(Protocol.LONG_LEG), kind(null, List.of("", "Knees standing"), 1500, 1600));
        assertEquals(Optional.of(Protocol.SPINE), kind(null, List.of("Scoliosis series"), 1500, 1600));
        // "leg" only as a word: "legacy" and "college" say nothing; "allegro" neither
        assertEquals(Optional.empty(), kind(null, List.of("legacy import", "college", "allegro"), 1000, 1200));
    }

    @Test
    void aVeryLongNarrowFilmIsALongLegFilmAndOtherShapesSayNothing() {
        assertEquals(Optional.of(Protocol.LONG_LEG), kind(null, List.of(), 1200, 4400)); // 3.7
        assertEquals(Optional.of(Protocol.LONG_LEG), kind(null, List.of(), 4400, 1200)); // rotated
        assertEquals(Optional.empty(), kind(null, List.of(), 1000, 2800)); // 2.8: a spine cassette as well
        assertEquals(Optional.empty(), kind(null, List.of(), 2000, 2500));
        assertEquals("the film is 3.7 times as long as it is wide",
                FilmProtocol.guess(Optional.empty(), List.of(), 1200, 4400).orElseThrow().because());
    }
}
