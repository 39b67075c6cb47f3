package org.orthomeasure.io.radiograph;

import org.orthomeasure.io.dicom.DcmtkTools;
import org.orthomeasure.io.dicom.DicomRadiographReader;
import org.orthomeasure.io.image.ImageLimits;
import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.image.StandardImageReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a radiograph: DICOM (through the PixelMed adapter, with dcmtk as fallback for JPEG-LS and
 * 12-bit lossy JPEG) or PNG/JPEG/TIFF (through ImageIO), chosen by the file's content, not its name.
 * Every failure is an {@link ImageReadException} with one line naming the file and the problem. It sits
 * above {@code io.image} (the format-independent radiograph, PNG/JPEG/TIFF) and {@code io.dicom} (the
 * PixelMed adapter), so that neither of those depends on the other's facade: no package cycle.
 *
 * <pre>{@code Radiograph r = RadiographReader.read(Path.of("film.dcm")); }</pre>
 */
public final class RadiographReader {

    private final DicomRadiographReader dicom;

    private RadiographReader(DicomRadiographReader dicom) {
        this.dicom = dicom;
    }

    /** A reader that looks for dcmtk's tools on this process's PATH. */
    public static RadiographReader standard() {
        return new RadiographReader(new DicomRadiographReader(DcmtkTools.fromEnvironment()));
    }

    /** A reader that looks for dcmtk's tools only in {@code searchPath} (PATH syntax; empty = nowhere). */
    public static RadiographReader withToolSearchPath(String searchPath) {
        return new RadiographReader(new DicomRadiographReader(DcmtkTools.onPath(searchPath)));
    }

    /** Reads {@code path} with the {@link #standard()} reader. */
    public static Radiograph read(Path path) throws ImageReadException {
        return standard().open(path);
    }

    /** Reads a radiograph file. */
    public Radiograph open(Path path) throws ImageReadException {
        String name = String.valueOf(path.getFileName());
        if (Files.isDirectory(path)) {
            throw new ImageReadException(name + ": is a directory, not an image file");
        }
        if (!Files.exists(path)) {
            throw new ImageReadException(name + ": no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new ImageReadException(name + ": is not a regular file (a device, pipe or socket), not an image file");
        }
        long size;
        byte[] head = new byte[132];
        int n;
        try {
            size = Files.size(path);
            try (InputStream in = Files.newInputStream(path)) {
                n = in.readNBytes(head, 0, head.length);
            }
        } catch (IOException e) {
            throw new ImageReadException(name + ": cannot be read (" + StandardImageReader.oneLine(e) + ")", e);
        }
        if (size == 0) {
            throw new ImageReadException(name + ": is empty (0 bytes)");
        }
        if (size > ImageLimits.MAX_FILE_BYTES) {
            throw new ImageReadException(name + ": is " + size + " bytes, larger than the "
                    + ImageLimits.MAX_FILE_BYTES + " bytes accepted");
        }
        String format = sniff(head, n);
        if (format.equals("DICOM")) {
            return dicom.read(path);
        }
        if (!format.isEmpty()) {
            return StandardImageReader.read(path, format);
        }
        if (dicom.looksLikeDicomWithoutPreamble(path)) {
            return dicom.read(path);
        }
        throw new ImageReadException(name + ": not a DICOM, PNG, JPEG or TIFF file");
    }

    /** "DICOM", "PNG", "JPEG", "TIFF" from the magic bytes, or "" when none matches. */
    static String sniff(byte[] h, int n) {
        if (n >= 132 && h[128] == 'D' && h[129] == 'I' && h[130] == 'C' && h[131] == 'M') {
            return "DICOM";
        }
        if (n >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return "PNG";
        }
        if (n >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
            return "JPEG";
        }
        if (n >= 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0)
                || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42))) {
            return "TIFF";
        }
        return "";
    }
}
