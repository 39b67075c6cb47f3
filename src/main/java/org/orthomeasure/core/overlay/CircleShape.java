package org.orthomeasure.core.overlay;

import java.util.Objects;
import org.orthomeasure.core.geometry.Point2;

/** A circle (e.g. the femoral head fitted to rim points), centre and radius in image pixels. */
public record CircleShape(Point2 center, double radius) implements OverlayShape {

    public CircleShape {
        Objects.requireNonNull(center, "center");
        if (!(Double.isFinite(radius) && radius > 0)) {
            throw new IllegalArgumentException("overlay circle radius must be finite and positive, got " + radius);
        }
    }

    @Override
    public Bounds bounds() {
        return Bounds.of(Point2.of(center.x() - radius, center.y() - radius))
                .including(Point2.of(center.x() + radius, center.y() + radius));
    }
}
