package org.orthomeasure.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.overlay.Overlay;
import org.orthomeasure.core.overlay.OverlayBuilder;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.report.AnnotatedImage;
import org.orthomeasure.report.FilmView;
import org.orthomeasure.report.PdfReport;
import org.orthomeasure.report.ReportText;
import org.orthomeasure.core.overlay.OverlayGroup;
import java.util.EnumSet;
import org.orthomeasure.report.ReportContent;

/**
 * The report options of {@code measure}: {@code --pdf OUT.pdf}, {@code --png OUT.png},
 * {@code --no-patient-details}, {@code --user NAME}. {@link MeasureCommand} hands every option it does
 * not know to {@link #accept}, and calls {@link #export} after measuring. Without an image the PDF
 * has no picture and the PNG shows the annotations on black.
 */
final class ReportExport {

    /** The longer side of the exported PNG in pixels (never enlarged). */
    static final int PNG_MAX_SIZE = 4096;

    static final String USAGE = "[--pdf OUT.pdf] [--png OUT.png] [--no-patient-details] [--user NAME]";

    private Path pdf;
    private Path png;
    private boolean omitPatientDetails;
    private Optional<String> user = Optional.empty();
    private boolean detailsUsedElsewhere;

    /**
     * Consumes the report option at {@code args[i]}, if it is one.
     *
     * @return how many arguments were consumed (0 when {@code args[i]} is not a report option)
     */
    int accept(String[] args, int i) throws UsageException {
        switch (args[i]) {
            case "--pdf" -> {
                pdf = Path.of(OptionValue.at(args, i + 1, args[i]));
                return 2;
            }
            case "--png" -> {
                png = Path.of(OptionValue.at(args, i + 1, args[i]));
                return 2;
            }
            case "--user" -> {
                String u = OptionValue.at(args, i + 1, args[i]).strip();
                if (u.isEmpty()) {
                    throw new UsageException("--user needs a name");
                }
                user = Optional.of(u);
                return 2;
            }
            case "--no-patient-details" -> {
                omitPatientDetails = true;
                return 1;
            }
            default -> {
                return 0;
            }
        }
    }

    /** The name given with {@code --user}. */
    Optional<String> user() {
        return user;
    }

    /** True when {@code --no-patient-details} was given. */
    boolean omitsPatientDetails() {
        return omitPatientDetails;
    }

    /** {@code --user} and {@code --no-patient-details} also serve another output (the DICOM objects). */
    void detailsUsedElsewhere() {
        detailsUsedElsewhere = true;
    }

    /** True when a PDF or PNG was asked for. */
    boolean requested() {
        return pdf != null || png != null;
    }

    /**
     * Writes the requested files and says so on {@code log}.
     *
     * @param doc           the landmark document measured
     * @param measurements  its measurements
     * @param options       the options they were made with
     * @param landmarkFile  the landmark file (named in the report)
     * @param image         the radiograph and its file, when {@code --image} was given
     * @throws UsageException when only patient-detail options were given without an output
     * @throws InputException when a file cannot be written or there is nothing to draw
     */
    void export(LandmarkDocument doc, MeasurementSet measurements, MeasurementOptions options, Path landmarkFile,
                Optional<Radiograph> image, Optional<Path> imageFile, PrintStream log)
            throws UsageException, InputException {
        if (!requested()) {
            if (!detailsUsedElsewhere && (omitPatientDetails || user.isPresent())) {
                throw new UsageException("--no-patient-details and --user apply to a report: add --pdf OUT.pdf");
            }
            return;
        }
        if (png != null) {
            Optional<BufferedImage> picture = annotated(doc, measurements, image);
            if (picture.isEmpty()) {
                throw new InputException("nothing to draw for " + png + ": no image and no landmarks");
            }
            try {
                requireFolder(png);
                AnnotatedImage.writePng(picture.get(), png);
            } catch (IOException e) {
                throw new InputException("cannot write " + png + " (" + e.getMessage() + ")", e);
            }
            log.println("wrote " + png);
        }
        if (pdf != null) {
            ReportContent content = content(doc, measurements, options, landmarkFile, image, imageFile);
            try {
                requireFolder(pdf);
                PdfReport.write(content, pdf);
            } catch (IOException e) {
                throw new InputException("cannot write " + pdf + " (" + e.getMessage() + ")", e);
            }
            log.println("wrote " + pdf);
        }
    }

    /** The film with the reading drawn on it (at most {@link #PNG_MAX_SIZE} on its longer side), if anything to draw. */
    static Optional<BufferedImage> annotated(LandmarkDocument doc, MeasurementSet measurements, Optional<Radiograph> image) {
        Overlay overlay = OverlayBuilder.build(doc.landmarks(), measurements);
        return AnnotatedImage.render(image.map(FilmView::of), List.of(AnnotatedImage.Layer.standard(overlay)),
                AnnotatedImage.Framing.WHOLE_FILM, PNG_MAX_SIZE, EnumSet.allOf(OverlayGroup.class),
                ReportText.plausibility(doc.landmarks(), measurements.calibration()));
    }

    /** What the PDF report shows, with this command's patient-detail and user options. */
    ReportContent content(LandmarkDocument doc, MeasurementSet measurements, MeasurementOptions options, Path landmarkFile,
                          Optional<Radiograph> image, Optional<Path> imageFile) {
        return new ReportContent(doc.landmarks(), measurements, options, image.map(FilmView::of),
                image.map(Radiograph::header), omitPatientDetails, user, ZonedDateTime.now(), Version.current(),
                fileName(landmarkFile), imageFile.map(ReportExport::fileName), doc.suggested());
    }

    static void requireFolder(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("folder " + parent + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IOException("it is a folder");
        }
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }
}
