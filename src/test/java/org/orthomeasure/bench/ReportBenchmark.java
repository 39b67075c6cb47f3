package org.orthomeasure.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.overlay.OverlayBuilder;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileReader;
import org.orthomeasure.report.AnnotatedImage;
import org.orthomeasure.report.FilmView;
import org.orthomeasure.report.PdfReport;
import org.orthomeasure.report.ReportContent;

/**
 * Speed of the report export (issue 4, "exporting the report feels instant") on the committed
 * bilateral long-leg phantom ({@code sample-dicom/longleg-phantom.dcm}, 1500 x 4400, 12-bit, with its
 * landmark file): measure + overlay + annotated picture + PDF written to disk, the same without an
 * image, and the full-film annotated PNG. The film is decoded once in the setup (opening is the image
 * benchmark's business). Run from the project root:
 * {@code mvn -o -q test-compile -Pbench exec:java -Dexec.args="ReportBenchmark -f 1 -wi 2 -i 5"}.
 * Sample-time mode: JMH prints the median (p0.50) of every benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Djava.awt.headless=true"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReportBenchmark {

    private Path dir;
    private Radiograph film;
    private LandmarkDocument doc;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        film = RadiographReader.read(Path.of("sample-dicom", "longleg-phantom.dcm"));
        doc = new LandmarkFileReader().read(Path.of("sample-dicom", "longleg-phantom.landmarks.json"));
        dir = Files.createTempDirectory("orthomeasure-bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private ReportContent content(boolean withImage) {
        MeasurementOptions options = MeasurementOptions.defaults().withFilmHeight(film.height());
        MeasurementSet set = MeasurementEngine.measure(doc.landmarks(), film.calibration(), options);
        return new ReportContent(doc.landmarks(), set, options,
                withImage ? Optional.of(FilmView.of(film)) : Optional.empty(),
                withImage ? Optional.of(film.header()) : Optional.empty(), false, Optional.of("bench"),
                ZonedDateTime.now(), "bench", "longleg-phantom.landmarks.json",
                withImage ? Optional.of("longleg-phantom.dcm") : Optional.empty(), doc.suggested());
    }

    /** Measure, draw the annotated picture and write the PDF report: the "Export report" path. */
    @Benchmark
    public long pdfReportWithImage() throws IOException {
        Path out = dir.resolve("report.pdf");
        PdfReport.write(content(true), out);
        return Files.size(out);
    }

    /** The PDF report of the landmarks alone (no picture). */
    @Benchmark
    public long pdfReportWithoutImage() throws IOException {
        Path out = dir.resolve("report-noimage.pdf");
        PdfReport.write(content(false), out);
        return Files.size(out);
    }

    /** The whole film with the overlay as PNG (longer side 4096 px). */
    @Benchmark
    public long annotatedPng() throws IOException {
        ReportContent c = content(true);
        BufferedImage img = AnnotatedImage.render(c.film(),
                List.of(AnnotatedImage.Layer.standard(OverlayBuilder.build(c.landmarks(), c.measurements()))),
                AnnotatedImage.Framing.WHOLE_FILM, 4096).orElseThrow();
        Path out = dir.resolve("annotated.png");
        AnnotatedImage.writePng(img, out);
        return Files.size(out);
    }
}
