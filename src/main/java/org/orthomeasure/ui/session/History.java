package org.orthomeasure.ui.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Undo/redo over immutable states: every edit pushes the previous state; undo and redo swap states
 * between the two stacks. Because the states are immutable values nothing needs to be copied.
 * Not thread-safe: used on the FX thread only.
 *
 * @param <T> the immutable state type
 */
public final class History<T> {

    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();
    private final int limit;
    private T current;

    /** A history starting at {@code initial}, keeping at most {@code limit} undo steps. */
    public History(T initial, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("history limit must be at least 1, got " + limit);
        }
        this.current = Objects.requireNonNull(initial, "initial");
        this.limit = limit;
    }

    public T current() {
        return current;
    }

    /** Records {@code next} as the new state; an equal state is no edit. Clears redo. Returns true when recorded. */
    public boolean push(T next) {
        Objects.requireNonNull(next, "next");
        if (next.equals(current)) {
            return false;
        }
        undo.push(current);
        if (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
        current = next;
        return true;
    }

    /** Replaces the current state without an undo step (used while a drag is in progress). */
    public void replaceCurrent(T next) {
        current = Objects.requireNonNull(next, "next");
    }

    /** Starts over from {@code state} with no undo or redo steps (a new image). */
    public void reset(T state) {
        undo.clear();
        redo.clear();
        current = Objects.requireNonNull(state, "state");
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Steps back; returns the state now current (unchanged when there is nothing to undo). */
    public T undo() {
        if (!undo.isEmpty()) {
            redo.push(current);
            current = undo.pop();
        }
        return current;
    }

    /** Steps forward again; returns the state now current. */
    public T redo() {
        if (!redo.isEmpty()) {
            undo.push(current);
            current = redo.pop();
        }
        return current;
    }
}
