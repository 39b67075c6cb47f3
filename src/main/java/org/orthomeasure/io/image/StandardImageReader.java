package org.orthomeasure.io.image;

import org.orthomeasure.core.calibration.Calibration;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * PNG, JPEG and TIFF radiographs (8 or 16 bit grey, or colour) through Java ImageIO. They carry no
 * trustworthy spacing, so they open uncalibrated ("px") until the user calibrates.
 */
public final class StandardImageReader {

    private StandardImageReader() {
    }

    /** Reads {@code path}, whose content was recognised as {@code format} ("PNG", "JPEG", "TIFF"). */
    public static Radiograph read(Path path, String format) throws ImageReadException {
        String name = path.getFileName().toString();
        BufferedImage image;
        int frames;
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            if (in == null) {
                throw new ImageReadException(name + ": cannot be opened for reading");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageReadException(name + ": no reader for this " + format + " file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                ImageLimits.checkDimensions(name, w, h, 1);
                frames = countFrames(reader);
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(name + ": not a readable " + format + " image (" + oneLine(e) + ")", e);
        }
        Radiograph.Builder b = Radiograph.builder()
                .calibration(Calibration.none(format + " files carry no pixel spacing: lengths are in px until you calibrate"));
        if (frames > 1) {
            b.addNote("multi-page " + format + " (" + frames + " pages): first page shown");
        }
        if (format.equals("JPEG")) {
            b.addNote("lossy compression (JPEG)");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        int bands = raster.getNumBands();
        String photometric;
        int bits;
        if (bands <= 2 && !(cm instanceof java.awt.image.IndexColorModel)) {
            bits = Math.min(16, cm.getComponentSize(0));
            int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            short[] stored = new short[samples.length];
            for (int i = 0; i < samples.length; i++) {
                stored[i] = (short) samples[i];
            }
            b.grey(w, h, stored, false, bits);
            photometric = "MONOCHROME2";
        } else {
            int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
            if (allGrey(rgb)) {
                short[] stored = new short[rgb.length];
                for (int i = 0; i < rgb.length; i++) {
                    stored[i] = (short) (rgb[i] & 0xFF);
                }
                b.grey(w, h, stored, false, 8);
                photometric = "MONOCHROME2";
                b.addNote("colour " + format + " with equal channels: read as grey");
            } else {
                b.rgb(w, h, rgb);
                photometric = "RGB";
            }
            bits = 8;
        }
        b.formatInfo(new ImageFormatInfo(h, w, bits, photometric, java.util.Optional.empty(), java.util.Optional.empty(),
                frames, format));
        return b.build();
    }

    private static int countFrames(ImageReader reader) {
        try {
            return Math.max(1, reader.getNumImages(false) < 0 ? 1 : reader.getNumImages(false));
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    private static boolean allGrey(int[] rgb) {
        for (int c : rgb) {
            int r = (c >> 16) & 0xFF;
            if (r != ((c >> 8) & 0xFF) || r != (c & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    public static String oneLine(Throwable e) {
        String m = e.getMessage();
        String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        return text.replaceAll("\\s+", " ").strip();
    }
}
