package org.orthomeasure.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.AtomicFiles;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkPlausibility;

/**
 * {@code measure --landmarks L.json [--json OUT|-] [--cpak-asian]}: every measurement the landmarks
 * allow, as JSON ({@link MeasurementJson}) or as a readable table ({@link MeasurementTable}). The
 * landmarks may also come from an OrthoMeasure DICOM SR ({@link StoredReadings}); the report options
 * are {@link ReportExport}'s, the DICOM objects {@link DicomExport}'s.
 *
 * <p>Calibration and film height come through one seam, {@link #inputsFor}: today from the landmark
 * file ({@code calibration}, else {@code pixelSpacingMm}; {@code imageSize}). The {@code --image FILE}
 * option plugs in at {@link #run}: read the radiograph, then pass its calibration and height as the
 * {@code image...} arguments of {@code inputsFor}, which then take precedence over the file's values.
 */
final class MeasureCommand implements Subcommand {

    private static final String USAGE = "usage: measure --landmarks FILE [--image FILE] [--json OUT|-] [--cpak-asian]"
            + " | measure --auto spine IMAGE... [--levels T1-T12] [--json OUT|-] [--landmarks-out L.json]";

    @Override
    public String help() {
        return String.join("\n",
                "usage: measure --landmarks L.json [--image FILM] [--json OUT.json|-] [--cpak-asian] [REPORT] [DICOM]",
                "       measure --auto spine FILM... [--levels T1-T12] [--json OUT.json|-] [--landmarks-out L.json] [REPORT] [DICOM]",
                "       measure --auto longleg FILM... [--side R|L] [--json OUT.json|-] [--landmarks-out L.json] [--cpak-asian] [REPORT] [DICOM]",
                "",
                "  --landmarks L.json     the landmark file (orthomeasure-landmarks/1) or an OrthoMeasure DICOM SR",
                "  --image FILM           the film: calibration, film height, patient details and the picture",
                "  --json OUT.json|-      measurements as JSON to a file or '-' (stdout); without it a table on stdout",
                "  --cpak-asian           CPAK aHKA neutral band \u00b13\u00b0 instead of \u00b12\u00b0",
                "  --auto spine|longleg   suggest the landmarks with the bundled model and measure them",
                "  --side R|L             (--auto longleg) each film shows this one leg only",
                "  --levels TOP-BOTTOM    (--auto spine) the films show only these consecutive levels (4 or more), e.g. T1-T12;",
                "                         without it the model reads which levels a film shows (\"levelsFrom\" in the JSON)",
                "  --landmarks-out L.json (--auto) write the suggested landmarks; a folder with several films",
                "REPORT (one film):",
                "  --pdf OUT.pdf          the PDF report",
                "  --png OUT.png          the annotated film",
                "  --no-patient-details   leave patient and study details (and file names) out",
                "  --user NAME            who reviewed the values, printed in the report",
                "DICOM (one DICOM film: --image with --landmarks, or the --auto film; new series in the film's study):",
                "  --dicom-sr OUT.dcm     measurement report (SR, TID 1500)",
                "  --dicom-sc OUT.dcm     annotated film (secondary capture)",
                "  --dicom-pdf OUT.dcm    the PDF report (encapsulated PDF)");
    }

    @Override
    public String summary() {
        return "measurements from a landmark file (--landmarks L.json [--image FILE] [--json OUT|-] [--cpak-asian])";
    }

    /** What the engine needs besides the landmarks, and where it came from. */
    record Inputs(Calibration calibration, OptionalDouble filmHeightPx, String filmHeightSource) {
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, InputException {
        if (AutoSpineMeasure.handles(args)) {
            return new AutoSpineMeasure().run(args, out, err);
        }
        Path landmarks = null;
        String image = null;
        String json = null;
        boolean asian = false;
        ReportExport report = new ReportExport();
        DicomExport dicom = new DicomExport();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--landmarks" -> landmarks = Path.of(OptionValue.at(args, ++i, "--landmarks"));
                case "--image" -> image = OptionValue.at(args, ++i, "--image");
                case "--json" -> json = OptionValue.at(args, ++i, "--json");
                case "--cpak-asian" -> asian = true;
                case "--help", "-h" -> {
                    out.println(help());
                    return 0;
                }
                default -> {
                    int used = dicom.accept(args, i);
                    used = used > 0 ? used : report.accept(args, i);
                    if (used == 0) {
                        throw new UsageException("unknown option '" + args[i] + "' (" + USAGE + ")");
                    }
                    i += used - 1;
                }
            }
        }
        if (landmarks == null) {
            throw new UsageException("--landmarks FILE is required (" + USAGE + ")");
        }
        dicom.checkFilm(image != null);
        LandmarkDocument doc = StoredReadings.read(landmarks);
        Optional<Radiograph> radiograph = image == null ? Optional.empty() : Optional.of(InfoCommand.open(image));
        Inputs inputs = radiograph.isEmpty() ? inputsFor(doc, Optional.empty(), OptionalDouble.empty())
                : imageInputs(doc, image, radiograph.get());
        if (inputs.calibration().spacing().isPresent()) {
            Optional<String> span = LandmarkPlausibility.spanTooLarge(doc.landmarks(), inputs.calibration().spacing().get());
            if (span.isPresent()) {
                throw new InputException(landmarks + ": " + span.get());
            }
        }
        MeasurementOptions options = new MeasurementOptions(asian, inputs.filmHeightPx()).withFilmMirrored(
                radiograph.map(r -> MeasurementOptions.mirroredOrientation(r.header().patientOrientation())).orElse(false));
        MeasurementSet set = MeasurementEngine.measure(doc.landmarks(), inputs.calibration(), options);
        if (json == null) {
            MeasurementTable.print(set, doc.landmarks(), landmarks.toString(), out);
        } else if (json.equals("-")) {
            out.print(MeasurementJson.toJson(set));
        } else {
            try {
                AtomicFiles.write(Path.of(json), MeasurementJson.toJson(set).getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                throw new InputException("cannot write " + json + " (" + e.getMessage() + ")", e);
            }
        }
        if (dicom.requested()) {
            report.detailsUsedElsewhere();
        }
        report.export(doc, set, options, landmarks, radiograph, Optional.ofNullable(image).map(Path::of), err);
        dicom.export(doc, set, options, landmarks, radiograph, Optional.ofNullable(image).map(Path::of), report, err);
        return 0;
    }

    /**
     * The seam for calibration and film height. Precedence: the image's own values (from {@code --image},
     * when given), then the file's {@code calibration} record, then its {@code pixelSpacingMm}
     * (source unknown), else uncalibrated (lengths in px). Film height: the image's, else the file's
     * {@code imageSize}, else none (the engine then uses the labelled spine's extent and says so).
     */
    static Inputs inputsFor(LandmarkDocument doc, Optional<Calibration> imageCalibration,
                            OptionalDouble imageHeightPx) {
        Calibration calibration = imageCalibration
                .or(doc::calibration)
                .orElseGet(() -> doc.pixelSpacing()
                        .map(s -> Calibration.of(s, CalibrationSource.PIXEL_SPACING,
                                "pixelSpacingMm of the landmark file", null))
                        .orElseGet(() -> Calibration.none("no calibration in the landmark file: lengths are in px")));
        if (imageHeightPx.isPresent()) {
            return new Inputs(calibration, imageHeightPx, "image");
        }
        if (doc.imageSize().isPresent()) {
            return new Inputs(calibration, OptionalDouble.of(doc.imageSize().get().height()), "imageSize");
        }
        return new Inputs(calibration, OptionalDouble.empty(), "labelled spine extent");
    }

    /**
     * Calibration and film height from the radiograph. An uncalibrated image does not override the
     * landmark file's own calibration (e.g. the user's ball or line); landmarks placed on a film of
     * another size are refused.
     */
    static Inputs imageInputs(LandmarkDocument doc, String file, Radiograph r) throws InputException {
        if (doc.imageSize().isPresent()
                && (doc.imageSize().get().width() != r.width() || doc.imageSize().get().height() != r.height())) {
            throw new InputException("the landmarks were placed on a " + doc.imageSize().get().width() + "x"
                    + doc.imageSize().get().height() + " image but " + file + " is " + r.width() + "x" + r.height());
        }
        Optional<String> outside = LandmarkPlausibility.outsideFilm(doc.landmarks(), r.width(), r.height());
        if (outside.isPresent()) {
            throw new InputException(file + ": " + outside.get());
        }
        Optional<Calibration> fromImage = r.calibration().isCalibrated() || doc.calibration().isEmpty() && doc.pixelSpacing().isEmpty()
                ? Optional.of(r.calibration()) : Optional.empty();
        return inputsFor(doc, fromImage, OptionalDouble.of(r.height()));
    }
}
