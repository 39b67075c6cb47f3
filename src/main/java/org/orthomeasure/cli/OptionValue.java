package org.orthomeasure.cli;

/** The value after a command-line option, for every subcommand's parser. */
final class OptionValue {

    private OptionValue() {
    }

    /**
     * {@code args[i]}, the value of {@code option} (which stood at {@code i − 1}).
     *
     * @throws UsageException "OPTION needs a value" when the arguments end there or the next one is another
     *                        option ("--…"; "-" alone, stdout, is a value)
     */
    static String at(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }
}
