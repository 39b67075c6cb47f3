package org.orthomeasure.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.detect.GreyImage;
import org.orthomeasure.detect.longleg.HeadCircleFinder;
import org.orthomeasure.detect.longleg.JointEdgeSnapper;
import org.orthomeasure.io.radiograph.RadiographReader;

/**
 * Time per click of the hand-placement aids, on the real WG04 hip and ankle CRs when ../shared is present
 * (else a drawn disc and edge): {@code headCircleCalibrated} (one radius, as on a calibrated film),
 * {@code headCircleUncalibrated} (the radii of an uncalibrated film of that height), {@code jointEdgeSnap}
 * (one plafond click, range 15 px). The grey image of the film is built once per film and not timed here.
 * Run: {@code mvn -o -Pbench test-compile exec:java -Dexec.args="PlacementAidsBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(0)
public class PlacementAidsBenchmark {

    private GreyImage hip;
    private GreyImage ankle;
    private Point2 headClick;
    private Point2 plafondClick;
    private List<Double> calibrated;
    private List<Double> uncalibrated;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path wg04 = Path.of(System.getProperty("orthomeasure.shared", "../shared"), "dicom", "wg04");
        if (Files.isRegularFile(wg04.resolve("RG2_RLE.dcm")) && Files.isRegularFile(wg04.resolve("RG3_JPLL.dcm"))) {
            hip = GreyImage.fromRadiograph(RadiographReader.read(wg04.resolve("RG2_RLE.dcm")));
            ankle = GreyImage.fromRadiograph(RadiographReader.read(wg04.resolve("RG3_JPLL.dcm")));
            headClick = Point2.of(955, 835);
            plafondClick = Point2.of(820.5, 1395.5);
            calibrated = HeadCircleFinder.radiiToTry(Optional.of(0.2), hip.height());
        } else {
            hip = drawn(1760, 2140, 905, 875, 142);
            ankle = drawn(1760, 1760, -1, 1400, 0);
            headClick = Point2.of(955, 835);
            plafondClick = Point2.of(820.5, 1395.5);
            calibrated = List.of(120.0);
        }
        uncalibrated = HeadCircleFinder.radiiToTry(Optional.empty(), hip.height());
    }

    /** A bright disc (cx, cy, r) on grey, or (cx < 0) bone above row cy over a 12-row joint space. */
    private static GreyImage drawn(int w, int h, double cx, double cy, double r) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = cx >= 0 ? (Math.hypot(x - cx, y - cy) < r ? 190 : 120) : (y < cy ? 190 : y < cy + 12 ? 150 : 185);
            }
        }
        return GreyImage.of(w, h, v);
    }

    @Benchmark
    public Object headCircleCalibrated() {
        return HeadCircleFinder.propose(hip, headClick, calibrated);
    }

    @Benchmark
    public Object headCircleUncalibrated() {
        return HeadCircleFinder.propose(hip, headClick, uncalibrated);
    }

    @Benchmark
    public Object jointEdgeSnap() {
        return JointEdgeSnapper.snap(ankle, plafondClick, JointEdgeSnapper.Bone.ABOVE, 15);
    }
}
