package org.orthomeasure.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headless command line over the core: dispatches {@code orthomeasure SUBCOMMAND ...} to one
 * {@link Subcommand}. Errors the user can fix are reported as one line on stderr with a non-zero
 * exit code, never as a stack trace.
 */
public final class CommandLine {

    /** Exit code for wrong usage. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for bad input (unreadable file, invalid landmarks, ...). */
    public static final int EXIT_INPUT = 1;

    private CommandLine() {
    }

    static Map<String, Subcommand> subcommands() {
        Map<String, Subcommand> commands = new LinkedHashMap<>();
        // Each subcommand registers here, one line each.
        commands.put("info", new InfoCommand());
        commands.put("render", new RenderCommand());
        commands.put("measure", new MeasureCommand());
        commands.put("evaluate", new EvaluateCommand());
        commands.put("compare", new CompareCommand());
        commands.put("pacs", new PacsCommand());
        return commands;
    }

    /** True when {@code word} names a subcommand (or asks for help/version). */
    public static boolean isSubcommand(String word) {
        return subcommands().containsKey(word) || word.equals("help") || word.equals("--help")
                || word.equals("-h") || word.equals("--version");
    }

    /**
     * True when the arguments ask for the desktop workstation: none at all, or only paths of existing
     * regular files (films to open). Anything else (a subcommand, a mistyped one such as {@code infoo},
     * an option such as {@code --bogus}, a film that does not exist) runs headless through {@link #run},
     * which answers a wrong word with one usage line and exit code {@link #EXIT_USAGE}, so it never
     * reaches JavaFX (and never dies with "Unable to open DISPLAY").
     */
    public static boolean startsWorkstation(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (isSubcommand(args[0])) {
            return false;
        }
        for (String a : args) {
            if (a.isEmpty() || a.startsWith("-") || !isRegularFile(a)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRegularFile(String name) {
        try {
            return java.nio.file.Files.isRegularFile(java.nio.file.Path.of(name));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Subcommand> commands = subcommands();
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            printUsage(commands, out);
            return 0;
        }
        if (args[0].equals("--version")) {
            out.println("OrthoMeasure " + Version.current());
            return 0;
        }
        Subcommand command = commands.get(args[0]);
        if (command == null) {
            err.println(OneLine.of("orthomeasure: '" + args[0] + "' is neither a command (" + String.join(", ", commands.keySet())
                    + ", help) nor an existing film; usage: java -jar orthomeasure.jar [FILM] | COMMAND [ARGS]"));
            return EXIT_USAGE;
        }
        if (args.length == 2 && (args[1].equals("--help") || args[1].equals("-h"))) {
            out.println(command.help());
            return 0;
        }
        try {
            return command.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        } catch (UsageException e) {
            err.println(OneLine.of("orthomeasure " + args[0] + ": " + e.getMessage()));
            return EXIT_USAGE;
        } catch (InputException e) {
            err.println(OneLine.of("orthomeasure " + args[0] + ": " + e.getMessage()));
            return EXIT_INPUT;
        } catch (OutOfMemoryError e) {
            err.println("orthomeasure " + args[0] + ": not enough memory for this input");
            return EXIT_INPUT;
        } catch (java.nio.file.InvalidPathException e) {
            err.println(OneLine.of("orthomeasure " + args[0] + ": '" + e.getInput() + "' is not a valid file name ("
                    + e.getReason() + ")"));
            return EXIT_USAGE;
        } catch (StackOverflowError e) {
            err.println("orthomeasure " + args[0] + ": the input is nested too deeply to be read");
            return EXIT_INPUT;
        } catch (RuntimeException e) {
            // A bug, not bad input: still one line for the user, the class name for the report.
            err.println(OneLine.of("orthomeasure " + args[0] + ": internal error (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"));
            return 3;
        }
    }

    private static void printUsage(Map<String, Subcommand> commands, PrintStream out) {
        out.println("OrthoMeasure " + Version.current() + " - skeletal alignment measurements on radiographs");
        out.println();
        out.println("usage: java -jar orthomeasure.jar [FILM]          start the desktop workstation");
        out.println("       java -jar orthomeasure.jar COMMAND [ARGS]  run headless");
        out.println();
        out.println("commands:");
        commands.forEach((name, c) -> out.printf("  %-10s %s%n", name, c.summary()));
        out.println();
        out.println("COMMAND --help lists every option of a command.");
    }
}
