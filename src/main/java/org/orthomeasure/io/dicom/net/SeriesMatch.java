package org.orthomeasure.io.dicom.net;

/**
 * One series of a study found by a series-level C-FIND, with the keys the PACS returned ("" when it
 * returned none).
 *
 * @param number    Series Number as written ("" when absent)
 * @param instances Number of Series Related Instances, -1 when not returned
 */
public record SeriesMatch(String studyInstanceUid, String seriesInstanceUid, String modality, String number,
                          String description, int instances) {

    /** True for the modalities of a projection radiograph (DX, CR, DR, RG, MG). */
    public boolean isRadiograph() {
        return modality.equals("DX") || modality.equals("CR") || modality.equals("DR") || modality.equals("RG")
                || modality.equals("MG");
    }
}
