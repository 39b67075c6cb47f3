package org.orthomeasure.detect;

import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.spine.SpineCurves;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Scores the detector on labelled films: the suggested vertebrae go through the same Cobb logic as a
 * user's ({@link SpineCurves}, AASCE reference, film height from the image) and are compared with the
 * folder's angles and corners.
 */
public final class SpineEvaluator {

    private final SpineLandmarkDetector detector;

    public SpineEvaluator(SpineLandmarkDetector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /** The three curves (major, upper, lower; degrees) of a detection, empty when it has no usable mid-lines. */
    public static Optional<double[]> curves(SpineDetection detection) {
        Optional<List<Vertebra>> v = detection.vertebrae();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        SpineCurves.Result r = SpineCurves.evaluate(v.get(), OptionalDouble.of(detection.imageHeight()));
        return Optional.of(new double[] {r.major().degrees(), r.upper().degrees(), r.lower().degrees()});
    }

    /**
     * Detects and scores one labelled film, as a film showing T1..L5 (the AASCE films do; the locator's reading of
     * the levels shown is not asked, so every film is scored on its 17 levels); a detection without usable
     * mid-lines scores as angles 0.
     *
     * @throws IOException when the image cannot be read
     */
    public FilmScore score(AasceDataset.Entry entry) throws IOException, DetectorException {
        GreyImage img = FilmReader.read(entry.image());
        SpineDetection d = detector.detect(img, SpineLevel.T1, SpineLevel.L5);
        double[] predicted = curves(d).orElse(new double[3]);
        double dist = 0;
        for (int k = 0; k < SpineDecoder.LEVELS; k++) {
            for (SpineDetection.Corner c : SpineDetection.Corner.values()) {
                double[] ref = entry.cornerPx(4 * k + c.ordinal(), img.width(), img.height());
                var p = d.corner(k, c);
                dist += Math.hypot(p.x() - ref[0], p.y() - ref[1]);
            }
        }
        return new FilmScore(entry.name(), entry.angles(), predicted, dist / (4 * SpineDecoder.LEVELS),
                d.confidence().low());
    }
}
