package org.orthomeasure.core.compare;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.measure.Unit;

/**
 * One landmark in two readings: its position in each (image pixels) and, when both have it, the
 * distance between them in mm (calibrated) or px.
 *
 * @param id       the landmark id ("R.kneeCenter", "R.femoralHeadCenter" (given or fitted), "T4.topLeft",
 *                 "cobbLines.upper" for the midpoint of a Cobb line)
 * @param a        position in reading A
 * @param b        position in reading B
 * @param distance |A − B| in {@code unit}, present exactly when both positions are
 * @param unit     MM or PX
 */
public record LandmarkDifference(String id, Optional<Point2> a, Optional<Point2> b, OptionalDouble distance,
                                 Unit unit) {

    public LandmarkDifference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(distance, "distance");
        Objects.requireNonNull(unit, "unit");
        if (distance.isPresent() != (a.isPresent() && b.isPresent())) {
            throw new IllegalArgumentException(id + ": a distance exists exactly when both readings have the landmark");
        }
        if (unit != Unit.MM && unit != Unit.PX) {
            throw new IllegalArgumentException(id + ": a distance is in mm or px, not " + unit);
        }
    }
}
