package org.orthomeasure.ui;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import org.orthomeasure.core.compare.Comparison;
import org.orthomeasure.core.compare.ReadingComparator;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.landmarks.ImageSize;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileException;
import org.orthomeasure.io.landmarks.LandmarkFileReader;
import org.orthomeasure.ui.session.Session;

/**
 * Check mode (issue 6): a reference reading of the same film (an attending's landmark file, or the
 * app's suggestion) is attached hidden, so the user's reading stays blind; once revealed, the user's
 * reading (A) is compared with it (B) by {@link ReadingComparator}, live, with the session's
 * calibration and options. Nothing of the reference is computed for display before it is revealed:
 * {@link #comparisonProperty()} is null until then. FX thread only.
 */
public final class CheckMode {

    private final Session session;
    private final Dialogs dialogs;
    private final ReportActions reports;
    private final Consumer<String> status;
    private final ObjectBinding<Comparison> comparison;

    public CheckMode(Session session, Dialogs dialogs, ReportActions reports, Consumer<String> status) {
        this.session = session;
        this.dialogs = dialogs;
        this.reports = reports;
        this.status = status;
        this.comparison = Bindings.createObjectBinding(this::compare, session.readingProperty(),
                session.referenceProperty(), session.referenceRevealedProperty(), session.calibrationProperty(),
                session.optionsProperty());
        session.referenceRevealedProperty().addListener((o, a, b) -> {
            if (b && session.referenceProperty().get() != null) {
                status.accept("Reference revealed: " + session.referenceNameProperty().get()
                        + " (pink); the Check tab lists the differences");
            }
        });
    }

    /** The comparison of the user's reading with the revealed reference; null when none is revealed. */
    public ObjectBinding<Comparison> comparisonProperty() {
        return comparison;
    }

    private Comparison compare() {
        Reading ref = session.referenceProperty().get();
        if (ref == null || !session.referenceRevealedProperty().get()) {
            return null;
        }
        return ReadingComparator.compare(session.reading().landmarks(), ref.landmarks(), session.calibration(),
                session.optionsProperty().get());
    }

    /** Asks for a landmark file and attaches it as the hidden reference. */
    public void loadReferenceWithDialog() {
        if (session.radiograph() == null) {
            dialogs.showError("Reference reading", "Open a film first");
            return;
        }
        dialogs.chooseLandmarkFile(Optional.ofNullable(session.imagePath()).map(Path::getParent))
                .ifPresent(this::loadReference);
    }

    /**
     * Reads {@code file} and attaches it as the hidden reference; a file made for a film of another
     * size, or one the reader rejects, is refused with one line.
     *
     * @return true when attached
     */
    public boolean loadReference(Path file) {
        Radiograph film = session.radiograph();
        try {
            LandmarkDocument doc = new LandmarkFileReader().read(file);
            Optional<ImageSize> size = doc.imageSize();
            if (film != null && size.isPresent()
                    && (size.get().width() != film.width() || size.get().height() != film.height())) {
                throw new LandmarkFileException(file.getFileName() + ": made for a " + size.get().width() + "x"
                        + size.get().height() + " image, but this film is " + film.width() + "x" + film.height());
            }
            if (doc.landmarks().isEmpty()) {
                throw new LandmarkFileException(file.getFileName() + ": has no landmarks to compare with");
            }
            session.setReference(Reading.of(doc.landmarks()), file.getFileName().toString());
            status.accept("Reference reading loaded from " + file.getFileName()
                    + " (hidden: finish your reading, then Check > Reveal)");
            return true;
        } catch (LandmarkFileException e) {
            dialogs.showError("Reference reading", e.getMessage());
            return false;
        }
    }

    /** Shows the reference and the comparison. */
    public void reveal() {
        if (session.referenceProperty().get() != null) {
            session.referenceRevealedProperty().set(true);
        }
    }

    /** Asks where to write the one-page comparison PDF and writes it in the background. */
    public CompletableFuture<Optional<Path>> exportWithDialog() {
        if (comparison.get() == null) {
            dialogs.showError("Export comparison", "Load a reference reading and reveal it first");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return dialogs.chooseSaveFile("Export comparison (PDF)", "pdf", reports.suggested("-comparison.pdf"))
                .map(p -> export(ReportActions.withExtension(p, "pdf")))
                .orElse(CompletableFuture.completedFuture(Optional.empty()));
    }

    /** Writes the comparison PDF (your reading = A, reference = B) to {@code file} in the background. */
    public CompletableFuture<Optional<Path>> export(Path file) {
        Comparison c = comparison.get();
        if (c == null) {
            dialogs.showError("Export comparison", "Load a reference reading and reveal it first");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return reports.exportComparison(file, c, session.reading().landmarks(),
                session.referenceProperty().get().landmarks(), "your reading of " + session.imagePath().getFileName(),
                session.referenceNameProperty().get());
    }
}
