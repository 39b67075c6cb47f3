package org.orthomeasure.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files so that a reader (or a crash) never sees half a file: the content goes to a hidden
 * temporary file in the target's folder, is flushed to disk, and then replaces the target in one
 * atomic rename. The temporary file gets the ordinary permissions of a new file (umask), not the
 * owner-only permissions of {@code Files.createTempFile}.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("report.pdf"), tmp -> document.save(tmp.toFile()));
 * }</pre>
 */
public final class AtomicFiles {

    /** Fills the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporaryFile) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically. The folder must exist (a missing folder is an error, not created).
     *
     * @throws IOException when the folder is not writable or {@code content} fails; the target is
     *                     then unchanged and no temporary file is left behind
     */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = dir.resolve("." + abs.getFileName() + "." + UUID.randomUUID() + ".tmp");
        Files.createFile(tmp);
        try {
            content.writeTo(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, tmp -> Files.write(tmp, bytes, StandardOpenOption.TRUNCATE_EXISTING));
    }
}
