package org.orthomeasure.io.dicom.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.orthomeasure.io.AtomicFiles;

/**
 * A folder holding copies of the DICOM objects that could not be sent, until they are sent again.
 * Each copy is named after its SOP Instance UID when known (so one object is kept once), else
 * after the original file name; written atomically.
 */
public final class Outbox {

    private final Path folder;

    public Outbox(Path folder) {
        this.folder = folder;
    }

    /** {@code ~/.orthomeasure/outbox}. */
    public static Outbox inUserHome() {
        return new Outbox(Path.of(System.getProperty("user.home"), ".orthomeasure", "outbox"));
    }

    public Path folder() {
        return folder;
    }

    /**
     * Keeps a copy of {@code file}; returns the copy. A file already in the outbox stays where it is.
     *
     * @param name the name to keep it under (e.g. its SOP Instance UID + ".dcm")
     */
    public Path keep(Path file, String name) throws IOException {
        if (file.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize())) {
            return file;
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("unsafe outbox file name '" + name + "'");
        }
        Files.createDirectories(folder);
        Path copy = folder.resolve(name);
        AtomicFiles.write(copy, Files.readAllBytes(file));
        return copy;
    }

    /** The objects waiting, in name order. */
    public List<Path> waiting() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> out = new ArrayList<>(s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList());
            return out;
        }
    }

    /** Removes an object that has been sent; files outside the outbox are left alone. */
    public void sent(Path file) throws IOException {
        if (file.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize())) {
            Files.deleteIfExists(file);
        }
    }
}
