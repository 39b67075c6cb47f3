package org.orthomeasure.ui.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AutosaverTest {

    @Test
    void manyChangesInAQuietPeriodGiveOneSaveOfTheLastSnapshot() throws Exception {
        List<Integer> saved = new CopyOnWriteArrayList<>();
        List<String> results = new CopyOnWriteArrayList<>();
        Autosaver a = new Autosaver(200, results::add);
        for (int i = 0; i < 10; i++) {
            int v = i;
            a.changed(() -> saved.add(v));
        }
        Thread.sleep(600);
        assertEquals(List.of(9), saved);
        assertEquals(1, results.size());
        assertNull(results.get(0));
        a.close();
    }

    @Test
    void flushWritesThePendingSnapshotNowAndReportsFailures() {
        List<String> results = new CopyOnWriteArrayList<>();
        Autosaver a = new Autosaver(60_000, results::add);
        a.changed(() -> {
            throw new IllegalStateException("disk full");
        });
        a.flush();
        assertEquals(List.of("disk full"), results);
        a.close();
        a.close(); // closing twice (stage hidden, then application stop) is harmless
        a.changed(() -> results.add("late"));
        a.flush();
        assertEquals(List.of("disk full"), results);
    }
}
