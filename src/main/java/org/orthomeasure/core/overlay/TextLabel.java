package org.orthomeasure.core.overlay;

import java.util.Objects;
import org.orthomeasure.core.geometry.Point2;

/**
 * A text label attached to a point of the image; the renderer draws it at a constant screen size on
 * the {@link TextAnchor} side of the point.
 */
public record TextLabel(Point2 anchor, String text, TextAnchor placement) implements OverlayShape {

    public TextLabel {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(placement, "placement");
        if (text.isBlank()) {
            throw new IllegalArgumentException("an overlay label needs text");
        }
    }

    public static TextLabel of(Point2 anchor, String text, TextAnchor placement) {
        return new TextLabel(anchor, text, placement);
    }

    @Override
    public Bounds bounds() {
        return Bounds.of(anchor);
    }
}
