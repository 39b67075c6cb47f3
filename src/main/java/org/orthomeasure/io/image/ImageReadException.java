package org.orthomeasure.io.image;

/** An image file cannot be opened; the message is one line naming the file and what is wrong. */
public final class ImageReadException extends Exception {
    public ImageReadException(String message) {
        super(message);
    }

    public ImageReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
