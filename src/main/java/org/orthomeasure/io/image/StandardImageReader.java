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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

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
        long fileBytes = path.toFile().length();
        long pixels = DecoderWatchdog.forDecode(fileBytes, 0).run(name, format, () -> pixels(path, name, format));
        // decoded as 32-bit ARGB or int samples at most, plus the grey copy
        Decoded d = DecoderWatchdog.forDecode(fileBytes, 8 * pixels)
                .run(name, format, () -> decode(path, name, format, fileBytes));
        return build(d.image(), d.frames(), format);
    }

    private record Decoded(BufferedImage image, int frames) {
    }

    /** Width x height of the first image as its header declares them, checked against {@link ImageLimits}. */
    private static long pixels(Path path, String name, String format) throws ImageReadException {
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
                return (long) w * h;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(name, format, e);
        }
    }

    /**
     * Decodes the first image. Refused, as a truncated DICOM file is: any warning of the decoder (a JPEG
     * that ends early is otherwise returned with its missing part filled in; a JPEG whose frame header
     * declares fewer rows than its data holds is otherwise cut to those rows, with "extraneous bytes"),
     * and a TIFF whose strips or tiles reach past the end of the file.
     */
    private static Decoded decode(Path path, String name, String format, long fileBytes) throws ImageReadException {
        BufferedImage image;
        int frames;
        List<String> warnings = new ArrayList<>();
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
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                ImageLimits.checkDimensions(name, w, h, 1);
                if (format.equals("TIFF")) {
                    checkTiffSegments(reader, name, fileBytes);
                }
                frames = countFrames(reader);
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(name, format, e);
        }
        if (!warnings.isEmpty()) {
            throw new ImageReadException(name + ": " + refusal(format, warnings.get(0)));
        }
        return new Decoded(image, frames);
    }

    /** The refusal for a decoder exception; the JDK TIFF reader's "Data segment out of stream" means truncated. */
    private static ImageReadException unreadable(String name, String format, Exception e) {
        if (format.equals("TIFF") && String.valueOf(e.getMessage()).contains("out of stream")) {
            return new ImageReadException(name + ": truncated TIFF file (its image data reaches past the end of the file)", e);
        }
        return new ImageReadException(name + ": not a readable " + format + " image (" + oneLine(e) + ")", e);
    }

    /** The user's terms for a decoder warning. */
    static String refusal(String format, String warning) {
        String w = warning.toLowerCase(java.util.Locale.ROOT);
        if (w.contains("truncated") || w.contains("premature end")) {
            return "truncated " + format + " file (the image data ends before the image does)";
        }
        if (w.contains("extraneous bytes")) {
            return "damaged " + format + " file (its header declares a smaller image than its data holds)";
        }
        return "damaged " + format + " file (" + oneLine(new IOException(warning)) + ")";
    }

    /** Every strip or tile of the first TIFF image must lie inside the file (offset + byte count). */
    private static void checkTiffSegments(ImageReader reader, String name, long fileBytes) throws IOException,
            ImageReadException {
        javax.imageio.metadata.IIOMetadata meta;
        try {
            meta = reader.getImageMetadata(0); // the JDK reader checks here that its fields lie inside the file
        } catch (javax.imageio.IIOException e) {
            throw new ImageReadException(name + ": truncated TIFF file (its image data reaches past the end of the file)", e);
        }
        javax.imageio.plugins.tiff.TIFFDirectory dir = javax.imageio.plugins.tiff.TIFFDirectory.createFromMetadata(meta);
        int[][] pairs = {{273, 279}, {324, 325}}; // StripOffsets/StripByteCounts, TileOffsets/TileByteCounts
        for (int[] pair : pairs) {
            javax.imageio.plugins.tiff.TIFFField offsets = dir.getTIFFField(pair[0]);
            javax.imageio.plugins.tiff.TIFFField counts = dir.getTIFFField(pair[1]);
            if (offsets == null || counts == null) {
                continue;
            }
            for (int i = 0; i < offsets.getCount() && i < counts.getCount(); i++) {
                long end = offsets.getAsLong(i) + counts.getAsLong(i);
                if (end > fileBytes) {
                    throw new ImageReadException(name + ": truncated TIFF file (image data up to byte " + end
                            + ", the file has " + fileBytes + ")");
                }
            }
        }
    }

    private static Radiograph build(BufferedImage image, int frames, String format) throws ImageReadException {
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
