package org.orthomeasure.core.landmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The levels a film shows, as the CLI's --levels and the workstation's dialog take them. */
class SpineLevelRangeTest {

    @Test
    void aRangeIsTwoLevelsTopFirstWithAtLeastTheMinimumBetween() {
        assertArrayEquals(new SpineLevel[] {SpineLevel.T1, SpineLevel.T12}, SpineLevel.range("T1-T12", 4));
        assertArrayEquals(new SpineLevel[] {SpineLevel.T12, SpineLevel.L5}, SpineLevel.range(" t12 - l5 ", 4));
        assertArrayEquals(new SpineLevel[] {SpineLevel.L2, SpineLevel.L5}, SpineLevel.range("L2-L5", 4)); // 4 levels
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> SpineLevel.range("L3-L5", 4));
        assertTrue(few.getMessage().contains("at least 4") && few.getMessage().contains("'L3-L5'"), few.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpineLevel.range("L5-T1", 4)); // bottom first
        for (String bad : new String[] {"T1", "T1-T12-L5", "C7-T12", "T1-S1", "", "-"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpineLevel.range(bad, 4));
            assertTrue(e.getMessage().contains("'" + bad + "'") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
