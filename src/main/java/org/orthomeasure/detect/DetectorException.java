package org.orthomeasure.detect;

/** The landmark model could not be loaded or run; the message is one line for the user. */
public final class DetectorException extends Exception {
    public DetectorException(String message, Throwable cause) {
        super(message, cause);
    }

    public DetectorException(String message) {
        super(message);
    }
}
