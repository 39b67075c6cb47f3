package org.orthomeasure.cli;

/** Wrong command-line usage; the message is shown to the user as one line. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
