package org.orthomeasure.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.detect.provenance.SuggestionAlgorithm;
import org.orthomeasure.io.dicom.DicomFilm;
import org.orthomeasure.io.dicom.EncapsulatedPdfWriter;
import org.orthomeasure.io.dicom.MeasurementReport;
import org.orthomeasure.io.dicom.MeasurementReportWriter;
import org.orthomeasure.io.dicom.SecondaryCaptureWriter;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.report.PdfReport;

/**
 * The DICOM options of {@code measure}: {@code --dicom-sr OUT.dcm} (the measurement report, TID 1500),
 * {@code --dicom-sc OUT.dcm} (the annotated film as secondary capture), {@code --dicom-pdf OUT.dcm}
 * (the PDF report encapsulated). They go into the film's study, so {@code --image} must be the DICOM
 * film. The observer is {@code --user NAME}, else the login name.
 */
final class DicomExport {

    static final String USAGE = "[--dicom-sr OUT.dcm] [--dicom-sc OUT.dcm] [--dicom-pdf OUT.dcm]";

    private Path sr;
    private Path sc;
    private Path pdf;

    /** Consumes the DICOM option at {@code args[i]}; returns how many arguments it took (0: not one). */
    int accept(String[] args, int i) throws UsageException {
        switch (args[i]) {
            case "--dicom-sr" -> sr = Path.of(OptionValue.at(args, i + 1, args[i]));
            case "--dicom-sc" -> sc = Path.of(OptionValue.at(args, i + 1, args[i]));
            case "--dicom-pdf" -> pdf = Path.of(OptionValue.at(args, i + 1, args[i]));
            default -> {
                return 0;
            }
        }
        return 2;
    }

    boolean requested() {
        return sr != null || sc != null || pdf != null;
    }

    /** Refuses DICOM objects without a film to put them with, before anything is measured or written. */
    void checkFilm(boolean imageGiven) throws UsageException {
        if (requested() && !imageGiven) {
            throw new UsageException("--dicom-sr/--dicom-sc/--dicom-pdf go into the film's study: add --image FILM.dcm");
        }
    }

    /**
     * Writes the requested objects and says so on {@code log}.
     *
     * @throws UsageException when there is no DICOM film to put them with
     * @throws InputException when the film cannot be read or a file cannot be written
     */
    void export(LandmarkDocument doc, MeasurementSet set, MeasurementOptions options, Path landmarkFile,
                Optional<Radiograph> image, Optional<Path> imageFile, ReportExport report, PrintStream log)
            throws UsageException, InputException {
        if (!requested()) {
            return;
        }
        checkFilm(imageFile.isPresent());
        DicomFilm film;
        try {
            film = DicomFilm.read(imageFile.get());
        } catch (IOException e) {
            throw new InputException("the DICOM objects need a DICOM film: " + e.getMessage(), e);
        }
        ZonedDateTime now = ZonedDateTime.now();
        if (sr != null) {
            String observer = report.user().orElseGet(() -> System.getProperty("user.name", "unknown"));
            MeasurementReport content = new MeasurementReport(doc, set, observer, algorithm(doc), now, Version.current());
            write(sr, () -> MeasurementReportWriter.write(sr, film, content), log);
        }
        if (sc != null) {
            BufferedImage picture = ReportExport.annotated(doc, set, image)
                    .orElseThrow(() -> new InputException("nothing to draw for " + sc));
            write(sc, () -> SecondaryCaptureWriter.write(sc, film, picture, now, Version.current()), log);
        }
        if (pdf != null) {
            byte[] bytes;
            try {
                Path tmp = Files.createTempFile("orthomeasure-report", ".pdf");
                try {
                    PdfReport.write(report.content(doc, set, options, landmarkFile, image, imageFile), tmp);
                    bytes = Files.readAllBytes(tmp);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new InputException("cannot make the PDF report for " + pdf + " (" + e.getMessage() + ")", e);
            }
            write(pdf, () -> EncapsulatedPdfWriter.write(pdf, film, bytes, "OrthoMeasure measurement report",
                    !report.omitsPatientDetails(), now, Version.current()), log);
        }
    }

    private interface Writer {
        String write() throws IOException;
    }

    private static void write(Path out, Writer w, PrintStream log) throws InputException {
        try {
            String uid = w.write();
            log.println("wrote " + out + " (SOP Instance UID " + uid + ")");
        } catch (IOException e) {
            throw new InputException("cannot write " + out + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The algorithm behind the unconfirmed suggestions: vertebrae from the bundled spine detector, lower-limb
     * landmarks from the bundled long-leg segmentation ({@link SuggestionAlgorithm}), each naming its models.
     */
    static Optional<MeasurementReport.Algorithm> algorithm(LandmarkDocument doc) {
        return SuggestionAlgorithm.forSuggested(doc.suggested(), Version.current())
                .map(a -> new MeasurementReport.Algorithm(a.name(), a.version(), a.model()));
    }
}
