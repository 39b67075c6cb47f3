package org.orthomeasure.detect.longleg;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.Side;

/**
 * The suggested landmarks of one leg in film pixels, the femoral head circle, a confidence 0..1 per
 * landmark (the segmentation's mean softmax probability in a 4-px radius around it, in crop pixels) and for
 * the leg (their mean), and the problems that make the suggestion low confidence (empty when none).
 *
 * @param side       the patient's leg
 * @param points     film coordinates by landmark
 * @param head       the fitted femoral head circle in film pixels
 * @param confidence per landmark, 0..1
 * @param legConfidence mean of {@code confidence}, 0 when no landmark was found
 * @param problems   why the leg is low confidence, in the user's words; empty when it is not
 */
public record LegSuggestion(Side side, Map<LegPoint, Point2> points, Optional<Circle> head,
                            Map<LegPoint, Double> confidence, double legConfidence, List<String> problems) {

    /** Below this mean probability the segmentation counts as unsure. */
    public static final double MIN_CONFIDENCE = 0.85;

    public LegSuggestion {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(head, "head");
        points = points.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(points));
        confidence = confidence.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(confidence));
        problems = List.copyOf(problems);
    }

    /** True when the leg should not be measured without the user's review. */
    public boolean low() {
        return !problems.isEmpty();
    }

    /** The problems joined for one line, e.g. "the tibia runs off the film at the bottom (ankle not on the film)". */
    public Optional<String> lowConfidenceReason() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }
}
