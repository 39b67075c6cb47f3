package org.orthomeasure;

import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The data beside the checkout in {@code ../shared} (property {@code orthomeasure.shared}): the NEMA WG04
 * DICOM files, the AASCE spine films. A test that needs it calls {@link #require}:
 * <ul>
 *   <li>no {@code ../shared} at all (a fresh clone on its own): the test is skipped, with a reason that
 *       says so, and {@link SkippedTestsSummary} lists it at the end of the run;</li>
 *   <li>{@code ../shared} present but without the file the test needs: the test fails, never skips, so
 *       with the data in place every such test runs.</li>
 * </ul>
 */
public final class SharedData {

    /** The reason every skip for missing shared data starts with (the summary groups by it). */
    public static final String ABSENT = "needs ../shared, which is not beside this checkout";

    private SharedData() {
    }

    /** The shared folder as configured (it may not exist). */
    public static Path root() {
        return Path.of(System.getProperty("orthomeasure.shared", "../shared"));
    }

    /**
     * The path {@code first/more...} inside the shared folder.
     *
     * @throws TestAbortedException when there is no shared folder
     */
    public static Path require(String first, String... more) {
        Path rel = Path.of(first, more);
        Path root = root();
        if (!Files.isDirectory(root)) {
            throw new TestAbortedException(ABSENT + " (" + root + "): " + rel);
        }
        Path p = root.resolve(rel);
        if (!Files.exists(p)) {
            fail(root + " is present but lacks " + rel + ": this test needs it");
        }
        return p;
    }
}
