package org.orthomeasure.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Base of the command-line tests: runs {@link CommandLine#run} with stdout and stderr captured. */
abstract class CommandLineHarness {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    /** Runs the command line and returns its exit code; output accumulates until {@link #resetStreams}. */
    int run(String... args) {
        return CommandLine.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    void resetStreams() {
        outBytes.reset();
        errBytes.reset();
    }
}
