package org.orthomeasure.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.orthomeasure.io.AtomicFiles;
import org.orthomeasure.core.compare.Comparison;
import org.orthomeasure.core.compare.LandmarkDifference;
import org.orthomeasure.core.compare.MeasurementDifference;
import org.orthomeasure.core.compare.ReadingComparator;
import org.orthomeasure.core.compare.Verdict;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.Unit;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileException;
import org.orthomeasure.io.landmarks.LandmarkFileReader;
import org.orthomeasure.report.ComparisonContent;
import org.orthomeasure.report.ComparisonPdf;
import org.orthomeasure.report.FilmView;
import org.orthomeasure.report.ReportText;

/**
 * {@code compare A.json B.json [--image FILE] [--json OUT|-] [--pdf OUT.pdf] [--cpak-asian]}: check mode
 * from the command line (issue 6). Both readings are measured with one calibration, chosen as
 * {@code measure} does for reading A: a calibrated {@code --image} first, then A's file (its calibration
 * record or pixelSpacingMm), else none (lengths and distances in px). Landmarks of either file placed on
 * a film of another size than the image are refused. Prints a table, or JSON with full values; optionally the one-page PDF.
 */
final class CompareCommand implements Subcommand {

    static final String USAGE = "usage: compare A.json B.json [--image FILE] [--json OUT|-] [--pdf OUT.pdf] [--cpak-asian]";
    static final String FORMAT = "orthomeasure-comparison/1";

    @Override
    public String help() {
        return String.join("\n",
                "usage: compare A.json B.json [--image FILM] [--json OUT.json|-] [--pdf OUT.pdf] [--cpak-asian]",
                "",
                "  A.json B.json          two readings of one film (landmark files or OrthoMeasure SRs); differences are A - B",
                "  --image FILM           the film: calibration and the picture of the comparison PDF",
                "  --json OUT.json|-      the comparison as JSON to a file or '-' (stdout); without it a table",
                "  --pdf OUT.pdf          the one-page comparison report",
                "  --cpak-asian           CPAK aHKA neutral band \u00b13\u00b0");
    }

    @Override
    public String summary() {
        return "compare two readings of one film (A.json B.json [--image FILE] [--json OUT|-] [--pdf OUT.pdf])";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, InputException {
        String fileA = null;
        String fileB = null;
        String image = null;
        String json = null;
        String pdf = null;
        boolean asian = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--image" -> image = OptionValue.at(args, ++i, "--image");
                case "--json" -> json = OptionValue.at(args, ++i, "--json");
                case "--pdf" -> pdf = OptionValue.at(args, ++i, "--pdf");
                case "--cpak-asian" -> asian = true;
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new UsageException("unknown option '" + args[i] + "' (" + USAGE + ")");
                    } else if (fileA == null) {
                        fileA = args[i];
                    } else if (fileB == null) {
                        fileB = args[i];
                    } else {
                        throw new UsageException("unexpected argument '" + args[i] + "' (" + USAGE + ")");
                    }
                }
            }
        }
        if (fileB == null) {
            throw new UsageException("two landmark files are needed (" + USAGE + ")");
        }
        Path pathA = path(fileA);
        Path pathB = path(fileB);
        LandmarkDocument a = read(pathA);
        LandmarkDocument b = read(pathB);
        Optional<Radiograph> radiograph = image == null ? Optional.empty() : Optional.of(InfoCommand.open(image));
        if (radiograph.isPresent()) {
            // Both readings must belong to this film (B's size is checked the same way; its calibration is not used).
            MeasureCommand.imageInputs(b, image, radiograph.get());
        }
        MeasureCommand.Inputs inputs = radiograph.isEmpty()
                ? MeasureCommand.inputsFor(a, Optional.empty(), OptionalDouble.empty())
                : MeasureCommand.imageInputs(a, image, radiograph.get());
        MeasurementOptions options = new MeasurementOptions(asian, inputs.filmHeightPx()).withFilmMirrored(
                radiograph.map(r -> MeasurementOptions.mirroredOrientation(r.header().patientOrientation())).orElse(false));
        Comparison c = ReadingComparator.compare(a.landmarks(), b.landmarks(), inputs.calibration(), options);

        if (radiograph.isEmpty() && !a.pixelSpacing().equals(b.pixelSpacing())) {
            err.println("note: the two files give different pixel spacings; reading A's calibration is used for both");
        }
        String nameA = name(pathA);
        String nameB = name(pathB);
        if (json == null) {
            printTable(c, nameA, nameB, out);
        } else {
            String text = toJson(c, nameA, nameB);
            if (json.equals("-")) {
                out.print(text);
            } else {
                try {
                    AtomicFiles.write(path(json), text.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new InputException("cannot write " + json + " (" + e.getMessage() + ")", e);
                }
            }
        }
        if (pdf != null) {
            Path p = path(pdf);
            ComparisonContent content = new ComparisonContent(c, a.landmarks(), b.landmarks(), nameA, nameB,
                    radiograph.map(FilmView::of), ZonedDateTime.now(), Version.current());
            try {
                Path parent = p.toAbsolutePath().getParent();
                if (parent == null || !Files.isDirectory(parent)) {
                    throw new IOException("folder " + parent + " does not exist");
                }
                ComparisonPdf.write(content, p);
            } catch (IOException e) {
                throw new InputException("cannot write " + pdf + " (" + e.getMessage() + ")", e);
            }
            err.println(OneLine.of("wrote " + pdf));
        }
        return 0;
    }

    static void printTable(Comparison c, String nameA, String nameB, PrintStream out) {
        out.println("A: " + nameA);
        out.println("B: " + nameB);
        out.println("calibration: " + c.calibration().unitLabel() + "; differences are A − B");
        out.println();
        out.printf("%-32s %-10s %-10s %-10s %-8s %s%n", "measurement", "A", "B", "A − B", "limit", "verdict");
        for (MeasurementDifference m : c.measurements()) {
            Unit unit = m.a().or(m::b).map(Measurement::unit).orElse(Unit.NONE);
            String verdict = m.verdict().label();
            if (m.sameEnds().isPresent()) {
                Measurement x = m.a().orElseThrow();
                Measurement y = m.b().orElseThrow();
                verdict += "; end vertebrae " + x.from().get() + "–" + x.to().get() + " vs " + y.from().get() + "–"
                        + y.to().get() + (m.sameEnds().get() ? " (same)" : " (different)");
            }
            out.printf("%-32s %-10s %-10s %-10s %-8s %s%n", ReportText.fullName(m.id()),
                    m.a().map(ReportText::value).orElse("—"), m.b().map(ReportText::value).orElse("—"),
                    m.difference().isPresent() ? ReportText.withUnit(m.difference().getAsDouble(), unit) : "",
                    m.limit().map(l -> ReportText.withUnit(l, unit)).orElse(""), verdict);
        }
        out.println();
        out.println("landmark distance A–B (" + (c.calibration().isCalibrated() ? "mm" : "px") + "):");
        for (LandmarkDifference d : c.landmarks()) {
            out.printf("  %-28s %s%n", d.id(), d.distance().isPresent() ? ReportText.number(d.distance().getAsDouble())
                    : d.a().isPresent() ? "only in A" : "only in B");
        }
        List<MeasurementDifference> ex = c.exceeding();
        long judged = c.measurements().stream()
                .filter(m -> m.verdict() == Verdict.WITHIN_LIMIT || m.verdict() == Verdict.EXCEEDS_LIMIT).count();
        out.println();
        out.println(ex.size() + " of " + judged + " measurements with an inter-observer limit differ by more than it"
                + (ex.isEmpty() ? "." : ": " + String.join(", ", ex.stream().map(m -> m.id().id()).toList())));
        out.println("limits: Cobb " + c.limits().cobbDeg() + "°, HKA/mLDFA/MPTA " + c.limits().limbAngleDeg()
                + "°, lengths " + c.limits().lengthMm() + " mm (calibrated only)");
    }

    static String toJson(Comparison c, String nameA, String nameB) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        root.put("a", nameA);
        root.put("b", nameB);
        ObjectNode cal = root.putObject("calibration");
        cal.put("source", c.calibration().source().name().toLowerCase(java.util.Locale.ROOT));
        cal.put("unit", c.calibration().lengthUnit());
        cal.put("label", c.calibration().unitLabel());
        c.calibration().warning().ifPresent(w -> cal.put("warning", w));
        ObjectNode limits = root.putObject("limits");
        limits.put("cobbDeg", c.limits().cobbDeg());
        limits.put("limbAngleDeg", c.limits().limbAngleDeg());
        limits.put("lengthMm", c.limits().lengthMm());
        ArrayNode ms = root.putArray("measurements");
        for (MeasurementDifference m : c.measurements()) {
            ObjectNode o = ms.addObject();
            o.put("id", m.id().id());
            o.put("unit", m.a().or(m::b).map(x -> x.unit().symbol()).orElse(""));
            putValue(o, "a", m.a());
            putValue(o, "b", m.b());
            if (m.difference().isPresent()) {
                o.put("difference", MeasurementJson.round3(m.difference().getAsDouble()));
            } else {
                o.putNull("difference");
            }
            if (m.limit().isPresent()) {
                o.put("limit", m.limit().get());
            } else {
                o.putNull("limit");
            }
            o.put("verdict", m.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (m.sameEnds().isPresent()) {
                o.put("sameEndVertebrae", m.sameEnds().get());
                o.put("aEnds", m.a().get().from().get() + "-" + m.a().get().to().get());
                o.put("bEnds", m.b().get().from().get() + "-" + m.b().get().to().get());
            }
        }
        ArrayNode ls = root.putArray("landmarks");
        for (LandmarkDifference d : c.landmarks()) {
            ObjectNode o = ls.addObject();
            o.put("id", d.id());
            putPoint(o, "a", d.a());
            putPoint(o, "b", d.b());
            if (d.distance().isPresent()) {
                o.put("distance", MeasurementJson.round3(d.distance().getAsDouble()));
            } else {
                o.putNull("distance");
            }
            o.put("unit", d.unit().symbol());
        }
        ArrayNode ex = root.putArray("exceeding");
        c.exceeding().forEach(m -> ex.add(m.id().id()));
        return root.toPrettyString() + System.lineSeparator();
    }

    private static void putValue(ObjectNode o, String key, Optional<Measurement> m) {
        if (m.isEmpty()) {
            o.putNull(key);
        } else if (m.get().text().isPresent()) {
            o.put(key, m.get().text().get());
        } else {
            o.put(key, MeasurementJson.round3(m.get().value()));
        }
    }

    private static void putPoint(ObjectNode o, String key, Optional<Point2> p) {
        if (p.isEmpty()) {
            o.putNull(key);
        } else {
            ArrayNode xy = o.putArray(key);
            xy.add(MeasurementJson.round3(p.get().x()));
            xy.add(MeasurementJson.round3(p.get().y()));
        }
    }

    private static LandmarkDocument read(Path p) throws InputException {
        try {
            return new LandmarkFileReader().read(p);
        } catch (LandmarkFileException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    private static Path path(String s) throws InputException {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new InputException("'" + s + "' is not a valid file name");
        }
    }

    private static String name(Path p) {
        Path n = p.getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
