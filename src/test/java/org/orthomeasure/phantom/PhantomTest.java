package org.orthomeasure.phantom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;
import org.orthomeasure.io.landmarks.LandmarkFileException;
import org.orthomeasure.io.landmarks.LandmarkFileReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed sample films are exactly what the generator makes from its seed, they decode with
 * the right calibration, their landmarks lie on the drawn bones, and the measurements they give are
 * the ones the geometry was built for.
 */
class PhantomTest {

    private static final Path SAMPLES = Path.of("sample-dicom");
    private static List<PhantomFilm> films;

    @BeforeAll
    static void generate() {
        films = PhantomGenerator.films(PhantomGenerator.SEED);
    }

    private static PhantomFilm film(String name) {
        return films.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static Radiograph committed(String name) throws ImageReadException {
        return RadiographReader.withToolSearchPath("").open(SAMPLES.resolve(name + ".dcm"));
    }

    @Test
    void committedFilesEqualTheRegeneratedOnes() throws ImageReadException, IOException, LandmarkFileException {
        for (PhantomFilm f : films) {
            Radiograph r = committed(f.name());
            assertEquals(f.width(), r.width());
            assertEquals(f.height(), r.height());
            for (int y = 0; y < f.height(); y++) {
                for (int x = 0; x < f.width(); x++) {
                    if (r.storedValue(x, y) != (f.pixels()[y * f.width() + x] & 0xFFFF)) {
                        throw new AssertionError(f.name() + " differs from the generator at (" + x + ", " + y
                                + "): regenerate with PhantomGenerator");
                    }
                }
            }
            assertEquals(f.landmarks(), new LandmarkFileReader().read(SAMPLES.resolve(f.name() + ".landmarks.json")),
                    f.name() + " landmarks");
            assertTrue(Files.size(SAMPLES.resolve(f.name() + ".dcm")) < 5_000_000L, "sample files stay small");
        }
    }

    @Test
    void longLegIsMagnificationCorrectedAndSpineCalibrated() throws ImageReadException {
        Radiograph leg = committed("longleg-phantom");
        assertEquals(CalibrationSource.MAGNIFICATION_CORRECTED, leg.calibration().source());
        assertEquals(0.3 / 1.1, leg.calibration().spacing().orElseThrow().rowMm(), 1e-12);
        assertTrue(leg.height() >= 4000, "a long-leg film is several thousand pixels tall");
        assertEquals("AP", leg.header().viewPosition().orElseThrow());
        Radiograph spine = committed("spine-phantom");
        assertEquals(CalibrationSource.CALIBRATED, spine.calibration().source());
        assertEquals(0.2, spine.calibration().spacing().orElseThrow().columnMm(), 1e-12);
    }

    @Test
    void limbLandmarksLieOnTheBones() {
        PhantomFilm f = film("longleg-phantom");
        LandmarkSet l = f.landmarks().landmarks();
        double pxPerMm = LongLegPhantom.MAGNIFICATION / LongLegPhantom.IMAGER_SPACING_MM;
        for (Side side : Side.values()) {
            Point2 h = l.point(side, LimbLandmark.FEMORAL_HEAD_CENTER).orElseThrow();
            Point2 k = l.point(side, LimbLandmark.KNEE_CENTER).orElseThrow();
            // the head is far denser than the thigh 70 mm below-medial of it, where only soft tissue lies
            int medial = side.medialSign();
            assertTrue(mean(f, h) > mean(f, Point2.of(h.x() + medial * 40 * pxPerMm, h.y() + 90 * pxPerMm)) + 400,
                    side + " femoral head");
            for (LimbLandmark c : List.of(LimbLandmark.FEMORAL_CONDYLE_MEDIAL, LimbLandmark.FEMORAL_CONDYLE_LATERAL)) {
                Point2 p = l.point(side, c).orElseThrow();
                double[] up = unit(h.x() - k.x(), h.y() - k.y());
                Point2 inside = Point2.of(p.x() + up[0] * 3 * pxPerMm, p.y() + up[1] * 3 * pxPerMm);
                Point2 gap = Point2.of(p.x() - up[0] * 2.5 * pxPerMm, p.y() - up[1] * 2.5 * pxPerMm);
                assertTrue(mean(f, inside) > mean(f, gap) + 100, side + " " + c + ": bone above, joint space below");
            }
        }
    }

    @Test
    void vertebraeAreDenserThanTheDiscsBetweenThem() {
        PhantomFilm f = film("spine-phantom");
        List<Vertebra> v = List.copyOf(f.landmarks().landmarks().vertebrae().values());
        assertEquals(SpineLevel.COUNT, v.size());
        for (int i = 0; i + 1 < v.size(); i++) {
            Vertebra a = v.get(i);
            Vertebra b = v.get(i + 1);
            Point2 centre = a.topMid().midpoint(a.bottomMid());
            Point2 disc = a.bottomMid().midpoint(b.topMid());
            assertTrue(mean(f, centre) > mean(f, disc) + 150, a.level() + " body vs disc below");
        }
    }

    @Test
    void measurementsAreTheDesignedOnes() {
        MeasurementSet leg = MeasurementEngine.measure(film("longleg-phantom").landmarks().landmarks(),
                org.orthomeasure.core.calibration.Calibration.none(null), MeasurementOptions.defaults());
        assertEquals(89.0, leg.get("L.mLDFA").orElseThrow().value(), 1e-6);
        assertEquals(84.0, leg.get("L.MPTA").orElseThrow().value(), 1e-6);
        assertEquals(87.5, leg.get("R.mLDFA").orElseThrow().value(), 1e-6);
        double lHka = leg.get("L.HKA").orElseThrow().value();
        double rHka = leg.get("R.HKA").orElseThrow().value();
        assertTrue(lHka < -5.5 && lHka > -7, "left varus " + lHka);
        assertTrue(rHka < 0 && rHka > -1.5, "right near neutral " + rHka);
        MeasurementSet spine = MeasurementEngine.measure(film("spine-phantom").landmarks().landmarks(),
                org.orthomeasure.core.calibration.Calibration.none(null), MeasurementOptions.defaults());
        double major = spine.get("cobb.major").orElseThrow().value();
        assertTrue(major > 25 && major < 60, "scoliotic major curve " + major);
        System.out.printf("phantom truth: R.HKA %.2f, L.HKA %.2f, cobb.major %.2f, upper %.2f, lower %.2f%n", rHka, lHka,
                major, spine.get("cobb.upper").orElseThrow().value(), spine.get("cobb.lower").orElseThrow().value());
    }

    private static double[] unit(double x, double y) {
        double n = Math.hypot(x, y);
        return new double[]{x / n, y / n};
    }

    /** Mean stored value in the 5x5 neighbourhood of {@code p}. */
    private static double mean(PhantomFilm f, Point2 p) {
        int cx = (int) Math.round(p.x());
        int cy = (int) Math.round(p.y());
        double sum = 0;
        int n = 0;
        for (int y = cy - 2; y <= cy + 2; y++) {
            for (int x = cx - 2; x <= cx + 2; x++) {
                if (x >= 0 && y >= 0 && x < f.width() && y < f.height()) {
                    sum += f.pixels()[y * f.width() + x] & 0xFFFF;
                    n++;
                }
            }
        }
        return sum / n;
    }
}
