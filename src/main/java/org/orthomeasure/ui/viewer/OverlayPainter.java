package org.orthomeasure.ui.viewer;

import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.orthomeasure.report.Palette;
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

    /**
     * The labels of one frame, laid out by the one label layout of the screen and the exports
     * ({@link org.orthomeasure.core.overlay.LabelLayout}): a value label that would overlap a label
     * already drawn (or a landmark's ring) goes to the nearest free place, with a leader line to its
     * anchor when it had to move; a landmark's name stays beside its point or is left out.
     */
    public static final class LabelLayout {
        private final org.orthomeasure.core.overlay.LabelLayout layout = org.orthomeasure.core.overlay.LabelLayout.unbounded();

        /** Reserves the rectangle when it is free; false (nothing reserved) when it overlaps a label. */
        boolean tryPlace(double left, double top, double w, double h) {
            return layout.placeIfFree(new org.orthomeasure.core.overlay.LabelLayout.Box(left, top, w, h));
        }

        /** Keeps labels off a rectangle (a landmark's ring, the corner text). */
        public void reserve(double left, double top, double w, double h) {
            layout.reserve(new org.orthomeasure.core.overlay.LabelLayout.Box(left, top, w, h));
        }

        org.orthomeasure.core.overlay.LabelLayout.Placement place(Point2 at, double w, double h, TextAnchor placement,
                                                                  double gap) {
            return layout.place(at, w, h, placement, gap);
        }

        /** The label boxes of this frame so far, screen px. */
        public java.util.List<org.orthomeasure.core.overlay.LabelLayout.Box> boxes() {
            return layout.labels();
        }
    }

    private static final Palette PALETTE = Palette.standard();

    /**
     * The colour of a role: the report's colour-blind-safe {@link Palette}, so screen, PNG and PDF agree
     * (the core names roles, the palette picks colours).
     */
    public static Color colour(OverlayRole role) {
        int rgb = PALETTE.rgb(role);
        return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }

    /**
     * Draws the overlay items of the visible groups: the shapes ({@code textPass} false) or the labels
     * (true, drawn last so they sit on top). Landmark points and the LANDMARKS group are left to
     * {@link #paintPoints}, which also knows the points not yet complete.
     */
    public static void paintOverlay(GraphicsContext g, ViewTransform t, Overlay overlay, Set<OverlayGroup> visible,
                                    LabelLayout layout, boolean textPass) {
        g.save();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        java.util.List<java.util.function.Consumer<GraphicsContext>> texts = new java.util.ArrayList<>();
        for (OverlayItem item : overlay.visible(visible)) {
            if (item.group() == OverlayGroup.LANDMARKS && item.role() != OverlayRole.REFERENCE) {
                continue;
            }
            if (item.shape() instanceof PointMark && item.role() == OverlayRole.LANDMARK
                    || textPass != item.shape() instanceof TextLabel) {
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
                halo(g, c, () -> g.strokeLine(a.x(), a.y(), b.x(), b.y()));
            } else if (shape instanceof ArcShape arc) {
                int n = Math.max(8, (int) Math.ceil(Math.abs(arc.extentDeg()) / 3));
                double[] xs = new double[n + 1];
                double[] ys = new double[n + 1];
                for (int i = 0; i <= n; i++) {
                    Point2 p = t.toScreen(arc.pointAt(arc.startDeg() + arc.extentDeg() * i / n));
                    xs[i] = p.x();
                    ys[i] = p.y();
                }
                halo(g, c, () -> g.strokePolyline(xs, ys, n + 1));
            } else if (shape instanceof CircleShape circle) {
                Point2 c0 = t.toScreen(circle.center());
                double r = circle.radius() * t.scale();
                halo(g, c, () -> g.strokeOval(c0.x() - r, c0.y() - r, 2 * r, 2 * r));
            } else if (shape instanceof PointMark p) {
                Point2 s = t.toScreen(p.at());
                g.setLineDashes(null);
                g.strokeLine(s.x() - 4, s.y(), s.x() + 4, s.y());
                g.strokeLine(s.x(), s.y() - 4, s.x(), s.y() + 4);
            } else if (shape instanceof TextLabel label) {
                g.setLineDashes(null);
                if (item.group() == OverlayGroup.LANDMARK_LABELS) {
                    // a landmark's name stays beside its point: left out where it would cover another label
                    texts.add(nameBeside(t.toScreen(label.anchor()), label.text(), label.placement(), c, layout));
                } else {
                    texts.add(placeLabel(g, t.toScreen(label.anchor()), label.text(), label.placement(), c, LABEL_FONT,
                            layout, LABEL_GAP));
                }
            }
        }
        // the texts after every leader line, so that no leader crosses a label
        texts.forEach(text -> text.accept(g));
        g.restore();
    }

    /** Strokes {@code stroke} twice: a dark, wider halo first, so lines stay visible on white bone. */
    private static void halo(GraphicsContext g, Color c, Runnable stroke) {
        double w = g.getLineWidth();
        g.setStroke(Color.web("#000000", 0.55));
        g.setLineWidth(w + 2);
        stroke.run();
        g.setStroke(c);
        g.setLineWidth(w);
        stroke.run();
    }

    /** The text of a landmark's name beside its point, or nothing when that place is taken. */
    private static java.util.function.Consumer<GraphicsContext> nameBeside(Point2 at, String text, TextAnchor placement,
                                                                           Color c, LabelLayout layout) {
        double w = textWidth(text, POINT_FONT);
        double h = POINT_FONT.getSize() * 1.25;
        double gap = MARKER_RADIUS + 2;
        double left = placement.dx() < 0 ? at.x() - gap - w : placement.dx() > 0 ? at.x() + gap : at.x() - w / 2;
        double top = placement.dy() < 0 ? at.y() - gap - h + 4 : placement.dy() > 0 ? at.y() + gap - 4 : at.y() - h / 2;
        if (layout == null || layout.tryPlace(left, top, w, h)) {
            return g -> drawLabel(g, Point2.of(left, top), text, TextAnchor.SOUTH_EAST, c, POINT_FONT, null, 0);
        }
        return g -> { };
    }

    /**
     * Draws every placed point (complete or draft) as a ring with a centre dot; {@code selected} gets
     * a highlight, {@code colour} the ring colour. Limb landmarks are named by the overlay's
     * LANDMARK_LABELS group; the ends of the Cobb lines (which the overlay does not name) get "U1" etc.
     */
    public static void paintPoints(GraphicsContext g, ViewTransform t, Map<PointRef, Point2> points, PointRef selected,
                                   Color colour, LabelLayout layout, boolean names) {
        g.save();
        g.setLineDashes(null);
        for (Map.Entry<PointRef, Point2> e : points.entrySet()) {
            Point2 s = t.toScreen(e.getValue());
            boolean sel = e.getKey().equals(selected);
            double r = sel ? MARKER_RADIUS + 2 : MARKER_RADIUS;
            if (layout != null) {
                layout.reserve(s.x() - r, s.y() - r, 2 * r, 2 * r); // value labels keep off the rings
            }
            g.setLineWidth(3.5);
            g.setStroke(Color.BLACK);
            g.strokeOval(s.x() - r, s.y() - r, 2 * r, 2 * r);
            g.setLineWidth(sel ? 2.5 : 1.8);
            g.setStroke(sel ? Color.WHITE : colour);
            g.strokeOval(s.x() - r, s.y() - r, 2 * r, 2 * r);
            g.setFill(sel ? Color.WHITE : colour);
            g.fillOval(s.x() - 1.5, s.y() - 1.5, 3, 3);
            String label = e.getKey().label();
            if (names && !label.isEmpty() && e.getKey() instanceof PointRef.CobbEnd
                    && (sel || !crowded(t, s, e.getKey(), points))) {
                // a point's name stays beside its point: it is left out rather than moved away
                double w = textWidth(label, POINT_FONT);
                double h = POINT_FONT.getSize() * 1.25;
                double left = s.x() + r + 2;
                double top = s.y() - r - h + 4;
                if (layout == null || layout.tryPlace(left, top, w, h)) {
                    drawLabel(g, Point2.of(left, top), label, TextAnchor.SOUTH_EAST, sel ? Color.WHITE : colour,
                            POINT_FONT, null, 0);
                }
            }
        }
        g.restore();
    }

    /** True when another point is so close on screen that its label would hide this one's. */
    private static boolean crowded(ViewTransform t, Point2 s, PointRef self, Map<PointRef, Point2> points) {
        for (Map.Entry<PointRef, Point2> o : points.entrySet()) {
            if (!o.getKey().equals(self)) {
                Point2 q = t.toScreen(o.getValue());
                if (Math.hypot(q.x() - s.x(), q.y() - s.y()) < 22) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Text with a dark halo, placed on the {@code placement} side of the screen point. */
    public static void drawLabel(GraphicsContext g, Point2 at, String text, TextAnchor placement, Color colour, Font font) {
        drawLabel(g, at, text, placement, colour, font, null);
    }

    /** As above, moved clear of the labels already in {@code layoutOrNull}. */
    public static void drawLabel(GraphicsContext g, Point2 at, String text, TextAnchor placement, Color colour, Font font,
                                 LabelLayout layoutOrNull) {
        drawLabel(g, at, text, placement, colour, font, layoutOrNull, LABEL_GAP);
    }

    private static void drawLabel(GraphicsContext g, Point2 at, String text, TextAnchor placement, Color colour, Font font,
                                  LabelLayout layoutOrNull, double gap) {
        placeLabel(g, at, text, placement, colour, font, layoutOrNull, gap).accept(g);
    }

    /**
     * Places a label (through {@code layoutOrNull}, else at its side of the point), draws its leader
     * line when the layout moved it, and returns the drawing of its text, for the caller to run after
     * every leader.
     */
    private static java.util.function.Consumer<GraphicsContext> placeLabel(GraphicsContext g, Point2 at, String text,
                                                                           TextAnchor placement, Color colour, Font font,
                                                                           LabelLayout layoutOrNull, double gap) {
        double w = textWidth(text, font);
        double h = font.getSize() * 1.25;
        double left;
        double top;
        if (layoutOrNull != null) {
            // a pixel of room around the text, so that two neighbouring labels do not touch
            org.orthomeasure.core.overlay.LabelLayout.Placement p = layoutOrNull.place(at, w + 4, h + 2, placement, gap);
            left = p.box().left() + 2;
            top = p.box().top() + 1;
            p.leader().ifPresent(l -> {
                g.setLineDashes(null);
                g.setLineWidth(1);
                halo(g, colour, () -> g.strokeLine(l.from().x(), l.from().y(), l.to().x(), l.to().y()));
            });
        } else {
            double x = at.x() + placement.dx() * gap;
            double y = at.y() + placement.dy() * gap;
            left = placement.dx() < 0 ? x - w : placement.dx() > 0 ? x : x - w / 2;
            top = placement.dy() < 0 ? y - h : placement.dy() > 0 ? y : y - h / 2;
        }
        return gc -> {
            gc.setFont(font);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.TOP);
            gc.setLineWidth(3.5);
            gc.setStroke(Color.web("#000000", 0.85));
            gc.strokeText(text, left, top);
            gc.setFill(colour);
            gc.fillText(text, left, top);
        };
    }

    private static double textWidth(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
