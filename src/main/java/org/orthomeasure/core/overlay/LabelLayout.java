package org.orthomeasure.core.overlay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.geometry.Point2;

/**
 * Where the labels of one picture go, so that no two overprint: a greedy layout in device pixels
 * (screen or print pixels, y down), one label at a time in the order they are given. Pure: the
 * renderer measures the text and draws; the screen (JavaFX), the annotated PNG and the PDF picture
 * (Java2D) all place their labels here.
 *
 * <p>A label first goes where its {@link TextAnchor} puts it ({@code gap} device px from its anchor
 * point, kept inside the area). When that box overlaps a label already placed or a reserved box, the
 * box is moved in steps of half its height, to the free position nearest to where it wanted to be
 * (within {@value #SEARCH_STEPS} steps in x and y; a position across its anchor, for a label meant left or
 * right of it, counts {@value #CROSSING_STEPS} steps further); a label moved by more than its height gets a
 * leader line from its anchor to the nearest point of its box. A box that finds no free position
 * stays where it overlaps least (the area is too crowded: the caller can see it in
 * {@link Placement#overlaps()}).
 */
public final class LabelLayout {

    /** How far the search for a free position goes, in half label heights each way. */
    public static final int SEARCH_STEPS = 24;

    /** An axis-aligned box in device pixels, y down. */
    public record Box(double left, double top, double width, double height) {
        public Box {
            if (!(Double.isFinite(left) && Double.isFinite(top) && width >= 0 && height >= 0
                    && Double.isFinite(width) && Double.isFinite(height))) {
                throw new IllegalArgumentException("invalid label box " + left + ", " + top + ", " + width + " x " + height);
            }
        }

        public double right() {
            return left + width;
        }

        public double bottom() {
            return top + height;
        }

        /** True when the two boxes share interior area (touching edges do not overlap). */
        public boolean overlaps(Box o) {
            return left < o.right() && o.left < right() && top < o.bottom() && o.top < bottom();
        }

        /** The area both boxes cover, 0 when they do not overlap. */
        public double overlapArea(Box o) {
            double w = Math.min(right(), o.right()) - Math.max(left, o.left);
            double h = Math.min(bottom(), o.bottom()) - Math.max(top, o.top);
            return w > 0 && h > 0 ? w * h : 0;
        }

        /** The point of this box (edge or inside) nearest to {@code p}. */
        public Point2 nearestTo(Point2 p) {
            return Point2.of(Math.max(left, Math.min(p.x(), right())), Math.max(top, Math.min(p.y(), bottom())));
        }

        Box moved(double dx, double dy) {
            return new Box(left + dx, top + dy, width, height);
        }
    }

    /**
     * Where one label went.
     *
     * @param box      the text box
     * @param leader   a line from the label's anchor to its box, when the box was moved away from the anchor
     * @param overlaps true when no free position was found and the box overlaps another
     */
    public record Placement(Box box, Optional<LineSegment> leader, boolean overlaps) {
        public Placement {
            Objects.requireNonNull(box, "box");
            Objects.requireNonNull(leader, "leader");
        }
    }

    /** Grid offsets (in steps) ordered by distance from the origin, the origin first. */
    private static final List<Offset> OFFSETS = offsets();

    private record Offset(int dx, int dy) {
    }

    private final Optional<Box> area;
    private final List<Box> taken = new ArrayList<>();
    private final List<Box> labels = new ArrayList<>();

    private LabelLayout(Optional<Box> area) {
        this.area = area;
    }

    /** A layout that keeps every label inside a {@code width} × {@code height} area at the origin. */
    public static LabelLayout within(double width, double height) {
        if (!(width > 0 && height > 0)) {
            throw new IllegalArgumentException("label area must be positive, got " + width + " x " + height);
        }
        return new LabelLayout(Optional.of(new Box(0, 0, width, height)));
    }

    /** A layout without edges (a view whose labels may leave it, like a panned screen). */
    public static LabelLayout unbounded() {
        return new LabelLayout(Optional.empty());
    }

    /** Keeps labels off {@code box} (another text, a marker), without counting it as a label. */
    public void reserve(Box box) {
        taken.add(Objects.requireNonNull(box, "box"));
    }

    /** The boxes of the labels placed so far, in order. */
    public List<Box> labels() {
        return List.copyOf(labels);
    }

    /**
     * The box a label of {@code width} × {@code height} gets on the {@code placement} side of
     * {@code anchor}, {@code gap} away, before any overlap is considered (but kept inside the area).
     */
    public Box preferredBox(Point2 anchor, double width, double height, TextAnchor placement, double gap) {
        double x = anchor.x() + placement.dx() * gap;
        double y = anchor.y() + placement.dy() * gap;
        double left = placement.dx() < 0 ? x - width : placement.dx() > 0 ? x : x - width / 2;
        double top = placement.dy() < 0 ? y - height : placement.dy() > 0 ? y : y - height / 2;
        return inside(new Box(left, top, width, height));
    }

    /**
     * Places a label at its preferred box only: the box is reserved and returned when it is free, and
     * nothing happens when it would overlap (for names that must stay beside their point or not show).
     */
    public Optional<Box> placeBesideOrSkip(Point2 anchor, double width, double height, TextAnchor placement, double gap) {
        Box b = preferredBox(anchor, width, height, placement, gap);
        return placeIfFree(b) ? Optional.of(b) : Optional.empty();
    }

    /** Takes {@code box} as a label's box when it overlaps nothing placed or reserved; false (nothing taken) otherwise. */
    public boolean placeIfFree(Box box) {
        if (overlapArea(box) > 0) {
            return false;
        }
        labels.add(box);
        taken.add(box);
        return true;
    }

    /** Places a label at the free position nearest to its preferred box (see the class comment). */
    public Placement place(Point2 anchor, double width, double height, TextAnchor placement, double gap) {
        Box preferred = preferredBox(anchor, width, height, placement, gap);
        double step = Math.max(1, height / 2);
        Box best = preferred;
        double bestOverlap = Double.POSITIVE_INFINITY;
        double bestCost = Double.POSITIVE_INFINITY;
        for (Offset o : OFFSETS) {
            double distance = Math.hypot(o.dx(), o.dy());
            if (distance > bestCost) {
                break; // offsets come nearest first: none further on can cost less
            }
            Box b = inside(preferred.moved(o.dx() * step, o.dy() * step));
            double overlap = overlapArea(b);
            double cost = distance + (crossesAnchor(b, anchor, placement) ? CROSSING_STEPS : 0);
            if (overlap < bestOverlap || overlap == 0 && cost < bestCost) {
                best = b;
                bestOverlap = overlap;
                if (overlap == 0) {
                    bestCost = cost;
                }
            }
        }
        labels.add(best);
        taken.add(best);
        Optional<LineSegment> leader = Optional.empty();
        double moved = Math.hypot(best.left() - preferred.left(), best.top() - preferred.top());
        Point2 end = best.nearestTo(anchor);
        if (moved > height && end.distanceTo(anchor) > 1) {
            leader = Optional.of(LineSegment.of(anchor, end));
        }
        return new Placement(best, leader, bestOverlap > 0);
    }

    /**
     * How many steps further a free position may be and still be taken before one on the other side of the
     * anchor: a label meant left (or right) of its point stays on that side (the lateral side of a leg,
     * not beside the other leg) unless the other side is much nearer.
     */
    static final double CROSSING_STEPS = 4;

    /** True when a label meant left (right) of its anchor has its centre right (left) of it. */
    private static boolean crossesAnchor(Box b, Point2 anchor, TextAnchor placement) {
        double centre = b.left() + b.width() / 2;
        return placement.dx() < 0 && centre > anchor.x() || placement.dx() > 0 && centre < anchor.x();
    }

    private double overlapArea(Box b) {
        double sum = 0;
        for (Box q : taken) {
            sum += b.overlapArea(q);
        }
        return sum;
    }

    private Box inside(Box b) {
        if (area.isEmpty()) {
            return b;
        }
        Box a = area.get();
        double left = Math.max(a.left(), Math.min(b.left(), a.right() - b.width()));
        double top = Math.max(a.top(), Math.min(b.top(), a.bottom() - b.height()));
        return new Box(left, top, b.width(), b.height());
    }

    private static List<Offset> offsets() {
        List<Offset> list = new ArrayList<>();
        for (int dy = -SEARCH_STEPS; dy <= SEARCH_STEPS; dy++) {
            for (int dx = -SEARCH_STEPS; dx <= SEARCH_STEPS; dx++) {
                list.add(new Offset(dx, dy));
            }
        }
        // nearest first; at equal distance vertical moves (stacking) before horizontal ones, then a fixed order
        list.sort(Comparator.comparingDouble((Offset o) -> Math.hypot(o.dx(), o.dy()))
                .thenComparingInt(o -> Math.abs(o.dx()))
                .thenComparingInt(Offset::dy)
                .thenComparingInt(Offset::dx));
        return List.copyOf(list);
    }
}
