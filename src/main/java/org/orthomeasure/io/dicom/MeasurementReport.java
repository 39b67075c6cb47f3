package org.orthomeasure.io.dicom;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.io.landmarks.LandmarkDocument;

/**
 * What a DICOM measurement report (TID 1500) records of one reading.
 *
 * @param document        the landmarks with the calibration and film size the values were computed with
 * @param measurements    the values
 * @param observer        who placed or confirmed the landmarks (person observer name)
 * @param algorithm       the detector that suggested the still unconfirmed landmarks, if any
 * @param created         when the report was made
 * @param softwareVersion OrthoMeasure's version
 */
public record MeasurementReport(LandmarkDocument document, MeasurementSet measurements, String observer,
                                Optional<Algorithm> algorithm, ZonedDateTime created, String softwareVersion) {

    /** The algorithm identification of suggested landmarks (TID 4019): name, version and model. */
    public record Algorithm(String name, String version, String model) {
        public Algorithm {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(model, "model");
        }
    }

    public MeasurementReport {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(measurements, "measurements");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        if (Objects.requireNonNull(observer, "observer").isBlank()) {
            throw new IllegalArgumentException("a measurement report needs the observer's name");
        }
    }
}
