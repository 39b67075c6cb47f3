package org.orthomeasure.core.overlay;

import java.util.Objects;
import org.orthomeasure.core.geometry.Point2;

/**
 * A landmark point, drawn as a marker of constant screen size.
 *
 * @param at         position in image pixels
 * @param landmarkId the id of the landmark in the landmark file ("R.kneeCenter", "T4.topLeft",
 *                   "R.femoralHeadRim[2]"), so a view can hit-test and drag it
 */
public record PointMark(Point2 at, String landmarkId) implements OverlayShape {

    public PointMark {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(landmarkId, "landmarkId");
    }

    @Override
    public Bounds bounds() {
        return Bounds.of(at);
    }
}
