package org.orthomeasure.bench;

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
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.detect.FilmReader;
import org.orthomeasure.detect.GreyImage;
import org.orthomeasure.detect.SpineDetection;
import org.orthomeasure.detect.SpineLandmarkDetector;
import org.orthomeasure.detect.SpineRegion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Time per film of the whole two-stage detection ({@code detectOneFilm}: stage-1 pre-processing, ONNX Runtime
 * with test-time flip, decoding; stage 2: the walk down the spine, 17 runs of one patch and its mirror, then
 * one batched run of the 17 patches and their mirrors per further pass, patch sampling and decoding; confidence) on a real AASCE film from ../shared (755 x 2125), or a synthetic film of
 * that size when ../shared is absent; the same film padded grey to a 512 x 512 square ({@code detectPaddedFilm}); and
 * noise ({@code detectNotASpine}: the locator network sees no spine, so the search ends after the first look and,
 * the noise looking inverted, the inverted look); the top 3/5 of the
 * film with T1-T12 named ({@code detectThoracicOnly}); the locator network alone ({@code locateOneFilm}, part of every detection). Target &lt; 0.3 s. Loading both models is timed apart ({@code loadModels},
 * single shot: start of both ONNX Runtime sessions, then closed).
 * Run: {@code mvn -o -Pbench test-compile exec:java -Dexec.args="SpineInferenceBenchmark"} (in-process: exec:java gives a forked JMH VM no classpath).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(0)
public class SpineInferenceBenchmark {

    private SpineLandmarkDetector detector;
    private GreyImage film;
    private GreyImage padded;
    private GreyImage noise;
    private GreyImage thoracic;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        detector = SpineLandmarkDetector.loadDefault();
        Path shared = Path.of(System.getProperty("orthomeasure.shared", "../shared"));
        Path real = shared.resolve("data/aasce-spine-train/images/sunhl-1th-02-Jan-2017-162 A AP.jpg");
        if (Files.isRegularFile(real)) {
            film = FilmReader.read(real);
        } else {
            float[] v = new float[755 * 2125];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (127 + 100 * Math.sin(i * 0.001));
            }
            film = GreyImage.of(755, 2125, v);
        }
        padded = paddedSquare(film, 512);
        float[] top = new float[film.width() * (film.height() * 3 / 5)];
        for (int y = 0; y < film.height() * 3 / 5; y++) {
            for (int x = 0; x < film.width(); x++) {
                top[y * film.width() + x] = film.value(x, y);
            }
        }
        thoracic = GreyImage.of(film.width(), film.height() * 3 / 5, top);
        java.util.Random r = new java.util.Random(7);
        float[] n = new float[800 * 1600];
        for (int i = 0; i < n.length; i++) {
            n[i] = r.nextInt(256);
        }
        noise = GreyImage.of(800, 1600, n);
    }

    /**
     * The film centred on a grey (128) square and the whole scaled to 512 x 512 (the mean of the film pixels
     * each output pixel covers): a padded export, where the spine is first located.
     */
    static GreyImage paddedSquare(GreyImage f, int size) {
        int side = Math.max(f.width(), f.height());
        double s = (double) side / size;
        double ox = (side - f.width()) / 2.0;
        double oy = (side - f.height()) / 2.0;
        float[] v = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double sum = 0;
                int n = 0;
                for (int yy = (int) (y * s); yy < (int) ((y + 1) * s); yy++) {
                    for (int xx = (int) (x * s); xx < (int) ((x + 1) * s); xx++) {
                        int fx = (int) (xx - ox);
                        int fy = (int) (yy - oy);
                        sum += fx >= 0 && fx < f.width() && fy >= 0 && fy < f.height() ? f.value(fx, fy) : 128;
                        n++;
                    }
                }
                v[y * size + x] = (float) (n == 0 ? 128 : sum / n);
            }
        }
        return GreyImage.of(size, size, v);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        detector.close();
    }

    @Benchmark
    public SpineDetection detectOneFilm() throws Exception {
        return detector.detect(film);
    }

    /** The same film padded grey to a 512 x 512 square (the padding is cut first). */
    @Benchmark
    public SpineDetection detectPaddedFilm() throws Exception {
        return detector.detect(padded);
    }

    /** Noise, not a spine: two first-stage looks (as it is and inverted), then no further frames. */
    @Benchmark
    public SpineDetection detectNotASpine() throws Exception {
        return detector.detect(noise);
    }

    /** The locator network alone on the film (averaging down, letterbox, one ONNX run, the box). */
    @Benchmark
    public SpineRegion locateOneFilm() throws Exception {
        return detector.region(film);
    }

    /** The top 3/5 of the film with the levels T1-T12 named (a thoracic-only film: one first-stage run, 12 levels). */
    @Benchmark
    public SpineDetection detectThoracicOnly() throws Exception {
        return detector.detect(thoracic, SpineLevel.T1, SpineLevel.T12);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public String loadModels() throws Exception {
        try (SpineLandmarkDetector d = SpineLandmarkDetector.loadDefault()) {
            return d.refineSpec().codeCommit();
        }
    }
}
