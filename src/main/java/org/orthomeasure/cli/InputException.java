package org.orthomeasure.cli;

/** An input the user gave cannot be used; the message is shown to the user as one line. */
public final class InputException extends Exception {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
