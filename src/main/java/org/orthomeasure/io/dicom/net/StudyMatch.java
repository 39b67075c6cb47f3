package org.orthomeasure.io.dicom.net;

/**
 * One study found by C-FIND, with the keys the PACS returned ("" when it returned none).
 *
 * @param modalities Modalities in Study, backslash-separated as in DICOM ("DX\SR")
 * @param instances  Number of Study Related Instances, -1 when not returned
 */
public record StudyMatch(String studyInstanceUid, String patientId, String patientName, String studyDate,
                         String accessionNumber, String description, String modalities, int instances) {
}
