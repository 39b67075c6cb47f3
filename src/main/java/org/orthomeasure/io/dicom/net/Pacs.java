package org.orthomeasure.io.dicom.net;

import java.nio.file.Path;
import java.util.List;

/** The operations OrthoMeasure performs on one PACS node. */
public interface Pacs {

    /** C-ECHO: checks that the PACS answers and accepts our AE title. */
    void echo() throws PacsException;

    /** Study-level C-FIND (Study Root). */
    List<StudyMatch> findStudies(StudyQuery query) throws PacsException;

    /** Series-level C-FIND (Study Root) of one study: its series, in series number order. */
    List<SeriesMatch> findSeries(String studyInstanceUid) throws PacsException;

    /**
     * Retrieves every instance of one series into {@code folder} (C-GET, Study Root, series level).
     *
     * @return the files received, one per SOP instance
     * @throws PacsException when the retrieval fails or brings nothing
     */
    List<Path> retrieveSeries(String studyInstanceUid, String seriesInstanceUid, Path folder) throws PacsException;

    /**
     * Asks the PACS to send every instance of one series to the AE {@code destination} (C-MOVE, series level).
     *
     * @throws PacsException when the PACS refuses or reports a failure (e.g. unknown destination)
     */
    void moveSeries(String studyInstanceUid, String seriesInstanceUid, String destination) throws PacsException;

    /**
     * Retrieves every instance of a study into {@code folder} (C-GET, Study Root).
     *
     * @return the files received, one per SOP instance
     * @throws PacsException when the retrieval fails or brings nothing
     */
    List<Path> retrieveStudy(String studyInstanceUid, Path folder) throws PacsException;

    /**
     * Asks the PACS to send every instance of a study to the AE {@code destination} (C-MOVE, Study Root);
     * the objects arrive on that AE's own storage listener.
     *
     * @throws PacsException when the PACS refuses or reports a failure (e.g. unknown destination)
     */
    void moveStudy(String studyInstanceUid, String destination) throws PacsException;

    /**
     * Sends DICOM files (C-STORE).
     *
     * @throws PacsException when no association could be made at all; refusals of single objects are in the result
     */
    SendResult send(List<Path> files) throws PacsException;
}
