package org.orthomeasure.detect.longleg;

import java.util.List;
import java.util.Optional;
import org.orthomeasure.core.landmarks.Side;

/**
 * The long-leg suggestion for one film: one {@link LegSuggestion} per leg the layout names (right first),
 * and which model made it.
 *
 * @param legs  per leg, the patient's right leg first
 * @param model the model's name and version, e.g. "OrthoMeasure long-leg bone segmentation v1 (bone-segmentation.onnx)"
 */
public record LongLegDetection(List<LegSuggestion> legs, String model) {

    public LongLegDetection {
        legs = List.copyOf(legs);
    }

    public Optional<LegSuggestion> leg(Side side) {
        return legs.stream().filter(l -> l.side() == side).findFirst();
    }

    /** True when any leg is low confidence. */
    public boolean low() {
        return legs.stream().anyMatch(LegSuggestion::low);
    }
}
