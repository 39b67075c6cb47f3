package org.orthomeasure.detect.longleg;

/** Regression bounds of the bundled long-leg model on the 25 OAI test crops (measured values in training/README.md). */
final class LongLegBounds {

    static final double HKA_MAE_DEG = 0.8;
    static final double HKA_WITHIN_1DEG = 0.75;
    static final double MIN_MEASURED = 24;

    private LongLegBounds() {
    }
}
