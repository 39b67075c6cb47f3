package org.orthomeasure.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.orthomeasure.io.AtomicFiles;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Protocol;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.measure.Missing;
import org.orthomeasure.detect.DetectorException;
import org.orthomeasure.detect.FilmReader;
import org.orthomeasure.detect.GreyImage;
import org.orthomeasure.detect.SpineDetection;
import org.orthomeasure.detect.SpineLandmarkDetector;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.landmarks.ImageSize;
import org.orthomeasure.io.landmarks.LandmarkDocument;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code measure --auto spine IMAGE... [--levels T1-T12] [--json OUT|-] [--landmarks-out L.json] [--pdf OUT.pdf]
 * [--png OUT.png] [--dicom-sr OUT.dcm ...]}: suggests the 17
 * vertebrae on each AP spine film with the bundled network and measures the three Cobb curves (cobb.major,
 * cobb.upper, cobb.lower; AASCE logic, spec: measurements.md, spine) from them. {@code --levels TOP-BOTTOM} says
 * that the films show only those consecutive levels (a thoracic-only or lumbar-only film, at least 4): only
 * they are suggested, and the curves are measured on them and say so
 * ({@link SpineLandmarkDetector#detect(GreyImage, SpineLevel, SpineLevel)}). Without it, the locator network
 * says which levels a film shows: a film it is sure shows only a run of them is measured on that run
 * ({@link SpineLandmarkDetector#detect(GreyImage)}), and the JSON says so ({@code "levelsFrom": "film"}, else
 * {@code "default"}, or {@code "--levels"} when given). When the detection is
 * low confidence the curves are reported missing with the reason, never as numbers; the suggested
 * vertebrae are still written (as suggestions) for the user to correct. Several images give one JSON
 * object per line (JSON Lines), each with its {@code "input"}; {@code --landmarks-out} then names a folder
 * receiving {@code <image name>.landmarks.json} per film. {@code --pdf} and {@code --png} (one film) write
 * the report and the annotated film of the suggested reading, the vertebrae marked as unconfirmed
 * suggestions and the curves withheld when the detection is low confidence.
 */
public final class AutoSpineMeasure {

    private static final List<MeasurementId> CURVES = List.of(MeasurementId.COBB_MAJOR, MeasurementId.COBB_UPPER,
            MeasurementId.COBB_LOWER);
    static final String SPINE_USAGE = "usage: measure --auto spine IMAGE... [--levels T1-T12] [--json OUT|-]"
            + " [--landmarks-out L.json] " + ReportExport.USAGE + " " + DicomExport.USAGE;
    private static final String USAGE = SPINE_USAGE
            + " | " + AutoLongLegMeasure.USAGE.substring("usage: ".length());

    /** True when {@code args} (after "measure") ask for automatic landmarks. */
    public static boolean handles(String[] args) {
        for (String a : args) {
            if (a.equals("--auto")) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code measure --auto ...}; {@code args} are those after "measure". */
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, InputException {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--auto") && args[i + 1].equals("longleg")) {
                return new AutoLongLegMeasure().run(args, out, err);
            }
        }
        List<Path> images = new ArrayList<>();
        Path json = null;
        boolean jsonStdout = false;
        Path landmarksOut = null;
        String kind = null;
        ReportExport report = new ReportExport();
        DicomExport dicom = new DicomExport();
        SpineLevel[] levels = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--auto" -> kind = OptionValue.at(args, ++i, a);
                case "--json" -> {
                    String v = OptionValue.at(args, ++i, a);
                    if (v.equals("-")) {
                        jsonStdout = true;
                    } else {
                        json = Path.of(v);
                    }
                }
                case "--landmarks-out" -> landmarksOut = Path.of(OptionValue.at(args, ++i, a));
                case "--levels" -> levels = levels(OptionValue.at(args, ++i, a));
                default -> {
                    int used = dicom.accept(args, i);
                    used = used > 0 ? used : report.accept(args, i);
                    if (used > 0) {
                        i += used - 1;
                    } else if (a.startsWith("--")) {
                        throw new UsageException("unknown option " + a + " with --auto (" + USAGE + ")");
                    } else {
                        images.add(Path.of(a));
                    }
                }
            }
        }
        if (!"spine".equals(kind)) {
            throw new UsageException("--auto takes 'spine' or 'longleg', got '" + kind + "' (" + USAGE + ")");
        }
        if (images.isEmpty()) {
            throw new UsageException("no image given (" + USAGE + ")");
        }
        boolean exports = report.requested() || dicom.requested();
        if (exports && images.size() > 1) {
            throw new UsageException("--pdf, --png and --dicom-* take one film at a time");
        }
        if (dicom.requested()) {
            report.detailsUsedElsewhere();
        }
        List<String> lines = new ArrayList<>();
        try (SpineLandmarkDetector detector = SpineLandmarkDetector.loadDefault()) {
            for (Path image : images) {
                GreyImage grey;
                try {
                    grey = FilmReader.read(image);
                } catch (IOException e) {
                    throw new InputException(e.getMessage(), e);
                }
                SpineDetection d = levels == null ? detector.detect(grey) : detector.detect(grey, levels[0], levels[1]);
                Result r = measure(d);
                if (landmarksOut != null) {
                    writeLandmarks(landmarksFile(landmarksOut, image, images.size() > 1), d, r);
                }
                lines.add(toJson(image, d, r, detector, levels != null));
                if (exports || report.user().isPresent() || report.omitsPatientDetails()) {
                    export(image, d, r, report, dicom, err);
                }
                if (!jsonStdout) {
                    printTable(out, image, d, r);
                }
            }
        } catch (DetectorException e) {
            throw new InputException(e.getMessage(), e);
        }
        String text = String.join("\n", lines) + "\n";
        if (jsonStdout) {
            out.print(text);
        } else if (json != null) {
            try {
                AtomicFiles.write(json, text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InputException("cannot write " + json + ": " + e.getMessage(), e);
            }
        }
        return 0;
    }

    /**
     * The report and DICOM objects of one film: the suggested vertebrae (as suggestions) and the curves as
     * measured with the film's calibration, or, at low confidence, withheld with the reason. A DICOM object
     * needs vertebrae; a report without them says why there are no values.
     */
    private static void export(Path image, SpineDetection d, Result r, ReportExport report, DicomExport dicom,
                               PrintStream log) throws UsageException, InputException {
        if (dicom.requested() && r.landmarks().isEmpty()) {
            throw new InputException("no usable vertebrae were found on " + image + ": no DICOM object written");
        }
        Radiograph film = InfoCommand.open(image.toString());
        LandmarkSet set = r.landmarks().orElse(LandmarkSet.empty());
        MeasurementOptions options = MeasurementOptions.defaults().withFilmHeight(d.imageHeight());
        MeasurementSet measured = MeasurementEngine.measure(set, film.calibration(), options);
        List<Measurement> kept = new ArrayList<>();
        Map<MeasurementId, Missing> missing = new LinkedHashMap<>(measured.missing());
        for (Measurement m : measured.measurements()) {
            if (r.missing().containsKey(m.id())) {
                missing.put(m.id(), r.missing().get(m.id())); // withheld: low confidence
            } else {
                kept.add(m);
            }
        }
        r.missing().forEach(missing::putIfAbsent);
        MeasurementSet reported = MeasurementSet.of(kept, missing, measured.calibration(), measured.notes());
        LandmarkDocument doc = document(d, set);
        report.export(doc, reported, options, image, Optional.of(film), Optional.of(image), log);
        dicom.export(doc, reported, options, image, Optional.of(film), Optional.of(image), report, log);
    }

    /** The curves from a detection, or the reason they are withheld. */
    private record Result(Optional<LandmarkSet> landmarks, Map<MeasurementId, Measurement> curves,
                          Map<MeasurementId, Missing> missing) {
    }

    private static Result measure(SpineDetection d) {
        Optional<List<Vertebra>> vertebrae = d.vertebrae();
        Map<MeasurementId, Measurement> curves = new LinkedHashMap<>();
        Map<MeasurementId, Missing> missing = new LinkedHashMap<>();
        if (vertebrae.isEmpty()) {
            CURVES.forEach(id -> missing.put(id, Missing.of(List.of(), "low confidence: "
                    + d.confidence().lowConfidenceReason().orElse("a vertebra has no mid-line"))));
            return new Result(Optional.empty(), curves, missing);
        }
        LandmarkSet set = LandmarkSet.empty();
        for (Vertebra v : vertebrae.get()) {
            set = set.withVertebra(v);
        }
        if (d.confidence().low()) {
            Missing m = Missing.of(List.of(), "low confidence: " + d.confidence().lowConfidenceReason().orElseThrow()
                    + "; check the suggested vertebrae");
            CURVES.forEach(id -> missing.put(id, m));
            return new Result(Optional.of(set), curves, missing);
        }
        MeasurementSet ms = MeasurementEngine.measure(set, Calibration.none(null),
                MeasurementOptions.defaults().withFilmHeight(d.imageHeight()));
        for (MeasurementId id : CURVES) {
            ms.get(id).ifPresent(m -> curves.put(id, m));
            Missing miss = ms.missing().get(id);
            if (miss != null) {
                missing.put(id, miss);
            }
        }
        return new Result(Optional.of(set), curves, missing);
    }

    /**
     * Where the landmarks of {@code image} go: {@code out} itself for one film; with several, {@code out} is a
     * folder (created) holding {@code <image name>.landmarks.json} per film. Shared by both {@code --auto} kinds.
     */
    static Path landmarksFile(Path out, Path image, boolean several) throws InputException {
        if (!several) {
            return out;
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new InputException("with several images --landmarks-out names a folder; cannot create " + out
                    + ": " + e.getMessage(), e);
        }
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return out.resolve((dot > 0 ? name.substring(0, dot) : name) + ".landmarks.json");
    }

    /** The suggested vertebrae as a landmark document, every vertebra marked as a suggestion. */
    private static LandmarkDocument document(SpineDetection d, LandmarkSet set) {
        List<String> suggested = new ArrayList<>();
        set.vertebrae().keySet().forEach(l -> suggested.add(l.name()));
        return LandmarkDocument.of(set)
                .withImageSize(ImageSize.of(d.imageWidth(), d.imageHeight()))
                .withProtocol(Protocol.SPINE)
                .withSuggested(suggested);
    }

    private static void writeLandmarks(Path file, SpineDetection d, Result r) throws InputException {
        if (r.landmarks().isEmpty()) {
            throw new InputException("no usable vertebrae were found, nothing to write to " + file);
        }
        AutoLongLegMeasure.write(file, document(d, r.landmarks().get()));
    }

    private static String toJson(Path image, SpineDetection d, Result r, SpineLandmarkDetector detector,
                                 boolean levelsGiven) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("input", image.toString());
        root.putArray("imageSize").add(d.imageWidth()).add(d.imageHeight());
        ObjectNode ms = root.putObject("measurements");
        r.curves().forEach((id, v) -> {
            ObjectNode o = ms.putObject(id.id());
            o.put("value", MeasurementJson.round3(v.value()));
            o.put("unit", v.unit().symbol());
            v.from().ifPresent(f -> o.put("from", f.name()));
            v.to().ifPresent(t -> o.put("to", t.name()));
            v.note().ifPresent(n -> o.put("note", n));
            v.normalRange().ifPresent(n -> {
                o.put("normal", n.describe());
                o.put("outsideNormal", v.isOutsideNormal());
            });
        });
        ObjectNode miss = root.putObject("missing");
        r.missing().forEach((id, v) -> {
            ObjectNode o = miss.putObject(id.id());
            ArrayNode l = o.putArray("landmarks");
            v.landmarks().forEach(l::add);
            v.note().ifPresent(n -> o.put("note", n));
        });
        root.put("confidence", Math.round(d.confidence().score() * 1000) / 1000.0);
        root.put("lowConfidence", d.confidence().low());
        d.confidence().lowConfidenceReason().ifPresent(s -> root.put("lowConfidenceReason", s));
        root.put("suggested", true);
        root.put("levelsShown", d.levelRange());
        root.put("levelsFrom", levelsGiven ? "--levels" : d.wholeSpine() ? "default" : "film");
        ArrayNode vs = root.putArray("vertebrae");
        for (int k = 0; k < d.levelCount(); k++) {
            ObjectNode v = vs.addObject();
            v.put("level", SpineLevel.values()[d.firstLevel().ordinal() + k].name());
            ArrayNode cs = v.putArray("corners");
            for (Point2 p : d.corners(k)) {
                cs.addArray().add(round(p.x())).add(round(p.y()));
            }
        }
        root.put("model", "spine-landmarks.onnx (code " + detector.spec().codeCommit() + ", "
                + detector.spec().epochs() + " epochs) + vertebra-corners.onnx (code "
                + detector.refineSpec().codeCommit() + ", " + detector.refineSpec().epochs() + " epochs)");
        root.put("cornersFrom", d.refined() ? "second stage" : "first stage");
        return root.toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void printTable(PrintStream out, Path image, SpineDetection d, Result r) {
        out.println(image);
        out.printf(Locale.ROOT, "  confidence  %.2f%s%n", d.confidence().score(),
                d.confidence().low() ? "  LOW: " + d.confidence().lowConfidenceReason().orElseThrow() : "");
        r.curves().forEach((id, v) -> out.printf(Locale.ROOT, "  %-11s %6.1f deg  %s-%s  (suggested landmarks)%n",
                id.id(), v.value(), v.from().map(Enum::name).orElse("?"), v.to().map(Enum::name).orElse("?")));
        r.missing().forEach((id, v) -> out.printf(Locale.ROOT, "  %-11s not measured: %s%n", id.id(), v.describe()));
    }

    /** {@code TOP-BOTTOM}, e.g. {@code T1-T12}: at least 4 consecutive levels, top first. */
    static SpineLevel[] levels(String text) throws UsageException {
        try {
            return SpineLevel.range(text, org.orthomeasure.core.spine.SpineCurves.MIN_VERTEBRAE);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--levels " + e.getMessage());
        }
    }
}
