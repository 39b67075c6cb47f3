package org.orthomeasure.ui.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.geometry.CircleFit;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Side;
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
 * written atomically by {@link LandmarkFileWriter}. Holds the landmarks, the protocol, the film size
 * and the calibration in force; a user calibration (line, ball) is restored, a film calibration is
 * re-read from the film. Thread-safe (stateless apart from the reader and writer).
 */
public final class SessionStore {

    /** Suffix added to the image file name. */
    public static final String SUFFIX = ".orthomeasure.json";

    private final LandmarkFileReader reader = new LandmarkFileReader();
    private final LandmarkFileWriter writer = new LandmarkFileWriter();

    /** Where the session of {@code image} lives. */
    public static Path sessionFile(Path image) {
        Path abs = image.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + SUFFIX);
    }

    /**
     * A restored session.
     *
     * @param reading     the landmarks
     * @param calibration the user's calibration, when the session had one
     * @param protocol    the protocol (inferred from the landmarks when the file did not say); empty when
     *                    there was no session, so the one chosen before stays
     * @param message     what the user must be told (e.g. an unreadable file moved aside), empty when nothing
     */
    public record Restored(Reading reading, Optional<Calibration> calibration, Optional<LandmarkProtocol> protocol,
                           Optional<String> message) {
    }

    /**
     * Restores the session of {@code image} when one exists. An unreadable or mismatching session file
     * is never overwritten: it is renamed to {@code ...json.unreadable} and the message says so.
     */
    public Restored load(Path image, Radiograph film) {
        Path file = sessionFile(image);
        if (!Files.exists(file)) {
            return new Restored(Reading.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        try {
            LandmarkDocument doc = reader.read(file);
            Optional<ImageSize> size = doc.imageSize();
            if (size.isPresent() && (size.get().width() != film.width() || size.get().height() != film.height())) {
                throw new LandmarkFileException(file + ": made for a " + size.get().width() + "x" + size.get().height()
                        + " image, but this film is " + film.width() + "x" + film.height());
            }
            Reading reading = Reading.of(doc.landmarks());
            Optional<Calibration> user = doc.calibration().filter(c -> c.source() == CalibrationSource.USER_LINE
                    || c.source() == CalibrationSource.CALIBRATION_BALL);
            return new Restored(reading, user, Optional.of(LandmarkProtocol.inferFrom(doc.protocol(), reading)),
                    Optional.of("Session restored from " + file.getFileName()));
        } catch (LandmarkFileException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            String moved;
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                moved = "; it was kept as " + aside.getFileName();
            } catch (IOException io) {
                moved = "";
            }
            return new Restored(Reading.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("Session not restored: " + e.getMessage() + moved));
        }
    }

    /** The document that {@link #save} writes. */
    public static LandmarkDocument document(Radiograph film, Reading reading, Calibration calibration,
                                            LandmarkProtocol protocol) {
        LandmarkDocument doc = LandmarkDocument.of(saveable(reading.landmarks()))
                .withImageSize(ImageSize.of(film.width(), film.height()))
                .withProtocol(protocol.kind())
                .withCalibration(calibration);
        return calibration.spacing().map(doc::withPixelSpacing).orElse(doc);
    }

    /**
     * Writes the session atomically. The document is checked by reading it back first, so a file the
     * reader would reject never replaces a good one.
     *
     * @throws LandmarkFileException with one line when it cannot be written or would not read back
     */
    public void save(Path image, LandmarkDocument doc) throws LandmarkFileException {
        Path file = sessionFile(image);
        reader.parse(writer.toJson(doc), file.toString());
        writer.write(file, doc);
    }

    /**
     * The landmarks a session file can hold: femoral-head rims of fewer than 3 or collinear points are
     * work in progress the file format rejects, so they are left out until complete.
     */
    static LandmarkSet saveable(LandmarkSet set) {
        LandmarkSet out = set;
        for (Side side : Side.values()) {
            List<Point2> rim = set.headRim(side);
            if (!rim.isEmpty() && !fits(rim)) {
                out = out.withHeadRim(side, List.of());
            }
        }
        return out;
    }

    private static boolean fits(List<Point2> rim) {
        if (rim.size() < 3) {
            return false;
        }
        try {
            CircleFit.fit(rim);
            return true;
        } catch (IllegalArgumentException collinear) {
            return false;
        }
    }
}
