package org.orthomeasure.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluateCommandTest {

    @TempDir
    Path tmp;

    private static int run(ByteArrayOutputStream err, String... args) {
        return CommandLine.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void usageAndFolderErrorsAreOneLine() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(CommandLine.EXIT_USAGE, run(err, "evaluate"));
        assertEquals(CommandLine.EXIT_USAGE, run(err, "evaluate", tmp.toString(), "--limit", "x"));
        err.reset();
        assertEquals(CommandLine.EXIT_INPUT, run(err, "evaluate", tmp.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("filenames.csv is missing"));
    }

    @Test
    void malformedCsvNamesFileAndRow() throws Exception {
        Files.createDirectories(tmp.resolve("images"));
        Files.writeString(tmp.resolve("filenames.csv"), "a.jpg\n");
        Files.writeString(tmp.resolve("landmarks.csv"), "0.1,0.2\n");
        Files.writeString(tmp.resolve("angles.csv"), "1,2,3\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(CommandLine.EXIT_INPUT, run(err, "evaluate", tmp.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("landmarks.csv row 1: expected 136 numbers, got 2"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fileListNamingUnknownFilmsIsRejected() throws Exception {
        Files.createDirectories(tmp.resolve("images"));
        Files.writeString(tmp.resolve("filenames.csv"), "a.jpg\n");
        Files.writeString(tmp.resolve("landmarks.csv"), "0.5,".repeat(135) + "0.5\n");
        Files.writeString(tmp.resolve("angles.csv"), "1,2,3\n");
        Files.writeString(tmp.resolve("list.txt"), "# comment\nb.jpg\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(CommandLine.EXIT_INPUT, run(err, "evaluate", tmp.toString(), "--files",
                tmp.resolve("list.txt").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'b.jpg'"), err.toString(StandardCharsets.UTF_8));
    }
}
