package org.orthomeasure.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.util.Objects;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.overlay.ArcShape;
import org.orthomeasure.core.overlay.CircleShape;
import org.orthomeasure.core.overlay.LabelLayout;
import org.orthomeasure.core.overlay.LineSegment;
import org.orthomeasure.core.overlay.OverlayItem;
import org.orthomeasure.core.overlay.OverlayRole;
import org.orthomeasure.core.overlay.OverlayShape;
import org.orthomeasure.core.overlay.PointMark;
import org.orthomeasure.core.overlay.TextLabel;

/**
 * Paints overlay items with Java2D. Geometry is mapped from image pixels to the device through an
 * affine transform (scale and translation only); line widths, markers and text keep a constant size
 * on the device, so the picture reads the same at any scale. Every shape gets a thin dark outline so
 * it stays visible on bright bone and on dark background alike.
 */
final class OverlayPainter {

    private final Graphics2D g;
    private final AffineTransform imageToDevice;
    private final Palette palette;
    private final float lineWidth;
    private final Font font;

    /**
     * @param g             the target
     * @param imageToDevice image pixels to device pixels; must be a scale (same in x and y) plus a translation
     * @param palette       role colours
     * @param unit          the device size of one "overlay unit": lines are 1.6 units wide, text 11 units high
     */
    OverlayPainter(Graphics2D g, AffineTransform imageToDevice, Palette palette, float unit) {
        this.g = Objects.requireNonNull(g, "g");
        this.imageToDevice = Objects.requireNonNull(imageToDevice, "imageToDevice");
        this.palette = Objects.requireNonNull(palette, "palette");
        this.lineWidth = 1.6f * unit;
        this.font = ReportFont.awt(11f * unit);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Paints one shape (labels are placed and painted by {@link #place}, {@link #paintLeader}, {@link #paintLabel}). */
    private void paint(OverlayItem item) {
        Color colour = palette.colour(item.role());
        Stroke stroke = stroke(item.role());
        OverlayShape shape = item.shape();
        if (shape instanceof LineSegment s) {
            outlined(new Line2D.Double(device(s.from()), device(s.to())), stroke, colour);
        } else if (shape instanceof CircleShape c) {
            Point2D centre = device(c.center());
            double r = c.radius() * scale();
            outlined(new Ellipse2D.Double(centre.getX() - r, centre.getY() - r, 2 * r, 2 * r), stroke, colour);
        } else if (shape instanceof ArcShape a) {
            Point2D centre = device(a.center());
            double r = a.radius() * scale();
            // Arc2D angles are counter-clockwise on the screen from 3 o'clock: the ArcShape convention.
            outlined(new Arc2D.Double(centre.getX() - r, centre.getY() - r, 2 * r, 2 * r, a.startDeg(),
                    a.extentDeg(), Arc2D.OPEN), stroke, colour);
        } else if (shape instanceof PointMark p) {
            marker(device(p.at()), colour, item.role());
        }
    }

    /** The device box a landmark marker covers (labels keep off it), empty for other items. */
    java.util.Optional<LabelLayout.Box> markerBox(OverlayItem item) {
        if (!(item.shape() instanceof PointMark p)) {
            return java.util.Optional.empty();
        }
        Point2D c = device(p.at());
        double r = 2.6 * lineWidth + lineWidth / 2;
        return java.util.Optional.of(new LabelLayout.Box(c.getX() - r, c.getY() - r, 2 * r, 2 * r));
    }

    /** Paints every item but the labels, which wait for {@link #label} (drawn last, laid out together). */
    void paintShape(OverlayItem item) {
        if (!(item.shape() instanceof TextLabel)) {
            paint(item);
        }
    }

    private double scale() {
        return imageToDevice.getScaleX();
    }

    private Point2D device(Point2 p) {
        return imageToDevice.transform(new Point2D.Double(p.x(), p.y()), null);
    }

    private Stroke stroke(OverlayRole role) {
        if (role == OverlayRole.REFERENCE) {
            // The other reading in check mode: thinner, so the reading under it stays visible.
            return new BasicStroke(0.5f * lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        if (role == OverlayRole.CONSTRUCTION) {
            return new BasicStroke(lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {4 * lineWidth, 3 * lineWidth}, 0f);
        }
        if (role == OverlayRole.SUGGESTION) {
            return new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {lineWidth, 2 * lineWidth}, 0f);
        }
        return new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private void outlined(java.awt.Shape shape, Stroke stroke, Color colour) {
        BasicStroke b = (BasicStroke) stroke;
        g.setColor(new Color(0, 0, 0, 150));
        g.setStroke(new BasicStroke(b.getLineWidth() + 1.5f * lineWidth / 1.6f, b.getEndCap(), b.getLineJoin(),
                b.getMiterLimit(), b.getDashArray(), b.getDashPhase()));
        g.draw(shape);
        g.setColor(colour);
        g.setStroke(stroke);
        g.draw(shape);
    }

    private void marker(Point2D p, Color colour, OverlayRole role) {
        double r = 2.6 * lineWidth;
        Ellipse2D dot = new Ellipse2D.Double(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
        g.setColor(Color.BLACK);
        g.fill(new Ellipse2D.Double(p.getX() - r - lineWidth / 2, p.getY() - r - lineWidth / 2, 2 * r + lineWidth,
                2 * r + lineWidth));
        g.setColor(colour);
        if (role == OverlayRole.CONSTRUCTION || role == OverlayRole.SUGGESTION || role == OverlayRole.REFERENCE) {
            // A ring: for check mode, the other reading's point shows the first reading's dot inside it.
            g.setStroke(new BasicStroke(lineWidth));
            g.draw(dot);
        } else {
            g.fill(dot);
        }
    }

    /** A label placed by the layout, waiting to be painted. */
    record PlacedLabel(LabelLayout.Placement placement, String text, Color colour) {
    }

    /** Places {@code t} through {@code layout} (device pixels); painted later by {@link #paintLeader} and {@link #paintLabel}. */
    PlacedLabel place(TextLabel t, Color colour, LabelLayout layout) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        Point2D p = device(t.anchor());
        double w = fm.stringWidth(t.text()) + 2 * pad();
        double h = fm.getAscent() + fm.getDescent() + 2;
        return new PlacedLabel(layout.place(Point2.of(p.getX(), p.getY()), w, h, t.placement(), 4 * lineWidth),
                t.text(), colour);
    }

    /** The leader line of a label the layout moved away from its anchor (painted before every box). */
    void paintLeader(PlacedLabel l) {
        l.placement().leader().ifPresent(seg -> outlined(new Line2D.Double(seg.from().x(), seg.from().y(), seg.to().x(),
                seg.to().y()), new BasicStroke(0.6f * lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND), l.colour()));
    }

    /** A placed label's text on its dark box. */
    void paintLabel(PlacedLabel l) {
        g.setFont(font);
        box(l.placement().box(), l.text(), l.colour(), g.getFontMetrics(), pad());
    }

    private double pad() {
        return 2 * lineWidth / 1.6;
    }

    /**
     * Paints a fixed text (the R/L marker, a flag line) at ({@code x}, {@code y}) device px, its
     * box's left or right edge at x and its top or bottom edge at y, in the label font scaled by
     * {@code sizeFactor}; returns its box, which the caller reserves in the label layout.
     */
    LabelLayout.Box fixedText(String text, double x, double y, Color colour, float sizeFactor, boolean rightAligned,
                              boolean bottomAligned) {
        Font f = font.deriveFont(font.getSize2D() * sizeFactor);
        g.setFont(f);
        FontMetrics fm = g.getFontMetrics();
        double pad = 2 * lineWidth / 1.6;
        double w = fm.stringWidth(text) + 2 * pad;
        double h = fm.getAscent() + fm.getDescent() + 2;
        LabelLayout.Box b = new LabelLayout.Box(rightAligned ? x - w : x, bottomAligned ? y - h : y, w, h);
        box(b, text, colour, fm, pad);
        g.setFont(font);
        return b;
    }

    private void box(LabelLayout.Box b, String text, Color colour, FontMetrics fm, double pad) {
        g.setColor(new Color(0, 0, 0, 210)); // nearly opaque: the lines under a label do not cross its text
        g.fill(new java.awt.geom.RoundRectangle2D.Double(b.left(), b.top(), b.width(), b.height(), 4, 4));
        g.setColor(colour);
        g.drawString(text, (float) (b.left() + pad), (float) (b.top() + 1 + fm.getAscent()));
    }
}
