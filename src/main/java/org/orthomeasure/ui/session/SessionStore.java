package org.orthomeasure.ui.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.landmarks.LandmarkRules;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.landmarks.ImageSize;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileException;
import org.orthomeasure.io.landmarks.LandmarkFileReader;
import org.orthomeasure.io.landmarks.LandmarkFileWriter;

/**
 * Sessions beside the image: {@code <image file>.orthomeasure.json} in the landmark file format,
 * written atomically by {@link LandmarkFileWriter}. Holds the landmarks, the protocol, the film size,
 * the calibration in force, the vertebrae still suggested and the check-mode reference reading (its
 * name and whether it was revealed); a user calibration (line, ball) is restored, a film calibration is
 * re-read from the film. Session files written before the reference was saved open as before.
 *
 * <p>Work is never lost to a read-only folder: when the image's folder cannot be written (read-only
 * media, a shared data folder), the session goes to a per-user folder instead
 * ({@code ~/.orthomeasure/sessions/<sha-256 of the absolute image path>.orthomeasure.json}), and is
 * restored from there. When both exist, the newer one is restored. Thread-safe (immutable apart from
 * the reader and writer).
 */
public final class SessionStore {

    /** Suffix added to the image file name. */
    public static final String SUFFIX = ".orthomeasure.json";

    private final LandmarkFileReader reader = new LandmarkFileReader();
    private final LandmarkFileWriter writer = new LandmarkFileWriter();
    private final Path fallbackFolder;
    private final Predicate<Path> writableFolder;

    /** Sessions beside the image, else in {@link #defaultFallbackFolder()}. */
    public SessionStore() {
        this(defaultFallbackFolder(), Files::isWritable);
    }

    /**
     * @param fallbackFolder where sessions go when the image's folder cannot be written (created when needed)
     * @param writableFolder whether a folder can be written ({@code Files::isWritable}; tests inject it)
     */
    public SessionStore(Path fallbackFolder, Predicate<Path> writableFolder) {
        this.fallbackFolder = fallbackFolder.toAbsolutePath();
        this.writableFolder = writableFolder;
    }

    /** {@code ~/.orthomeasure/sessions}. */
    public static Path defaultFallbackFolder() {
        return Path.of(System.getProperty("user.home"), ".orthomeasure", "sessions");
    }

    /** The session file beside {@code image}. */
    public static Path sessionFile(Path image) {
        Path abs = image.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + SUFFIX);
    }

    /** The per-user session file of {@code image}: the SHA-256 (hex) of its normalised absolute path. */
    public Path fallbackFile(Path image) {
        return fallbackFolder.resolve(sha256(image.toAbsolutePath().normalize().toString()) + SUFFIX);
    }

    /** Where the next save of {@code image}'s session goes: beside it when its folder is writable, else the fallback. */
    public Path saveLocation(Path image) {
        Path beside = sessionFile(image);
        return writableFolder.test(beside.getParent()) ? beside : fallbackFile(image);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * A restored session.
     *
     * @param reading     the landmarks
     * @param calibration the user's calibration, when the session had one
     * @param protocol    the protocol (inferred from the landmarks when the file did not say); empty when
     *                    there was no session, so the one chosen before stays
     * @param message     what the user must be told (e.g. an unreadable file moved aside), empty when nothing
     * @param suggested   the vertebrae that were still unconfirmed suggestions
     * @param suggestedLandmarks the limb landmarks that were still unconfirmed suggestions (a head as its
     *                    {@code FEMORAL_HEAD_CENTER} key)
     * @param reference   the check-mode reference reading, when the session had one
     * @param problem     what went wrong and must be shown to the user (not just in the status line): the
     *                    session or its reference block could not be read; empty when all is well
     */
    public record Restored(Reading reading, Optional<Calibration> calibration, Optional<LandmarkProtocol> protocol,
                           Optional<String> message, Set<SpineLevel> suggested, Set<LandmarkKey> suggestedLandmarks,
                           Optional<ReferenceReading> reference, Optional<String> problem) {

        public Restored {
            Objects.requireNonNull(reading, "reading");
            Objects.requireNonNull(calibration, "calibration");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(message, "message");
            suggested = Set.copyOf(suggested);
            suggestedLandmarks = Set.copyOf(suggestedLandmarks);
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(problem, "problem");
        }

        /** A session without suggestions, reference or problem. */
        public Restored(Reading reading, Optional<Calibration> calibration, Optional<LandmarkProtocol> protocol,
                        Optional<String> message) {
            this(reading, calibration, protocol, message, Set.of(), Set.of(), Optional.empty(), Optional.empty());
        }

        /** A session whose only suggestions are vertebrae. */
        public Restored(Reading reading, Optional<Calibration> calibration, Optional<LandmarkProtocol> protocol,
                        Optional<String> message, Set<SpineLevel> suggested, Optional<ReferenceReading> reference,
                        Optional<String> problem) {
            this(reading, calibration, protocol, message, suggested, Set.of(), reference, problem);
        }
    }

    /**
     * Restores the session of {@code image} when one exists. An unreadable or mismatching session file
     * is never overwritten: it is renamed to {@code ...json.unreadable} and the message says so. When
     * only its reference block is damaged, the user's own reading is restored without the reference, a
     * copy of the file is kept as {@code ...json.unreadable}, and {@link Restored#problem} says so.
     */
    public Restored load(Path image, Radiograph film) {
        Path beside = sessionFile(image);
        Path other = fallbackFile(image);
        Path file = !Files.exists(other) ? beside : !Files.exists(beside) ? other
                : modified(other) > modified(beside) ? other : beside;
        if (!Files.exists(file)) {
            return new Restored(Reading.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        try {
            LandmarkDocument doc;
            Optional<String> referenceProblem = Optional.empty();
            try {
                doc = reader.read(file);
            } catch (LandmarkFileException whole) {
                // throws again (and the whole file is set aside below) unless only the reference block is bad
                doc = reader.readWithoutReference(file);
                referenceProblem = Optional.of("Reference reading not restored: " + whole.getMessage()
                        + keptCopy(file) + "; your own reading was restored");
            }
            Optional<ImageSize> size = doc.imageSize();
            if (size.isPresent() && (size.get().width() != film.width() || size.get().height() != film.height())) {
                throw new LandmarkFileException(file + ": made for a " + size.get().width() + "x" + size.get().height()
                        + " image, but this film is " + film.width() + "x" + film.height());
            }
            Reading reading = Reading.of(doc.landmarks());
            Optional<Calibration> user = doc.calibration().filter(c -> c.source() == CalibrationSource.USER_LINE
                    || c.source() == CalibrationSource.CALIBRATION_BALL);
            Set<SpineLevel> suggested = EnumSet.noneOf(SpineLevel.class);
            Set<LandmarkKey> suggestedLandmarks = new java.util.HashSet<>();
            for (String id : doc.suggested()) {
                Arrays.stream(SpineLevel.values()).filter(l -> l.name().equals(id)).forEach(suggested::add);
                LandmarkKey.ofFileId(id).ifPresent(suggestedLandmarks::add);
            }
            Optional<ReferenceReading> reference = doc.reference().map(r ->
                    new ReferenceReading(Reading.of(r.landmarks()), r.name(), r.revealed()));
            String restoredFrom = "Session restored from " + (file.equals(beside) ? file.getFileName() : file)
                    + reference.map(r -> " with the reference reading " + r.name()
                            + (r.revealed() ? " (revealed)" : " (hidden)")).orElse("");
            return new Restored(reading, user, Optional.of(LandmarkProtocol.inferFrom(doc.protocol(), reading)),
                    Optional.of(restoredFrom + referenceProblem.map(p -> "; " + p).orElse("")), suggested,
                    suggestedLandmarks, reference, referenceProblem);
        } catch (LandmarkFileException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            String moved;
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                moved = "; it was kept as " + aside.getFileName();
            } catch (IOException io) {
                moved = "";
            }
            String message = "Session not restored: " + e.getMessage() + moved;
            return new Restored(Reading.empty(), Optional.empty(), Optional.empty(), Optional.of(message), Set.of(),
                    Optional.empty(), Optional.of(message));
        }
    }

    /** Copies {@code file} to {@code ...unreadable} (the next save replaces it); says where, or nothing when it failed. */
    private static String keptCopy(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
        try {
            Files.copy(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return "; the file was kept as " + aside.getFileName();
        } catch (IOException io) {
            return "";
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The document that {@link #save} writes. */
    public static LandmarkDocument document(Radiograph film, Reading reading, Calibration calibration,
                                            LandmarkProtocol protocol) {
        return document(film, reading, calibration, protocol, Set.of());
    }

    /** The document that {@link #save} writes, with the vertebrae that are still suggestions. */
    public static LandmarkDocument document(Radiograph film, Reading reading, Calibration calibration,
                                            LandmarkProtocol protocol, Set<SpineLevel> suggested) {
        return document(film, reading, calibration, protocol, suggested, Optional.empty());
    }

    /** The document that {@link #save} writes for what {@code session} shows now (FX thread); a film must be open. */
    public static LandmarkDocument document(Session session) {
        Radiograph film = Objects.requireNonNull(session.radiograph(), "no film open");
        return document(film, session.reading(), session.calibration(), session.protocol(), session.suggested(),
                session.suggestedLandmarks(), session.referenceReading());
    }

    /**
     * The document that {@link #save} writes: the reading, film size, protocol, calibration, the
     * vertebrae that are still suggestions and the check-mode reference (landmarks, name, revealed).
     */
    public static LandmarkDocument document(Radiograph film, Reading reading, Calibration calibration,
                                            LandmarkProtocol protocol, Set<SpineLevel> suggested,
                                            Optional<ReferenceReading> reference) {
        return document(film, reading, calibration, protocol, suggested, Set.of(), reference);
    }

    /**
     * The document that {@link #save} writes: the reading, film size, protocol, calibration, the
     * vertebrae and limb landmarks that are still suggestions (the file's ids, a head as
     * {@code R.femoralHeadRim} or {@code R.femoralHeadCenter}) and the check-mode reference.
     */
    public static LandmarkDocument document(Radiograph film, Reading reading, Calibration calibration,
                                            LandmarkProtocol protocol, Set<SpineLevel> suggested,
                                            Set<LandmarkKey> suggestedLandmarks, Optional<ReferenceReading> reference) {
        LandmarkSet set = saveable(reading.landmarks());
        LandmarkDocument doc = LandmarkDocument.of(set)
                .withImageSize(ImageSize.of(film.width(), film.height()))
                .withProtocol(protocol.kind())
                .withCalibration(calibration)
                .withSuggested(suggestedIds(set, suggested, suggestedLandmarks))
                .withReference(reference.map(r -> new LandmarkDocument.Reference(r.name(), r.revealed(),
                        saveable(r.reading().landmarks()))));
        return calibration.spacing().map(doc::withPixelSpacing).orElse(doc);
    }

    /** The file's ids of the suggestions that {@code set} holds: vertebrae top to bottom, then limb landmarks. */
    private static List<String> suggestedIds(LandmarkSet set, Set<SpineLevel> levels, Set<LandmarkKey> landmarks) {
        List<String> ids = new java.util.ArrayList<>(Arrays.stream(SpineLevel.values())
                .filter(l -> levels.contains(l) && set.vertebra(l).isPresent()).map(Enum::name).toList());
        landmarks.stream().sorted().forEach(k -> {
            if (k.landmark() == LimbLandmark.FEMORAL_HEAD_CENTER && !set.headRim(k.side()).isEmpty()) {
                ids.add(k.side().prefix() + LandmarkKey.HEAD_RIM);
            } else if (set.point(k).isPresent()) {
                ids.add(k.id());
            }
        });
        return ids;
    }

    /**
     * Writes the session atomically to {@link #saveLocation}; when the image's folder refuses the
     * write, to the per-user fallback instead. The document is checked by reading it back first, so a
     * file the reader would reject never replaces a good one.
     *
     * @return the file written
     * @throws LandmarkFileException with one line when it cannot be written or would not read back
     */
    public Path save(Path image, LandmarkDocument doc) throws LandmarkFileException {
        Path file = saveLocation(image);
        reader.parse(writer.toJson(doc), file.toString());
        Path fallback = fallbackFile(image);
        if (!file.equals(fallback)) {
            try {
                writer.write(file, doc);
                return file;
            } catch (LandmarkFileException besideFailed) {
                // e.g. read-only media that reports itself writable: keep the work in the per-user folder
            }
        }
        try {
            Files.createDirectories(fallbackFolder);
        } catch (IOException e) {
            throw new LandmarkFileException("cannot create the session folder " + fallbackFolder + " (" + e.getMessage()
                    + ")");
        }
        writer.write(fallback, doc);
        return fallback;
    }

    /**
     * The landmarks a session file can hold, by the core's {@link LandmarkRules}: femoral-head rims of
     * fewer than 3 or collinear points are work in progress the file format rejects, so they are left
     * out until complete; a landmark on top of another of its side (which the session refuses to place)
     * is left out rather than making every autosave fail.
     */
    static LandmarkSet saveable(LandmarkSet set) {
        return LandmarkRules.obeying(set);
    }
}
