package org.orthomeasure.io.landmarks;

/**
 * A landmark file cannot be read or written; the message is one line naming the file and the place
 * in it at fault (e.g. "L.json: landmarks.R.kneeCenter: expected [x, y], got a string").
 */
public final class LandmarkFileException extends Exception {

    public LandmarkFileException(String message) {
        super(message);
    }

    public LandmarkFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
