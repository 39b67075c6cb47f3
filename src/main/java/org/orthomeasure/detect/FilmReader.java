package org.orthomeasure.detect;

import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a film (DICOM, PNG, JPEG, TIFF through {@link RadiographReader}) for the detector, as the user first
 * sees it: rendered with its default window and inversion ({@link GreyImage#fromRadiograph}).
 */
public final class FilmReader {

    private FilmReader() {
    }

    /**
     * Reads {@code file} as a grey image.
     *
     * @throws IOException with the reader's one-line message (naming the file) when it cannot be read
     */
    public static GreyImage read(Path file) throws IOException {
        Radiograph r;
        try {
            r = RadiographReader.read(file);
        } catch (ImageReadException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (r.width() < 2 || r.height() < 2) {
            throw new IOException(file + ": image is too small (" + r.width() + " x " + r.height() + ")");
        }
        return GreyImage.fromRadiograph(r);
    }
}
