package org.orthomeasure.detect;

import org.orthomeasure.core.spine.Smape;

import java.util.Objects;

/**
 * One scored film: reference and predicted Cobb angles (major, upper, lower; degrees), the mean distance
 * between predicted and labelled corners (film px) and whether the prediction was flagged low confidence.
 */
public record FilmScore(String name, double[] reference, double[] predicted, double meanCornerDistancePx,
                        boolean lowConfidence) {

    public FilmScore {
        Objects.requireNonNull(name, "name");
        if (reference.length != 3 || predicted.length != 3) {
            throw new IllegalArgumentException("a film score needs 3 reference and 3 predicted angles");
        }
        reference = reference.clone();
        predicted = predicted.clone();
    }

    @Override
    public double[] reference() {
        return reference.clone();
    }

    @Override
    public double[] predicted() {
        return predicted.clone();
    }

    /**
     * This film's SMAPE term in percent ({@link Smape#imageTerm}, spec: measurements.md, spine, SMAPE):
     * {@code sum|gt - pred| / sum(gt + pred) * 100} over the three curves; 0 when both sums are 0.
     */
    public double smapePercent() {
        return Smape.imageTerm(reference, predicted) * 100;
    }
}
