package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.orthomeasure.io.AtomicFiles;

/**
 * The parts every object OrthoMeasure derives from a film shares: the film's Patient and General
 * Study attributes (same patient, same study), a new series and instance (UIDs under the 2.25 UUID
 * root, PS3.5 B.2), General Equipment naming OrthoMeasure, SOP Common in UTF-8, and the atomic write
 * with file meta information in Explicit VR Little Endian.
 */
final class DerivedObject {

    static final String EXPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    static final String MANUFACTURER = "OrthoMeasure";
    private static final SpecificCharacterSet UTF8 = new SpecificCharacterSet(new String[]{"ISO_IR 192"});
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    private DerivedObject() {
    }

    /** A new UID: "2.25." and a random UUID as an unsigned decimal integer. */
    static String newUid() {
        UUID u = UUID.randomUUID();
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }

    /**
     * The header of a new instance in the film's study: Patient, General Study, a new series
     * ({@code modality}, {@code seriesNumber}, {@code seriesDescription}), General Equipment, SOP Common
     * and the content date and time.
     */
    static AttributeList header(DicomFilm film, String sopClassUid, String modality, int seriesNumber,
                                String seriesDescription, ZonedDateTime created, String softwareVersion)
            throws DicomException {
        AttributeList l = new AttributeList();
        put(l, TagFromName.SpecificCharacterSet, "ISO_IR 192");
        for (AttributeTag t : DicomFilm.PATIENT_AND_STUDY) {
            film.value(t).ifPresentOrElse(v -> putQuietly(l, t, v), () -> {
                if (isType2(t)) {
                    putQuietly(l, t, "");
                }
            });
        }
        put(l, TagFromName.SOPClassUID, sopClassUid);
        put(l, TagFromName.SOPInstanceUID, newUid());
        put(l, TagFromName.SeriesInstanceUID, newUid());
        put(l, TagFromName.Modality, modality);
        put(l, TagFromName.SeriesNumber, Integer.toString(seriesNumber));
        put(l, TagFromName.SeriesDescription, seriesDescription);
        put(l, TagFromName.InstanceNumber, "1");
        put(l, TagFromName.Manufacturer, MANUFACTURER);
        put(l, TagFromName.SoftwareVersions, softwareVersion);
        put(l, TagFromName.InstanceCreationDate, DA.format(created));
        put(l, TagFromName.InstanceCreationTime, TM.format(created));
        put(l, TagFromName.ContentDate, DA.format(created));
        put(l, TagFromName.ContentTime, TM.format(created));
        put(l, TagFromName.TimezoneOffsetFromUTC, created.getOffset().getId().equals("Z") ? "+0000"
                : created.getOffset().getId().replace(":", ""));
        return l;
    }

    private static boolean isType2(AttributeTag t) {
        return t.equals(TagFromName.PatientName) || t.equals(TagFromName.PatientID)
                || t.equals(TagFromName.PatientBirthDate) || t.equals(TagFromName.PatientSex)
                || t.equals(TagFromName.StudyDate) || t.equals(TagFromName.StudyTime)
                || t.equals(TagFromName.ReferringPhysicianName) || t.equals(TagFromName.StudyID)
                || t.equals(TagFromName.AccessionNumber);
    }

    /** Puts a string attribute (multiple values separated by a backslash); empty gives a zero-length value. */
    static void put(AttributeList l, AttributeTag tag, String value) throws DicomException {
        byte[] vr = DicomDictionary.StandardDictionary.getValueRepresentationFromTag(tag);
        Attribute a = AttributeFactory.newAttribute(tag, vr, UTF8);
        if (!value.isEmpty()) {
            for (String v : value.split("\\\\", -1)) {
                a.addValue(v);
            }
        }
        l.put(a);
    }

    /** The single string value of {@code tag} in {@code l}, or "". */
    static String value(AttributeList l, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(l, tag);
    }

    private static void putQuietly(AttributeList l, AttributeTag tag, String value) {
        try {
            put(l, tag, value);
        } catch (DicomException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A sequence holding {@code code} as its one item. */
    static SequenceAttribute codeSequence(AttributeTag tag, DicomCode code) {
        SequenceAttribute sq = new SequenceAttribute(tag);
        sq.addItem(code.toAttributeList());
        return sq;
    }

    /** Writes {@code list} with file meta information, atomically; the folder must exist. */
    static void write(AttributeList list, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("folder " + parent + " does not exist");
        }
        if (Files.isDirectory(out)) {
            throw new IOException(out + " is a folder");
        }
        try {
            list.remove(TagFromName.DataSetTrailingPadding);
            FileMetaInformation.addFileMetaInformation(list, EXPLICIT_LITTLE_ENDIAN, "ORTHOMEASURE");
        } catch (DicomException e) {
            throw new IOException("cannot write " + out.getFileName() + " (" + e.getMessage() + ")", e);
        }
        AtomicFiles.write(out, tmp -> {
            try {
                list.write(tmp.toFile(), EXPLICIT_LITTLE_ENDIAN, true, true);
            } catch (DicomException e) {
                throw new IOException("cannot write " + out.getFileName() + " (" + e.getMessage() + ")", e);
            }
        });
    }
}
