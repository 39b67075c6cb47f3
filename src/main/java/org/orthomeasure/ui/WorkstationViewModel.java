package org.orthomeasure.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.ui.session.Autosaver;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.session.SessionStore;
import org.orthomeasure.ui.viewer.DisplayImages;
import org.orthomeasure.ui.viewer.ViewerViewModel;

/**
 * The workstation's application logic: opening films off the FX thread (decode, overview, restore
 * the session beside the file), autosaving the session (debounced, atomic, and on exit), recent
 * files and sample films, the reference reading, and the status line. Services come in through the
 * constructor; FX thread only, except the background jobs it starts.
 */
public final class WorkstationViewModel implements AutoCloseable {

    /** Quiet time before an autosave. */
    public static final long AUTOSAVE_DELAY_MS = 800;

    private final Session session;
    private final ViewerViewModel viewer;
    private final Dialogs dialogs;
    private final SessionStore store;
    private final RecentFiles recent;
    private final Autosaver autosaver;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "orthomeasure-open");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "OrthoMeasure");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper saveState = new ReadOnlyStringWrapper(this, "saveState", "");
    private final ReportActions reports;
    private final CheckMode check;
    private final SuggestActions suggestions;
    private final PacsActions pacs;
    /** The file the last autosave wrote (saver thread writes, FX thread reads). */
    private volatile Path lastSaved;
    /** The film whose session the last autosave was for (saver thread writes, FX thread reads). */
    private volatile Path lastSavedImage;

    public WorkstationViewModel(Session session, ViewerViewModel viewer, Dialogs dialogs, SessionStore store,
                                RecentFiles recent) {
        this(session, viewer, dialogs, store, recent, PacsActions.Config.inUserHome(null));
    }

    /** As above, with where the PACS settings, the retrieval cache and the outbox are kept. */
    public WorkstationViewModel(Session session, ViewerViewModel viewer, Dialogs dialogs, SessionStore store,
                                RecentFiles recent, PacsActions.Config pacsConfig) {
        this.session = session;
        this.viewer = viewer;
        this.dialogs = dialogs;
        this.store = store;
        this.recent = recent;
        this.reports = new ReportActions(session, viewer, dialogs, status::set);
        this.check = new CheckMode(session, dialogs, reports, status::set);
        this.suggestions = new SuggestActions(session, dialogs, status::set);
        this.pacs = new PacsActions(session, dialogs, reports, status::set, this::open, pacsConfig);
        this.autosaver = new Autosaver(AUTOSAVE_DELAY_MS, failure -> {
            Path written = lastSaved;
            Path image = lastSavedImage;
            Platform.runLater(() -> savedTo(failure, written, image));
        });
        session.revisionProperty().addListener((o, a, b) -> {
            if (b.longValue() > 0) {
                scheduleAutosave();
            }
        });
        session.refusalProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                status.set(b);
            }
        });
        viewer.aidNoticeProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                status.set(b);
            }
        });
    }

    // ---------------------------------------------------------------- open

    /** Asks for a film and opens it. */
    public void openWithDialog() {
        Optional<Path> folder = Optional.ofNullable(session.imagePath()).map(Path::getParent)
                .or(() -> sampleFolder());
        dialogs.chooseImage(folder).ifPresent(this::open);
    }

    /**
     * Opens a film in the background: decode, build the display overview and restore the session;
     * then shows it. The returned future completes on the FX thread once the film is shown (or the
     * error reported).
     */
    public CompletableFuture<Void> open(Path path) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (session.radiograph() != null) {
            autosaver.flush();
        }
        busy.set(true);
        status.set("Opening " + path.getFileName() + " …");
        long t0 = System.nanoTime();
        loader.submit(() -> {
            try {
                Radiograph film = RadiographReader.read(path);
                long t1 = System.nanoTime();
                DisplayImages images = DisplayImages.of(film);
                SessionStore.Restored restored = store.load(path, film);
                long t2 = System.nanoTime();
                Platform.runLater(() -> {
                    session.load(path, film, restored);
                    viewer.filmShown(images);
                    saveState.set(restored.message().isPresent() ? "Session restored" : "");
                    recent.add(path);
                    title.set("OrthoMeasure — " + path.getFileName());
                    long t3 = System.nanoTime();
                    status.set(String.format(Locale.ROOT, "%s: %d×%d, opened in %d ms (decode %d, display %d); %s (%s)%s%s",
                            path.getFileName(), film.width(), film.height(), (t3 - t0) / 1_000_000,
                            (t1 - t0) / 1_000_000, (t3 - t1) / 1_000_000, session.protocol().name(),
                            session.protocolReasonProperty().get(),
                            film.notes().isEmpty() ? "" : "; " + String.join("; ", film.notes()),
                            restored.message().map(m -> "; " + m).orElse("")));
                    restored.problem().ifPresent(m -> dialogs.showError("Session", m));
                    busy.set(false);
                    done.complete(null);
                });
            } catch (ImageReadException e) {
                failed(e.getMessage(), done);
            } catch (RuntimeException | OutOfMemoryError e) {
                failed(path.getFileName() + ": cannot be opened (" + e + ")", done);
            }
        });
        return done;
    }

    private void failed(String message, CompletableFuture<Void> done) {
        Platform.runLater(() -> {
            busy.set(false);
            status.set(message);
            dialogs.showError("Cannot open the film", message);
            done.complete(null);
        });
    }

    /** The sample films shipped beside the application ({@code sample-dicom/*.dcm}), sorted by name. */
    public List<Path> sampleFilms() {
        return sampleFolder().map(dir -> {
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcm")).sorted().toList();
            } catch (IOException e) {
                return List.<Path>of();
            }
        }).orElse(List.of());
    }

    /** {@code sample-dicom/} in the working folder, or beside the jar's folder. */
    public static Optional<Path> sampleFolder() {
        Path here = Path.of("sample-dicom");
        if (Files.isDirectory(here)) {
            return Optional.of(here.toAbsolutePath());
        }
        try {
            Path jar = Path.of(WorkstationViewModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("sample-dicom"))) {
                    return Optional.of(p.resolve("sample-dicom"));
                }
            }
        } catch (Exception e) {
            // no code source: no samples
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- sessions

    private void scheduleAutosave() {
        Path image = session.imagePath();
        if (image == null || session.radiograph() == null) {
            return;
        }
        LandmarkDocument doc = SessionStore.document(session);
        saveState.set("Saving…");
        autosaver.changed(() -> {
            lastSavedImage = image;
            lastSaved = store.save(image, doc);
        });
    }

    /**
     * Reports a save: "Session saved", or where it went when the film's folder could not be written
     * (status line too, the first time it goes there), or why it failed.
     */
    private void savedTo(String failure, Path written, Path savedImage) {
        Path image = session.imagePath();
        if (savedImage != null && !savedImage.equals(image)) {
            // the session of the film shown before: its failure still goes to the status line
            if (failure != null) {
                status.set("Session of " + savedImage.getFileName() + " NOT saved: " + failure);
            }
            return;
        }
        if (failure != null) {
            saveState.set("Session NOT saved: " + failure);
        } else if (written == null || image == null || written.equals(SessionStore.sessionFile(image))) {
            saveState.set("Session saved");
        } else {
            String where = "Session saved to " + written + " (the film's folder is read-only)";
            if (!where.equals(saveState.get())) {
                status.set(where);
            }
            saveState.set(where);
        }
    }

    /** Saves now (Ctrl+S) and waits for it. */
    public void saveNow() {
        scheduleAutosave();
        autosaver.flush();
    }

    /** Loads a landmark file as the hidden reference reading (check mode). */
    public void loadReferenceWithDialog() {
        check.loadReferenceWithDialog();
    }

    /** Starts the protocol's landmark list again from its first missing landmark. */
    /**
     * Tools &gt; Vertebra labels one level down / up: renames every vertebra one level along the spine in one
     * undo step ({@link Session#shiftVertebraLabels}), for a suggestion or reading whose levels are one vertebra
     * off; the status line says what happened.
     */
    public void shiftVertebraLabels(boolean down) {
        if (session.reading().landmarks().vertebrae().isEmpty()) {
            setStatus("No vertebrae to rename");
            return;
        }
        session.shiftVertebraLabels(down);
        setStatus(down ? "Vertebra labels moved one level down the film (T2 is now T1; L5 extrapolated, check it)"
                : "Vertebra labels moved one level up the film (T1 is now T2; T1 extrapolated, check it)");
    }

    public void restartProtocol() {
        LandmarkProtocol p = session.protocol();
        p.nextMissing(session.reading()).ifPresent(viewer::activate);
    }

    /** Writes the pending session and stops background work. */
    @Override
    public void close() {
        if (session.radiograph() != null && session.revisionProperty().get() > 0) {
            scheduleAutosave();
        }
        autosaver.close();
        loader.shutdownNow();
        reports.close();
        suggestions.close();
        pacs.close();
    }

    // ---------------------------------------------------------------- properties

    public Session session() {
        return session;
    }

    public ViewerViewModel viewer() {
        return viewer;
    }

    /** File > Export. */
    public ReportActions reports() {
        return reports;
    }

    /** Check mode: the reference reading and the comparison. */
    public CheckMode check() {
        return check;
    }

    /** Suggest landmarks (the vertebra detector on spine films, the long-leg detector on long-leg films). */
    public SuggestActions suggestions() {
        return suggestions;
    }

    /** File > Open from PACS, Send to PACS, the outbox and the PACS settings. */
    public PacsActions pacs() {
        return pacs;
    }

    public Dialogs dialogs() {
        return dialogs;
    }

    public RecentFiles recent() {
        return recent;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Sets the status line (views report what they did). */
    public void setStatus(String s) {
        status.set(s);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * "Session saved", "Saving…", "Session NOT saved: why", "Session restored" (opened from its file,
     * not changed since) or empty (a film not changed since it was opened: nothing saved).
     */
    public ReadOnlyStringProperty saveStateProperty() {
        return saveState.getReadOnlyProperty();
    }
}
