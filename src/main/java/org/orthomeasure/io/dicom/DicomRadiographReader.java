package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationRules;
import org.orthomeasure.io.image.DecoderWatchdog;
import org.orthomeasure.io.image.ImageFormatInfo;
import org.orthomeasure.io.image.ImageLimits;
import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.image.StudyHeader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The PixelMed adapter: reads a DICOM file once into an immutable {@link Radiograph} (first frame,
 * grey-level pipeline, calibration attributes, report header). JPEG-LS and 12-bit lossy JPEG,
 * which PixelMed cannot decode in Java, go through dcmtk ({@link DcmtkTools}) when it is installed.
 *
 * <p>Memory stays bounded: the header is read first (stopping before Pixel Data) and the declared
 * size is checked against {@link ImageLimits} and, for uncompressed data, against the bytes left in
 * the file, before any pixel buffer is allocated.
 */
public final class DicomRadiographReader {

    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    private final DcmtkTools tools;

    public DicomRadiographReader(DcmtkTools tools) {
        this.tools = tools;
    }

    /** True when a file without the 128-byte preamble starts like a DICOM data set (group 0002 or 0008). */
    public boolean looksLikeDicomWithoutPreamble(Path path) {
        byte[] h = new byte[8];
        try (InputStream in = Files.newInputStream(path)) {
            if (in.readNBytes(h, 0, 8) < 8) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        boolean group = (h[0] == 0x02 || h[0] == 0x08) && h[1] == 0;
        boolean explicitVr = Character.isUpperCase(h[4]) && Character.isUpperCase(h[5]);
        boolean smallImplicitLength = (h[6] | h[7]) == 0 && (h[5] & 0xFF) < 0x10;
        return group && (explicitVr || smallImplicitLength);
    }

    /**
     * Most decoded bytes accepted per compressed byte. Lossless JPEG cannot go below one bit per sample
     * (16:1 for 16-bit data), RLE below 2 bytes per 128 (64:1), baseline JPEG of a blank 8x8 block below
     * about 6 bits (85:1); real radiographs in lossy JPEG 2000 stay under 50:1. A file that declares
     * more does not hold the image it claims, and decoding it would only allocate.
     */
    static final long MAX_COMPRESSION_RATIO = 1000;

    /**
     * Reads the first frame of a DICOM file. The element structure is walked first
     * ({@link DicomStructure}: nesting depth, element lengths against the file size), then the header
     * and the pixel data are read, each under a {@link DecoderWatchdog} (time limit, allocation budget
     * from the file size and the declared image), so every failure is one line.
     */
    public Radiograph read(Path path) throws ImageReadException {
        String name = String.valueOf(path.getFileName());
        long fileSize;
        try {
            fileSize = Files.size(path);
        } catch (IOException e) {
            throw new ImageReadException(name + ": cannot be read (" + oneLine(e) + ")", e);
        }
        DicomStructure.PixelDataFacts facts = DicomStructure.check(path, name);
        Header header = DecoderWatchdog.forDecode(fileSize, 0).run(name, "DICOM", () -> readHeader(path, name));
        String tsUid = Attribute.getSingleStringValueOrEmptyString(header.list(), TagFromName.TransferSyntaxUID).strip();
        if (tsUid.isEmpty()) {
            tsUid = "1.2.840.10008.1.2"; // no meta header: implicit VR little endian (PS3.5 A.1)
        }
        TransferSyntaxes.Info ts = TransferSyntaxes.of(tsUid);
        DicomPixels.Layout declared = DicomPixels.layout(header.list(), name);
        ImageLimits.checkDimensions(name, declared.columns(), declared.rows(), declared.frames());
        if (!header.hasPixelData()) {
            throw new ImageReadException(name + ": DICOM file has no pixel data");
        }
        checkUncompressedLength(header, name, tsUid, declared);
        checkPixelDataAgreesWithGeometry(facts, name, tsUid, ts, declared);
        String uid = tsUid;
        long decodedBytes = declared.samplesPerFrame() * declared.frames() * 4;
        return DecoderWatchdog.forDecode(fileSize, decodedBytes).run(name, ts.name(),
                () -> decode(path, name, header, uid, ts, declared));
    }

    private static boolean isNative(String tsUid) {
        return tsUid.equals("1.2.840.10008.1.2") || tsUid.equals(EXPLICIT_LE) || tsUid.equals("1.2.840.10008.1.2.2");
    }

    /**
     * The pixel data must be what Rows, Columns, Samples per Pixel, Bits Allocated and Number of Frames
     * declare: native data exactly that many bytes (plus one padding byte to an even length), compressed
     * data present and at most {@link #MAX_COMPRESSION_RATIO} times smaller. A file whose Rows or Columns
     * were made smaller than its data would otherwise open sheared or cut, with exit 0.
     */
    private static void checkPixelDataAgreesWithGeometry(DicomStructure.PixelDataFacts facts, String name,
                                                         String tsUid, TransferSyntaxes.Info ts,
                                                         DicomPixels.Layout lay) throws ImageReadException {
        if (tsUid.equals("1.2.840.10008.1.2.1.99")) {
            return; // deflated: the walk cannot see inside; the decoded length is checked in DicomPixels
        }
        if (!facts.present()) {
            throw new ImageReadException(name + ": DICOM file has no pixel data");
        }
        String geometry = lay.columns() + "x" + lay.rows() + "x" + lay.frames() + " at " + lay.bitsAllocated() + " bits";
        long declared = lay.bytesDeclared();
        if (isNative(tsUid)) {
            if (facts.encapsulated()) {
                throw new ImageReadException(name + ": compressed (encapsulated) pixel data in an uncompressed "
                        + ts.name() + " file");
            }
            if (facts.valueLength() < declared) {
                throw new ImageReadException(name + ": pixel data shorter than declared (" + facts.valueLength()
                        + " bytes, " + declared + " declared for " + geometry + ")");
            }
            if (facts.valueLength() > declared + 1) {
                throw new ImageReadException(name + ": pixel data longer than declared (" + facts.valueLength()
                        + " bytes, " + declared + " declared for " + geometry
                        + "): Rows, Columns or Number of Frames do not describe the data");
            }
            return;
        }
        if (!facts.encapsulated()) {
            return; // a compressed syntax with native pixel data: PixelMed reads it as such, lengths checked after
        }
        if (facts.fragments() == 0 || facts.fragmentBytes() == 0) {
            throw new ImageReadException(name + ": the " + ts.name() + " pixel data is empty (no compressed bytes)");
        }
        if (declared > MAX_COMPRESSION_RATIO * facts.fragmentBytes()) {
            throw new ImageReadException(name + ": declares " + geometry + " (" + declared + " bytes) in only "
                    + facts.fragmentBytes() + " compressed bytes, more than " + MAX_COMPRESSION_RATIO
                    + ":1: the file does not hold the image it declares");
        }
    }

    private Radiograph decode(Path path, String name, Header header, String tsUid, TransferSyntaxes.Info ts,
                              DicomPixels.Layout declared) throws ImageReadException {
        String tool = switch (ts.route()) {
            case DCMDJPLS -> "dcmdjpls";
            case DCMDJPEG_IF_OVER_8_BITS -> declared.bitsStored() > 8 ? "dcmdjpeg" : null;
            case UNSUPPORTED -> throw new ImageReadException(name + ": unsupported compression " + ts.name()
                    + " (" + tsUid + ")");
            case JAVA -> null;
        };
        AttributeList full;
        Path converted = null;
        try {
            if (tool != null) {
                converted = tools.decompress(tool, path, ts.name() + " (" + tsUid + ")");
                full = readFull(converted, name, ts);
            } else if (tsUid.equals("1.2.840.10008.1.2.4.70") || tsUid.equals("1.2.840.10008.1.2.4.57")) {
                full = readJpegLossless(path, name, ts, declared);
            } else {
                full = readFull(path, name, ts);
            }
        } finally {
            DcmtkTools.deleteQuietly(converted);
        }
        try {
            full.correctDecompressedImagePixelModule();
        } catch (DicomException | RuntimeException e) {
            // the pixel module as written is used
        }
        if (full.get(TagFromName.PixelData) == null) {
            throw new ImageReadException(name + ": truncated or corrupt " + ts.name() + " pixel data (nothing could be decoded)");
        }
        DicomPixels.Layout layout = DicomPixels.layout(full, name);
        if (layout.rows() != declared.rows() || layout.columns() != declared.columns()) {
            throw new ImageReadException(name + ": image size changed while decoding");
        }
        Radiograph.Builder b = Radiograph.builder();
        try {
            DicomPixels.firstFrame(full, layout, name, b);
        } catch (DicomException | RuntimeException e) {
            throw new ImageReadException(name + ": the pixel data cannot be read (damaged)", e);
        }
        if (layout.isGrey()) {
            DicomGreyLevels.apply(full, layout.photometric(), layout.signed(), b);
        }
        if (declared.photometricMissing()) {
            b.addNote("no Photometric Interpretation in the file: shown as " + declared.photometric()
                    + (declared.isGrey() ? " (low values dark); invert if bone looks dark" : ""));
        }
        if (layout.frames() > 1) {
            b.addNote("multi-frame (" + layout.frames() + " frames): first frame shown");
        }
        String lossy = Attribute.getSingleStringValueOrEmptyString(full, TagFromName.LossyImageCompression).strip();
        if (ts.lossy() || lossy.equals("01")) {
            b.addNote("lossy compression (" + (ts.lossy() ? ts.name() : "earlier lossy compression in the file's history") + ")");
        }
        if (tool != null) {
            b.addNote("decoded by dcmtk (" + tool + ")");
        }
        b.calibration(calibration(DicomSpacingAttributes.of(full)));
        b.header(header(full));
        String modality = Attribute.getSingleStringValueOrEmptyString(full, TagFromName.Modality).strip();
        b.formatInfo(new ImageFormatInfo(layout.rows(), layout.columns(), layout.bitsStored(), declared.photometric(),
                Optional.of(tsUid), modality.isEmpty() ? Optional.empty() : Optional.of(modality), layout.frames(), "DICOM"));
        return b.build();
    }

    /** The decision order of measurements.md, applied by {@link CalibrationRules} to the file's values. */
    static Calibration calibration(DicomSpacingAttributes a) {
        return CalibrationRules.fromDicom(a.pixelSpacing(), a.imagerPixelSpacing(), a.magnificationFactor(),
                a.calibrationType(), a.calibrationDescription());
    }

    static StudyHeader header(AttributeList l) {
        return StudyHeader.of(text(l, TagFromName.PatientName), text(l, TagFromName.PatientID),
                text(l, TagFromName.PatientBirthDate), text(l, TagFromName.PatientSex), text(l, TagFromName.StudyDate),
                text(l, TagFromName.AccessionNumber), text(l, TagFromName.BodyPartExamined),
                text(l, TagFromName.ViewPosition), text(l, TagFromName.InstitutionName),
                text(l, TagFromName.StudyDescription), text(l, TagFromName.SeriesDescription),
                Attribute.getDelimitedStringValuesOrNull(l, TagFromName.PatientOrientation),
                Optional.ofNullable(text(l, TagFromName.ImageLaterality)).filter(v -> !v.isBlank())
                        .orElse(text(l, TagFromName.Laterality)));
    }

    private static String text(AttributeList l, com.pixelmed.dicom.AttributeTag tag) {
        try {
            return Attribute.getSingleStringValueOrNull(l, tag);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The attributes before Pixel Data and the byte offset at which reading stopped (the file size when there is no Pixel Data). */
    private record Header(AttributeList list, long stopOffset, long fileSize) {
        boolean hasPixelData() {
            return stopOffset < fileSize;
        }
    }

    private static Header readHeader(Path path, String name) throws ImageReadException {
        AttributeList l = new AttributeList();
        try {
            l.setDecompressPixelData(false);
            long offset = l.read(path.toFile(), TagFromName.PixelData);
            return new Header(l, offset, Files.size(path));
        } catch (java.io.EOFException e) {
            throw new ImageReadException(name + ": truncated DICOM file (ends inside the header)", e);
        } catch (IOException | DicomException | RuntimeException e) {
            throw new ImageReadException(name + ": not a readable DICOM file (its header is damaged)", e);
        } catch (OutOfMemoryError e) {
            throw new ImageReadException(name + ": corrupt DICOM file (declares an element larger than memory)");
        }
    }

    /**
     * For uncompressed syntaxes, the bytes after the header must hold the declared pixels; checked
     * before reading, so a truncated or lying file fails with a clear message instead of a huge read.
     */
    private static void checkUncompressedLength(Header header, String name, String tsUid, DicomPixels.Layout lay)
            throws ImageReadException {
        boolean plain = tsUid.equals("1.2.840.10008.1.2") || tsUid.equals(EXPLICIT_LE) || tsUid.equals("1.2.840.10008.1.2.2");
        // the read stops just after the Pixel Data tag; at most 8 more header bytes (VR, length) follow
        long remaining = header.fileSize() - header.stopOffset() - 4;
        if (plain && remaining < lay.bytesDeclared()) {
            throw new ImageReadException(name + ": pixel data shorter than declared (" + Math.max(0, remaining)
                    + " bytes in the file, " + lay.bytesDeclared() + " declared for " + lay.columns() + "x"
                    + lay.rows() + "x" + lay.frames() + " at " + lay.bitsAllocated() + " bits)");
        }
    }

    /**
     * JPEG Lossless through {@link JpegLosslessDecoder} (first frame only): the compressed bytes are
     * read without PixelMed's decompression and decoded here; streams it does not handle go to PixelMed.
     */
    private static AttributeList readJpegLossless(Path path, String name, TransferSyntaxes.Info ts,
                                                  DicomPixels.Layout declared) throws ImageReadException {
        AttributeList l = new AttributeList();
        byte[] frame;
        try {
            l.setDecompressPixelData(false);
            l.read(path.toFile());
            Attribute pd = l.get(TagFromName.PixelData);
            if (!(pd instanceof OtherByteAttributeMultipleCompressedFrames frames) || frames.getNumberOfFrames() < 1) {
                return readFull(path, name, ts);
            }
            frame = frames.getByteValuesForSelectedFrame(0);
        } catch (IOException | DicomException | RuntimeException e) {
            return readFull(path, name, ts);
        } catch (OutOfMemoryError e) {
            throw new ImageReadException(name + ": corrupt DICOM file (declares an element larger than memory)");
        }
        JpegLosslessDecoder.Image image;
        try {
            image = JpegLosslessDecoder.decode(frame);
        } catch (UnsupportedOperationException e) {
            return readFull(path, name, ts);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ImageReadException(name + ": the " + ts.name() + " pixel data is damaged and cannot be decoded", e);
        }
        if (image.width() != declared.columns() || image.height() != declared.rows() || declared.samplesPerPixel() != 1) {
            return readFull(path, name, ts);
        }
        try {
            if (declared.bitsAllocated() == 8) {
                byte[] bytes = new byte[image.samples().length];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) image.samples()[i];
                }
                OtherByteAttribute ob = new OtherByteAttribute(TagFromName.PixelData);
                ob.setValues(bytes);
                l.put(ob);
            } else {
                OtherWordAttribute ow = new OtherWordAttribute(TagFromName.PixelData);
                ow.setValues(image.samples());
                l.put(ow);
            }
        } catch (DicomException e) {
            throw new ImageReadException(name + ": cannot hold the decoded pixels (" + oneLine(e) + ")", e);
        }
        return l;
    }

    private static AttributeList readFull(Path path, String name, TransferSyntaxes.Info ts) throws ImageReadException {
        AttributeList l = new AttributeList();
        try {
            l.read(path.toFile());
            return l;
        } catch (java.io.EOFException e) {
            throw new ImageReadException(name + ": truncated DICOM file (ends inside the data)", e);
        } catch (OutOfMemoryError e) {
            throw new ImageReadException(name + ": corrupt DICOM file (declares an element larger than memory)");
        } catch (StackOverflowError e) {
            throw new ImageReadException(name + ": corrupt DICOM file (nested too deeply to be read)");
        } catch (IOException | DicomException | RuntimeException | Error e) {
            // decoder libraries throw their own errors (JJ2000: java.lang.Error "IO Error when reading tile");
            // their text names decoder internals, not what is wrong with the file
            throw new ImageReadException(name + ": the " + ts.name() + " pixel data is damaged or uses a feature "
                    + "this reader does not support; it cannot be decoded", e);
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
