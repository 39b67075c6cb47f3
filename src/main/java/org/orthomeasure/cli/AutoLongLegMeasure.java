package org.orthomeasure.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Protocol;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.measure.Missing;
import org.orthomeasure.detect.DetectorException;
import org.orthomeasure.detect.GreyImage;
import org.orthomeasure.detect.longleg.LegLayout;
import org.orthomeasure.detect.longleg.LegPoint;
import org.orthomeasure.detect.longleg.LegSuggestion;
import org.orthomeasure.detect.longleg.LongLegDetection;
import org.orthomeasure.detect.longleg.LongLegDetector;
import org.orthomeasure.detect.longleg.SuggestedLandmarks;
import org.orthomeasure.io.AtomicFiles;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.landmarks.ImageSize;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileException;
import org.orthomeasure.io.landmarks.LandmarkFileWriter;

/**
 * {@code measure --auto longleg FILM... [--side R|L] [--json OUT|-] [--landmarks-out L.json] [--pdf OUT.pdf]}:
 * suggests the lower-limb landmarks of each standing AP long-leg film ({@link LongLegDetector}) and measures
 * them with the engine, under the same measurement ids as {@code measure --landmarks}. A leg whose suggestion
 * is low confidence has its measurements withheld (listed under {@code missing} with the reason); its
 * suggested landmarks are still written for the user to check. {@code --side} says that each film shows one
 * leg only, and which. Several films give JSON Lines, each with its {@code input}.
 */
final class AutoLongLegMeasure {

    static final String USAGE = "usage: measure --auto longleg FILM... [--side R|L] [--json OUT|-] "
            + "[--landmarks-out L.json] [--cpak-asian] " + ReportExport.USAGE + " " + DicomExport.USAGE;

    int run(String[] args, PrintStream out, PrintStream err) throws UsageException, InputException {
        List<Path> films = new ArrayList<>();
        String json = null;
        Path landmarksOut = null;
        Optional<Side> side = Optional.empty();
        boolean asian = false;
        ReportExport report = new ReportExport();
        DicomExport dicom = new DicomExport();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--auto" -> i++;
                case "--json" -> json = OptionValue.at(args, ++i, a);
                case "--landmarks-out" -> landmarksOut = Path.of(OptionValue.at(args, ++i, a));
                case "--cpak-asian" -> asian = true;
                case "--side" -> {
                    String s = OptionValue.at(args, ++i, a);
                    side = Optional.of(switch (s) {
                        case "R", "r" -> Side.R;
                        case "L", "l" -> Side.L;
                        default -> throw new UsageException("--side takes R or L, got '" + s + "'");
                    });
                }
                default -> {
                    int used = dicom.accept(args, i);
                    used = used > 0 ? used : report.accept(args, i);
                    if (used > 0) {
                        i += used - 1;
                    } else if (a.startsWith("--")) {
                        throw new UsageException("unknown option " + a + " with --auto longleg (" + USAGE + ")");
                    } else {
                        films.add(Path.of(a));
                    }
                }
            }
        }
        if (films.isEmpty()) {
            throw new UsageException("no film given (" + USAGE + ")");
        }
        if ((report.requested() || dicom.requested()) && films.size() > 1) {
            throw new UsageException("--pdf, --png and --dicom-* take one film at a time");
        }
        if (dicom.requested()) {
            report.detailsUsedElsewhere();
        }
        MeasurementOptions options = MeasurementOptions.defaults().withCpakAsianBand(asian);
        List<String> lines = new ArrayList<>();
        try (LongLegDetector detector = LongLegDetector.loadDefault()) {
            for (Path film : films) {
                Radiograph r = InfoCommand.open(film.toString());
                GreyImage grey = GreyImage.fromRadiograph(r);
                LegLayout layout = layoutFor(side, r, film);
                LongLegDetection d = detector.detect(grey, layout);
                SuggestedLandmarks s = SuggestedLandmarks.of(LandmarkSet.empty(), d.legs());
                MeasurementOptions filmOptions = options.withFilmMirrored(
                        MeasurementOptions.mirroredOrientation(r.header().patientOrientation()));
                MeasurementSet set = withheldForLowLegs(MeasurementEngine.measure(s.landmarks(), r.calibration(),
                        filmOptions), d);
                LandmarkDocument doc = LandmarkDocument.of(s.landmarks())
                        .withImageSize(ImageSize.of(r.width(), r.height()))
                        .withProtocol(Protocol.LONG_LEG)
                        .withSuggested(s.suggested());
                if (landmarksOut != null) {
                    write(AutoSpineMeasure.landmarksFile(landmarksOut, film, films.size() > 1), doc);
                }
                lines.add(toJson(film, r, d, set));
                if (json == null) {
                    printTable(out, film, d, set, s.landmarks());
                }
                report.export(doc, set, filmOptions, film, Optional.of(r), Optional.of(film), err);
                dicom.export(doc, set, filmOptions, film, Optional.of(r), Optional.of(film), report, err);
            }
        } catch (DetectorException e) {
            throw new InputException(e.getMessage(), e);
        }
        String text = String.join("\n", lines) + "\n";
        if ("-".equals(json)) {
            out.print(text);
        } else if (json != null) {
            try {
                AtomicFiles.write(Path.of(json), text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InputException("cannot write " + json + ": " + e.getMessage(), e);
            }
        }
        return 0;
    }

    /**
     * The layout: one leg when --side says so; else bilateral, unless the film is one leg's shape (then the
     * leg its header's laterality names); mirrored when the film's Patient Orientation says so.
     */
    private static LegLayout layoutFor(Optional<Side> side, Radiograph r, Path film) throws InputException {
        boolean mirrored = MeasurementOptions.mirroredOrientation(r.header().patientOrientation());
        if (side.isPresent()) {
            return LegLayout.oneLeg(side.get()).withMirrored(mirrored);
        }
        return LegLayout.fromFilm(r.width(), r.height(), r.header().laterality()).orElseThrow(() -> new InputException(
                film + ": the film is " + r.width() + " x " + r.height() + " px, the shape of one leg, and does not say "
                        + "which: say which with --side R or --side L")).withMirrored(mirrored);
    }

    /** {@code set} without the measurements of low-confidence legs (and LLD when one is), listed as missing. */
    static MeasurementSet withheldForLowLegs(MeasurementSet set, LongLegDetection d) {
        List<Measurement> kept = new ArrayList<>();
        Map<MeasurementId, Missing> missing = new LinkedHashMap<>(set.missing());
        for (Measurement m : set.measurements()) {
            Optional<String> reason = reasonWithheld(m.id(), d);
            if (reason.isPresent()) {
                missing.put(m.id(), Missing.of(List.of(), "low confidence: " + reason.get() + "; check the suggested landmarks"));
            } else {
                kept.add(m);
            }
        }
        return MeasurementSet.of(kept, missing, set.calibration(), set.notes());
    }

    private static Optional<String> reasonWithheld(MeasurementId id, LongLegDetection d) {
        List<Side> sides = id.side().map(List::of).orElse(id.equals(MeasurementId.LLD) ? List.of(Side.R, Side.L) : List.of());
        for (Side s : sides) {
            Optional<LegSuggestion> leg = d.leg(s);
            if (leg.isPresent() && leg.get().low()) {
                return Optional.of(s.word().toLowerCase(Locale.ROOT) + " leg: " + leg.get().lowConfidenceReason().orElseThrow());
            }
        }
        return Optional.empty();
    }

    /** Writes a landmark file atomically; a failure is the input error naming the file. */
    static void write(Path file, LandmarkDocument doc) throws InputException {
        try {
            new LandmarkFileWriter().write(file, doc);
        } catch (LandmarkFileException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    private static String toJson(Path film, Radiograph r, LongLegDetection d, MeasurementSet set) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("input", film.toString());
        root.putArray("imageSize").add(r.width()).add(r.height());
        root.setAll(MeasurementJson.tree(set));
        root.put("suggested", true);
        root.put("model", d.model());
        ObjectNode legs = root.putObject("legs");
        for (LegSuggestion leg : d.legs()) {
            ObjectNode o = legs.putObject(leg.side().name());
            o.put("confidence", round(leg.legConfidence(), 1000));
            o.put("lowConfidence", leg.low());
            leg.lowConfidenceReason().ifPresent(s -> o.put("lowConfidenceReason", s));
            leg.head().ifPresent(c -> o.putObject("femoralHeadCircle").put("x", round(c.center().x(), 100))
                    .put("y", round(c.center().y(), 100)).put("radius", round(c.radius(), 100)));
            ObjectNode pts = o.putObject("landmarks");
            for (Map.Entry<LegPoint, Point2> e : leg.points().entrySet()) {
                pts.putObject(leg.side().prefix() + e.getKey().id())
                        .put("x", round(e.getValue().x(), 100)).put("y", round(e.getValue().y(), 100))
                        .put("confidence", round(leg.confidence().getOrDefault(e.getKey(), 0.0), 1000));
            }
        }
        return root.toString();
    }

    private static double round(double v, int scale) {
        return Math.round(v * scale) / (double) scale;
    }

    private static void printTable(PrintStream out, Path film, LongLegDetection d, MeasurementSet set,
                                   LandmarkSet landmarks) {
        out.println(film);
        for (LegSuggestion leg : d.legs()) {
            out.printf(Locale.ROOT, "  %s leg: confidence %.2f%s%n", leg.side().word(), leg.legConfidence(),
                    leg.low() ? "  LOW: " + leg.lowConfidenceReason().orElseThrow() : "");
        }
        for (Measurement m : set.measurements()) {
            out.printf(Locale.ROOT, "  %-16s %10s %s  (suggested landmarks)%n", m.id().id(), m.formattedValue(), m.unit().symbol());
        }
        List<String> withheld = new ArrayList<>();
        set.missingWhereWorkedOn(landmarks).forEach((id, v) -> {
            if (v.note().filter(n -> n.startsWith("low confidence")).isPresent()) {
                withheld.add(id.id());
            } else {
                out.printf(Locale.ROOT, "  %-16s not measured: %s%n", id.id(), v.describe());
            }
        });
        if (!withheld.isEmpty()) {
            out.println("  not measured (low confidence, see above): " + String.join(", ", withheld));
        }
    }
}
