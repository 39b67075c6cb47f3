package org.orthomeasure.core.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.landmarks.Side;

/**
 * The id of a measurement as written in the JSON output: {@code R.}/{@code L.} + a {@link LimbMeasure}
 * id ("R.HKA", "L.CPAK"), or one of {@code LLD}, {@code cobb} (two lines), {@code cobb.major},
 * {@code cobb.upper}, {@code cobb.lower}. Ordered in the canonical report order ({@link #all()}).
 */
public final class MeasurementId {

    public static final MeasurementId LLD = global("LLD", "leg length discrepancy, right minus left");
    public static final MeasurementId COBB = global("cobb", "Cobb angle between the two drawn endplate lines");
    public static final MeasurementId COBB_MAJOR = global("cobb.major", "major curve (AASCE logic)");
    public static final MeasurementId COBB_UPPER = global("cobb.upper", "upper curve (AASCE logic)");
    public static final MeasurementId COBB_LOWER = global("cobb.lower", "lower curve (AASCE logic)");

    private static final List<MeasurementId> ALL;

    static {
        List<MeasurementId> all = new ArrayList<>();
        for (Side s : Side.values()) {
            for (LimbMeasure m : LimbMeasure.values()) {
                all.add(limb(s, m));
            }
        }
        all.addAll(List.of(LLD, COBB, COBB_MAJOR, COBB_UPPER, COBB_LOWER));
        ALL = Collections.unmodifiableList(all);
    }

    private final String id;
    private final Optional<Side> side;
    private final Optional<LimbMeasure> limbMeasure;
    private final String description;

    private MeasurementId(String id, Optional<Side> side, Optional<LimbMeasure> limbMeasure, String description) {
        this.id = Objects.requireNonNull(id, "id");
        this.side = Objects.requireNonNull(side, "side");
        this.limbMeasure = Objects.requireNonNull(limbMeasure, "limbMeasure");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** The id as written in the JSON output, e.g. "R.HKA" or "cobb.major". */
    public String id() {
        return id;
    }

    /** The side of a limb measurement; empty for LLD and the spine. */
    public Optional<Side> side() {
        return side;
    }

    /** The limb measurement kind; empty for LLD and the spine. */
    public Optional<LimbMeasure> limbMeasure() {
        return limbMeasure;
    }

    /** One line saying what it is. */
    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeasurementId m && m.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    private static MeasurementId global(String id, String description) {
        return new MeasurementId(id, Optional.empty(), Optional.empty(), description);
    }

    /** The per-side limb measurement, e.g. {@code limb(R, HKA)} is "R.HKA". */
    public static MeasurementId limb(Side side, LimbMeasure measure) {
        return new MeasurementId(side.prefix() + measure.id(), Optional.of(side), Optional.of(measure),
                side.word() + " " + measure.description());
    }

    /** Every id in canonical order: R limb, L limb, LLD, cobb, cobb.major/upper/lower. */
    public static List<MeasurementId> all() {
        return ALL;
    }

    /** The id spelled {@code id}, if any. */
    public static Optional<MeasurementId> parse(String id) {
        return ALL.stream().filter(m -> m.id.equals(id)).findFirst();
    }

    /** Position in {@link #all()} (for ordering). */
    public int order() {
        return ALL.indexOf(this);
    }

    @Override
    public String toString() {
        return id;
    }
}
