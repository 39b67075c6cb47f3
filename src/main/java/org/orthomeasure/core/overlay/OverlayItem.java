package org.orthomeasure.core.overlay;

import java.util.Objects;

/**
 * One thing to draw: a shape, the group it is shown/hidden with, its semantic role (for colour and
 * style) and what it belongs to.
 *
 * @param group  the show/hide group
 * @param role   how to style it
 * @param shape  the geometry
 * @param source what it belongs to: a landmark id ("R.kneeCenter") or a measurement ("R.HKA", "Cobb"),
 *               so a view can highlight an item together with its table row
 */
public record OverlayItem(OverlayGroup group, OverlayRole role, OverlayShape shape, String source) {

    public OverlayItem {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(source, "source");
    }

    public static OverlayItem of(OverlayGroup group, OverlayRole role, OverlayShape shape, String source) {
        return new OverlayItem(group, role, shape, source);
    }

    /** The same item with another role (e.g. {@link OverlayRole#REFERENCE} for the second reading in check mode). */
    public OverlayItem withRole(OverlayRole newRole) {
        return new OverlayItem(group, newRole, shape, source);
    }
}
