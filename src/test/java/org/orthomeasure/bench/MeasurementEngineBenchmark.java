package org.orthomeasure.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Segment2;
import org.orthomeasure.core.landmarks.CobbLines;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;

/**
 * One full measurement run: both legs (one femoral head fitted from 5 rim points), manual Cobb lines
 * and the 17-vertebra curve evaluation, with anisotropic calibration.
 * Run (exec:exec, so that JMH's forked JVM gets the test class path; exec:java cannot fork):
 * <pre>
 * mvn -o -q test-compile -Pbench exec:exec -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath org.openjdk.jmh.Main MeasurementEngineBenchmark -f 1 -wi 2 -i 3"
 * </pre>
 * Add {@code -Djmh.ignoreLock=true} before {@code -cp} when another JMH run holds /tmp/jmh.lock.
 * Measured on the shared 2-core development machine: about 30 µs per full run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MeasurementEngineBenchmark {

    private LandmarkSet landmarks;
    private Calibration calibration;
    private MeasurementOptions options;

    @Setup
    public void setUp() {
        LandmarkSet set = LandmarkSet.empty();
        for (Side side : Side.values()) {
            double m = side.medialSign();
            double x = side == Side.R ? 600 : 1400;
            set = set.withPoint(side, LimbLandmark.KNEE_CENTER, Point2.of(x - 10 * m, 1200))
                    .withPoint(side, LimbLandmark.ANKLE_CENTER, Point2.of(x + 5, 2100))
                    .withPoint(side, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, Point2.of(x + 30 * m, 1192))
                    .withPoint(side, LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(x - 50 * m, 1195))
                    .withPoint(side, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(x + 30 * m, 1210))
                    .withPoint(side, LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(x - 50 * m, 1208));
        }
        set = set.withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(600, 300))
                .withHeadRim(Side.L, List.of(Point2.of(1375, 300), Point2.of(1382, 282), Point2.of(1400, 275),
                        Point2.of(1418, 282), Point2.of(1425, 300)));
        for (int i = 0; i < SpineLevel.COUNT; i++) {
            double cx = 300 + 60 * Math.sin(2 * Math.PI * i / 16);
            double cy = 100 + 60 * i;
            double t = Math.toRadians(15 * Math.sin(2 * Math.PI * i / 16 + 1));
            double c = Math.cos(t);
            double s = Math.sin(t);
            set = set.withVertebra(Vertebra.of(SpineLevel.values()[i],
                    Point2.of(cx - 20 * c + 10 * s, cy - 20 * s - 10 * c), Point2.of(cx + 20 * c + 10 * s, cy + 20 * s - 10 * c),
                    Point2.of(cx - 20 * c - 10 * s, cy - 20 * s + 10 * c), Point2.of(cx + 20 * c - 10 * s, cy + 20 * s + 10 * c)));
        }
        landmarks = set.withCobbLines(CobbLines.of(Segment2.of(Point2.of(0, 0), Point2.of(100, 26.795)),
                Segment2.of(Point2.of(0, 500), Point2.of(100, 473.205))));
        calibration = Calibration.of(PixelSpacing.of(0.14, 0.15), CalibrationSource.PIXEL_SPACING, "bench", null);
        options = MeasurementOptions.defaults().withFilmHeight(2200);
    }

    @Benchmark
    public MeasurementSet measureEverything() {
        return MeasurementEngine.measure(landmarks, calibration, options);
    }
}
