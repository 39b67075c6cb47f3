package org.orthomeasure.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 13, command line: a wrong word never starts the workstation, file names cannot split a
 * message, devices are named as such.
 */
class CommandLineRefusalTest extends CommandLineHarness {

    @TempDir
    Path dir;

    private void assertOneLine(String text) {
        assertFalse(text.isBlank(), "nothing on stderr");
        assertEquals(1, text.strip().split("\n", -1).length, "more than one line: " + text);
    }

    @Test
    void onlyNoArgumentOrExistingFilmsStartTheWorkstation() throws Exception {
        Path film = Files.write(dir.resolve("film.dcm"), new byte[] {1});
        assertTrue(CommandLine.startsWorkstation(new String[0]));
        assertTrue(CommandLine.startsWorkstation(new String[] {film.toString()}));
        assertFalse(CommandLine.startsWorkstation(new String[] {"infoo", film.toString()}));
        assertFalse(CommandLine.startsWorkstation(new String[] {"--bogus"}));
        assertFalse(CommandLine.startsWorkstation(new String[] {film.toString(), "--bogus"}));
        assertFalse(CommandLine.startsWorkstation(new String[] {dir.resolve("missing.dcm").toString()}));
        assertFalse(CommandLine.startsWorkstation(new String[] {"info", film.toString()}));
        assertFalse(CommandLine.startsWorkstation(new String[] {"bad\u0000name"}));
    }

    @Test
    void aMistypedCommandIsOneUsageLineAndExitTwo() {
        assertEquals(2, run("infoo", "sample-dicom/spine-phantom.dcm"));
        assertOneLine(err());
        assertTrue(err().contains("'infoo' is neither a command"), err());
        assertTrue(err().contains("usage:"), err());
        resetStreams();
        assertEquals(2, run("--bogus"));
        assertOneLine(err());
        assertTrue(err().contains("'--bogus'"), err());
        resetStreams();
        assertEquals(2, run("info", "--bogus"));
        assertOneLine(err());
        resetStreams();
        assertEquals(2, run("render", "a.dcm", "b.png", "--bogus"));
        assertOneLine(err());
        assertTrue(err().contains("unknown option --bogus"), err());
    }

    @Test
    void aNewlineInAFileNameCannotSplitTheMessage() throws Exception {
        Path odd;
        try {
            odd = Files.write(dir.resolve("two\nlines.dcm"), new byte[] {'x', 'y', 'z', 'w'});
        } catch (java.nio.file.InvalidPathException | java.io.IOException e) {
            assumeTrue(false, "this file system does not allow a newline in a file name");
            return;
        }
        assertEquals(1, run("info", odd.toString()));
        assertOneLine(err());
        assertTrue(err().contains("two\\nlines.dcm: not a DICOM, PNG, JPEG or TIFF file"), err());
        resetStreams();
        Path missing = dir.resolve("gone\r\nFORGED: ok.json");
        assertEquals(1, run("measure", "--landmarks", missing.toString()));
        assertOneLine(err());
        assertTrue(err().contains("gone\\r\\nFORGED: ok.json: no such file"), err());
    }

    @Test
    void aNulInAFileNameIsOneLineNotAnInternalError() {
        assertEquals(1, run("info", "film\u0000.dcm"));
        assertOneLine(err());
        assertTrue(err().contains("'film\\u0000.dcm' is not a valid file name"), err());
        resetStreams();
        assertEquals(2, run("measure", "--landmarks", "l\u0000.json"));
        assertOneLine(err());
        assertTrue(err().contains("'l\\u0000.json' is not a valid file name"), err());
    }

    @Test
    void devicesAndFoldersAreNamedAsSuch() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertEquals(1, run("info", zero.toString()));
        assertOneLine(err());
        assertTrue(err().contains("zero: is not a regular file"), err());
        resetStreams();
        assertEquals(1, run("measure", "--landmarks", zero.toString()));
        assertOneLine(err());
        assertTrue(err().contains("/dev/zero: is not a regular file"), err());
        resetStreams();
        assertEquals(1, run("info", dir.toString()));
        assertTrue(err().contains("is a directory"), err());
        resetStreams();
        assertEquals(1, run("measure", "--landmarks", dir.toString()));
        assertTrue(err().contains("is a directory"), err());
    }

    @Test
    void oneLineEscapesEveryLineBreak() {
        assertEquals("a\\nb\\rc\\td\\u0000e\\u2028f\\u001b", OneLine.of("a\nb\rc\td\u0000e\u2028f\u001b"));
        assertEquals("plain: text", OneLine.of("plain: text"));
    }
}
