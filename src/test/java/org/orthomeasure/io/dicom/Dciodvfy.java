package org.orthomeasure.io.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs dicom3tools' {@code dciodvfy} (Debian package {@code dicom3tools}) on a file and returns its
 * {@code Error} lines: conformance errors of the IOD. Tests that need it are skipped, with a message
 * on stderr naming the package, when the tool is not installed.
 */
public final class Dciodvfy {

    private Dciodvfy() {
    }

    /** The error lines dciodvfy reports for {@code file}; skips the calling test when dciodvfy is absent. */
    public static List<String> errors(Path file) throws IOException, InterruptedException {
        return output(file).lines().filter(l -> l.startsWith("Error")).toList();
    }

    /** Everything dciodvfy prints for {@code file}. */
    public static String output(Path file) throws IOException, InterruptedException {
        Path tool = find();
        Process p = new ProcessBuilder(tool.toString(), file.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("dciodvfy did not finish on " + file);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "dciodvfy");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = "SKIPPED: dciodvfy not found on PATH; install it with 'apt-get install dicom3tools' "
                + "to validate the DICOM objects OrthoMeasure writes";
        System.err.println(message);
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }
}
