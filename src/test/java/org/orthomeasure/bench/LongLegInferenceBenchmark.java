package org.orthomeasure.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.orthomeasure.detect.FilmReader;
import org.orthomeasure.detect.GreyImage;
import org.orthomeasure.detect.longleg.LegLayout;
import org.orthomeasure.detect.longleg.LongLegDetection;
import org.orthomeasure.detect.longleg.LongLegDetector;

/**
 * Time per film of the long-leg suggestion: both legs of a bilateral film (per leg: area resampling into the
 * crop, CLAHE, one ONNX Runtime segmentation of 128 × 1024, landmark derivation, confidence and implant checks).
 * {@code detectBilateralExport}: a 512 × 1400 film (the size of the exported OAI films); {@code
 * detectFullResolution}: a 2048 × 7168 film (a stitched film at about 0.15 mm), built from two real OAI test
 * crops when ../shared is present, else synthetic. Target: 1 s per film. Loading the model is timed apart.
 * Run: {@code mvn -o -Pbench test-compile exec:java -Dexec.args="LongLegInferenceBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(0)
public class LongLegInferenceBenchmark {

    private LongLegDetector detector;
    private GreyImage export;
    private GreyImage full;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        detector = LongLegDetector.loadDefault();
        Path dir = Path.of(System.getProperty("orthomeasure.shared", "../shared"), "data/oai-legs-seg/test/images");
        GreyImage a = null;
        GreyImage b = null;
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                var files = s.sorted().limit(2).toList();
                a = FilmReader.read(files.get(0));
                b = FilmReader.read(files.get(1));
            }
        }
        export = film(a, b, 512, 1400);
        full = film(a, b, 2048, 7168);
    }

    /** A bilateral film of w × h: crop a on the left, crop b mirrored on the right, resized; synthetic without them. */
    private static GreyImage film(GreyImage a, GreyImage b, int w, int h) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (a == null) {
                    v[y * w + x] = (float) (127 + 100 * Math.sin((x + y) * 0.01));
                } else {
                    boolean left = x < w / 2;
                    int cx = left ? x * 128 / (w / 2) : (w - 1 - x) * 128 / (w - w / 2);
                    int cy = Math.min(1023, y * 1024 / h);
                    v[y * w + x] = (left ? a : b).value(Math.min(127, cx), cy);
                }
            }
        }
        return GreyImage.of(w, h, v);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        detector.close();
    }

    @Benchmark
    public LongLegDetection detectBilateralExport() throws Exception {
        return detector.detect(export, LegLayout.bilateral());
    }

    @Benchmark
    public LongLegDetection detectFullResolution() throws Exception {
        return detector.detect(full, LegLayout.bilateral());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public String loadModel() throws Exception {
        try (LongLegDetector d = LongLegDetector.loadDefault()) {
            return d.model();
        }
    }
}
