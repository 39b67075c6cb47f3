package org.orthomeasure.detect;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefineSpecTest {

    private static RefineSpec read(String json) throws IOException {
        return RefineSpec.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String NOTE = """
            {"code_commit": "abc1234", "epochs": 12, "test_time_flip": %s, "passes": %d,
             "input": {"name": "patches", "patch_px": %d, "side_factor": 2.5},
             "outputs": {"heat": ["n", 4, %d, %d], "stride": 4}}""";

    @Test
    void readsTheSidecar() throws IOException {
        RefineSpec s = read(NOTE.formatted("true", 2, 96, 24, 24));
        assertEquals(96, s.patchPx());
        assertEquals(2.5, s.sideFactor());
        assertEquals(4, s.stride());
        assertEquals(24, s.outputPx());
        assertTrue(s.testTimeFlip());
        assertEquals(2, s.passes());
        assertEquals("abc1234", s.codeCommit());
        assertEquals(12, s.epochs());
        assertEquals(1.5, s.cellCentre(0));
        assertEquals(93.5, s.cellCentre(23));
        assertFalse(read(NOTE.formatted("false", 1, 96, 24, 24)).testTimeFlip());
    }

    @Test
    void theBundledSidecarIsReadable() throws Exception {
        try (var in = VertebraRefiner.class.getResourceAsStream(VertebraRefiner.NOTE_RESOURCE)) {
            RefineSpec s = RefineSpec.read(in);
            assertEquals(0, s.patchPx() % s.stride());
            assertEquals(2, s.passes());   // the walk, then one batched pass
            assertTrue(s.testTimeFlip());
        }
    }

    @Test
    void inconsistentOrIncompleteNotesAreNamed() {
        var heat = assertThrows(IOException.class, () -> read(NOTE.formatted("true", 1, 96, 32, 32)));
        assertTrue(heat.getMessage().contains("expected [n, 4, 24, 24]"), heat.getMessage());
        var stride = assertThrows(IOException.class, () -> read(NOTE.formatted("true", 1, 98, 24, 24)));
        assertTrue(stride.getMessage().contains("inconsistent"), stride.getMessage());
        var passes = assertThrows(IOException.class, () -> read(NOTE.formatted("true", 0, 96, 24, 24)));
        assertTrue(passes.getMessage().contains("0 pass(es)"), passes.getMessage());
        var fraction = assertThrows(IOException.class, () -> read(NOTE.replace("%d,", "1.5,").formatted("true", 96, 24, 24)));
        assertEquals("the vertebra model note gives passes 1.5, expected a whole number", fraction.getMessage());
        // the older note's "iterations" is not read as "passes"
        var old = assertThrows(IOException.class, () -> read(NOTE.replace("\"passes\"", "\"iterations\"")
                .formatted("true", 2, 96, 24, 24)));
        assertEquals("the vertebra model note lacks passes", old.getMessage());
        var missing = assertThrows(IOException.class, () -> read("{\"input\": {\"patch_px\": 96}}"));
        assertEquals("the vertebra model note lacks input.side_factor", missing.getMessage());
        var flip = assertThrows(IOException.class, () -> read(
                "{\"passes\": 1, \"input\": {\"patch_px\": 96, \"side_factor\": 2}, \"outputs\": {\"stride\": 4}}"));
        assertEquals("the vertebra model note lacks test_time_flip", flip.getMessage());
        assertThrows(IOException.class, () -> read("[1, 2]"));
    }
}
