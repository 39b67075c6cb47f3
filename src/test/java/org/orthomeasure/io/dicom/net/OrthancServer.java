package org.orthomeasure.io.dicom.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Orthanc (Debian package {@code orthanc}) for the tests: started on free loopback ports with
 * its own configuration and storage in a temporary folder, stopped by {@link #close}. DICOM AE title
 * {@value #AET}, called AE title checked. It accepts the standard storage SOP classes only, so an object
 * of a private SOP class is refused. Tests are skipped, with a message naming the package, when Orthanc
 * is not installed.
 */
public final class OrthancServer implements AutoCloseable {

    public static final String AET = "ORTHANC";

    private final Process process;
    private final int dicomPort;
    private final int httpPort;
    private final Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OrthancServer(Process process, int dicomPort, int httpPort, Path dir) {
        this.process = process;
        this.dicomPort = dicomPort;
        this.httpPort = httpPort;
        this.dir = dir;
    }

    /** Starts Orthanc in {@code dir}; skips the calling test when Orthanc is not installed. */
    public static OrthancServer start(Path dir) throws IOException, InterruptedException {
        return start(dir, java.util.Map.of());
    }

    /**
     * As {@link #start(Path)}, knowing C-MOVE destinations: AE title to port on 127.0.0.1.
     */
    public static OrthancServer start(Path dir, java.util.Map<String, Integer> moveDestinations)
            throws IOException, InterruptedException {
        Path binary = null;
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/usr/sbin").concat(":/usr/sbin").split(":")) {
            Path p = Path.of(d, "Orthanc");
            if (Files.isExecutable(p)) {
                binary = p;
                break;
            }
        }
        if (binary == null) {
            String message = "SKIPPED: Orthanc not found (/usr/sbin/Orthanc); install it with 'apt-get install orthanc'"
                    + " to run the PACS tests against a real DICOM server";
            System.err.println(message);
            Assumptions.abort(message);
        }
        int[] ports = freePorts(2, moveDestinations.values());
        int dicom = ports[0];
        int web = ports[1];
        Path storage = Files.createDirectories(dir.resolve("storage"));
        String config = "{\n"
                + "  \"Name\": \"orthomeasure-test\",\n"
                + "  \"StorageDirectory\": \"" + storage + "\",\n"
                + "  \"IndexDirectory\": \"" + storage + "\",\n"
                + "  \"HttpPort\": " + web + ", \"DicomPort\": " + dicom + ", \"DicomAet\": \"" + AET + "\",\n"
                + "  \"RemoteAccessAllowed\": false, \"AuthenticationEnabled\": false,\n"
                + "  \"DicomAlwaysAllowStore\": true, \"DicomAlwaysAllowFind\": true, \"DicomAlwaysAllowGet\": true,\n"
                + "  \"DicomAlwaysAllowMove\": true, \"DicomAlwaysAllowEcho\": true, \"DicomCheckCalledAet\": true,\n"
                + "  \"Plugins\": [], \"StableAge\": 1\n"
                + "}\n";
        StringBuilder modalities = new StringBuilder();
        moveDestinations.forEach((ae, port) -> modalities.append(modalities.length() == 0 ? "" : ", ")
                .append('"').append(ae.toLowerCase(java.util.Locale.ROOT)).append("\": [\"").append(ae)
                .append("\", \"127.0.0.1\", ").append(port).append(']'));
        config = config.replace("\"Plugins\"", "\"DicomModalities\": {" + modalities + "}, \"Plugins\"");
        Path cfg = dir.resolve("orthanc.json");
        Files.writeString(cfg, config);
        Process p = new ProcessBuilder(binary.toString(), cfg.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("orthanc.log").toFile()).start();
        OrthancServer s = new OrthancServer(p, dicom, web, dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("Orthanc stopped at start-up: " + s.log());
            }
            try {
                if (s.rest("/system").contains("\"DicomPort\"")) {
                    return s;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        s.close();
        throw new IOException("Orthanc did not start within 30 s: " + s.log());
    }

    /**
     * {@code n} different ports free on the loopback interface now, none of them in {@code taken}: the sockets are
     * held open together while they are picked, so two picks cannot return the same port (one closed socket's
     * port can be handed out again at once, which once gave Orthanc one port for DICOM and HTTP).
     */
    static int[] freePorts(int n, java.util.Collection<Integer> taken) throws IOException {
        java.util.List<ServerSocket> open = new java.util.ArrayList<>();
        try {
            int[] ports = new int[n];
            int found = 0;
            while (found < n) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                open.add(s);
                if (!taken.contains(s.getLocalPort())) {
                    ports[found++] = s.getLocalPort();
                }
            }
            return ports;
        } finally {
            for (ServerSocket s : open) {
                s.close();
            }
        }
    }

    /** A port free on the loopback interface now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The server as a PACS node on the loopback address. */
    public PacsNode node() {
        return new PacsNode(AET, "127.0.0.1", dicomPort);
    }

    public int dicomPort() {
        return dicomPort;
    }

    /** GET on the REST API (e.g. "/studies"); the body as text. */
    public String rest(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + r.statusCode());
        }
        return r.body();
    }

    public String log() throws IOException {
        Path log = dir.resolve("orthanc.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
