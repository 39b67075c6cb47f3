package org.orthomeasure.report;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.compare.Comparison;
import org.orthomeasure.core.landmarks.LandmarkSet;

/**
 * What the one-page comparison PDF shows.
 *
 * @param comparison      the comparison of reading A with reading B
 * @param readingA        reading A's landmarks (image pixels)
 * @param readingB        reading B's landmarks
 * @param nameA           how reading A is called (its file name)
 * @param nameB           how reading B is called
 * @param film            the image, if any
 * @param generatedAt     when the comparison is written
 * @param softwareVersion OrthoMeasure's version
 */
public record ComparisonContent(Comparison comparison, LandmarkSet readingA, LandmarkSet readingB, String nameA,
                                String nameB, Optional<FilmView> film, ZonedDateTime generatedAt,
                                String softwareVersion) {

    public ComparisonContent {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(readingA, "readingA");
        Objects.requireNonNull(readingB, "readingB");
        Objects.requireNonNull(nameA, "nameA");
        Objects.requireNonNull(nameB, "nameB");
        Objects.requireNonNull(film, "film");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
    }
}
