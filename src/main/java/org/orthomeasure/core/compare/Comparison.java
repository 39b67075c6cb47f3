package org.orthomeasure.core.compare;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.measure.MeasurementSet;

/**
 * Two readings of one film compared (check mode, issue 6): landmark by landmark and measurement by
 * measurement, with the inter-observer limits used. Reading A is usually the user's, B the reference
 * (a saved session or the app's suggestion); differences are A − B.
 */
public final class Comparison {

    private final List<LandmarkDifference> landmarks;
    private final List<MeasurementDifference> measurements;
    private final MeasurementSet measurementsA;
    private final MeasurementSet measurementsB;
    private final Calibration calibration;
    private final InterObserverLimits limits;

    Comparison(List<LandmarkDifference> landmarks, List<MeasurementDifference> measurements,
               MeasurementSet measurementsA, MeasurementSet measurementsB, Calibration calibration,
               InterObserverLimits limits) {
        this.landmarks = List.copyOf(landmarks);
        this.measurements = List.copyOf(measurements);
        this.measurementsA = Objects.requireNonNull(measurementsA);
        this.measurementsB = Objects.requireNonNull(measurementsB);
        this.calibration = Objects.requireNonNull(calibration);
        this.limits = Objects.requireNonNull(limits);
    }

    /** Every landmark in either reading, in canonical order (R limb, L limb, vertebrae T1..L5, Cobb lines). */
    public List<LandmarkDifference> landmarks() {
        return landmarks;
    }

    /** Every measurement made in either reading, in canonical order. */
    public List<MeasurementDifference> measurements() {
        return measurements;
    }

    /** The measurements of reading A. */
    public MeasurementSet measurementsA() {
        return measurementsA;
    }

    /** The measurements of reading B. */
    public MeasurementSet measurementsB() {
        return measurementsB;
    }

    /** The calibration both readings were measured with. */
    public Calibration calibration() {
        return calibration;
    }

    public InterObserverLimits limits() {
        return limits;
    }

    /** The measurements whose difference exceeds the inter-observer limit. */
    public List<MeasurementDifference> exceeding() {
        return measurements.stream().filter(MeasurementDifference::exceeds).toList();
    }

    /** The landmark placed furthest apart in the two readings, if any landmark is in both. */
    public Optional<LandmarkDifference> largestLandmarkDistance() {
        return landmarks.stream().filter(d -> d.distance().isPresent())
                .max((x, y) -> Double.compare(x.distance().getAsDouble(), y.distance().getAsDouble()));
    }
}
