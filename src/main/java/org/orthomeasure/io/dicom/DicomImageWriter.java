package org.orthomeasure.io.dicom;

import org.orthomeasure.io.AtomicFiles;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.ValueRepresentation;
import com.pixelmed.dicom.TagFromName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a single-frame MONOCHROME2 grey image as a DICOM file, with attributes given by their
 * DICOM keyword (e.g. {@code "ImagerPixelSpacing" -> "0.2\\0.2"}; multiple values separated by a
 * backslash). Used by the phantom generator; the file is written atomically (temporary file, then
 * move). A sequence keyword (VR SQ) takes either an empty value (an empty Type 2 sequence) or one
 * code item written {@code CODE_VALUE^SCHEME^MEANING} (e.g. {@code "61685007^SCT^Lower limb"}).
 */
public final class DicomImageWriter {

    /** Pixel data encodings the writer produces. */
    public enum Encoding {
        EXPLICIT_LITTLE_ENDIAN("1.2.840.10008.1.2.1"),
        IMPLICIT_LITTLE_ENDIAN("1.2.840.10008.1.2"),
        EXPLICIT_BIG_ENDIAN("1.2.840.10008.1.2.2"),
        DEFLATED("1.2.840.10008.1.2.1.99"),
        /** JPEG Lossless, first-order prediction (process 14, SV1). */
        JPEG_LOSSLESS("1.2.840.10008.1.2.4.70");

        private final String uid;

        Encoding(String uid) {
            this.uid = uid;
        }

        public String transferSyntaxUid() {
            return uid;
        }
    }

    private DicomImageWriter() {
    }

    /**
     * @param pixels     row-major stored values, {@code 0 .. 2^bitsStored - 1}
     * @param bitsStored 1..16 (16 bits allocated)
     * @param attributes keyword to value; must include SOPClassUID and SOPInstanceUID
     * @throws IOException when the file cannot be written or an attribute is unknown/invalid
     */
    public static void writeGrey(Path out, int width, int height, short[] pixels, int bitsStored,
                                 Map<String, String> attributes, Encoding encoding) throws IOException {
        if ((long) width * height != pixels.length || bitsStored < 1 || bitsStored > 16) {
            throw new IllegalArgumentException("pixels do not match " + width + "x" + height + " at " + bitsStored + " bits");
        }
        try {
            AttributeList list = new AttributeList();
            put(list, TagFromName.Rows, Integer.toString(height));
            put(list, TagFromName.Columns, Integer.toString(width));
            put(list, TagFromName.SamplesPerPixel, "1");
            put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
            put(list, TagFromName.BitsAllocated, "16");
            put(list, TagFromName.BitsStored, Integer.toString(bitsStored));
            put(list, TagFromName.HighBit, Integer.toString(bitsStored - 1));
            put(list, TagFromName.PixelRepresentation, "0");
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                AttributeTag tag = DicomDictionary.StandardDictionary.getTagFromName(e.getKey());
                if (tag == null) {
                    throw new IOException("unknown DICOM keyword " + e.getKey());
                }
                put(list, tag, e.getValue());
            }
            if (encoding == Encoding.JPEG_LOSSLESS) {
                byte[] jpeg = JpegLosslessEncoder.encode(pixels, width, height, Math.max(2, bitsStored));
                list.put(new OtherByteAttributeMultipleCompressedFrames(TagFromName.PixelData, new byte[][]{jpeg}));
            } else {
                OtherWordAttribute pd = new OtherWordAttribute(TagFromName.PixelData);
                pd.setValues(pixels);
                list.put(pd);
            }
            list.remove(TagFromName.DataSetTrailingPadding);
            FileMetaInformation.addFileMetaInformation(list, encoding.transferSyntaxUid(), "ORTHOMEASURE");
            Files.createDirectories(out.toAbsolutePath().getParent());
            AtomicFiles.write(out, tmp -> {
                try {
                    list.write(tmp.toFile(), encoding.transferSyntaxUid(), true, true);
                } catch (DicomException e) {
                    throw new IOException("cannot write " + out.getFileName() + " (" + e.getMessage() + ")", e);
                }
            });
        } catch (DicomException e) {
            throw new IOException("cannot write " + out.getFileName() + " (" + e.getMessage() + ")", e);
        }
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        byte[] vr = DicomDictionary.StandardDictionary.getValueRepresentationFromTag(tag);
        if (ValueRepresentation.isSequenceVR(vr)) {
            SequenceAttribute sq = new SequenceAttribute(tag);
            if (!value.isEmpty()) {
                String[] code = value.split("\\^", -1);
                if (code.length != 3) {
                    throw new DicomException("a code is written VALUE^SCHEME^MEANING, not " + value);
                }
                sq.addItem(DicomCode.of(code[0], code[1], code[2]).toAttributeList());
            }
            list.put(sq);
            return;
        }
        Attribute a = AttributeFactory.newAttribute(tag, vr);
        for (String v : value.split("\\\\", -1)) {
            a.addValue(v);
        }
        list.put(a);
    }
}
