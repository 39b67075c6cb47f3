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
import org.orthomeasure.io.dicom.DicomImageWriter;
import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;
import org.orthomeasure.io.image.WindowLevel;
import org.orthomeasure.io.image.WindowPreset;
import org.orthomeasure.phantom.PhantomFilm;
import org.orthomeasure.phantom.PhantomGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Speed of opening and showing films (issue 3, "Speed"): decode, full-resolution windowing, a
 * fit-to-screen window/level step (the 60 Hz drag path) and first display (decode + window +
 * downsample to a 1200-pixel screen) for the 2140x1760 JPEG Lossless hip film RG2_JPLL and a
 * 16-bit 2500x7000 long-leg film (made here from the phantom, uncompressed and JPEG Lossless; not
 * committed). Run:
 * {@code mvn -o -q test-compile -Pbench exec:java -Dexec.args="ImageBenchmark -f 1 -wi 2 -i 5"}.
 * The mode is sample time, so JMH prints the median (p0.50) of every benchmark.
 *
 * <p>Medians on the shared 2-core development machine (load average 5-9 from other jobs, so +-50 %):
 * RG2_JPLL decode 72-260 ms, first display 93-180 ms, full-resolution window 3 ms; 16-bit 2500x7000
 * film: decode 78-200 ms uncompressed, 550-800 ms JPEG Lossless; first display 105-140 ms
 * uncompressed, 0.6-1.3 s JPEG Lossless; window at full resolution 21-25 ms, fit-to-screen render
 * 15-30 ms, re-windowing the screen {@link Radiograph#preview preview} 0.5-0.8 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class ImageBenchmark {

    static final int SCREEN = 1200;

    private Path dir;
    private Path rg2;
    private Path longLegRaw;
    private Path longLegJpll;
    private Radiograph rg2Image;
    private Radiograph longLeg;
    private int[] rg2Out;
    private int[] longLegOut;
    private Radiograph.Preview preview;
    private int[] previewOut;
    private int tick;

    @Setup(Level.Trial)
    public void setUp() throws IOException, ImageReadException {
        rg2 = Path.of(System.getProperty("orthomeasure.shared", "../shared"), "dicom", "wg04", "RG2_JPLL.dcm");
        dir = Files.createTempDirectory("orthomeasure-bench-");
        short[] film = longLeg16(2500, 7000);
        Map<String, String> attrs = Map.of("SOPClassUID", "1.2.840.10008.5.1.4.1.1.1.1", "SOPInstanceUID", "2.25.99",
                "Modality", "DX", "ImagerPixelSpacing", "0.15\\0.15", "EstimatedRadiographicMagnificationFactor", "1.1");
        longLegRaw = dir.resolve("longleg16.dcm");
        longLegJpll = dir.resolve("longleg16-jpll.dcm");
        DicomImageWriter.writeGrey(longLegRaw, 2500, 7000, film, 16, attrs, DicomImageWriter.Encoding.EXPLICIT_LITTLE_ENDIAN);
        DicomImageWriter.writeGrey(longLegJpll, 2500, 7000, film, 16, attrs, DicomImageWriter.Encoding.JPEG_LOSSLESS);
        rg2Image = RadiographReader.read(rg2);
        longLeg = RadiographReader.read(longLegRaw);
        rg2Out = new int[rg2Image.width() * rg2Image.height()];
        longLegOut = new int[longLeg.width() * longLeg.height()];
        preview = longLeg.preview(SCREEN);
        previewOut = new int[preview.width() * preview.height()];
    }

    /** The 12-bit phantom long-leg film scaled to 2500x7000 and 16 bits (x16 plus low-bit noise). */
    static short[] longLeg16(int w, int h) {
        PhantomFilm f = PhantomGenerator.films(PhantomGenerator.SEED).get(0);
        SplittableRandom rnd = new SplittableRandom(7);
        short[] out = new short[w * h];
        for (int y = 0; y < h; y++) {
            int sy = y * f.height() / h;
            for (int x = 0; x < w; x++) {
                int sx = x * f.width() / w;
                out[y * w + x] = (short) Math.min(65535, (f.pixels()[sy * f.width() + sx] & 0xFFFF) * 16 + rnd.nextInt(16));
            }
        }
        return out;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private WindowPreset nextWindow(Radiograph r) {
        // a different window each call, as during a drag
        tick = (tick + 1) % 64;
        WindowPreset d = r.defaultWindow();
        return new WindowPreset("drag", WindowLevel.of(d.center() + tick, Math.max(1, d.width() - 2 * tick)), Optional.empty());
    }

    @Benchmark
    public Radiograph decodeRg2Jpll() throws ImageReadException {
        return RadiographReader.read(rg2);
    }

    @Benchmark
    public Radiograph decodeLongLeg16Uncompressed() throws ImageReadException {
        return RadiographReader.read(longLegRaw);
    }

    @Benchmark
    public Radiograph decodeLongLeg16JpegLossless() throws ImageReadException {
        return RadiographReader.read(longLegJpll);
    }

    @Benchmark
    public int[] windowRg2FullResolution() {
        rg2Image.renderTo(nextWindow(rg2Image), false, rg2Out);
        return rg2Out;
    }

    @Benchmark
    public int[] windowLongLeg16FullResolution() {
        longLeg.renderTo(nextWindow(longLeg), false, longLegOut);
        return longLegOut;
    }

    @Benchmark
    public Radiograph.Rendered windowLongLeg16Screen() {
        return longLeg.renderFit(SCREEN, nextWindow(longLeg), false);
    }

    /** The drag path the UI uses: a screen-sized preview, re-windowed per mouse move. */
    @Benchmark
    public int[] windowLongLeg16Preview() {
        preview.render(nextWindow(longLeg), false, previewOut);
        return previewOut;
    }

    @Benchmark
    public Radiograph.Rendered firstDisplayRg2() throws ImageReadException {
        Radiograph r = RadiographReader.read(rg2);
        return r.renderFit(SCREEN, r.defaultWindow(), r.invertedByDefault());
    }

    @Benchmark
    public Radiograph.Rendered firstDisplayLongLeg16Uncompressed() throws ImageReadException {
        Radiograph r = RadiographReader.read(longLegRaw);
        return r.renderFit(SCREEN, r.defaultWindow(), r.invertedByDefault());
    }

    @Benchmark
    public Radiograph.Rendered firstDisplayLongLeg16JpegLossless() throws ImageReadException {
        Radiograph r = RadiographReader.read(longLegJpll);
        return r.renderFit(SCREEN, r.defaultWindow(), r.invertedByDefault());
    }
}
