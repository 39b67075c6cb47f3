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

    /**
     * {@code args[i]} as a whole number of at least 1, the value of {@code option}.
     *
     * @throws UsageException naming the option when the value is missing, not a whole number, or below 1
     */
    static int positiveIntAt(String[] args, int i, String option) throws UsageException {
        String v = at(args, i, option);
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, got '" + v + "'");
        }
        if (n < 1) {
            throw new UsageException(option + " must be at least 1, got " + n);
        }
        return n;
    }
}
