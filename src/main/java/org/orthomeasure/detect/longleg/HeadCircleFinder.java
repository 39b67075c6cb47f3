package org.orthomeasure.detect.longleg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.CircleFit;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.detect.GreyImage;

/**
 * Proposes the femoral head's outline from one click inside the head, on any film and without the model:
 * along {@link #RAYS} rays from the click, the strongest fall from bright (bone) to dark between 0.5 and 1.8
 * times the expected radius is taken as the head's edge (grey sampled bilinearly, derivative over ±1.5 px), and
 * a circle is fitted to those edge points by least squares, dropping points more than
 * max(1.5 px, 2.5 × the median residual) off the circle, three times. Proposed only when at least half the
 * rays agree with the circle, the radius lies in that range and the click lies inside it.
 */
public final class HeadCircleFinder {

    public static final int RAYS = 48;

    private HeadCircleFinder() {
    }

    /**
     * The expected femoral head radius in film px: 23 mm at {@code spacingMm} per pixel, or, uncalibrated,
     * 2.5 % of the film's height (a long-leg film shows about 40 head radii from hip to ankle).
     */
    public static double expectedRadiusPx(Optional<Double> spacingMm, int filmHeight) {
        return spacingMm.filter(s -> s > 0).map(s -> 23.0 / s).orElse(0.025 * filmHeight);
    }

    /** The circle through the head's edge around {@code click}, when the film shows one there. */
    public static Optional<Circle> propose(GreyImage film, Point2 click, double expectedRadius) {
        double from = 0.5 * expectedRadius;
        double to = 1.8 * expectedRadius;
        double step = Math.max(0.25, expectedRadius / 80);
        List<Point2> edge = new ArrayList<>();
        for (int k = 0; k < RAYS; k++) {
            double a = 2 * Math.PI * k / RAYS;
            double dx = Math.cos(a);
            double dy = Math.sin(a);
            double best = 0;
            double bestR = -1;
            for (double r = from; r <= to; r += step) {
                double fall = sample(film, click.x() + (r - 1.5) * dx, click.y() + (r - 1.5) * dy)
                        - sample(film, click.x() + (r + 1.5) * dx, click.y() + (r + 1.5) * dy);
                if (fall > best) {
                    best = fall;
                    bestR = r;
                }
            }
            if (bestR > 0) {
                edge.add(Point2.of(click.x() + bestR * dx, click.y() + bestR * dy));
            }
        }
        List<Point2> kept = edge;
        Circle c = null;
        for (int iter = 0; iter < 3; iter++) {
            if (kept.size() < RAYS / 2) {
                return Optional.empty();
            }
            try {
                c = CircleFit.fit(kept);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            Circle fit = c;
            List<Double> res = kept.stream().map(p -> Math.abs(p.distanceTo(fit.center()) - fit.radius()))
                    .sorted(Comparator.naturalOrder()).toList();
            double limit = Math.max(1.5, 2.5 * res.get(res.size() / 2));
            kept = edge.stream().filter(p -> Math.abs(p.distanceTo(fit.center()) - fit.radius()) <= limit).toList();
        }
        if (kept.size() < RAYS / 2 || c.radius() < from || c.radius() > to || c.center().distanceTo(click) >= c.radius()) {
            return Optional.empty();
        }
        return Optional.of(c);
    }

    static double sample(GreyImage g, double x, double y) {
        double cx = Math.max(0, Math.min(g.width() - 1, x));
        double cy = Math.max(0, Math.min(g.height() - 1, y));
        int x1 = (int) Math.floor(cx);
        int y1 = (int) Math.floor(cy);
        int x2 = Math.min(x1 + 1, g.width() - 1);
        int y2 = Math.min(y1 + 1, g.height() - 1);
        double fx = cx - x1;
        double fy = cy - y1;
        return (g.value(x1, y1) * (1 - fx) + g.value(x2, y1) * fx) * (1 - fy)
                + (g.value(x1, y2) * (1 - fx) + g.value(x2, y2) * fx) * fy;
    }
}
