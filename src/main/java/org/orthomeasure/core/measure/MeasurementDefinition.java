package org.orthomeasure.core.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;

/**
 * Everything about one measurement in one immutable place: its id and names, what kind of value it
 * is, its family, the landmarks it needs and the lines among them that must be defined, the calculator,
 * its normal range (which may depend on the {@link MeasurementOptions}), the inter-observer limit class,
 * whether it needs optional landmarks, and the angle construction its overlay draws. The engine,
 * the panels, the PDF, the JSON output, check mode and the command line read names, ranges, limits,
 * families and overlays from here, never from id strings; what belongs to one measurement only (the HKA
 * note with the malalignment test, the CPAK grid) names its {@link LimbMeasure} constant. Adding a
 * measurement: see ARCHITECTURE.md, "Adding a measurement".
 *
 * <p>Per-leg definitions ({@link LimbMeasure}) are measured once per side from landmarks; the others
 * (LLD, CPAK's derived values, the spine) are computed by the engine from other results, and their
 * definition has no {@link #calculator()}.
 */
public final class MeasurementDefinition {

    /** What the value is. */
    public enum Kind {
        /** Degrees. */
        ANGLE,
        /** mm with a calibration, px without. */
        LENGTH,
        /** A class such as the CPAK type (text, no unit). */
        CLASSIFICATION
    }

    /** Which part of the body the measurement belongs to. */
    public enum Anatomy {
        LOWER_LIMB, SPINE
    }

    /** A group of measurements shown together (panel groups, report sections). */
    public enum Family {
        MECHANICAL_ALIGNMENT("Mechanical alignment", Anatomy.LOWER_LIMB),
        KNEE_JOINT("Knee joint angles", Anatomy.LOWER_LIMB),
        CPAK("CPAK", Anatomy.LOWER_LIMB),
        PROXIMAL_FEMUR("Proximal femur", Anatomy.LOWER_LIMB),
        ANATOMICAL_AXES("Anatomical axes", Anatomy.LOWER_LIMB),
        ANKLE("Ankle", Anatomy.LOWER_LIMB),
        LENGTHS("Lengths", Anatomy.LOWER_LIMB),
        SPINE("Spine", Anatomy.SPINE);

        private final String title;
        private final Anatomy anatomy;

        Family(String title, Anatomy anatomy) {
            this.title = title;
            this.anatomy = anatomy;
        }

        /** e.g. "Anatomical axes". */
        public String title() {
            return title;
        }

        public Anatomy anatomy() {
            return anatomy;
        }
    }

    /**
     * Which inter-observer limit of {@code core.compare.InterObserverLimits} applies: Cobb angles,
     * the limb angles the spec gives a figure for (HKA, mLDFA, MPTA), calibrated lengths, or none.
     */
    public enum InterObserver {
        COBB_ANGLE, LIMB_ANGLE, LENGTH, NONE
    }

    /** Two landmarks of one side whose line the measurement uses; they must not coincide. */
    public record Line(LimbLandmark from, LimbLandmark to) {
        public Line {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * How the angle's overlay is drawn: the angle is the one between u = {@code uTo} − {@code uFrom} and
     * v = {@code vTo} − {@code vFrom}; the arc sits where the two lines meet (at {@code uFrom} when they
     * are parallel) and spans from direction u to direction v, so it spans exactly the value. A
     * {@code deviation} (HKA, aTFA) is a signed deviation from straight: its label says varus/valgus
     * and the line of u is drawn on past the vertex. {@code radiusFactor} scales the arc radius so
     * that arcs meeting at one joint do not overlap.
     */
    public record AngleConstruction(LimbLandmark uFrom, LimbLandmark uTo, LimbLandmark vFrom, LimbLandmark vTo,
                                    boolean deviation, double radiusFactor) {
        public AngleConstruction {
            Objects.requireNonNull(uFrom, "uFrom");
            Objects.requireNonNull(uTo, "uTo");
            Objects.requireNonNull(vFrom, "vFrom");
            Objects.requireNonNull(vTo, "vTo");
            if (!(radiusFactor > 0)) {
                throw new IllegalArgumentException("radius factor must be positive, got " + radiusFactor);
            }
        }
    }

    /** A per-leg calculator: the value from the side and its landmarks (all {@link #landmarks()} present). */
    @FunctionalInterface
    public interface LimbCalculator {
        double compute(Side side, Map<LimbLandmark, Point2> points);
    }

    /** The normal range under the options of a run; empty when the spec gives none. */
    @FunctionalInterface
    public interface NormalRule {
        Optional<NormalRange> under(MeasurementOptions options);
    }

    private final String key;
    private final String abbreviation;
    private final String name;
    private final String description;
    private final Kind kind;
    private final Family family;
    private final List<LimbLandmark> landmarks;
    private final List<Line> lines;
    private final Optional<LimbCalculator> calculator;
    private final NormalRule normal;
    private final InterObserver interObserver;
    private final Optional<AngleConstruction> construction;
    private final Optional<String> definitionNote;
    private final Optional<DoubleFunction<String>> qualifier;

    private MeasurementDefinition(Builder b) {
        this.key = b.key;
        this.abbreviation = b.abbreviation;
        this.name = Objects.requireNonNull(b.name, "name of " + b.key);
        this.description = Objects.requireNonNull(b.description, "description of " + b.key);
        this.kind = b.kind;
        this.family = Objects.requireNonNull(b.family, "family of " + b.key);
        this.landmarks = List.copyOf(b.landmarks);
        this.lines = List.copyOf(b.lines);
        this.calculator = Optional.ofNullable(b.calculator);
        this.normal = b.normal;
        this.interObserver = b.interObserver;
        this.construction = Optional.ofNullable(b.construction);
        this.definitionNote = Optional.ofNullable(b.definitionNote);
        this.qualifier = Optional.ofNullable(b.qualifier);
        for (Line l : lines) {
            if (!landmarks.contains(l.from()) || !landmarks.contains(l.to())) {
                throw new IllegalArgumentException(key + ": line " + l + " uses a landmark it does not require");
            }
        }
        if (calculator.isPresent() && landmarks.isEmpty()) {
            throw new IllegalArgumentException(key + ": a calculator needs landmarks");
        }
    }

    /** The id without side, e.g. "mLPFA", "femurLength", "LLD", "cobb.major". */
    public String key() {
        return key;
    }

    /** The short label in tables and overlays, e.g. "mLPFA", "Femur length", "Major curve". */
    public String abbreviation() {
        return abbreviation;
    }

    /** The name in clinical words, e.g. "Mechanical lateral proximal femoral angle", "Femur length". */
    public String name() {
        return name;
    }

    /** One line with the geometry, e.g. "angle(K − H, GT − H) at the hip centre". */
    public String description() {
        return description;
    }

    public Kind kind() {
        return kind;
    }

    public Family family() {
        return family;
    }

    /** The landmarks of one side the calculator needs (for derived values: those of their inputs). */
    public List<LimbLandmark> landmarks() {
        return landmarks;
    }

    /** The lines (pairs of landmarks) that must be defined, i.e. whose points must not coincide. */
    public List<Line> lines() {
        return lines;
    }

    /** The per-leg calculator; empty for values the engine derives from other results. */
    public Optional<LimbCalculator> calculator() {
        return calculator;
    }

    /** The normal range under {@code options}, if any. */
    public Optional<NormalRange> normalRange(MeasurementOptions options) {
        return normal.under(Objects.requireNonNull(options, "options"));
    }

    /** The normal range of a value of this measurement in {@code unit} under {@code options}, if any. */
    public Optional<NormalRange> normalRange(MeasurementOptions options, Unit unit) {
        return normalRange(options).filter(r -> r.unit() == unit);
    }

    public InterObserver interObserver() {
        return interObserver;
    }

    /** True when the measurement needs a landmark the spec calls optional. */
    public boolean isOptional() {
        return landmarks.stream().anyMatch(l -> !l.isCore());
    }

    /** The angle construction the overlay draws, for angles with a plain arc. */
    public Optional<AngleConstruction> construction() {
        return construction;
    }

    /** The definition stated in the result's note, e.g. "mechanical: hip centre to knee centre". */
    public Optional<String> definitionNote() {
        return definitionNote;
    }

    /** The short word(s) beside a value, e.g. "varus" for HKA −2.9°, "H–A medial of K" for MAD. */
    public Optional<String> qualifier(double value) {
        return qualifier.map(q -> q.apply(value));
    }

    /** "varus" below 0, "valgus" above, "straight" at 0: the words of a signed deviation from straight. */
    public static String varusValgus(double deviation) {
        return deviation < 0 ? "varus" : deviation > 0 ? "valgus" : "straight";
    }

    @Override
    public String toString() {
        return key;
    }

    /** Starts a definition of {@code kind} with id {@code key} and short label {@code abbreviation}. */
    public static Builder builder(String key, String abbreviation, Kind kind) {
        return new Builder(key, abbreviation, kind);
    }

    /** Builds a definition; every definition states its name, description and family. */
    public static final class Builder {
        private final String key;
        private final String abbreviation;
        private final Kind kind;
        private String name;
        private String description;
        private Family family;
        private final List<LimbLandmark> landmarks = new ArrayList<>();
        private final List<Line> lines = new ArrayList<>();
        private LimbCalculator calculator;
        private NormalRule normal = options -> Optional.empty();
        private InterObserver interObserver = InterObserver.NONE;
        private AngleConstruction construction;
        private String definitionNote;
        private DoubleFunction<String> qualifier;

        private Builder(String key, String abbreviation, Kind kind) {
            this.key = Objects.requireNonNull(key, "key");
            this.abbreviation = Objects.requireNonNull(abbreviation, "abbreviation");
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder family(Family family) {
            this.family = family;
            return this;
        }

        /** The landmarks the value needs. */
        public Builder landmarks(LimbLandmark... needed) {
            landmarks.addAll(List.of(needed));
            return this;
        }

        /** A line from {@code from} to {@code to} whose points must not coincide. */
        public Builder line(LimbLandmark from, LimbLandmark to) {
            lines.add(new Line(from, to));
            return this;
        }

        public Builder calculator(LimbCalculator calculator) {
            this.calculator = calculator;
            return this;
        }

        /** A fixed normal range [lower, upper] in {@code unit}. */
        public Builder normal(double lower, double upper, Unit unit) {
            NormalRange r = NormalRange.of(lower, upper, unit);
            this.normal = options -> Optional.of(r);
            return this;
        }

        /** A normal range that depends on the options. */
        public Builder normal(NormalRule rule) {
            this.normal = Objects.requireNonNull(rule, "rule");
            return this;
        }

        public Builder interObserver(InterObserver limit) {
            this.interObserver = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /** The plain angle arc: between u = uTo − uFrom and v = vTo − vFrom. */
        public Builder arc(LimbLandmark uFrom, LimbLandmark uTo, LimbLandmark vFrom, LimbLandmark vTo,
                           double radiusFactor) {
            this.construction = new AngleConstruction(uFrom, uTo, vFrom, vTo, false, radiusFactor);
            return this;
        }

        /** The arc of a signed deviation from straight (varus/valgus). */
        public Builder deviationArc(LimbLandmark uFrom, LimbLandmark uTo, LimbLandmark vFrom, LimbLandmark vTo,
                                    double radiusFactor) {
            this.construction = new AngleConstruction(uFrom, uTo, vFrom, vTo, true, radiusFactor);
            return this;
        }

        public Builder definitionNote(String note) {
            this.definitionNote = note;
            return this;
        }

        /** The short words beside a value, from the value. */
        public Builder qualifier(DoubleFunction<String> qualifier) {
            this.qualifier = qualifier;
            return this;
        }

        public MeasurementDefinition build() {
            return new MeasurementDefinition(this);
        }
    }
}
