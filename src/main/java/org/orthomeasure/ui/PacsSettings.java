package org.orthomeasure.ui;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.orthomeasure.io.dicom.net.PacsNode;

/**
 * The PACS the workstation talks to and how: the node (its AE title, host, port), our AE title, and the
 * storage listener for C-MOVE retrieval (our port and the one interface it binds to). The listener is off
 * by default; retrieval is then by C-GET. Kept in the user's preferences under {@code pacs.*}.
 *
 * @param node            the PACS, empty until configured
 * @param ourAeTitle      our calling AE title (and the C-MOVE destination)
 * @param listenerEnabled true to retrieve by C-MOVE to our own listener, opened only while a retrieval runs
 * @param listenerPort    our port for C-MOVE (1..65535), 0 when not set
 * @param listenAddress   the interface the listener binds to (an address of this machine), default 127.0.0.1
 * @param timeout         the limit of each network operation
 */
public record PacsSettings(Optional<PacsNode> node, String ourAeTitle, boolean listenerEnabled, int listenerPort,
                           String listenAddress, Duration timeout) {

    public static final String DEFAULT_AE_TITLE = "ORTHOMEASURE";
    public static final String DEFAULT_LISTEN_ADDRESS = "127.0.0.1";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final String KEY = "pacs.";

    public PacsSettings {
        Objects.requireNonNull(node, "node");
        PacsNode.checkAeTitle(ourAeTitle);
        if (listenerPort < 0 || listenerPort > 65535) {
            throw new IllegalArgumentException("our port must be 1..65535, got " + listenerPort);
        }
        if (listenerEnabled && listenerPort == 0) {
            throw new IllegalArgumentException("the storage listener needs our port (1..65535) for C-MOVE");
        }
        if (Objects.requireNonNull(listenAddress, "listenAddress").isBlank()) {
            throw new IllegalArgumentException("the storage listener needs the address of one interface of this machine");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
    }

    /** No PACS configured, listener off. */
    public static PacsSettings none() {
        return new PacsSettings(Optional.empty(), DEFAULT_AE_TITLE, false, 0, DEFAULT_LISTEN_ADDRESS, DEFAULT_TIMEOUT);
    }

    /**
     * The settings as typed in the settings dialog; every field is trimmed, empty PACS fields mean no PACS.
     *
     * @throws IllegalArgumentException with one line naming the field at fault
     */
    public static PacsSettings parse(String aeTitle, String host, String port, String ourAeTitle, boolean listenerEnabled,
                                     String ourPort, String listenAddress, String timeoutSeconds) {
        Optional<PacsNode> node = Optional.empty();
        if (!(aeTitle.isBlank() && host.isBlank() && port.isBlank())) {
            if (aeTitle.isBlank() || host.isBlank() || port.isBlank()) {
                throw new IllegalArgumentException("the PACS needs its AE title, host and port (or leave all three empty)");
            }
            node = Optional.of(new PacsNode(aeTitle.strip(), host.strip(), number(port, "the PACS port")));
        }
        int ours = ourPort.isBlank() ? 0 : number(ourPort, "our port");
        double t;
        try {
            t = Double.parseDouble(timeoutSeconds.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the timeout is seconds (e.g. 30), got '" + timeoutSeconds.strip() + "'");
        }
        if (!(t > 0) || t > 3600) {
            throw new IllegalArgumentException("the timeout is 0 < seconds <= 3600, got '" + timeoutSeconds.strip() + "'");
        }
        String address = listenAddress.isBlank() ? DEFAULT_LISTEN_ADDRESS : listenAddress.strip();
        return new PacsSettings(node, ourAeTitle.strip(), listenerEnabled, ours, address, Duration.ofMillis(Math.round(t * 1000)));
    }

    private static int number(String s, String what) {
        try {
            int v = Integer.parseInt(s.strip());
            if (v >= 1 && v <= 65535) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be 1..65535, got '" + s.strip() + "'");
    }

    /** True when retrieval is by C-MOVE to our listener, else by C-GET. */
    public boolean retrievesByMove() {
        return listenerEnabled && listenerPort > 0;
    }

    /**
     * The interface the listener binds to.
     *
     * @throws IllegalArgumentException when the address is not one of this machine's
     */
    public InetAddress listenInterface() {
        try {
            InetAddress a = InetAddress.getByName(listenAddress);
            if (!a.isLoopbackAddress() && java.net.NetworkInterface.getByInetAddress(a) == null) {
                throw new IllegalArgumentException(listenAddress + " is not an address of this machine");
            }
            return a;
        } catch (UnknownHostException | java.net.SocketException e) {
            throw new IllegalArgumentException("unknown listen address '" + listenAddress + "'");
        }
    }

    /** The timeout in seconds as typed in the dialog ("30", "2.5"). */
    public String timeoutText() {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }

    /** Reads the settings kept in {@code prefs}; {@link #none()} when there are none or they are no longer valid. */
    public static PacsSettings load(Preferences prefs) {
        if (prefs == null) {
            return none();
        }
        try {
            return parse(prefs.get(KEY + "aeTitle", ""), prefs.get(KEY + "host", ""), prefs.get(KEY + "port", ""),
                    prefs.get(KEY + "ourAeTitle", DEFAULT_AE_TITLE), prefs.getBoolean(KEY + "listener", false),
                    prefs.get(KEY + "ourPort", ""), prefs.get(KEY + "listenAddress", DEFAULT_LISTEN_ADDRESS),
                    prefs.get(KEY + "timeout", "30"));
        } catch (IllegalArgumentException e) {
            return none();
        }
    }

    /** Keeps the settings in {@code prefs} (nothing when null). */
    public void save(Preferences prefs) {
        if (prefs == null) {
            return;
        }
        prefs.put(KEY + "aeTitle", node.map(PacsNode::aeTitle).orElse(""));
        prefs.put(KEY + "host", node.map(PacsNode::host).orElse(""));
        prefs.put(KEY + "port", node.map(n -> Integer.toString(n.port())).orElse(""));
        prefs.put(KEY + "ourAeTitle", ourAeTitle);
        prefs.putBoolean(KEY + "listener", listenerEnabled);
        prefs.put(KEY + "ourPort", listenerPort == 0 ? "" : Integer.toString(listenerPort));
        prefs.put(KEY + "listenAddress", listenAddress);
        prefs.put(KEY + "timeout", timeoutText());
    }
}
