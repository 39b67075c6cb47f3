package org.orthomeasure.core.overlay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything to draw over one film, in drawing order (by {@link OverlayGroup}, then insertion order).
 * Immutable. Built by {@link OverlayBuilder}; rendered by the JavaFX canvas and by the report's Java2D
 * renderer.
 */
public final class Overlay {

    private static final Overlay EMPTY = new Overlay(List.of());

    private final List<OverlayItem> items;

    private Overlay(List<OverlayItem> items) {
        this.items = items;
    }

    /** An overlay of {@code items}, sorted stably into drawing order. */
    public static Overlay of(Collection<OverlayItem> items) {
        List<OverlayItem> sorted = new ArrayList<>(items);
        sorted.forEach(i -> Objects.requireNonNull(i, "item"));
        sorted.sort(Comparator.comparing(OverlayItem::group));
        return new Overlay(List.copyOf(sorted));
    }

    public static Overlay empty() {
        return EMPTY;
    }

    /** All items in drawing order. */
    public List<OverlayItem> items() {
        return items;
    }

    /** The items whose group is in {@code visible}, in drawing order. */
    public List<OverlayItem> visible(Set<OverlayGroup> visible) {
        return items.stream().filter(i -> visible.contains(i.group())).toList();
    }

    /** The groups that hold at least one item (what a show/hide panel should offer). */
    public Set<OverlayGroup> groups() {
        Set<OverlayGroup> g = EnumSet.noneOf(OverlayGroup.class);
        items.forEach(i -> g.add(i.group()));
        return g;
    }

    /** Every item with its role replaced by {@code role} (check mode draws the other reading this way). */
    public Overlay withRole(OverlayRole role) {
        return new Overlay(items.stream().map(i -> i.withRole(role)).toList());
    }

    /** This overlay followed by {@code other}, re-sorted into drawing order. */
    public Overlay plus(Overlay other) {
        List<OverlayItem> all = new ArrayList<>(items);
        all.addAll(other.items);
        return of(all);
    }

    /** The box holding every item's geometry; empty when there are no items. */
    public Optional<Bounds> bounds() {
        return items.stream().map(i -> i.shape().bounds()).reduce(Bounds::union);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Overlay other && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return "Overlay[" + items.size() + " items]";
    }
}
