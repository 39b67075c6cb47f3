package org.orthomeasure.detect.longleg;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.Point2;

/**
 * The landmarks {@link LegGeometry} derived for one leg (in the coordinates it was given), the fitted
 * femoral head circle, and the problems found (empty when the leg looks measurable).
 */
public record DerivedLeg(Map<LegPoint, Point2> points, Optional<Circle> head, List<String> problems) {

    public DerivedLeg {
        Objects.requireNonNull(head, "head");
        points = points.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(points));
        problems = List.copyOf(problems);
    }

    public Optional<Point2> point(LegPoint p) {
        return Optional.ofNullable(points.get(p));
    }
}
