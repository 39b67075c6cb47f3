package org.orthomeasure.report;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.io.image.StudyHeader;

/**
 * Everything a measurement report shows.
 *
 * @param landmarks        the landmarks (image pixels) the measurements were made from
 * @param measurements     the measurements, with their calibration
 * @param options          the options they were made with (CPAK band)
 * @param film             the image to show, empty for a report without picture
 * @param header           patient/study details; empty when there are none
 * @param omitPatientDetails true to leave the patient/study details out (the report says so)
 * @param user             who reviewed the values, if given
 * @param generatedAt      when the report is written
 * @param softwareVersion  OrthoMeasure's version
 * @param landmarkSource   where the landmarks came from (file name), for traceability
 * @param imageSource      the image file name, if any
 * @param unconfirmed      ids of landmarks that are still unconfirmed suggestions
 */
public record ReportContent(LandmarkSet landmarks, MeasurementSet measurements, MeasurementOptions options,
                            Optional<FilmView> film, Optional<StudyHeader> header, boolean omitPatientDetails,
                            Optional<String> user, ZonedDateTime generatedAt, String softwareVersion,
                            String landmarkSource, Optional<String> imageSource, List<String> unconfirmed) {

    public ReportContent {
        Objects.requireNonNull(landmarks, "landmarks");
        Objects.requireNonNull(measurements, "measurements");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(film, "film");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(landmarkSource, "landmarkSource");
        Objects.requireNonNull(imageSource, "imageSource");
        unconfirmed = List.copyOf(unconfirmed);
        user = user.map(String::strip).filter(u -> !u.isEmpty());
    }
}
