package org.orthomeasure.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.limb.CpakType;
import org.orthomeasure.core.spine.SpineCurves;
import org.orthomeasure.core.spine.SpineFixtures;

/**
 * Invariance properties over many random, anatomically plausible landmark sets: rigid motions and scaling
 * of the film, left/right mirroring that swaps R and L, the identity mHKA = MPTA − mLDFA − JLCA,
 * anisotropic pixels, and robustness on arbitrary (even degenerate) sets.
 */
class MeasurementPropertiesTest {

    private static final Calibration NONE = Calibration.none("test");
    private static final double ANGLE_EPS = 1e-7;

    /** Both legs of a standing AP film with random varus/valgus, joint line tilts and head rims. */
    static LandmarkSet randomLimbs(long seed) {
        Random r = new Random(seed);
        LandmarkSet set = LandmarkSet.empty();
        for (Side side : Side.values()) {
            double medial = side.medialSign(); // +x for R
            double hipX = side == Side.R ? 600 + r.nextGaussian() * 30 : 1400 + r.nextGaussian() * 30;
            Point2 h = Point2.of(hipX, 300 + r.nextGaussian() * 20);
            Point2 k = Point2.of(hipX + medial * r.nextGaussian() * 40 + r.nextGaussian() * 20, 1200 + r.nextGaussian() * 40);
            Point2 a = Point2.of(hipX + r.nextGaussian() * 30, 2100 + r.nextGaussian() * 40);
            double femTilt = Math.toRadians(r.nextGaussian() * 4);
            double tibTilt = Math.toRadians(r.nextGaussian() * 4);
            double half = 35 + r.nextDouble() * 10;
            Point2 fcm = Point2.of(k.x() + medial * half * Math.cos(femTilt), k.y() - 8 + half * Math.sin(femTilt));
            Point2 fcl = Point2.of(k.x() - medial * half * Math.cos(femTilt), k.y() - 8 - half * Math.sin(femTilt));
            Point2 tpm = Point2.of(k.x() + medial * half * Math.cos(tibTilt), k.y() + 8 + half * Math.sin(tibTilt));
            Point2 tpl = Point2.of(k.x() - medial * half * Math.cos(tibTilt), k.y() + 8 - half * Math.sin(tibTilt));
            set = set.withPoint(side, LimbLandmark.KNEE_CENTER, k)
                    .withPoint(side, LimbLandmark.ANKLE_CENTER, a)
                    .withPoint(side, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, fcm)
                    .withPoint(side, LimbLandmark.FEMORAL_CONDYLE_LATERAL, fcl)
                    .withPoint(side, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, tpm)
                    .withPoint(side, LimbLandmark.TIBIAL_PLATEAU_LATERAL, tpl);
            // Extended set: trochanter, head top, mid-diaphyseal shaft points, plafond ends.
            double ankleTilt = Math.toRadians(r.nextGaussian() * 4);
            double plafondHalf = 15 + r.nextDouble() * 5;
            set = set.withPoint(side, LimbLandmark.GREATER_TROCHANTER_TIP,
                            Point2.of(h.x() - medial * (60 + r.nextDouble() * 20), h.y() + r.nextGaussian() * 15))
                    .withPoint(side, LimbLandmark.FEMORAL_HEAD_TOP, Point2.of(h.x() + r.nextGaussian() * 3, h.y() - 25))
                    .withPoint(side, LimbLandmark.FEMORAL_SHAFT_PROXIMAL, between(h, k, 0.33, -medial * 25, r))
                    .withPoint(side, LimbLandmark.FEMORAL_SHAFT_DISTAL, between(h, k, 0.7, -medial * 10, r))
                    .withPoint(side, LimbLandmark.TIBIAL_SHAFT_PROXIMAL, between(k, a, 0.3, 0, r))
                    .withPoint(side, LimbLandmark.TIBIAL_SHAFT_DISTAL, between(k, a, 0.7, 0, r))
                    .withPoint(side, LimbLandmark.PLAFOND_MEDIAL, Point2.of(a.x() + medial * plafondHalf * Math.cos(ankleTilt),
                            a.y() - 4 + plafondHalf * Math.sin(ankleTilt)))
                    .withPoint(side, LimbLandmark.PLAFOND_LATERAL, Point2.of(a.x() - medial * plafondHalf * Math.cos(ankleTilt),
                            a.y() - 4 - plafondHalf * Math.sin(ankleTilt)));
            if (r.nextBoolean()) {
                set = set.withPoint(side, LimbLandmark.FEMORAL_HEAD_CENTER, h);
            } else {
                List<Point2> rim = new ArrayList<>();
                double radius = 22 + r.nextDouble() * 6;
                int n = 3 + r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    double t = -2.5 + i * 2.0 / n; // an arc over the top of the head
                    rim.add(Point2.of(h.x() + radius * Math.cos(t), h.y() + radius * Math.sin(t)));
                }
                set = set.withHeadRim(side, rim);
            }
        }
        return set;
    }

    /** The point a fraction {@code t} of the way from p to q, shifted by dx (and a few px of noise). */
    private static Point2 between(Point2 p, Point2 q, double t, double dx, Random r) {
        return Point2.of(p.x() + t * (q.x() - p.x()) + dx + r.nextGaussian() * 4, p.y() + t * (q.y() - p.y()));
    }

    @net.jqwik.api.Example
    void theRandomLegsGiveEveryPerLegValueSoThePropertiesCoverEachOne() {
        MeasurementSet m = measure(randomLimbs(42), NONE);
        for (Side side : Side.values()) {
            for (LimbMeasure lm : LimbMeasure.values()) {
                assertTrue(m.get(MeasurementId.limb(side, lm)).isPresent(), side.prefix() + lm.id());
            }
        }
    }

    private static MeasurementSet measure(LandmarkSet set, Calibration c) {
        return MeasurementEngine.measure(set, c, MeasurementOptions.defaults());
    }

    private static void assertSameAngles(MeasurementSet expected, MeasurementSet actual, UnaryOperator<String> idMap,
                                         double lengthFactor) {
        for (Measurement m : expected.measurements()) {
            Measurement other = actual.get(idMap.apply(m.id().id())).orElseThrow(
                    () -> new AssertionError(m.id() + " vanished"));
            if (m.number().isEmpty()) {
                continue; // CPAK compared separately, away from band edges
            }
            boolean length = m.unit() == Unit.PX || m.unit() == Unit.MM;
            double expectedValue = length ? m.value() * lengthFactor : m.value();
            double tol = length ? 1e-7 * Math.max(1, Math.abs(expectedValue)) : ANGLE_EPS;
            assertEquals(expectedValue, other.value(), tol, m.id().id());
        }
        assertEquals(expected.measurements().size(), actual.measurements().size());
    }

    @Property(tries = 300)
    void rigidMotionChangesNothing(@ForAll long seed, @ForAll("angles") double angleDeg) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        double dx = r.nextGaussian() * 500;
        double dy = r.nextGaussian() * 500;
        double t = Math.toRadians(angleDeg);
        UnaryOperator<Point2> motion = p -> Point2.of(p.x() * Math.cos(t) - p.y() * Math.sin(t) + dx,
                p.x() * Math.sin(t) + p.y() * Math.cos(t) + dy);
        LandmarkSet set = randomLimbs(seed);
        MeasurementSet before = measure(set, NONE);
        MeasurementSet after = measure(set.map(motion), NONE);
        assertSameAngles(before, after, id -> id, 1.0);
    }

    @Property(tries = 200)
    void scalingKeepsAnglesAndScalesLengths(@ForAll long seed) {
        double s = 0.25 + new Random(seed).nextDouble() * 4;
        LandmarkSet set = randomLimbs(seed);
        assertSameAngles(measure(set, NONE), measure(set.map(p -> Point2.of(p.x() * s, p.y() * s)), NONE), id -> id, s);
    }

    /**
     * A PA or mirrored film (Patient Orientation rows to the patient's right): the same patient's landmarks
     * mirrored, each keeping its side, measured with {@code filmMirrored}, give every value of the AP film,
     * CPAK included; measured as if AP they would reverse varus/valgus, JLCA and MAD (checked on HKA).
     */
    @Property(tries = 300)
    void aMirroredFilmMeasuredAsMirroredGivesTheValuesOfTheApFilm(@ForAll long seed) {
        LandmarkSet set = randomLimbs(seed);
        LandmarkSet pa = set.map(p -> Point2.of(1700 - p.x(), p.y()));
        MeasurementSet ap = measure(set, NONE);
        MeasurementSet asMirrored = MeasurementEngine.measure(pa, NONE, MeasurementOptions.defaults().withFilmMirrored(true));
        assertSameAngles(ap, asMirrored, id -> id, 1.0);
        for (Measurement m : ap.measurements()) {
            assertEquals(m.text(), asMirrored.get(m.id()).orElseThrow().text(), m.id().id());
        }
        double hka = ap.get(MeasurementId.limb(Side.R, LimbMeasure.HKA)).orElseThrow().value();
        double wrong = measure(pa, NONE).get(MeasurementId.limb(Side.R, LimbMeasure.HKA)).orElseThrow().value();
        assertEquals(-hka, wrong, 1e-7, "without the option the sign would be reversed");
    }

    @net.jqwik.api.Example
    void onlyRowsToThePatientsRightAreMirrored() {
        assertTrue(MeasurementOptions.mirroredOrientation(java.util.Optional.of("R\\F")));
        assertTrue(MeasurementOptions.mirroredOrientation(java.util.Optional.of("RA\\F")));
        assertTrue(!MeasurementOptions.mirroredOrientation(java.util.Optional.of("L\\F")));
        assertTrue(!MeasurementOptions.mirroredOrientation(java.util.Optional.empty()));
    }

    @Property(tries = 300)
    void mirroringTheFilmAndSwappingSidesChangesNothing(@ForAll long seed) {
        LandmarkSet set = randomLimbs(seed);
        LandmarkSet mirrored = set.map(p -> Point2.of(2000 - p.x(), p.y())).withSidesSwapped();
        MeasurementSet a = measure(set, NONE);
        MeasurementSet b = measure(mirrored, NONE);
        UnaryOperator<String> swap = id -> id.startsWith("R.") ? "L." + id.substring(2)
                : id.startsWith("L.") ? "R." + id.substring(2) : id;
        for (Measurement m : a.measurements()) {
            Measurement o = b.get(swap.apply(m.id().id())).orElseThrow();
            if (m.id().equals(MeasurementId.LLD)) {
                assertEquals(-m.value(), o.value(), 1e-7); // right minus left changes sign
            } else if (m.number().isPresent()) {
                assertEquals(m.value(), o.value(), 1e-7, m.id().id());
            }
        }
    }

    @Property(tries = 500)
    void hkaEqualsMptaMinusMldfaMinusJlca(@ForAll long seed) {
        MeasurementSet m = measure(randomLimbs(seed), NONE);
        for (Side side : Side.values()) {
            double hka = m.get(MeasurementId.limb(side, LimbMeasure.HKA)).orElseThrow().value();
            double mpta = m.get(MeasurementId.limb(side, LimbMeasure.MPTA)).orElseThrow().value();
            double mldfa = m.get(MeasurementId.limb(side, LimbMeasure.MLDFA)).orElseThrow().value();
            double jlca = m.get(MeasurementId.limb(side, LimbMeasure.JLCA)).orElseThrow().value();
            assertEquals(hka, mpta - mldfa - jlca, 1e-9, side.name());
            double ahka = m.get(MeasurementId.limb(side, LimbMeasure.AHKA)).orElseThrow().value();
            double jlo = m.get(MeasurementId.limb(side, LimbMeasure.JLO)).orElseThrow().value();
            assertEquals(CpakType.classify(ahka, jlo, false).name(),
                    m.get(MeasurementId.limb(side, LimbMeasure.CPAK)).orElseThrow().text().orElseThrow());
        }
    }

    @Property(tries = 200)
    void anisotropicPixelsGiveTheSameAnglesAsSquareOnes(@ForAll long seed) {
        Random r = new Random(seed);
        PixelSpacing spacing = PixelSpacing.of(0.05 + r.nextDouble() * 0.3, 0.05 + r.nextDouble() * 0.3);
        LandmarkSet mm = randomLimbs(seed);
        LandmarkSet px = mm.map(p -> Point2.of(p.x() / spacing.columnMm(), p.y() / spacing.rowMm()));
        MeasurementSet inMm = measure(mm, Calibration.of(PixelSpacing.isotropic(1), CalibrationSource.USER_LINE, "", null));
        MeasurementSet fromPx = measure(px, Calibration.of(spacing, CalibrationSource.PIXEL_SPACING, "", null));
        assertSameAngles(inMm, fromPx, id -> id, 1.0);
    }

    @Property(tries = 300)
    void spineMajorCurveIsInvariantUnderRigidMotion(@ForAll long seed, @ForAll("angles") double angleDeg) {
        Random r = new Random(seed);
        double[] tilts = new double[17];
        for (int i = 0; i < 17; i++) {
            tilts[i] = r.nextGaussian() * 12;
        }
        double amp = r.nextGaussian() * 60;
        double freq = 1 + r.nextInt(2);
        List<Vertebra> spine = SpineFixtures.spine(i -> 300 + amp * Math.sin(freq * Math.PI * i / 16), tilts);
        double t = Math.toRadians(angleDeg);
        UnaryOperator<Point2> motion = p -> Point2.of(p.x() * Math.cos(t) - p.y() * Math.sin(t) + 77,
                p.x() * Math.sin(t) + p.y() * Math.cos(t) - 33);
        SpineCurves.Result a = SpineCurves.evaluate(spine, OptionalDouble.empty());
        SpineCurves.Result b = SpineCurves.evaluate(spine.stream().map(v -> v.map(motion)).toList(), OptionalDouble.empty());
        assertEquals(a.major().degrees(), b.major().degrees(), 1e-7);
        for (SpineCurves.Result x : List.of(a, b)) {
            for (double d : new double[] {x.major().degrees(), x.upper().degrees(), x.lower().degrees()}) {
                assertTrue(d >= 0 && d <= 90);
            }
            assertTrue(x.upper().degrees() <= x.major().degrees() + 1e-12);
        }
    }

    @Property(tries = 300)
    void arbitraryLandmarkSetsNeverThrowAndNeverGiveNaN(@ForAll long seed) {
        Random r = new Random(seed);
        LandmarkSet set = LandmarkSet.empty();
        for (Side side : Side.values()) {
            for (LimbLandmark l : LimbLandmark.values()) {
                if (r.nextInt(3) > 0) {
                    // few distinct coordinates: coincident points happen often
                    set = set.withPoint(side, l, Point2.of(r.nextInt(4) * 100, r.nextInt(4) * 100));
                }
            }
            if (r.nextBoolean()) {
                List<Point2> rim = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    rim.add(Point2.of(r.nextInt(3) * 10, r.nextInt(3) * 10));
                }
                set = set.withHeadRim(side, rim);
            }
        }
        MeasurementSet m = measure(set, r.nextBoolean() ? NONE
                : Calibration.of(PixelSpacing.of(0.1, 0.2), CalibrationSource.PIXEL_SPACING, "", null));
        for (MeasurementId id : MeasurementId.all()) {
            assertTrue(m.get(id).isPresent() ^ m.missing().containsKey(id), id.id());
        }
        for (Measurement x : m.measurements()) {
            assertTrue(x.number().isEmpty() || Double.isFinite(x.value()), x.id().id());
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Double> angles() {
        return net.jqwik.api.Arbitraries.doubles().between(-180, 180);
    }
}
