package org.orthomeasure.io.dicom.net;

/** A network operation failed; the message is one line naming the PACS and what went wrong. */
public final class PacsException extends Exception {

    public PacsException(String message) {
        super(message);
    }

    public PacsException(String message, Throwable cause) {
        super(message, cause);
    }
}
