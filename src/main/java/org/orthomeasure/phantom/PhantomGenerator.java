package org.orthomeasure.phantom;

import org.orthomeasure.io.dicom.DicomImageWriter;
import org.orthomeasure.io.landmarks.LandmarkFileException;
import org.orthomeasure.io.landmarks.LandmarkFileWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the phantom films into a folder (default {@code sample-dicom}): for each film
 * {@code NAME.dcm} (JPEG Lossless, 12 bit) and {@code NAME.landmarks.json} (its true landmarks,
 * {@code orthomeasure-landmarks/1}). Deterministic: the same seed gives the same files.
 *
 * <pre>java -cp target/orthomeasure.jar org.orthomeasure.phantom.PhantomGenerator [FOLDER]</pre>
 */
public final class PhantomGenerator {

    /** The seed of the committed sample films. */
    public static final long SEED = 20260101L;

    private PhantomGenerator() {
    }

    /** All phantom films for {@code seed}. */
    public static List<PhantomFilm> films(long seed) {
        return List.of(LongLegPhantom.create(seed), SpinePhantom.create(seed));
    }

    /** Writes {@code film} into {@code dir}; returns the DICOM file. */
    public static Path write(PhantomFilm film, Path dir) throws IOException {
        Path dcm = dir.resolve(film.name() + ".dcm");
        DicomImageWriter.writeGrey(dcm, film.width(), film.height(), film.pixels(), film.bitsStored(),
                film.attributes(), DicomImageWriter.Encoding.JPEG_LOSSLESS);
        try {
            new LandmarkFileWriter().write(dir.resolve(film.name() + ".landmarks.json"), film.landmarks());
        } catch (LandmarkFileException e) {
            throw new IOException(e.getMessage(), e);
        }
        return dcm;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-dicom");
        for (PhantomFilm film : films(SEED)) {
            Path f = write(film, dir);
            System.out.println("wrote " + f + " (" + film.width() + "x" + film.height() + ", "
                    + java.nio.file.Files.size(f) / 1024 + " KiB) and " + film.name() + ".landmarks.json");
        }
    }
}
