package org.orthomeasure.ui.panels;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.VertebraCorner;

/**
 * A small schematic drawn in code showing where the active landmark goes: an AP leg (the patient's
 * right leg drawn on the image's left, with the midline marked, so medial and lateral are visible) or
 * a vertebra with the corner or endplate marked.
 */
public final class StepDiagram extends Canvas {

    private static final Color BONE = Color.web("#b0bec5");
    private static final Color TARGET = Color.web("#ff5252");
    private static final double W = 150;
    private static final double H = 230;

    public StepDiagram() {
        super(W, H);
        show(null);
    }

    /** Draws the diagram of {@code target}; a blank panel for null. */
    public void show(PointRef target) {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.web("#1c1f22"));
        g.fillRect(0, 0, W, H);
        if (target instanceof PointRef.Limb l) {
            leg(g, l.key().side(), l.key().landmark());
        } else if (target instanceof PointRef.HeadRim r) {
            leg(g, r.side(), null);
            double mx = r.side() == Side.R ? 1 : -1;
            g.setStroke(TARGET);
            g.setLineWidth(2);
            double cx = x(r.side(), 62);
            g.strokeArc(cx - 16, 18, 32, 32, mx > 0 ? 30 : 90, 240, javafx.scene.shape.ArcType.OPEN);
            caption(g, "3+ points on the head rim");
        } else if (target instanceof PointRef.Corner c) {
            vertebra(g, 70, c.corner(), null);
            caption(g, c.level().name() + " " + c.corner().id());
        } else if (target instanceof PointRef.CobbEnd e) {
            cobb(g, e);
        }
    }

    /** x of a right-leg drawing coordinate, mirrored for the left leg (drawn on the image's right). */
    private static double x(Side side, double xr) {
        return side == Side.R ? xr : W - xr;
    }

    private void leg(GraphicsContext g, Side side, LimbLandmark target) {
        g.setStroke(Color.web("#546e7a"));
        g.setLineDashes(4, 4);
        g.setLineWidth(1);
        double mid = x(side, 138);
        g.strokeLine(mid, 6, mid, H - 24);
        g.setLineDashes(null);
        g.setFill(Color.web("#78909c"));
        g.setFont(Font.font(10));
        g.fillText("midline", side == Side.R ? mid - 38 : mid + 3, 14);
        g.setStroke(BONE);
        g.setLineWidth(2);
        // femoral head, neck and shaft
        g.strokeOval(x(side, 62) - 14, 20, 28, 28);
        g.strokeLine(x(side, 58), 46, x(side, 44), 58);
        g.strokeLine(x(side, 44), 58, x(side, 54), 118);
        g.strokeLine(x(side, 72), 46, x(side, 66), 118);
        // condyles
        g.strokeOval(x(side, side == Side.R ? 44 : 64) - 0, 114, 20, 22);
        g.strokeOval(x(side, side == Side.R ? 64 : 44) - 0, 114, 20, 22);
        // tibia
        g.strokeLine(x(side, 44), 142, x(side, 84), 142);
        g.strokeLine(x(side, 52), 142, x(side, 56), 200);
        g.strokeLine(x(side, 76), 142, x(side, 70), 200);
        g.strokeLine(x(side, 52), 204, x(side, 76), 204);
        g.fillText(side == Side.R ? "R" : "L", x(side, 10), 22);
        if (target == null) {
            return;
        }
        double[] p = switch (target) {
            case FEMORAL_HEAD_CENTER -> new double[] {62, 34};
            case FEMORAL_HEAD_TOP -> new double[] {62, 20};
            case GREATER_TROCHANTER_TIP -> new double[] {42, 52};
            case FEMORAL_CONDYLE_MEDIAL -> new double[] {74, 136};
            case FEMORAL_CONDYLE_LATERAL -> new double[] {54, 136};
            case KNEE_CENTER -> new double[] {64, 138};
            case TIBIAL_PLATEAU_MEDIAL -> new double[] {76, 143};
            case TIBIAL_PLATEAU_LATERAL -> new double[] {52, 143};
            case ANKLE_CENTER -> new double[] {64, 205};
            case PLAFOND_MEDIAL -> new double[] {74, 204};
            case PLAFOND_LATERAL -> new double[] {54, 204};
            case FEMORAL_SHAFT_PROXIMAL -> new double[] {58, 78};
            case FEMORAL_SHAFT_DISTAL -> new double[] {59, 98};
            case TIBIAL_SHAFT_PROXIMAL -> new double[] {64, 162};
            case TIBIAL_SHAFT_DISTAL -> new double[] {63, 181};
        };
        if (target.isShaftAxisPoint()) {
            // The two cortex clicks whose midpoint is the axis point.
            double half = target == LimbLandmark.FEMORAL_SHAFT_PROXIMAL || target == LimbLandmark.FEMORAL_SHAFT_DISTAL
                    ? 10 : 9.5;
            g.setStroke(Color.web("#ffb300"));
            g.setLineDashes(2, 2);
            g.strokeLine(x(side, p[0] - half), p[1], x(side, p[0] + half), p[1]);
            g.setLineDashes(null);
            g.setLineWidth(1.5);
            g.strokeOval(x(side, p[0] - half) - 3, p[1] - 3, 6, 6);
            g.strokeOval(x(side, p[0] + half) - 3, p[1] - 3, 6, 6);
        }
        dot(g, x(side, p[0]), p[1]);
        caption(g, side.word() + " " + target.abbreviation());
    }

    private static void vertebra(GraphicsContext g, double top, VertebraCorner corner, Boolean upperEndplate) {
        double l = 40;
        double r = 110;
        double b = top + 50;
        g.setStroke(BONE);
        g.setLineWidth(2);
        g.strokePolygon(new double[] {l, r, r + 2, l - 2}, new double[] {top, top + 6, b + 6, b}, 4);
        if (corner != null) {
            double[] p = switch (corner) {
                case TOP_LEFT -> new double[] {l, top};
                case TOP_RIGHT -> new double[] {r, top + 6};
                case BOTTOM_LEFT -> new double[] {l - 2, b};
                case BOTTOM_RIGHT -> new double[] {r + 2, b + 6};
            };
            dot(g, p[0], p[1]);
        }
        if (upperEndplate != null) {
            g.setStroke(TARGET);
            g.setLineWidth(2.5);
            if (upperEndplate) {
                g.strokeLine(l - 14, top - 1.2, r + 14, top + 7.2);
            } else {
                g.strokeLine(l - 16, b - 1.2, r + 16, b + 7.2);
            }
        }
    }

    private void cobb(GraphicsContext g, PointRef.CobbEnd e) {
        boolean upper = e.line() == PointRef.CobbLine.UPPER;
        vertebra(g, upper ? 30 : 120, null, upper);
        double top = upper ? 30 : 120;
        double y = upper ? top : top + 50;
        dot(g, e.start() ? 26 : 124, y + (e.start() ? -1 : 7));
        caption(g, upper ? "upper end vertebra, top endplate" : "lower end vertebra, bottom endplate");
    }

    private static void dot(GraphicsContext g, double x, double y) {
        g.setFill(TARGET);
        g.fillOval(x - 5, y - 5, 10, 10);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        g.strokeOval(x - 7, y - 7, 14, 14);
    }

    private static void caption(GraphicsContext g, String text) {
        g.setFill(Color.web("#eceff1"));
        g.setFont(Font.font(11));
        g.fillText(text, 6, H - 8);
    }
}
