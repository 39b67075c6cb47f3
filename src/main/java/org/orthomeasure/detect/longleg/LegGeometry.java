package org.orthomeasure.detect.longleg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.CircleFit;
import org.orthomeasure.core.geometry.Point2;

/**
 * The landmarks of one leg derived from its femur and tibia outlines (a {@link BoneMask} in the right-leg
 * orientation: lateral towards −x, medial towards +x, proximal up). The same rules derive the reference
 * landmarks from the hand-drawn outlines of the training data and the suggestion from the network's
 * segmentation, so the two are comparable. Lengths below are in mask pixels; L is the femur's height
 * (head top to condyles), Lt the tibia's (plateau to plafond). Spec: measurements.md, lower limb.
 *
 * <ul>
 *   <li>femoral head centre: circle fitted (least squares, {@link CircleFit}) to the femur's outline around
 *   the head, iterated 8 times on the outline pixels within 0.35 r of the current circle, leaving out the
 *   lateral-inferior quadrant where the neck leaves the head and the columns at the film's side (a head
 *   cut by the side of a crop is fitted from the outline that is there); the first circle has r = 0.055 L
 *   below the femur's top; a head whose circle reaches beyond the side by more than a quarter of its
 *   radius runs off the film;</li>
 *   <li>femoral head top: the femur's top row (its upper edge), centred on that row's pixels;</li>
 *   <li>greater trochanter tip: the top edge of the femur lateral of the head by more than 1.6 r;</li>
 *   <li>femoral and tibial shaft points: midpoint between the two cortices (the outline's left and right
 *   edge), averaged over 7 rows, at a third and two thirds of L (femur) and of Lt (tibia);</li>
 *   <li>condyles: the line touching the distal femur from below on both sides of its middle (the lower
 *   convex hull edge that spans the intercondylar notch); each condyle point is the mean of the outline's
 *   lowest points within 0.75 px of that line on its side;</li>
 *   <li>plateau points: the tibia's upper edge a quarter of the plateau width (its widest row within 0.06 Lt
 *   of the top) in from each side, searched down to 0.06 Lt below that row (the subchondral surface of each
 *   compartment, clear of the spines and of the edges);</li>
 *   <li>knee centre: the middle of the plateau width (the tibial spines), halfway between the condylar
 *   and the plateau line;</li>
 *   <li>plafond: the tibia's lower edge; its level is the median of the lateral half; the medial end is
 *   where the medial malleolus starts (the lower edge drops below that level), the lateral end the
 *   tibia's lateral edge; ankle centre: the midpoint of the two ends (centre of the plafond).</li>
 * </ul>
 */
public final class LegGeometry {

    static final int MIN_BONE_PIXELS = 300;

    private LegGeometry() {
    }

    /**
     * The landmarks of one leg, with the head circle and every problem found; points that cannot be
     * derived are absent.
     *
     * @param mask          the leg's labels, right-leg orientation
     * @param contentHeight rows of the mask that show film (below them is padding), for "runs off the film"
     */
    public static DerivedLeg derive(BoneMask mask, int contentHeight) {
        BoneMask m = mask.largestComponents();
        List<String> problems = new ArrayList<>();
        Map<LegPoint, Point2> points = new EnumMap<>(LegPoint.class);
        Rows femur = Rows.of(m, BoneMask.FEMUR);
        Rows tibia = Rows.of(m, BoneMask.TIBIA);
        if (femur.pixels < MIN_BONE_PIXELS) {
            problems.add("no femur found");
        }
        if (tibia.pixels < MIN_BONE_PIXELS) {
            problems.add("no tibia found");
        }
        if (!problems.isEmpty()) {
            return new DerivedLeg(points, Optional.empty(), problems);
        }
        int lf = femur.bottom - femur.top;
        int lt = tibia.bottom - tibia.top;
        if (femur.bottom > tibia.top + 0.1 * lt || femur.top > tibia.top) {
            problems.add("the femur is not above the tibia");
        }
        double ratio = (double) lf / Math.max(1, lt);
        if (ratio < 0.9 || ratio > 1.7) {
            problems.add(String.format(java.util.Locale.ROOT,
                    "femur and tibia out of proportion (femur %.2f times the tibia; legs are 1.0 to 1.6)", ratio));
        }
        double edgeMargin = Math.max(3, 0.02 * lt);
        if (femur.top <= edgeMargin) {
            problems.add("the femur runs off the film at the top (hip not on the film)");
        }
        if (tibia.bottom >= contentHeight - 1 - edgeMargin) {
            problems.add("the tibia runs off the film at the bottom (ankle not on the film)");
        }
        if (lf < 40 || lt < 40) {
            problems.add("the bones are too small to measure (" + lf + " and " + lt + " px)");
            return new DerivedLeg(points, Optional.empty(), problems);
        }

        Optional<Circle> head = headCircle(m, femur, lf);
        if (head.isEmpty()) {
            problems.add("the femoral head outline is not round");
        } else if (head.get().center().x() + 0.75 * head.get().radius() > m.width() - 1
                || head.get().center().x() - 0.75 * head.get().radius() < 0) {
            problems.add("the femoral head runs off the side of the film");
        }
        head.ifPresent(c -> points.put(LegPoint.FEMORAL_HEAD_CENTER, c.center()));
        double topX = head.map(c -> femur.meanX(femur.top, c.center().x() - c.radius(), Double.MAX_VALUE))
                .orElse(femur.meanX(femur.top, -Double.MAX_VALUE, Double.MAX_VALUE));
        points.put(LegPoint.FEMORAL_HEAD_TOP, Point2.of(topX, femur.top - 0.5));
        head.flatMap(c -> trochanter(femur, c)).ifPresent(p -> points.put(LegPoint.GREATER_TROCHANTER_TIP, p));

        shaftPoint(femur, femur.top + lf / 3.0).ifPresent(p -> points.put(LegPoint.FEMORAL_SHAFT_PROXIMAL, p));
        shaftPoint(femur, femur.top + 2 * lf / 3.0).ifPresent(p -> points.put(LegPoint.FEMORAL_SHAFT_DISTAL, p));
        shaftPoint(tibia, tibia.top + lt / 3.0).ifPresent(p -> points.put(LegPoint.TIBIAL_SHAFT_PROXIMAL, p));
        shaftPoint(tibia, tibia.top + 2 * lt / 3.0).ifPresent(p -> points.put(LegPoint.TIBIAL_SHAFT_DISTAL, p));

        Optional<Point2[]> condyles = condyles(m, femur, lf);
        Optional<Point2[]> plateau = plateau(m, tibia, lt);
        condyles.ifPresent(c -> {
            points.put(LegPoint.FEMORAL_CONDYLE_LATERAL, c[0]);
            points.put(LegPoint.FEMORAL_CONDYLE_MEDIAL, c[1]);
        });
        plateau.ifPresent(p -> {
            points.put(LegPoint.TIBIAL_PLATEAU_LATERAL, p[0]);
            points.put(LegPoint.TIBIAL_PLATEAU_MEDIAL, p[1]);
        });
        if (condyles.isEmpty() || plateau.isEmpty()) {
            problems.add("the knee joint lines cannot be found");
        } else {
            double kx = plateau.get()[2].x();
            double ky = (lineY(condyles.get()[0], condyles.get()[1], kx) + lineY(plateau.get()[0], plateau.get()[1], kx)) / 2;
            points.put(LegPoint.KNEE_CENTER, Point2.of(kx, ky));
        }
        Optional<Point2[]> plafond = plafond(m, tibia, lt);
        if (plafond.isEmpty()) {
            problems.add("the tibial plafond cannot be found");
        } else {
            points.put(LegPoint.PLAFOND_LATERAL, plafond.get()[0]);
            points.put(LegPoint.PLAFOND_MEDIAL, plafond.get()[1]);
            points.put(LegPoint.ANKLE_CENTER, plafond.get()[0].midpoint(plafond.get()[1]));
        }
        return new DerivedLeg(points, head, problems);
    }

    /** y of the line through a and b at x (a.x != b.x). */
    private static double lineY(Point2 a, Point2 b, double x) {
        return a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x());
    }

    private static Optional<Circle> headCircle(BoneMask m, Rows femur, int lf) {
        List<Point2> outline = new ArrayList<>();
        int lastRow = Math.min(femur.bottom, femur.top + (int) Math.ceil(0.25 * lf));
        for (int y = femur.top; y <= lastRow; y++) {
            for (int x = 0; x < m.width(); x++) {
                boolean cutByTheEdge = x == 0 || x == m.width() - 1;
                if (!cutByTheEdge && m.label(x, y) == BoneMask.FEMUR && (m.label(x - 1, y) != BoneMask.FEMUR
                        || m.label(x + 1, y) != BoneMask.FEMUR || m.label(x, y - 1) != BoneMask.FEMUR
                        || m.label(x, y + 1) != BoneMask.FEMUR)) {
                    outline.add(Point2.of(x, y));
                }
            }
        }
        double r = 0.055 * lf;
        Point2 c = Point2.of(femur.meanX(femur.top, -Double.MAX_VALUE, Double.MAX_VALUE), femur.top + r);
        for (int iter = 0; iter < 8; iter++) {
            double band = Math.max(1.5, (iter == 0 ? 0.5 : 0.35) * r);
            List<Point2> near = new ArrayList<>();
            for (Point2 p : outline) {
                boolean neck = p.x() < c.x() && p.y() > c.y() - 0.2 * r;
                if (!neck && p.y() < c.y() + 0.8 * r && Math.abs(p.distanceTo(c) - r) < band) {
                    near.add(p);
                }
            }
            if (near.size() < 8) {
                return Optional.empty();
            }
            Circle fit;
            try {
                fit = CircleFit.fit(near);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            c = fit.center();
            r = fit.radius();
            if (!(r > 0.02 * lf && r < 0.12 * lf)) {
                return Optional.empty();
            }
        }
        // outline pixels lie half a pixel inside the drawn edge
        return Optional.of(Circle.of(c, r + 0.5));
    }

    private static Optional<Point2> trochanter(Rows femur, Circle head) {
        double limit = head.center().x() - 1.6 * head.radius();
        int lastRow = (int) Math.min(femur.bottom, head.center().y() + 2.5 * head.radius());
        for (int y = femur.top; y <= lastRow; y++) {
            if (femur.minX[y] >= 0 && femur.minX[y] < limit) {
                return Optional.of(Point2.of(femur.meanX(y, -Double.MAX_VALUE, limit), y - 0.5));
            }
        }
        return Optional.empty();
    }

    private static Optional<Point2> shaftPoint(Rows bone, double yc) {
        double sum = 0;
        int n = 0;
        for (int y = (int) Math.round(yc) - 3; y <= (int) Math.round(yc) + 3; y++) {
            if (y >= 0 && y < bone.minX.length && bone.minX[y] >= 0) {
                sum += (bone.minX[y] + bone.maxX[y]) / 2.0;
                n++;
            }
        }
        return n < 4 ? Optional.empty() : Optional.of(Point2.of(sum / n, yc));
    }

    /** [lateral, medial] condyle points. */
    private static Optional<Point2[]> condyles(BoneMask m, Rows femur, int lf) {
        int from = femur.bottom - (int) Math.ceil(0.1 * lf);
        List<Point2> low = lowerEdge(m, BoneMask.FEMUR, from, femur.bottom);
        int midRow = femur.bottom - (int) Math.round(0.05 * lf);
        if (low.size() < 6 || femur.minX[midRow] < 0) {
            return Optional.empty();
        }
        double mid = (femur.minX[midRow] + femur.maxX[midRow]) / 2.0;
        return tangentPoints(low, mid);
    }

    /** [lateral, medial, centre of the plateau width at its level]. */
    private static Optional<Point2[]> plateau(BoneMask m, Rows tibia, int lt) {
        int widest = -1;
        int widestRow = -1;
        for (int y = tibia.top; y <= tibia.top + Math.ceil(0.06 * lt); y++) {
            if (tibia.minX[y] >= 0 && tibia.maxX[y] - tibia.minX[y] > widest) {
                widest = tibia.maxX[y] - tibia.minX[y];
                widestRow = y;
            }
        }
        if (widest < 6) {
            return Optional.empty();
        }
        double xl = tibia.minX[widestRow];
        double xr = tibia.maxX[widestRow];
        // each compartment's surface may lie below the widest row (a plateau lower than the spines): search on
        int[] top = topEdge(m, BoneMask.TIBIA, tibia.top, Math.min(tibia.bottom, widestRow + (int) Math.ceil(0.06 * lt)));
        Optional<Point2> lateral = edgeAt(top, xl + 0.25 * (xr - xl), -0.5);
        Optional<Point2> medial = edgeAt(top, xl + 0.75 * (xr - xl), -0.5);
        if (lateral.isEmpty() || medial.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Point2[] {lateral.get(), medial.get(), Point2.of((xl + xr) / 2, widestRow)});
    }

    /** [lateral end, medial end] of the plafond. */
    private static Optional<Point2[]> plafond(BoneMask m, Rows tibia, int lt) {
        int from = tibia.bottom - (int) Math.ceil(0.12 * lt);
        int[] bottom = bottomEdge(m, BoneMask.TIBIA, from, tibia.bottom);
        int row = tibia.bottom - (int) Math.round(0.08 * lt);
        if (tibia.minX[row] < 0) {
            return Optional.empty();
        }
        int xl = tibia.minX[row];
        int xr = tibia.maxX[row];
        double w = xr - xl;
        if (w < 6) {
            return Optional.empty();
        }
        List<Integer> lateralHalf = new ArrayList<>();
        for (int x = (int) Math.ceil(xl + 0.1 * w); x <= xl + 0.55 * w; x++) {
            if (bottom[x] >= 0) {
                lateralHalf.add(bottom[x]);
            }
        }
        if (lateralHalf.size() < 3) {
            return Optional.empty();
        }
        lateralHalf.sort(Integer::compare);
        double level = lateralHalf.get(lateralHalf.size() / 2);
        double drop = Math.max(1.5, 0.06 * w);
        double malleolus = xr - 0.15 * w;
        for (int x = (int) Math.ceil(xl + 0.5 * w); x <= xr; x++) {
            if (bottom[x] > level + drop) {
                malleolus = x;
                break;
            }
        }
        int lateralEdge = Integer.MAX_VALUE;
        for (int y = (int) level - 2; y <= level; y++) {
            if (y >= 0 && y < tibia.minX.length && tibia.minX[y] >= 0) {
                lateralEdge = Math.min(lateralEdge, tibia.minX[y]);
            }
        }
        if (lateralEdge == Integer.MAX_VALUE || malleolus - lateralEdge < 4) {
            return Optional.empty();
        }
        double span = malleolus - lateralEdge;
        double yl = meanBottom(bottom, lateralEdge, lateralEdge + 0.15 * span);
        double ym = meanBottom(bottom, malleolus - 0.15 * span - 1, malleolus - 1);
        if (Double.isNaN(yl) || Double.isNaN(ym)) {
            return Optional.empty();
        }
        return Optional.of(new Point2[] {Point2.of(lateralEdge, yl + 0.5), Point2.of(malleolus, ym + 0.5)});
    }

    private static double meanBottom(int[] bottom, double fromX, double toX) {
        double sum = 0;
        int n = 0;
        for (int x = (int) Math.ceil(fromX); x <= toX; x++) {
            if (x >= 0 && x < bottom.length && bottom[x] >= 0) {
                sum += bottom[x];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Per column, the lowest pixel of {@code bone} in rows [from, to], as points at its lower edge. */
    private static List<Point2> lowerEdge(BoneMask m, byte bone, int from, int to) {
        int[] bottom = bottomEdge(m, bone, from, to);
        List<Point2> pts = new ArrayList<>();
        for (int x = 0; x < bottom.length; x++) {
            if (bottom[x] >= 0) {
                pts.add(Point2.of(x, bottom[x] + 0.5));
            }
        }
        return pts;
    }

    /** Per column, the last row of {@code bone} in [from, to], or -1. */
    private static int[] bottomEdge(BoneMask m, byte bone, int from, int to) {
        int[] bottom = new int[m.width()];
        Arrays.fill(bottom, -1);
        for (int x = 0; x < m.width(); x++) {
            for (int y = to; y >= from; y--) {
                if (m.label(x, y) == bone) {
                    bottom[x] = y;
                    break;
                }
            }
        }
        return bottom;
    }

    /** Per column, the first row of {@code bone} in [from, to], or -1. */
    private static int[] topEdge(BoneMask m, byte bone, int from, int to) {
        int[] top = new int[m.width()];
        Arrays.fill(top, -1);
        for (int x = 0; x < m.width(); x++) {
            for (int y = from; y <= to; y++) {
                if (m.label(x, y) == bone) {
                    top[x] = y;
                    break;
                }
            }
        }
        return top;
    }

    /** The edge row at fractional column x (mean of the 3 nearest columns), shifted by {@code dy}. */
    private static Optional<Point2> edgeAt(int[] edge, double x, double dy) {
        int c = (int) Math.round(x);
        double sum = 0;
        int n = 0;
        for (int i = c - 1; i <= c + 1; i++) {
            if (i >= 0 && i < edge.length && edge[i] >= 0) {
                sum += edge[i];
                n++;
            }
        }
        return n < 2 ? Optional.empty() : Optional.of(Point2.of(x, sum / n + dy));
    }

    /**
     * The two points where the line touching {@code pts} from below (larger y) across {@code mid} meets them
     * on either side: [side of smaller x, side of larger x].
     */
    static Optional<Point2[]> tangentPoints(List<Point2> pts, double mid) {
        List<Point2> hull = new ArrayList<>();
        for (Point2 p : pts) { // pts sorted by x; monotone chain keeping the lower (larger y) side
            while (hull.size() >= 2) {
                Point2 a = hull.get(hull.size() - 2);
                Point2 b = hull.get(hull.size() - 1);
                double cross = (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
                if (cross >= 0) {
                    hull.remove(hull.size() - 1);
                } else {
                    break;
                }
            }
            hull.add(p);
        }
        for (int i = 0; i + 1 < hull.size(); i++) {
            Point2 a = hull.get(i);
            Point2 b = hull.get(i + 1);
            if (a.x() <= mid && b.x() >= mid && b.x() > a.x()) {
                List<Point2> left = new ArrayList<>();
                List<Point2> right = new ArrayList<>();
                double len = a.distanceTo(b);
                for (Point2 p : pts) {
                    double dist = Math.abs((b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x())) / len;
                    if (dist <= 0.75) {
                        (p.x() < mid ? left : right).add(p);
                    }
                }
                if (left.isEmpty() || right.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Point2[] {mean(left), mean(right)});
            }
        }
        return Optional.empty();
    }

    private static Point2 mean(List<Point2> pts) {
        double x = 0;
        double y = 0;
        for (Point2 p : pts) {
            x += p.x();
            y += p.y();
        }
        return Point2.of(x / pts.size(), y / pts.size());
    }

    /** Per-row left and right edge of one bone; -1 where the row has none. */
    static final class Rows {
        final int[] minX;
        final int[] maxX;
        final int top;
        final int bottom;
        final int pixels;
        private final BoneMask mask;
        private final byte bone;

        private Rows(int[] minX, int[] maxX, int top, int bottom, int pixels, BoneMask mask, byte bone) {
            this.minX = minX;
            this.maxX = maxX;
            this.top = top;
            this.bottom = bottom;
            this.pixels = pixels;
            this.mask = mask;
            this.bone = bone;
        }

        static Rows of(BoneMask m, byte bone) {
            int[] minX = new int[m.height()];
            int[] maxX = new int[m.height()];
            Arrays.fill(minX, -1);
            Arrays.fill(maxX, -1);
            int top = -1;
            int bottom = -1;
            int pixels = 0;
            for (int y = 0; y < m.height(); y++) {
                for (int x = 0; x < m.width(); x++) {
                    if (m.label(x, y) == bone) {
                        pixels++;
                        if (minX[y] < 0) {
                            minX[y] = x;
                        }
                        maxX[y] = x;
                    }
                }
                if (minX[y] >= 0) {
                    top = top < 0 ? y : top;
                    bottom = y;
                }
            }
            return new Rows(minX, maxX, top, bottom, pixels, m, bone);
        }

        /** Mean x of the bone's pixels in row y with x in (from, to); the row's middle when none. */
        double meanX(int y, double from, double to) {
            double sum = 0;
            int n = 0;
            for (int x = 0; x < mask.width(); x++) {
                if (x > from && x < to && mask.label(x, y) == bone) {
                    sum += x;
                    n++;
                }
            }
            return n == 0 ? (minX[y] + maxX[y]) / 2.0 : sum / n;
        }
    }
}
