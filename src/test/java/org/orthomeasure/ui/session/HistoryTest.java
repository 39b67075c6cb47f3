package org.orthomeasure.ui.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryTest {

    @Test
    void undoAndRedoWalkThroughTheEdits() {
        History<String> h = new History<>("a", 10);
        h.push("b");
        h.push("c");
        assertEquals("b", h.undo());
        assertEquals("a", h.undo());
        assertEquals("a", h.undo());
        assertFalse(h.canUndo());
        assertEquals("b", h.redo());
        assertEquals("c", h.redo());
        assertFalse(h.canRedo());
    }

    @Test
    void aNewEditClearsRedoAndEqualStatesAreNoEdit() {
        History<String> h = new History<>("a", 10);
        h.push("b");
        h.undo();
        assertTrue(h.canRedo());
        assertFalse(h.push("a"));
        assertTrue(h.canRedo());
        assertTrue(h.push("x"));
        assertFalse(h.canRedo());
        assertEquals("a", h.undo());
    }

    @Test
    void theLimitDropsTheOldestStep() {
        History<Integer> h = new History<>(0, 3);
        for (int i = 1; i <= 5; i++) {
            h.push(i);
        }
        assertEquals(4, h.undo());
        assertEquals(3, h.undo());
        assertEquals(2, h.undo());
        assertFalse(h.canUndo());
        assertEquals(2, h.current());
    }

    @Test
    void replaceCurrentLeavesNoStepAndResetForgetsAll() {
        History<String> h = new History<>("a", 10);
        h.push("b");
        h.replaceCurrent("b2");
        assertEquals("a", h.undo());
        assertEquals("b2", h.redo());
        h.reset("z");
        assertFalse(h.canUndo());
        assertFalse(h.canRedo());
        assertEquals("z", h.current());
    }
}
