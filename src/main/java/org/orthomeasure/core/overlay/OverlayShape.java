package org.orthomeasure.core.overlay;

/**
 * One drawing primitive in image pixel coordinates (x right, y down). Pattern-match on the five
 * permitted records to render it.
 */
public sealed interface OverlayShape permits PointMark, LineSegment, ArcShape, CircleShape, TextLabel {

    /** The smallest axis-aligned box holding the shape's geometry (a label counts by its anchor point). */
    Bounds bounds();
}
