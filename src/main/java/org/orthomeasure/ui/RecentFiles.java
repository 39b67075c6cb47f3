package org.orthomeasure.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The most recently opened films, newest first, kept in the user's preferences (or only in memory
 * when no preferences node is given, as in tests).
 */
public final class RecentFiles {

    private static final int MAX = 8;
    private static final String KEY = "recent.";

    private final Preferences prefs;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    /** @param prefsOrNull where to keep the list across runs; null keeps it in memory */
    public RecentFiles(Preferences prefsOrNull) {
        this.prefs = prefsOrNull;
        if (prefs != null) {
            for (int i = 0; i < MAX; i++) {
                String s = prefs.get(KEY + i, null);
                if (s != null && Files.isRegularFile(Path.of(s))) {
                    files.add(Path.of(s));
                }
            }
        }
    }

    /** Newest first. */
    public ObservableList<Path> files() {
        return files;
    }

    /** Moves {@code file} to the top. */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(abs);
        next.add(0, abs);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        if (prefs != null) {
            for (int i = 0; i < MAX; i++) {
                if (i < next.size()) {
                    prefs.put(KEY + i, next.get(i).toString());
                } else {
                    prefs.remove(KEY + i);
                }
            }
        }
    }
}
