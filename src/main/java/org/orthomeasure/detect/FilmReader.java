package org.orthomeasure.detect;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a film for the detector. PNG and JPEG are decoded with ImageIO into 8-bit grey
 * ({@link GreyImage#fromBufferedImage}).
 */
public final class FilmReader {

    private FilmReader() {
    }

    /**
     * Reads {@code file} as a grey image.
     *
     * @throws IOException with a one-line message naming the file when it is missing or not a readable image
     */
    public static GreyImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": cannot decode the image (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new IOException(file + ": not a PNG, JPEG or DICOM image");
        }
        if (img.getWidth() < 2 || img.getHeight() < 2) {
            throw new IOException(file + ": image is too small (" + img.getWidth() + " x " + img.getHeight() + ")");
        }
        return GreyImage.fromBufferedImage(img);
    }
}
