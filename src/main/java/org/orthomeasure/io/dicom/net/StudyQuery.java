package org.orthomeasure.io.dicom.net;

import java.util.Objects;
import java.util.Optional;

/**
 * The keys of a study-level C-FIND; empty keys match everything. Values may use DICOM wildcards
 * ({@code *}, {@code ?}) and, for the study date, ranges ({@code 20260101-20260131}).
 */
public record StudyQuery(Optional<String> patientId, Optional<String> patientName, Optional<String> accessionNumber,
                         Optional<String> studyDate, Optional<String> modality) {

    public StudyQuery {
        Objects.requireNonNull(patientId);
        Objects.requireNonNull(patientName);
        Objects.requireNonNull(accessionNumber);
        Objects.requireNonNull(studyDate);
        Objects.requireNonNull(modality);
    }

    /** Every study. */
    public static StudyQuery all() {
        return new StudyQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public StudyQuery withPatientId(String v) {
        return new StudyQuery(Optional.of(v), patientName, accessionNumber, studyDate, modality);
    }

    public StudyQuery withPatientName(String v) {
        return new StudyQuery(patientId, Optional.of(v), accessionNumber, studyDate, modality);
    }

    public StudyQuery withAccessionNumber(String v) {
        return new StudyQuery(patientId, patientName, Optional.of(v), studyDate, modality);
    }

    public StudyQuery withStudyDate(String v) {
        return new StudyQuery(patientId, patientName, accessionNumber, Optional.of(v), modality);
    }

    public StudyQuery withModality(String v) {
        return new StudyQuery(patientId, patientName, accessionNumber, studyDate, Optional.of(v));
    }
}
