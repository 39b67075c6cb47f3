package org.orthomeasure.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.orthomeasure.core.compare.Comparison;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.overlay.OverlayBuilder;
import org.orthomeasure.core.overlay.OverlayGroup;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.report.AnnotatedImage;
import org.orthomeasure.report.ComparisonContent;
import org.orthomeasure.report.ComparisonPdf;
import org.orthomeasure.report.FilmView;
import org.orthomeasure.report.PdfReport;
import org.orthomeasure.report.ReportContent;
import org.orthomeasure.report.ReportText;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.session.SessionStore;
import org.orthomeasure.ui.viewer.ViewerViewModel;

/**
 * File > Export: the PDF report and the annotated PNG, written by the report package off the FX
 * thread from an immutable snapshot of the session (the film as the user sees it: window, polarity,
 * visible overlay groups).
 */
public final class ReportActions implements AutoCloseable {

    /** Longer side of an exported PNG, px (never enlarged). */
    public static final int PNG_MAX_SIZE = 4096;

    private final Session session;
    private final ViewerViewModel viewer;
    private final Dialogs dialogs;
    private final java.util.function.Consumer<String> status;
    private final BooleanProperty omitPatientDetails = new SimpleBooleanProperty(this, "omitPatientDetails");
    private final StringProperty reviewer = new SimpleStringProperty(this, "reviewer", "");
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "orthomeasure-report");
        t.setDaemon(true);
        return t;
    });

    public ReportActions(Session session, ViewerViewModel viewer, Dialogs dialogs, java.util.function.Consumer<String> status) {
        this.session = session;
        this.viewer = viewer;
        this.dialogs = dialogs;
        this.status = status;
    }

    /** True to leave patient and study details out of the report (the report says so). */
    public BooleanProperty omitPatientDetailsProperty() {
        return omitPatientDetails;
    }

    /** Who reviewed the values (asked at the first export); empty when not given. */
    public StringProperty reviewerProperty() {
        return reviewer;
    }

    /** Asks where to write the PDF report and writes it in the background; the future completes on the FX thread. */
    public CompletableFuture<Optional<Path>> exportReportWithDialog() {
        Radiograph film = session.radiograph();
        if (film == null) {
            dialogs.showError("Export report", "Open a film first");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Optional<Path> target = dialogs.chooseSaveFile("Export report (PDF)", "pdf", suggested("-report.pdf"));
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Optional<String> who = dialogs.askText("Export report", "Values reviewed by (name, may be left empty):",
                reviewer.get());
        if (who.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        reviewer.set(who.get());
        return exportReport(withExtension(target.get(), "pdf"));
    }

    /** Writes the PDF report of the current session to {@code file} in the background. */
    public CompletableFuture<Optional<Path>> exportReport(Path file) {
        ReportContent content = reportContent();
        return write(file, () -> PdfReport.write(content, file));
    }

    /**
     * The report of what the session shows now, as {@link #exportReport} writes it, the landmarks that are
     * still unconfirmed suggestions named (FX thread; a film must be open).
     */
    ReportContent reportContent() {
        Path image = session.imagePath();
        return new ReportContent(session.reading().landmarks(), session.measurements(),
                session.optionsProperty().get(), Optional.of(filmView()), Optional.of(session.radiograph().header()),
                omitPatientDetails.get(), Optional.of(reviewer.get()), ZonedDateTime.now(), version(),
                SessionStore.sessionFile(image).getFileName().toString(),
                Optional.of(image.getFileName().toString()), SessionStore.document(session).suggested());
    }

    /** Asks where to write the annotated PNG and writes it in the background. */
    public CompletableFuture<Optional<Path>> exportPngWithDialog() {
        if (session.radiograph() == null) {
            dialogs.showError("Export annotated image", "Open a film first");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return dialogs.chooseSaveFile("Export annotated image (PNG)", "png", suggested("-annotated.png"))
                .map(p -> exportPng(withExtension(p, "png")))
                .orElse(CompletableFuture.completedFuture(Optional.empty()));
    }

    /** Writes the whole film with the visible overlay groups, as shown, to {@code file} in the background. */
    public CompletableFuture<Optional<Path>> exportPng(Path file) {
        Picture picture = annotatedPicture();
        return write(file, () -> AnnotatedImage.writePng(picture.draw(), file));
    }

    /** A picture to draw later, on any thread. */
    interface Picture {
        java.awt.image.BufferedImage draw() throws IOException;
    }

    /**
     * The whole film with the visible overlay groups, as shown, at most {@link #PNG_MAX_SIZE} px: the snapshot
     * is taken now (FX thread), the returned job draws it on any thread (IOException when there is nothing to draw).
     */
    Picture annotatedPicture() {
        var overlay = OverlayBuilder.build(session.reading().landmarks(), session.measurements());
        FilmView film = filmView();
        EnumSet<OverlayGroup> visible = viewer.visibleGroups().isEmpty() ? EnumSet.noneOf(OverlayGroup.class)
                : EnumSet.copyOf(viewer.visibleGroups());
        List<String> flags = ReportText.plausibility(session.reading().landmarks(), session.calibration());
        return () -> AnnotatedImage.render(Optional.of(film), List.of(AnnotatedImage.Layer.standard(overlay)),
                AnnotatedImage.Framing.WHOLE_FILM, PNG_MAX_SIZE, visible, flags)
                .orElseThrow(() -> new IOException("nothing to draw"));
    }

    /**
     * Writes the one-page comparison PDF of reading A (the user's) with reading B (the reference) in the
     * background, the film as the user sees it.
     */
    public CompletableFuture<Optional<Path>> exportComparison(Path file, Comparison comparison, LandmarkSet a,
                                                               LandmarkSet b, String nameA, String nameB) {
        ComparisonContent content = new ComparisonContent(comparison, a, b, nameA, nameB, Optional.of(filmView()),
                ZonedDateTime.now(), version());
        return write(file, () -> ComparisonPdf.write(content, file));
    }

    private FilmView filmView() {
        Radiograph r = session.radiograph();
        var window = viewer.windowProperty().get() == null ? r.defaultWindow() : viewer.windowProperty().get();
        return new FilmView(r, window, viewer.invertProperty().get());
    }

    private interface Job {
        void run() throws IOException;
    }

    private CompletableFuture<Optional<Path>> write(Path file, Job job) {
        CompletableFuture<Optional<Path>> done = new CompletableFuture<>();
        status.accept("Writing " + file.getFileName() + " …");
        long t0 = System.nanoTime();
        writer.submit(() -> {
            try {
                job.run();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                Platform.runLater(() -> {
                    status.accept(String.format(Locale.ROOT, "Wrote %s in %d ms", file, ms));
                    done.complete(Optional.of(file));
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    String msg = "Cannot write " + file + ": " + e.getMessage();
                    status.accept(msg);
                    dialogs.showError("Export", msg);
                    done.complete(Optional.empty());
                });
            }
        });
        return done;
    }

    /** A file beside the film named after it with {@code suffix} (e.g. "-report.pdf"). */
    Path suggested(String suffix) {
        Path image = session.imagePath().toAbsolutePath();
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return image.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
    }

    static Path withExtension(Path p, String ext) {
        String name = p.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith("." + ext) ? p : p.resolveSibling(name + "." + ext);
    }

    /** The version from the jar manifest, "dev" when run from classes. */
    static String version() {
        String v = ReportActions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
