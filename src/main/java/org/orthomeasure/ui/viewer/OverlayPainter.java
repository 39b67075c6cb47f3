package org.orthomeasure.ui.viewer;

import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.overlay.ArcShape;
import org.orthomeasure.core.overlay.CircleShape;
import org.orthomeasure.core.overlay.LineSegment;
import org.orthomeasure.core.overlay.Overlay;
import org.orthomeasure.core.overlay.OverlayGroup;
import org.orthomeasure.core.overlay.OverlayItem;
import org.orthomeasure.core.overlay.OverlayRole;
import org.orthomeasure.core.overlay.PointMark;
import org.orthomeasure.core.overlay.TextAnchor;
import org.orthomeasure.core.overlay.TextLabel;
import org.orthomeasure.core.protocol.PointRef;

/**
 * Draws the overlay model and the landmark points on the viewer canvas in screen space: geometry is
 * mapped through the {@link ViewTransform}, while strokes, markers and text keep a constant screen
 * size, so labels stay readable at any zoom and under any rotation or flip.
 */
public final class OverlayPainter {

    /** Marker radius, screen px. */
    public static final double MARKER_RADIUS = 5;
    private static final double LABEL_GAP = 7;
    private static final Font LABEL_FONT = Font.font("System", FontWeight.BOLD, 13);
    private static final Font POINT_FONT = Font.font("System", FontWeight.NORMAL, 12);

    private OverlayPainter() {
    }

    /** The colour of a role (the core names roles, the view picks colours). */
    public static Color colour(OverlayRole role) {
        return switch (role) {
            case LANDMARK -> Color.web("#ffb300");
            case AXIS -> Color.web("#00e5ff");
            case JOINT_LINE -> Color.web("#76ff03");
            case MEASUREMENT -> Color.web("#ffee58");
            case CONSTRUCTION -> Color.web("#ffffff", 0.75);
            case SUGGESTION -> Color.web("#e040fb");
            case REFERENCE -> Color.web("#ff4081");
        };
    }

    /**
     * Draws the overlay items of the visible groups. Landmark points and the LANDMARKS group are left
     * to {@link #paintPoints}, which also knows the points not yet complete.
     */
    public static void paintOverlay(GraphicsContext g, ViewTransform t, Overlay overlay, Set<OverlayGroup> visible) {
        g.save();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (OverlayItem item : overlay.visible(visible)) {
            if (item.group() == OverlayGroup.LANDMARKS && item.role() != OverlayRole.REFERENCE) {
                continue;
            }
            if (item.shape() instanceof PointMark && item.role() == OverlayRole.LANDMARK) {
                continue;
            }
            Color c = colour(item.role());
            g.setStroke(c);
            g.setFill(c);
            boolean dashed = item.role() == OverlayRole.CONSTRUCTION || item.role() == OverlayRole.SUGGESTION;
            g.setLineDashes(dashed ? new double[] {7, 5} : null);
            g.setLineWidth(item.role() == OverlayRole.CONSTRUCTION ? 1.2 : 2);
            var shape = item.shape();
            if (shape instanceof LineSegment s) {
                Point2 a = t.toScreen(s.from());
                Point2 b = t.toScreen(s.to());
                g.strokeLine(a.x(), a.y(), b.x(), b.y());
            } else if (shape instanceof ArcShape arc) {
                int n = Math.max(8, (int) Math.ceil(Math.abs(arc.extentDeg()) / 3));
                double[] xs = new double[n + 1];
                double[] ys = new double[n + 1];
                for (int i = 0; i <= n; i++) {
                    Point2 p = t.toScreen(arc.pointAt(arc.startDeg() + arc.extentDeg() * i / n));
                    xs[i] = p.x();
                    ys[i] = p.y();
                }
                g.strokePolyline(xs, ys, n + 1);
            } else if (shape instanceof CircleShape circle) {
                Point2 c0 = t.toScreen(circle.center());
                double r = circle.radius() * t.scale();
                g.strokeOval(c0.x() - r, c0.y() - r, 2 * r, 2 * r);
            } else if (shape instanceof PointMark p) {
                Point2 s = t.toScreen(p.at());
                g.setLineDashes(null);
                g.strokeLine(s.x() - 4, s.y(), s.x() + 4, s.y());
                g.strokeLine(s.x(), s.y() - 4, s.x(), s.y() + 4);
            } else if (shape instanceof TextLabel label) {
                g.setLineDashes(null);
                drawLabel(g, t.toScreen(label.anchor()), label.text(), label.placement(), c, LABEL_FONT);
            }
        }
        g.restore();
    }

    /**
     * Draws every placed point (complete or draft) as a ring with a centre dot and a short label;
     * {@code selected} gets a highlight, {@code colour} the ring colour.
     */
    public static void paintPoints(GraphicsContext g, ViewTransform t, Map<PointRef, Point2> points, PointRef selected,
                                   Color colour) {
        g.save();
        g.setLineDashes(null);
        for (Map.Entry<PointRef, Point2> e : points.entrySet()) {
            Point2 s = t.toScreen(e.getValue());
            boolean sel = e.getKey().equals(selected);
            double r = sel ? MARKER_RADIUS + 2 : MARKER_RADIUS;
            g.setLineWidth(3.5);
            g.setStroke(Color.BLACK);
            g.strokeOval(s.x() - r, s.y() - r, 2 * r, 2 * r);
            g.setLineWidth(sel ? 2.5 : 1.8);
            g.setStroke(sel ? Color.WHITE : colour);
            g.strokeOval(s.x() - r, s.y() - r, 2 * r, 2 * r);
            g.setFill(sel ? Color.WHITE : colour);
            g.fillOval(s.x() - 1.5, s.y() - 1.5, 3, 3);
            String label = e.getKey().label();
            if (!label.isEmpty()) {
                drawLabel(g, Point2.of(s.x() + r - 2, s.y() - r + 2), label, TextAnchor.NORTH_EAST,
                        sel ? Color.WHITE : colour, POINT_FONT);
            }
        }
        g.restore();
    }

    /** Text with a dark halo, placed on the {@code placement} side of the screen point. */
    public static void drawLabel(GraphicsContext g, Point2 at, String text, TextAnchor placement, Color colour, Font font) {
        g.setFont(font);
        double w = textWidth(text, font);
        double x = at.x() + placement.dx() * LABEL_GAP;
        double y = at.y() + placement.dy() * LABEL_GAP;
        double left = switch (placement.dx()) {
            case -1 -> x - w;
            case 1 -> x;
            default -> x - w / 2;
        };
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(placement.dy() < 0 ? VPos.BOTTOM : placement.dy() > 0 ? VPos.TOP : VPos.CENTER);
        g.setLineWidth(3.5);
        g.setStroke(Color.web("#000000", 0.85));
        g.strokeText(text, left, y);
        g.setFill(colour);
        g.fillText(text, left, y);
    }

    private static double textWidth(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
