package org.orthomeasure.core.protocol;

import java.util.Objects;

/**
 * One entry of a protocol's landmark list: the point a click places, its title and the one-line
 * instruction shown to the user.
 *
 * @param target      the point a click places while this step is active; for the femoral head the
 *                    centre ({@code femoralHeadCenter}), which a rim-click mode may replace by rim points
 * @param title       e.g. "Right femoral head centre (H)"
 * @param instruction one line saying where the point goes
 * @param optional    true when the measurements do not need it (not counted as missing)
 */
public record Step(PointRef target, String title, String instruction, boolean optional) {

    public Step {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(instruction, "instruction");
    }

    /** The target's id, e.g. "R.kneeCenter". */
    public String id() {
        return target.id();
    }
}
