package org.orthomeasure.core.spine;

import java.util.List;
import java.util.Objects;

/**
 * The AASCE accuracy score. Spec: measurements.md, spine: per image over the three angles (major, upper,
 * lower) together, {@code Σ|gt − pred| / Σ(gt + pred)}, averaged over images, in percent. Worked example:
 * gt (30, 10, 15), pred (28, 12, 15) → 4 / 110 = 3.636 %. An image whose angles are all 0 in both has no
 * denominator; it counts as perfect agreement (0 %), not as NaN.
 */
public final class Smape {

    private Smape() {
    }

    /** One image's term as a fraction (not percent); angles in degrees, non-negative. */
    public static double imageTerm(double[] truth, double[] predicted) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        if (truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException("truth and prediction need the same, non-zero number of angles, got "
                    + truth.length + " and " + predicted.length);
        }
        double diff = 0;
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            if (!(truth[i] >= 0) || !(predicted[i] >= 0) || !Double.isFinite(truth[i]) || !Double.isFinite(predicted[i])) {
                throw new IllegalArgumentException("angles must be finite and non-negative, got " + truth[i]
                        + " and " + predicted[i]);
            }
            diff += Math.abs(truth[i] - predicted[i]);
            sum += truth[i] + predicted[i];
        }
        return sum == 0 ? 0 : diff / sum;
    }

    /** SMAPE in percent over images; {@code truth.get(i)} and {@code predicted.get(i)} belong to image i. */
    public static double percent(List<double[]> truth, List<double[]> predicted) {
        if (truth.size() != predicted.size() || truth.isEmpty()) {
            throw new IllegalArgumentException("need the same, non-zero number of images, got " + truth.size()
                    + " and " + predicted.size());
        }
        double total = 0;
        for (int i = 0; i < truth.size(); i++) {
            total += imageTerm(truth.get(i), predicted.get(i));
        }
        return 100 * total / truth.size();
    }
}
