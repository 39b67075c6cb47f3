package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The film a reading was made on, as far as the objects derived from it need it: its SOP Class and
 * Instance UIDs (the image the SR's coordinates refer to), its size, and the Patient and General
 * Study attributes every derived object copies so that it lands in the same patient and study.
 */
public final class DicomFilm {

    /** Patient and General Study module attributes copied into derived objects (PS3.3 C.7.1.1, C.7.2.1). */
    static final List<AttributeTag> PATIENT_AND_STUDY = List.of(
            TagFromName.PatientName, TagFromName.PatientID, TagFromName.IssuerOfPatientID,
            TagFromName.PatientBirthDate, TagFromName.PatientSex,
            TagFromName.StudyInstanceUID, TagFromName.StudyDate, TagFromName.StudyTime,
            TagFromName.ReferringPhysicianName, TagFromName.StudyID, TagFromName.AccessionNumber,
            TagFromName.StudyDescription);

    private final AttributeList patientAndStudy;
    private final String sopClassUid;
    private final String sopInstanceUid;
    private final String seriesInstanceUid;
    private final int rows;
    private final int columns;

    private DicomFilm(AttributeList patientAndStudy, String sopClassUid, String sopInstanceUid,
                      String seriesInstanceUid, int rows, int columns) {
        this.patientAndStudy = patientAndStudy;
        this.sopClassUid = sopClassUid;
        this.sopInstanceUid = sopInstanceUid;
        this.seriesInstanceUid = seriesInstanceUid;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Reads the header of a DICOM image file (pixel data skipped).
     *
     * @throws IOException with a one-line message when the file is not a DICOM image with the UIDs needed
     */
    public static DicomFilm read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist");
        }
        AttributeList list = new AttributeList();
        try {
            list.read(file.toFile(), TagFromName.PixelData);
        } catch (DicomException | IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable DICOM file (" + e.getMessage() + ")", e);
        }
        String sopClass = required(list, TagFromName.SOPClassUID, file);
        String sopInstance = required(list, TagFromName.SOPInstanceUID, file);
        required(list, TagFromName.StudyInstanceUID, file);
        String series = required(list, TagFromName.SeriesInstanceUID, file);
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        if (rows <= 0 || columns <= 0) {
            throw new IOException(file + " is not an image (no Rows/Columns)");
        }
        AttributeList kept = new AttributeList();
        for (AttributeTag t : PATIENT_AND_STUDY) {
            Attribute a = list.get(t);
            if (a != null) {
                kept.put(a);
            }
        }
        return new DicomFilm(kept, sopClass, sopInstance, series, rows, columns);
    }

    /** The SOP Instance UID of any DICOM file, if its header can be read. */
    public static Optional<String> sopInstanceUid(Path file) {
        AttributeList list = new AttributeList();
        try {
            list.read(file.toFile(), TagFromName.PixelData);
        } catch (DicomException | IOException | RuntimeException e) {
            return Optional.empty();
        }
        String v = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /**
     * True when the DICOM file carries Pixel Data (7FE0,0010) at its top level, from a walk over its
     * elements (values skipped); false for a report, a PDF or a header without pixels.
     *
     * @throws IOException with a one-line message when the file's structure cannot be walked
     */
    public static boolean hasPixelData(Path file) throws IOException {
        try {
            return DicomStructure.check(file, String.valueOf(file.getFileName())).present();
        } catch (org.orthomeasure.io.image.ImageReadException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String required(AttributeList list, AttributeTag tag, Path file) throws IOException {
        String v = Attribute.getSingleStringValueOrEmptyString(list, tag).strip();
        if (v.isEmpty()) {
            throw new IOException(file + " has no " + list.getDictionary().getNameFromTag(tag));
        }
        return v;
    }

    public String sopClassUid() {
        return sopClassUid;
    }

    public String sopInstanceUid() {
        return sopInstanceUid;
    }

    public String seriesInstanceUid() {
        return seriesInstanceUid;
    }

    public String studyInstanceUid() {
        return value(TagFromName.StudyInstanceUID).orElseThrow();
    }

    public Optional<String> patientId() {
        return value(TagFromName.PatientID);
    }

    public Optional<String> accessionNumber() {
        return value(TagFromName.AccessionNumber);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** The copied attribute's value, when present and not empty. */
    Optional<String> value(AttributeTag tag) {
        String v = Attribute.getDelimitedStringValuesOrEmptyString(patientAndStudy, tag).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
