package org.orthomeasure.io.dicom.net;

import java.util.Objects;

/**
 * A DICOM application entity on the network: AE title, host and port. Written {@code AET@HOST:PORT}.
 * AE titles are 1 to 16 characters of printable ASCII without backslash, not all spaces (PS3.5 6.2).
 */
public record PacsNode(String aeTitle, String host, int port) {

    public PacsNode {
        checkAeTitle(aeTitle);
        if (Objects.requireNonNull(host, "host").isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a PACS needs a host name or address, got '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
    }

    /** Checks an AE title (ours or theirs). */
    public static String checkAeTitle(String ae) {
        Objects.requireNonNull(ae, "AE title");
        if (ae.isBlank() || ae.length() > 16 || ae.contains("\\") || !ae.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("an AE title is 1 to 16 printable ASCII characters without '\\', got '" + ae + "'");
        }
        return ae;
    }

    /** Parses {@code AET@HOST:PORT}, e.g. {@code ORTHANC@127.0.0.1:4242}. */
    public static PacsNode parse(String spec) {
        int at = spec.lastIndexOf('@');
        int colon = spec.lastIndexOf(':');
        if (at <= 0 || colon < at + 2 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("a PACS is written AET@HOST:PORT (e.g. ORTHANC@127.0.0.1:4242), got '" + spec + "'");
        }
        int port;
        try {
            port = Integer.parseInt(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port in '" + spec + "' is not a number");
        }
        return new PacsNode(spec.substring(0, at), spec.substring(at + 1, colon), port);
    }

    @Override
    public String toString() {
        return aeTitle + "@" + host + ":" + port;
    }
}
