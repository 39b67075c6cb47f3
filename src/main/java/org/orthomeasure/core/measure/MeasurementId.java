package org.orthomeasure.core.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.measure.MeasurementDefinition.Family;
import org.orthomeasure.core.measure.MeasurementDefinition.InterObserver;
import org.orthomeasure.core.measure.MeasurementDefinition.Kind;

/**
 * The id of a measurement as written in the JSON output: {@code R.}/{@code L.} + a {@link LimbMeasure}
 * id ("R.HKA", "L.CPAK"), or one of {@code LLD}, {@code cobb} (two lines), {@code cobb.major},
 * {@code cobb.upper}, {@code cobb.lower}. Ordered in the canonical report order ({@link #all()}).
 */
public final class MeasurementId {

    public static final MeasurementId LLD = global(MeasurementDefinition.builder("LLD", "LLD (right − left)", Kind.LENGTH)
            .name("Leg length discrepancy")
            .description("leg length discrepancy, right minus left")
            .family(Family.LENGTHS)
            .landmarks(LimbLandmark.FEMORAL_HEAD_CENTER, LimbLandmark.ANKLE_CENTER)
            .interObserver(InterObserver.LENGTH)
            .build());
    public static final MeasurementId COBB = global(cobb("cobb", "Cobb angle (two lines)", "Cobb angle",
            "Cobb angle between the two drawn endplate lines"));
    public static final MeasurementId COBB_MAJOR = global(cobb("cobb.major", "Major curve", "Cobb angle, major curve",
            "major curve (AASCE logic)"));
    public static final MeasurementId COBB_UPPER = global(cobb("cobb.upper", "Upper curve", "Cobb angle, upper curve",
            "upper curve (AASCE logic)"));
    public static final MeasurementId COBB_LOWER = global(cobb("cobb.lower", "Lower curve", "Cobb angle, lower curve",
            "lower curve (AASCE logic)"));

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
    private final MeasurementDefinition definition;

    private MeasurementId(String id, Optional<Side> side, Optional<LimbMeasure> limbMeasure, String description,
                          MeasurementDefinition definition) {
        this.id = Objects.requireNonNull(id, "id");
        this.side = Objects.requireNonNull(side, "side");
        this.limbMeasure = Objects.requireNonNull(limbMeasure, "limbMeasure");
        this.description = Objects.requireNonNull(description, "description");
        this.definition = Objects.requireNonNull(definition, "definition");
    }

    /** The one definition of this measurement (names, landmarks, calculator, ranges, limits). */
    public MeasurementDefinition definition() {
        return definition;
    }

    /** The name the user reads, e.g. "Right mLPFA" in a table ({@code withSide}) or "mLPFA". */
    public String displayName(boolean withSide) {
        String shortName = definition.abbreviation();
        if (!withSide || side.isEmpty()) {
            return shortName;
        }
        String w = side.get().word();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1) + " " + shortName;
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

    private static MeasurementId global(MeasurementDefinition d) {
        return new MeasurementId(d.key(), Optional.empty(), Optional.empty(), d.description(), d);
    }

    private static MeasurementDefinition cobb(String key, String abbreviation, String name, String description) {
        return MeasurementDefinition.builder(key, abbreviation, Kind.ANGLE).name(name).description(description)
                .family(Family.SPINE).normal(o -> Optional.of(NormalRange.below(10, Unit.DEG)))
                .interObserver(InterObserver.COBB_ANGLE).build();
    }

    /** The per-side limb measurement, e.g. {@code limb(R, HKA)} is "R.HKA". */
    public static MeasurementId limb(Side side, LimbMeasure measure) {
        return new MeasurementId(side.prefix() + measure.id(), Optional.of(side), Optional.of(measure),
                side.word() + " " + measure.description(), measure.definition());
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
