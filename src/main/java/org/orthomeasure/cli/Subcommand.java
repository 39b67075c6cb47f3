package org.orthomeasure.cli;

import java.io.PrintStream;

/** One headless subcommand of {@link CommandLine}. */
public interface Subcommand {

    /** One line for the usage text. */
    String summary();

    /**
     * The full help of {@code COMMAND --help}: every form and every option the command accepts, one
     * per line, with what it does; placeholders in capitals (FILM, OUT.pdf) stand for the user's own names.
     */
    String help();

    /**
     * Runs the command.
     *
     * @param args the arguments after the subcommand name
     * @return the exit code
     * @throws UsageException when the arguments are wrong
     * @throws InputException when an input file is unreadable or invalid
     */
    int run(String[] args, PrintStream out, PrintStream err) throws UsageException, InputException;
}
