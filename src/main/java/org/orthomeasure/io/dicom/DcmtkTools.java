package org.orthomeasure.io.dicom;

import org.orthomeasure.io.image.ImageReadException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * dcmtk's command-line decompressors ({@code dcmdjpls} for JPEG-LS, {@code dcmdjpeg} for 12-bit
 * lossy JPEG), used when PixelMed cannot decode a transfer syntax in pure Java. They are looked up
 * in a search path (PATH syntax) given at construction, run with a timeout, and their output is a
 * temporary uncompressed DICOM file.
 */
public final class DcmtkTools {

    /** Longest a conversion may take before it is killed, unless set with {@link #withTimeout}. */
    static final long DEFAULT_TIMEOUT_SECONDS = 120;

    private final List<Path> directories;
    private final long timeoutSeconds;

    private DcmtkTools(List<Path> directories, long timeoutSeconds) {
        this.directories = List.copyOf(directories);
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The same tools with another time limit per conversion (at least 1 s). */
    public DcmtkTools withTimeout(long seconds) {
        return new DcmtkTools(directories, Math.max(1, seconds));
    }

    /** Tools looked up on this process's {@code PATH}. */
    public static DcmtkTools fromEnvironment() {
        String path = System.getenv("PATH");
        return onPath(path == null ? "" : path);
    }

    /** Tools looked up in {@code searchPath} (directories separated by the platform's path separator; empty = nowhere). */
    public static DcmtkTools onPath(String searchPath) {
        List<Path> dirs = new ArrayList<>();
        for (String d : searchPath.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (!d.isBlank()) {
                try {
                    dirs.add(Path.of(d));
                } catch (RuntimeException e) {
                    // an unusable PATH entry is skipped
                }
            }
        }
        return new DcmtkTools(dirs, DEFAULT_TIMEOUT_SECONDS);
    }

    /** The executable {@code tool} in the search path, if any. */
    public Optional<Path> find(String tool) {
        for (Path dir : directories) {
            for (String candidate : List.of(tool, tool + ".exe")) {
                Path p = dir.resolve(candidate);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code tool IN OUT} and returns OUT, a new temporary file the caller deletes.
     *
     * @param compression the compression's name for messages, e.g. "JPEG-LS lossless"
     * @throws ImageReadException when the tool is absent (naming it and the compression), fails or times out
     */
    Path decompress(String tool, Path in, String compression) throws ImageReadException {
        String name = String.valueOf(in.getFileName());
        Path exe = find(tool).orElseThrow(() -> new ImageReadException(name + ": " + compression
                + " cannot be decoded in Java; install dcmtk (its '" + tool + "' tool converts it) and open the file again"));
        Path out = null;
        Path log = null;
        try {
            out = Files.createTempFile("orthomeasure-", ".dcm");
            log = Files.createTempFile("orthomeasure-", ".log");
            Process p = new ProcessBuilder(exe.toString(), in.toAbsolutePath().toString(), out.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new ImageReadException(name + ": " + tool + " did not finish decoding " + compression
                        + " within " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0 || Files.size(out) == 0) {
                String msg = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
                throw new ImageReadException(name + ": " + tool + " could not decode the " + compression + " pixel data"
                        + (msg.isEmpty() ? "" : " (" + abbreviate(msg) + ")"));
            }
            Path result = out;
            out = null;
            return result;
        } catch (IOException e) {
            throw new ImageReadException(name + ": running " + tool + " failed (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageReadException(name + ": interrupted while " + tool + " was decoding", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(log);
        }
    }

    static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                p.toFile().deleteOnExit();
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
