package org.orthomeasure.core.landmarks;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Segment2;

/**
 * Two endplate lines drawn by the user for a manual Cobb angle: the superior endplate of the upper end
 * vertebra and the inferior endplate of the lower end vertebra. Spec: measurements.md, spine, manual.
 */
public record CobbLines(Segment2 upper, Segment2 lower) {

    public CobbLines {
        Objects.requireNonNull(upper, "upper");
        Objects.requireNonNull(lower, "lower");
    }

    public static CobbLines of(Segment2 upper, Segment2 lower) {
        return new CobbLines(upper, lower);
    }

    /** Both lines with their end points mapped through {@code f}. */
    public CobbLines map(UnaryOperator<Point2> f) {
        return new CobbLines(new Segment2(f.apply(upper.start()), f.apply(upper.end())),
                new Segment2(f.apply(lower.start()), f.apply(lower.end())));
    }
}
