package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileException;
import org.orthomeasure.io.landmarks.LandmarkFileReader;

/**
 * Reads an OrthoMeasure measurement report (written by {@link MeasurementReportWriter}) back as a
 * reading: the landmark document it carries, and the values and observer it records. Any other
 * DICOM object is refused with a one-line message saying what it is.
 */
public final class MeasurementReportReader {

    /**
     * A reading restored from an SR.
     *
     * @param document         the landmarks, calibration and film size, exactly as measured
     * @param numbers          each NUM measurement by its id ("R.HKA"), the exact stored value
     * @param texts            each text measurement (CPAK type) by its id
     * @param observer         the person observer name
     * @param studyInstanceUid the study of the film and the SR
     * @param filmSopInstanceUid the film the coordinates refer to
     * @param sopInstanceUid   the SR's own instance UID
     */
    public record StoredReading(LandmarkDocument document, Map<String, Double> numbers, Map<String, String> texts,
                                String observer, String studyInstanceUid, String filmSopInstanceUid,
                                String sopInstanceUid) {
    }

    private MeasurementReportReader() {
    }

    /** True when {@code file} starts like a DICOM Part 10 file ("DICM" after the 128-byte preamble). */
    public static boolean looksLikeDicom(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * True when {@code file} is a DICOM structured report (Comprehensive or Enhanced SR), from its header
     * alone (reading stops before any pixel data, so a film costs little).
     */
    public static boolean isStructuredReport(Path file) {
        if (!looksLikeDicom(file)) {
            return false;
        }
        AttributeList l = new AttributeList();
        try {
            l.read(file.toFile(), TagFromName.ContentSequence);
        } catch (DicomException | IOException | RuntimeException e) {
            return false;
        }
        String sopClass = DerivedObject.value(l, TagFromName.SOPClassUID);
        return sopClass.equals(MeasurementReportWriter.COMPREHENSIVE_SR) || sopClass.equals("1.2.840.10008.5.1.4.1.1.88.22");
    }

    /**
     * @throws IOException with a one-line message when the file is unreadable, not an SR, or an SR
     *                     that OrthoMeasure did not write
     */
    public static StoredReading read(Path file) throws IOException {
        if (!looksLikeDicom(file)) {
            throw new IOException(file + " is not a readable DICOM file (no DICM preamble)");
        }
        AttributeList l = new AttributeList();
        try {
            l.read(file.toFile());
        } catch (DicomException | IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable DICOM file (" + e.getMessage() + ")", e);
        }
        String sopClass = DerivedObject.value(l, TagFromName.SOPClassUID);
        if (!sopClass.equals(MeasurementReportWriter.COMPREHENSIVE_SR)
                && !sopClass.equals("1.2.840.10008.5.1.4.1.1.88.22")) {
            throw new IOException(file + " is not a structured report (SOP Class " + sopClass + ")");
        }
        if (!SrCodes.REPORT.matches(conceptOf(l))) {
            throw new IOException(file + " is a structured report but not a measurement report (TID 1500)");
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> documents = new ArrayList<>();
        List<String> observers = new ArrayList<>();
        List<String> films = new ArrayList<>();
        walk(l, numbers, texts, documents, observers, films);
        if (documents.size() != 1) {
            throw new IOException(file + " is a measurement report without an OrthoMeasure landmark document"
                    + " (not written by OrthoMeasure): its reading cannot be restored");
        }
        LandmarkDocument doc;
        try {
            doc = new LandmarkFileReader().parse(documents.get(0), file + " (landmark document in the SR)");
        } catch (LandmarkFileException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new StoredReading(doc, Collections.unmodifiableMap(numbers), Collections.unmodifiableMap(texts),
                observers.isEmpty() ? "" : observers.get(0), DerivedObject.value(l, TagFromName.StudyInstanceUID),
                films.isEmpty() ? "" : films.get(0), DerivedObject.value(l, TagFromName.SOPInstanceUID));
    }

    private static void walk(AttributeList item, Map<String, Double> numbers, Map<String, String> texts,
                             List<String> documents, List<String> observers, List<String> films) throws IOException {
        String type = DerivedObject.value(item, TagFromName.ValueType);
        Optional<String> id = measurementId(item);
        if (type.equals("NUM") && id.isPresent()) {
            numbers.put(id.get(), numericValue(item));
        } else if (type.equals("TEXT") && id.isPresent()) {
            texts.put(id.get(), DerivedObject.value(item, TagFromName.TextValue).stripTrailing());
        } else if (type.equals("TEXT") && SrCodes.LANDMARK_DOCUMENT.matches(conceptOf(item))) {
            documents.add(Attribute.getSingleStringValueOrEmptyString(item, TagFromName.TextValue));
        } else if (type.equals("PNAME") && SrCodes.PERSON_OBSERVER_NAME.matches(conceptOf(item))) {
            observers.add(DerivedObject.value(item, TagFromName.PersonName));
        } else if (type.equals("IMAGE")) {
            AttributeList ref = firstItem(item, TagFromName.ReferencedSOPSequence);
            if (ref != null) {
                films.add(DerivedObject.value(ref, TagFromName.ReferencedSOPInstanceUID));
            }
        }
        for (AttributeList child : items(item, TagFromName.ContentSequence)) {
            walk(child, numbers, texts, documents, observers, films);
        }
    }

    /** The value of the item's "OrthoMeasure measurement" modifier, if it has one. */
    private static Optional<String> measurementId(AttributeList item) {
        for (AttributeList child : items(item, TagFromName.ContentSequence)) {
            if (DerivedObject.value(child, TagFromName.ValueType).equals("CODE")
                    && SrCodes.MEASUREMENT.matches(conceptOf(child))) {
                AttributeList code = firstItem(child, TagFromName.ConceptCodeSequence);
                if (code != null && SrCodes.PRIVATE.equals(DerivedObject.value(code, TagFromName.CodingSchemeDesignator))) {
                    return Optional.of(DerivedObject.value(code, TagFromName.CodeValue));
                }
            }
        }
        return Optional.empty();
    }

    private static double numericValue(AttributeList item) throws IOException {
        AttributeList mv = firstItem(item, TagFromName.MeasuredValueSequence);
        if (mv == null) {
            throw new IOException("a measurement in the SR has no value");
        }
        Attribute fd = mv.get(TagFromName.FloatingPointValue);
        try {
            if (fd != null && fd.getVM() == 1) {
                return fd.getDoubleValues()[0];
            }
            return Double.parseDouble(DerivedObject.value(mv, TagFromName.NumericValue).strip());
        } catch (DicomException | NumberFormatException e) {
            throw new IOException("a measurement value in the SR is not a number (" + e.getMessage() + ")", e);
        }
    }

    private static com.pixelmed.dicom.CodedSequenceItem conceptOf(AttributeList item) {
        AttributeList code = firstItem(item, TagFromName.ConceptNameCodeSequence);
        if (code == null) {
            return null;
        }
        return new com.pixelmed.dicom.CodedSequenceItem(code);
    }

    private static AttributeList firstItem(AttributeList l, AttributeTag tag) {
        List<AttributeList> items = items(l, tag);
        return items.isEmpty() ? null : items.get(0);
    }

    private static List<AttributeList> items(AttributeList l, AttributeTag tag) {
        Attribute a = l.get(tag);
        List<AttributeList> out = new ArrayList<>();
        if (a instanceof SequenceAttribute sq) {
            for (int i = 0; i < sq.getNumberOfItems(); i++) {
                out.add(sq.getItem(i).getAttributeList());
            }
        }
        return out;
    }
}
