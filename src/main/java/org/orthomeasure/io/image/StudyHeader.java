package org.orthomeasure.io.image;

import java.util.Objects;
import java.util.Optional;

/**
 * Patient and study details for the report header, already decoded to Unicode and cleaned of
 * control characters. Every field is optional; dates are ISO {@code YYYY-MM-DD} when the file's
 * value parses, else the value as written.
 */
public record StudyHeader(Optional<String> patientName, Optional<String> patientId,
                          Optional<String> birthDate, Optional<String> sex, Optional<String> studyDate,
                          Optional<String> accessionNumber, Optional<String> bodyPart,
                          Optional<String> viewPosition, Optional<String> institution,
                          Optional<String> studyDescription, Optional<String> seriesDescription,
                          Optional<String> patientOrientation, Optional<String> laterality) {

    /** A header without laterality. */
    public StudyHeader(Optional<String> patientName, Optional<String> patientId, Optional<String> birthDate,
                       Optional<String> sex, Optional<String> studyDate, Optional<String> accessionNumber,
                       Optional<String> bodyPart, Optional<String> viewPosition, Optional<String> institution,
                       Optional<String> studyDescription, Optional<String> seriesDescription,
                       Optional<String> patientOrientation) {
        this(patientName, patientId, birthDate, sex, studyDate, accessionNumber, bodyPart, viewPosition, institution,
                studyDescription, seriesDescription, patientOrientation, Optional.empty());
    }

    /** A header without descriptions and orientation. */
    public StudyHeader(Optional<String> patientName, Optional<String> patientId, Optional<String> birthDate,
                       Optional<String> sex, Optional<String> studyDate, Optional<String> accessionNumber,
                       Optional<String> bodyPart, Optional<String> viewPosition, Optional<String> institution) {
        this(patientName, patientId, birthDate, sex, studyDate, accessionNumber, bodyPart, viewPosition, institution,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public StudyHeader {
        Objects.requireNonNull(patientName);
        Objects.requireNonNull(patientId);
        Objects.requireNonNull(birthDate);
        Objects.requireNonNull(sex);
        Objects.requireNonNull(studyDate);
        Objects.requireNonNull(accessionNumber);
        Objects.requireNonNull(bodyPart);
        Objects.requireNonNull(viewPosition);
        Objects.requireNonNull(institution);
        Objects.requireNonNull(studyDescription);
        Objects.requireNonNull(seriesDescription);
        Objects.requireNonNull(patientOrientation);
        Objects.requireNonNull(laterality);
    }

    /** A header with no details (PNG/JPEG/TIFF files). */
    public static StudyHeader empty() {
        Optional<String> e = Optional.empty();
        return new StudyHeader(e, e, e, e, e, e, e, e, e, e, e, e, e);
    }

    /**
     * Builds a header from raw strings (null or blank = absent). Names in DICOM form
     * {@code Family^Given^Middle^Prefix^Suffix} become "Family, Given Middle"; DA dates become ISO.
     */
    public static StudyHeader of(String patientName, String patientId, String birthDate, String sex,
                                 String studyDate, String accessionNumber, String bodyPart,
                                 String viewPosition, String institution) {
        return of(patientName, patientId, birthDate, sex, studyDate, accessionNumber, bodyPart, viewPosition,
                institution, null, null, null);
    }

    /**
     * As {@link #of(String, String, String, String, String, String, String, String, String)}, with the
     * study and series descriptions and the Patient Orientation (0020,0020) as written, e.g. "L\F":
     * the patient directions of the image rows (+x) and columns (+y).
     */
    public static StudyHeader of(String patientName, String patientId, String birthDate, String sex,
                                 String studyDate, String accessionNumber, String bodyPart,
                                 String viewPosition, String institution, String studyDescription,
                                 String seriesDescription, String patientOrientation) {
        return of(patientName, patientId, birthDate, sex, studyDate, accessionNumber, bodyPart, viewPosition,
                institution, studyDescription, seriesDescription, patientOrientation, null);
    }

    /**
     * As the 12-argument {@code of}, with the laterality of the body part shown, as written (Image
     * Laterality 0020,0062, else Laterality 0020,0060): "R", "L", "B" (both) or "U" (unpaired).
     */
    public static StudyHeader of(String patientName, String patientId, String birthDate, String sex,
                                 String studyDate, String accessionNumber, String bodyPart,
                                 String viewPosition, String institution, String studyDescription,
                                 String seriesDescription, String patientOrientation, String laterality) {
        return new StudyHeader(clean(patientName).map(StudyHeader::personName), clean(patientId),
                clean(birthDate).map(StudyHeader::isoDate), clean(sex), clean(studyDate).map(StudyHeader::isoDate),
                clean(accessionNumber), clean(bodyPart), clean(viewPosition), clean(institution),
                clean(studyDescription), clean(seriesDescription), clean(patientOrientation), clean(laterality));
    }

    /** Trims, drops control characters (keeps all printable Unicode), empty becomes absent. */
    static Optional<String> clean(String s) {
        if (s == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        String t = b.toString().strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    static String personName(String pn) {
        // Multiple component groups (alphabetic=ideographic=phonetic): show the first non-empty one.
        String group = pn;
        for (String g : pn.split("=", -1)) {
            if (!g.isBlank()) {
                group = g;
                break;
            }
        }
        String[] parts = group.split("\\^", -1);
        String family = parts[0].strip();
        StringBuilder rest = new StringBuilder();
        for (int i = 1; i < Math.min(parts.length, 3); i++) {
            if (!parts[i].isBlank()) {
                rest.append(rest.length() == 0 ? "" : " ").append(parts[i].strip());
            }
        }
        String name = rest.length() == 0 ? family : family.isEmpty() ? rest.toString() : family + ", " + rest;
        return name.isEmpty() ? pn : name;
    }

    static String isoDate(String da) {
        String d = da.replace(".", "");
        if (d.matches("\\d{8}")) {
            return d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6, 8);
        }
        return da;
    }
}
