package org.orthomeasure.core.landmarks;

import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.Point2;

/**
 * The femoral head centre of one side as used by the measurements, and how it was obtained: the
 * clicked centre ({@link Source#GIVEN}) or the least-squares circle through 3 or more rim points
 * ({@link Source#FITTED}). Spec: measurements.md, lower limb, femoralHeadCenter.
 */
public record FemoralHead(Side side, Point2 center, Source source, Optional<Circle> circle, int rimPoints) {

    /** How the centre was obtained. */
    public enum Source { GIVEN, FITTED }

    public FemoralHead {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(circle, "circle");
        if ((source == Source.FITTED) != circle.isPresent()) {
            throw new IllegalArgumentException("a fitted head has a circle, a given one has none");
        }
    }

    public static FemoralHead given(Side side, Point2 center) {
        return new FemoralHead(side, center, Source.GIVEN, Optional.empty(), 0);
    }

    public static FemoralHead fitted(Side side, Circle circle, int rimPoints) {
        return new FemoralHead(side, circle.center(), Source.FITTED, Optional.of(circle), rimPoints);
    }

    /** e.g. "given" or "fitted to 4 rim points (radius 23.1 mm)"; {@code unit} is the frame's unit. */
    public String description(String unit) {
        return source == Source.GIVEN ? "given" : String.format(java.util.Locale.ROOT,
                "fitted to %d rim points (radius %.1f %s)", rimPoints, circle.orElseThrow().radius(), unit);
    }
}
