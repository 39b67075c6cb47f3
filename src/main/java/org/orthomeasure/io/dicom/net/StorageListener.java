package org.orthomeasure.io.dicom.net;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.AnyExplicitStorePresentationContextSelectionPolicy;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCP;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Our own storage SCP (C-STORE receiver), for C-MOVE retrievals: listens only while open, and only on
 * the address it is given (e.g. the loopback interface), and stores what it receives into one folder,
 * one file per SOP instance. Each association is served on its own daemon thread.
 */
public final class StorageListener implements AutoCloseable {

    private final ServerSocket server;
    private final String aeTitle;
    private final Path folder;
    private final List<Path> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> associations = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;

    private StorageListener(ServerSocket server, String aeTitle, Path folder) {
        this.server = server;
        this.aeTitle = aeTitle;
        this.folder = folder;
        this.acceptor = new Thread(this::acceptLoop, "dicom-storage-listener-" + server.getLocalPort());
        acceptor.setDaemon(true);
    }

    /**
     * Starts listening on {@code address:port} as {@code aeTitle}.
     *
     * @throws PacsException when the port cannot be opened (in use, not allowed)
     */
    public static StorageListener start(InetAddress address, int port, String aeTitle, Path folder) throws PacsException {
        PacsNode.checkAeTitle(aeTitle);
        Objects.requireNonNull(address, "address");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PacsException("cannot create the folder " + folder + " (" + e.getMessage() + ")", e);
        }
        ServerSocket s;
        try {
            s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(address, port), 16);
        } catch (IOException e) {
            throw new PacsException("cannot listen on " + address.getHostAddress() + ":" + port + " (" + e.getMessage() + ")", e);
        }
        StorageListener l = new StorageListener(s, aeTitle, folder);
        l.acceptor.start();
        return l;
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetAddress address() {
        return server.getInetAddress();
    }

    /** The files received so far. */
    public List<Path> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits up to {@code millis} for the associations in progress to end. */
    public void awaitIdle(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        List<Thread> running;
        synchronized (associations) {
            running = List.copyOf(associations);
        }
        for (Thread t : running) {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;             // closed
            }
            try {
                StorageSOPClassSCP scp = new StorageSOPClassSCP(socket, aeTitle, 16384, 0, 0, folder.toFile(),
                        StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, new ReceivedObjectHandler() {
                            @Override
                            public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAe) {
                                received.add(Path.of(fileName));
                            }
                        }, null, null, null, null, new AnyExplicitStorePresentationContextSelectionPolicy());
                Thread t = new Thread(scp, "dicom-storage-" + socket.getPort());
                t.setDaemon(true);
                associations.add(t);
                t.start();
            } catch (Exception e) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the association is lost either way
                }
            }
        }
    }

    /**
     * Stops listening (when this returns, the port is closed: the accepting thread has ended);
     * associations in progress finish on their own threads.
     */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket does not fail in a way the caller could act on
        }
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
