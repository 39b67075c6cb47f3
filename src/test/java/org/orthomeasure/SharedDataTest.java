package org.orthomeasure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without ../shared a test that needs it skips and says why; with ../shared but without its file it fails. */
class SharedDataTest {

    @TempDir
    Path dir;

    private static <T> T withShared(Path root, java.util.concurrent.Callable<T> body) throws Exception {
        String before = System.getProperty("orthomeasure.shared");
        System.setProperty("orthomeasure.shared", root.toString());
        try {
            return body.call();
        } finally {
            if (before == null) {
                System.clearProperty("orthomeasure.shared");
            } else {
                System.setProperty("orthomeasure.shared", before);
            }
        }
    }

    @Test
    void absentSharedFolderSkipsWithTheReason() throws Exception {
        Path none = dir.resolve("no-shared");
        TestAbortedException e = withShared(none, () -> assertThrows(TestAbortedException.class,
                () -> SharedData.require("dicom", "wg04")));
        assertEquals(SharedData.ABSENT + " (" + none + "): dicom/wg04", e.getMessage());
    }

    @Test
    void presentSharedFolderWithoutTheFileFails() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        AssertionFailedError e = withShared(dir, () -> assertThrows(AssertionFailedError.class,
                () -> SharedData.require("data", "aasce-spine-train")));
        assertTrue(e.getMessage().startsWith(dir + " is present but lacks data/aasce-spine-train"), e.getMessage());
        Files.createDirectories(dir.resolve("data/aasce-spine-train"));
        assertEquals(dir.resolve("data/aasce-spine-train"), withShared(dir, () -> SharedData.require("data",
                "aasce-spine-train")));
    }
}
