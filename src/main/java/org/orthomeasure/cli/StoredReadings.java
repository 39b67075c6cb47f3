package org.orthomeasure.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.orthomeasure.io.dicom.MeasurementReportReader;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileException;
import org.orthomeasure.io.landmarks.LandmarkFileReader;

/**
 * A stored reading given to {@code --landmarks}: a landmark file ({@code orthomeasure-landmarks/1})
 * or an OrthoMeasure DICOM measurement report (SR), told apart by the DICOM preamble.
 */
final class StoredReadings {

    private StoredReadings() {
    }

    static LandmarkDocument read(Path file) throws InputException {
        if (MeasurementReportReader.looksLikeDicom(file)) {
            try {
                return MeasurementReportReader.read(file).document();
            } catch (IOException e) {
                throw new InputException(e.getMessage(), e);
            }
        }
        try {
            return new LandmarkFileReader().read(file);
        } catch (LandmarkFileException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
