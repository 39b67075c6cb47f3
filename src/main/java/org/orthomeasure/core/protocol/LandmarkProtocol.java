package org.orthomeasure.core.protocol;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Protocol;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;

/**
 * A protocol's ordered landmark list and the "next missing landmark" logic that lets a user place all
 * of them by clicking in order. Pure and immutable. Spec: measurements.md, lower limb (landmark table)
 * and spine (manual Cobb; AASCE 68 corners).
 *
 * <p>Variants: "Long-leg alignment" for the right, the left or both legs (each leg top to bottom:
 * H, condyles, K, plateau, A, then the optional points), and "Scoliosis (Cobb)" either as two
 * endplate lines or as all 17 vertebrae T1–L5 with four corners each.
 */
public final class LandmarkProtocol {

    /** Which list. */
    public enum Variant {
        LONG_LEG, COBB_LINES, ALL_VERTEBRAE
    }

    private final Variant variant;
    private final Set<Side> sides;
    private final String name;
    private final List<Step> steps;

    private LandmarkProtocol(Variant variant, Set<Side> sides, String name, List<Step> steps) {
        this.variant = variant;
        this.sides = sides.isEmpty() ? EnumSet.noneOf(Side.class) : EnumSet.copyOf(sides);
        this.name = name;
        this.steps = List.copyOf(steps);
    }

    /** Long-leg alignment of the given legs (at least one), optionally with the optional landmarks. */
    public static LandmarkProtocol longLeg(Set<Side> sides, boolean withOptional) {
        if (sides.isEmpty()) {
            throw new IllegalArgumentException("a long-leg protocol needs at least one leg");
        }
        List<Step> steps = new ArrayList<>();
        for (Side side : Side.values()) {
            if (!sides.contains(side)) {
                continue;
            }
            for (LimbLandmark l : LIMB_ORDER) {
                if (l.isCore() || withOptional) {
                    steps.add(limbStep(side, l));
                }
            }
        }
        String legs = sides.size() == 2 ? "both legs" : sides.iterator().next().word() + " leg";
        return new LandmarkProtocol(Variant.LONG_LEG, sides, "Long-leg alignment (" + legs + ")", steps);
    }

    /** Manual Cobb angle: the superior endplate of the upper end vertebra and the inferior endplate of the lower one. */
    public static LandmarkProtocol cobbLines() {
        List<Step> steps = List.of(
                new Step(new PointRef.CobbEnd(PointRef.CobbLine.UPPER, true), "Upper endplate line, 1st end",
                        "Superior endplate of the upper end vertebra (most tilted at the top of the curve): left end", false),
                new Step(new PointRef.CobbEnd(PointRef.CobbLine.UPPER, false), "Upper endplate line, 2nd end",
                        "Superior endplate of the upper end vertebra: right end", false),
                new Step(new PointRef.CobbEnd(PointRef.CobbLine.LOWER, true), "Lower endplate line, 1st end",
                        "Inferior endplate of the lower end vertebra (most tilted at the bottom of the curve): left end", false),
                new Step(new PointRef.CobbEnd(PointRef.CobbLine.LOWER, false), "Lower endplate line, 2nd end",
                        "Inferior endplate of the lower end vertebra: right end", false));
        return new LandmarkProtocol(Variant.COBB_LINES, Set.of(), "Scoliosis (Cobb): two endplate lines", steps);
    }

    /** All vertebrae T1–L5, four corners each in the AASCE order (TL, TR, BL, BR). */
    public static LandmarkProtocol allVertebrae() {
        List<Step> steps = new ArrayList<>();
        for (SpineLevel level : SpineLevel.values()) {
            for (VertebraCorner c : VertebraCorner.values()) {
                steps.add(new Step(new PointRef.Corner(level, c), level.name() + " " + c.description().split(" \\(")[0],
                        level.name() + ": " + c.description(), false));
            }
        }
        return new LandmarkProtocol(Variant.ALL_VERTEBRAE, Set.of(), "Scoliosis (Cobb): vertebrae T1–L5, 4 corners", steps);
    }

    /** The protocol that fits the landmarks of a reading restored from a file: long-leg for the sides present, else spine. */
    public static LandmarkProtocol inferFrom(Optional<Protocol> declared, Reading reading) {
        var set = reading.landmarks();
        boolean spine = !set.vertebrae().isEmpty() || set.cobbLines().isPresent()
                || reading.drafts().keySet().stream().anyMatch(r -> !(r instanceof PointRef.Limb));
        if (declared.orElse(spine ? Protocol.SPINE : Protocol.LONG_LEG) == Protocol.SPINE) {
            boolean corners = !set.vertebrae().isEmpty()
                    || reading.drafts().keySet().stream().anyMatch(r -> r instanceof PointRef.Corner);
            return corners ? allVertebrae() : cobbLines();
        }
        EnumSet<Side> sides = EnumSet.noneOf(Side.class);
        set.points().keySet().forEach(k -> sides.add(k.side()));
        for (Side s : Side.values()) {
            if (!set.headRim(s).isEmpty()) {
                sides.add(s);
            }
        }
        boolean optional = set.points().keySet().stream().anyMatch(k -> !k.landmark().isCore());
        return longLeg(sides.isEmpty() ? EnumSet.allOf(Side.class) : sides, optional);
    }

    public Variant variant() {
        return variant;
    }

    /** The legs of a long-leg protocol (empty for the spine). */
    public Set<Side> sides() {
        return java.util.Collections.unmodifiableSet(sides);
    }

    /** The landmark-file protocol this list belongs to. */
    public Protocol kind() {
        return variant == Variant.LONG_LEG ? Protocol.LONG_LEG : Protocol.SPINE;
    }

    /** e.g. "Long-leg alignment (both legs)". */
    public String name() {
        return name;
    }

    public List<Step> steps() {
        return steps;
    }

    /**
     * True when the step's point is usable: placed, or for the femoral head a centre given or fitted
     * from 3+ rim points.
     */
    public static boolean isDone(Step step, Reading reading) {
        if (step.target() instanceof PointRef.Limb l && l.key().landmark() == LimbLandmark.FEMORAL_HEAD_CENTER) {
            return reading.landmarks().femoralHead(l.key().side()).isPresent();
        }
        return reading.position(step.target()).isPresent();
    }

    /** The first step not done, required steps first, then optional ones; empty when all are done. */
    public Optional<Step> nextMissing(Reading reading) {
        return steps.stream().filter(s -> !s.optional() && !isDone(s, reading)).findFirst()
                .or(() -> steps.stream().filter(s -> s.optional() && !isDone(s, reading)).findFirst());
    }

    /** The first step after {@code current} (wrapping round) that is not done; empty when all are done. */
    public Optional<Step> nextMissingAfter(Step current, Reading reading) {
        int i = steps.indexOf(current);
        for (int k = 1; k <= steps.size(); k++) {
            Step s = steps.get(Math.floorMod(i + k, steps.size()));
            if (!isDone(s, reading)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The required steps not done yet, in order. */
    public List<Step> missing(Reading reading) {
        return steps.stream().filter(s -> !s.optional() && !isDone(s, reading)).toList();
    }

    /** The step whose target is {@code ref} (rim points belong to their side's head step). */
    public Optional<Step> stepFor(PointRef ref) {
        PointRef key = ref instanceof PointRef.HeadRim r
                ? new PointRef.Limb(LandmarkKey.of(r.side(), LimbLandmark.FEMORAL_HEAD_CENTER)) : ref;
        return steps.stream().filter(s -> s.target().equals(key)).findFirst();
    }

    /** Long-leg landmarks in the order a user meets them from hip to ankle. */
    private static final List<LimbLandmark> LIMB_ORDER = List.of(
            LimbLandmark.FEMORAL_HEAD_CENTER, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, LimbLandmark.FEMORAL_CONDYLE_LATERAL,
            LimbLandmark.KNEE_CENTER, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, LimbLandmark.TIBIAL_PLATEAU_LATERAL,
            LimbLandmark.ANKLE_CENTER, LimbLandmark.FEMORAL_HEAD_TOP, LimbLandmark.GREATER_TROCHANTER_TIP,
            LimbLandmark.FEMORAL_SHAFT_PROXIMAL, LimbLandmark.FEMORAL_SHAFT_DISTAL,
            LimbLandmark.TIBIAL_SHAFT_PROXIMAL, LimbLandmark.TIBIAL_SHAFT_DISTAL,
            LimbLandmark.PLAFOND_MEDIAL, LimbLandmark.PLAFOND_LATERAL);

    private static Step limbStep(Side side, LimbLandmark l) {
        String where = switch (l) {
            case FEMORAL_CONDYLE_MEDIAL, TIBIAL_PLATEAU_MEDIAL, PLAFOND_MEDIAL -> " (medial: towards the midline)";
            case FEMORAL_CONDYLE_LATERAL, TIBIAL_PLATEAU_LATERAL, PLAFOND_LATERAL -> " (lateral: away from the midline)";
            case FEMORAL_SHAFT_PROXIMAL, FEMORAL_SHAFT_DISTAL, TIBIAL_SHAFT_PROXIMAL, TIBIAL_SHAFT_DISTAL ->
                    "; click the axis point directly, or the medial then the lateral cortex (the midpoint is stored)";
            default -> "";
        };
        // e.g. "Right femoral condyle, medial (FCm)": clinical words first, the overlay's short label after
        String title = LandmarkKey.of(side, l).displayName() + " (" + l.abbreviation() + ")";
        return new Step(new PointRef.Limb(LandmarkKey.of(side, l)), title, l.instruction() + where, !l.isCore());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LandmarkProtocol p && p.variant == variant && p.sides.equals(sides) && p.steps.equals(steps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(variant, sides, steps);
    }

    @Override
    public String toString() {
        return name;
    }
}
