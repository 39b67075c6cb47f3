package org.orthomeasure.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.detect.provenance.SuggestionAlgorithm;
import org.orthomeasure.io.dicom.DicomFilm;
import org.orthomeasure.io.dicom.EncapsulatedPdfWriter;
import org.orthomeasure.io.dicom.MeasurementReport;
import org.orthomeasure.io.dicom.MeasurementReportReader;
import org.orthomeasure.io.dicom.MeasurementReportWriter;
import org.orthomeasure.io.dicom.SecondaryCaptureWriter;
import org.orthomeasure.io.dicom.net.Outbox;
import org.orthomeasure.io.dicom.net.Pacs;
import org.orthomeasure.io.dicom.net.PacsException;
import org.orthomeasure.io.dicom.net.PacsNode;
import org.orthomeasure.io.dicom.net.PixelMedPacs;
import org.orthomeasure.io.dicom.net.SendResult;
import org.orthomeasure.io.dicom.net.SeriesMatch;
import org.orthomeasure.io.dicom.net.StorageListener;
import org.orthomeasure.io.dicom.net.StudyMatch;
import org.orthomeasure.io.dicom.net.StudyQuery;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.report.PdfReport;
import org.orthomeasure.report.ReportContent;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.session.SessionStore;

/**
 * The workstation's PACS: the node settings, "Open from PACS" (study query, series list, retrieval by
 * C-GET or by C-MOVE to our own listener into a local cache, then the film opened), "Send to PACS"
 * (the reading's SR, secondary capture and encapsulated PDF), the outbox of what could not be sent, and
 * the offer to restore a reading stored as an OrthoMeasure SR when a film opens. Network work runs on a
 * background thread, one job at a time, cancellable; every failure is one message. The observable state
 * here is what the dialogs show. FX thread only, except the background jobs it starts.
 */
public final class PacsActions implements AutoCloseable {

    /** Makes the {@link Pacs} for a node (tests may count or substitute). */
    public interface Connector {
        Pacs connect(PacsNode node, String ourAeTitle, Duration timeout);
    }

    /**
     * Where the PACS side keeps its things.
     *
     * @param prefsOrNull  the user's preferences for the settings; null keeps them in memory
     * @param cacheFolder  retrieved objects, one folder per study
     * @param outbox       what could not be sent
     * @param connector    how to talk to a node
     */
    public record Config(Preferences prefsOrNull, Path cacheFolder, Outbox outbox, Connector connector) {
        public Config {
            Objects.requireNonNull(cacheFolder, "cacheFolder");
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(connector, "connector");
        }

        /** {@code ~/.orthomeasure/pacs-cache} and {@code ~/.orthomeasure/outbox}, PixelMed on the network. */
        public static Config inUserHome(Preferences prefsOrNull) {
            return new Config(prefsOrNull, Path.of(System.getProperty("user.home"), ".orthomeasure", "pacs-cache"),
                    Outbox.inUserHome(), PixelMedPacs::new);
        }
    }

    /** A reading stored as an SR for the film shown, and where it came from. */
    public record StoredReadingOffer(Path film, Path file, MeasurementReportReader.StoredReading reading, String from) {
    }

    /** SR files larger than this are not looked at when searching beside a film. */
    private static final long MAX_SR_BYTES = 32L << 20;
    /** At most this many files of a film's folder are looked at for a stored reading. */
    private static final int MAX_FILES_SEARCHED = 2000;

    private final Session session;
    private final Dialogs dialogs;
    private final ReportActions reports;
    private final Consumer<String> status;
    private final Function<Path, CompletableFuture<Void>> opener;
    private final Config config;
    private final ReadOnlyObjectWrapper<PacsSettings> settings;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(this, "waiting");
    private final ObservableList<StudyMatch> studies = FXCollections.observableArrayList();
    private final ObservableList<SeriesMatch> series = FXCollections.observableArrayList();
    private final StringProperty patientId = new SimpleStringProperty(this, "patientId", "");
    private final StringProperty patientName = new SimpleStringProperty(this, "patientName", "");
    private final StringProperty accession = new SimpleStringProperty(this, "accession", "");
    private final StringProperty studyDate = new SimpleStringProperty(this, "studyDate", "");
    private final StringProperty modality = new SimpleStringProperty(this, "modality", "");
    private final ExecutorService worker = daemon("orthomeasure-pacs");
    private final ExecutorService searcher = daemon("orthomeasure-stored-readings");
    /** The job in progress and its generation: a cancelled job's late result is dropped (FX thread). */
    private Future<?> current;
    private Runnable completeCancelled;
    /** Held while our storage listener is open for a C-MOVE. */
    private final Object listenerLock = new Object();
    /** True when the job in progress (or the last one) lists a study's series (FX thread). */
    private boolean listingSeries;
    private long generation;
    /** The stored readings the user declined in this run, by film file and SR instance UID: not offered again (FX thread). */
    private final java.util.Set<String> declined = new java.util.HashSet<>();

    public PacsActions(Session session, Dialogs dialogs, ReportActions reports, Consumer<String> status,
                       Function<Path, CompletableFuture<Void>> opener, Config config) {
        this.session = session;
        this.dialogs = dialogs;
        this.reports = reports;
        this.status = status;
        this.opener = opener;
        this.config = config;
        this.settings = new ReadOnlyObjectWrapper<>(this, "settings", PacsSettings.load(config.prefsOrNull()));
        refreshWaiting();
        session.radiographProperty().addListener((o, a, b) -> {
            if (b != null && session.imagePath() != null) {
                searchStoredReading(session.imagePath());
            }
        });
    }

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    // ---------------------------------------------------------------- settings

    public ReadOnlyObjectProperty<PacsSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public PacsSettings settings() {
        return settings.get();
    }

    /** Uses {@code s} from now on and keeps it in the user's preferences. */
    public void applySettings(PacsSettings s) {
        settings.set(Objects.requireNonNull(s));
        s.save(config.prefsOrNull());
        status.accept(s.node().map(n -> "PACS: " + n + " (as " + s.ourAeTitle() + ", retrieval by "
                + (s.retrievesByMove() ? "C-MOVE to " + s.listenAddress() + ":" + s.listenerPort() : "C-GET") + ")")
                .orElse("No PACS configured"));
    }

    /** One line on the node and how retrieval works, for the dialogs. */
    public String describeSettings() {
        PacsSettings s = settings.get();
        return s.node().map(n -> n + " as " + s.ourAeTitle() + "; retrieval by "
                + (s.retrievesByMove() ? "C-MOVE to our listener on " + s.listenAddress() + ":" + s.listenerPort()
                : "C-GET (our storage listener is off)")).orElse("No PACS configured: enter one under PACS settings");
    }

    /** C-ECHO with {@code s} (the settings dialog's Test button); the message says how it went. */
    public CompletableFuture<Optional<String>> testEcho(PacsSettings s) {
        if (s.node().isEmpty()) {
            return refuse("PACS settings", "Enter the PACS's AE title, host and port first");
        }
        PacsNode node = s.node().get();
        return start("C-ECHO", "C-ECHO to " + node + " …", step -> {
            long t0 = System.nanoTime();
            pacs(s).echo();
            return String.format(Locale.ROOT, "%s answered C-ECHO from %s (%d ms)", node, s.ourAeTitle(),
                    (System.nanoTime() - t0) / 1_000_000);
        }, this::said);
    }

    // ---------------------------------------------------------------- open from PACS

    public StringProperty patientIdProperty() {
        return patientId;
    }

    public StringProperty patientNameProperty() {
        return patientName;
    }

    public StringProperty accessionProperty() {
        return accession;
    }

    /** YYYYMMDD or a range YYYYMMDD-YYYYMMDD. */
    public StringProperty studyDateProperty() {
        return studyDate;
    }

    public StringProperty modalityProperty() {
        return modality;
    }

    /** The studies of the last query, newest first. */
    public ObservableList<StudyMatch> studies() {
        return studies;
    }

    /** The series of the study chosen last, in series number order. */
    public ObservableList<SeriesMatch> series() {
        return series;
    }

    /** The query from the fields (blank fields match everything; names get a trailing wildcard). */
    StudyQuery query() {
        StudyQuery q = StudyQuery.all();
        if (!patientId.get().isBlank()) {
            q = q.withPatientId(patientId.get().strip());
        }
        if (!patientName.get().isBlank()) {
            String n = patientName.get().strip();
            q = q.withPatientName(n.contains("*") || n.contains("?") ? n : n + "*");
        }
        if (!accession.get().isBlank()) {
            q = q.withAccessionNumber(accession.get().strip());
        }
        if (!studyDate.get().isBlank()) {
            String d = studyDate.get().strip();
            if (!d.matches("\\d{8}|\\d{8}-\\d{8}|\\d{8}-|-\\d{8}")) {
                throw new IllegalArgumentException("the study date is YYYYMMDD or a range YYYYMMDD-YYYYMMDD, got '" + d + "'");
            }
            q = q.withStudyDate(d);
        }
        if (!modality.get().isBlank()) {
            q = q.withModality(modality.get().strip().toUpperCase(Locale.ROOT));
        }
        return q;
    }

    /** Study-level C-FIND with the fields; fills {@link #studies()}. */
    public CompletableFuture<Optional<List<StudyMatch>>> find() {
        Optional<PacsSettings> s = configured("Open from PACS");
        if (s.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        StudyQuery q;
        try {
            q = query();
        } catch (IllegalArgumentException e) {
            return refuse("Open from PACS", e.getMessage());
        }
        PacsNode node = s.get().node().orElseThrow();
        return start("Open from PACS", "Searching " + node + " …", step -> pacs(s.get()).findStudies(q), found -> {
            series.clear();
            studies.setAll(found);
            said(found.size() + (found.size() == 1 ? " study" : " studies") + " on " + node);
        });
    }

    /** Series-level C-FIND of {@code study}; fills {@link #series()}. */
    public CompletableFuture<Optional<List<SeriesMatch>>> listSeries(StudyMatch study) {
        Optional<PacsSettings> s = configured("Open from PACS");
        if (s.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (running.get() && listingSeries) {
            cancel();               // another study was chosen while the last one's series were listed
        }
        series.clear();
        return start(true, "Open from PACS", "Listing the series of the study of " + study.studyDate() + " …",
                step -> pacs(s.get()).findSeries(study.studyInstanceUid()), found -> {
                    series.setAll(found);
                    said(found.size() + " series in the study of " + study.studyDate() + " (" + study.patientName() + ")");
                });
    }

    /** The cache folder of a study. */
    Path cacheFolder(String studyInstanceUid) {
        return config.cacheFolder().resolve(studyInstanceUid.replaceAll("[^0-9.]", "_"));
    }

    /**
     * Retrieves {@code chosen} (and the study's SR series, for a stored reading) into the cache, then opens
     * the film: the first retrieved object with pixel data. A series of objects without pixel data (a
     * report, a PDF, a header only) gives one message and opens nothing.
     *
     * @return the film opened, empty when it failed or was cancelled
     */
    public CompletableFuture<Optional<Path>> retrieveAndOpen(SeriesMatch chosen) {
        Optional<PacsSettings> s = configured("Open from PACS");
        if (s.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        List<SeriesMatch> reports = series.stream()
                .filter(m -> m.modality().equals("SR") && !m.seriesInstanceUid().equals(chosen.seriesInstanceUid()))
                .toList();
        Path folder = cacheFolder(chosen.studyInstanceUid());
        PacsSettings settingsNow = s.get();
        CompletableFuture<Optional<Path>> opened = new CompletableFuture<>();
        start("Open from PACS", "Retrieving series " + label(chosen) + " …", step -> {
            Pacs pacs = pacs(settingsNow);
            List<Path> files = fetch(settingsNow, pacs, chosen, folder);
            for (SeriesMatch r : reports) {
                step.accept("Retrieving the stored readings (series " + label(r) + ") …");
                try {
                    fetch(settingsNow, pacs, r, folder);
                } catch (PacsException e) {
                    // the film still opens; a stored reading is then only looked for beside it
                }
            }
            for (Path f : files) {
                if (DicomFilm.hasPixelData(f)) {
                    return f;
                }
            }
            throw new PacsException("series " + label(chosen) + ": " + (files.size() == 1 ? "the object retrieved has no"
                    : "none of the " + files.size() + " objects retrieved has") + " pixel data (not a film): nothing to open");
        }, film -> opener.apply(film).whenComplete((v, e) -> opened.complete(
                Optional.ofNullable(session.imagePath()).filter(film::equals)))).thenAccept(r -> {
                    if (r.isEmpty()) {
                        opened.complete(Optional.empty());
                    }
                });
        return opened;
    }

    private static String label(SeriesMatch m) {
        return (m.number().isEmpty() ? "" : m.number() + " ") + "(" + m.modality()
                + (m.description().isEmpty() ? "" : ", " + m.description()) + ")";
    }

    /**
     * C-GET, or C-MOVE to our listener open only while the series arrives; one C-MOVE at a time (the user's
     * retrieval and the search for a stored reading share our one port).
     */
    private List<Path> fetch(PacsSettings s, Pacs pacs, SeriesMatch m, Path folder) throws PacsException {
        if (!s.retrievesByMove()) {
            return pacs.retrieveSeries(m.studyInstanceUid(), m.seriesInstanceUid(), folder);
        }
        synchronized (listenerLock) {
            return move(s, pacs, m, folder);
        }
    }

    private static List<Path> move(PacsSettings s, Pacs pacs, SeriesMatch m, Path folder) throws PacsException {
        java.net.InetAddress address;
        try {
            address = s.listenInterface();
        } catch (IllegalArgumentException e) {
            throw new PacsException("the storage listener cannot start: " + e.getMessage());
        }
        try (StorageListener listener = StorageListener.start(address, s.listenerPort(), s.ourAeTitle(), folder)) {
            pacs.moveSeries(m.studyInstanceUid(), m.seriesInstanceUid(), s.ourAeTitle());
            try {
                listener.awaitIdle(s.timeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PacsException("move: interrupted", e);
            }
            List<Path> files = new ArrayList<>(listener.received());
            if (files.isEmpty()) {
                throw new PacsException("move: " + s.node().orElseThrow() + " sent no object of series " + label(m));
            }
            Collections.sort(files);
            return files;
        }
    }

    // ---------------------------------------------------------------- send

    /** Objects waiting in the outbox. */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public Outbox outbox() {
        return config.outbox();
    }

    /**
     * Sends the reading shown to the PACS: the measurement report (SR), the annotated film (secondary
     * capture) and the PDF report (encapsulated), all in the film's study. What the PACS does not take
     * stays in the outbox. The observer is the report's reviewer, asked when not yet given.
     *
     * @return the one-line result, empty when it failed or was not started
     */
    public CompletableFuture<Optional<String>> sendCurrentReading() {
        if (session.radiograph() == null) {
            return refuse("Send to PACS", "Open a film first");
        }
        Optional<PacsSettings> s = configured("Send to PACS");
        if (s.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (session.reading().landmarks().isEmpty()) {
            return refuse("Send to PACS", "Nothing to send: no landmark is placed on " + session.imagePath().getFileName());
        }
        String observer = reports.reviewerProperty().get();
        if (observer.isBlank()) {
            Optional<String> who = dialogs.askText("Send to PACS", "Measured by (name, for the report):",
                    System.getProperty("user.name", ""));
            if (who.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (who.get().isBlank()) {
                return refuse("Send to PACS", "The measurement report needs the name of who measured");
            }
            observer = who.get().strip();
            reports.reviewerProperty().set(observer);
        }
        Path image = session.imagePath();
        LandmarkDocument doc = SessionStore.document(session);
        var measurements = session.measurements();
        ReportContent content = reports.reportContent();
        ReportActions.Picture picture = reports.annotatedPicture();
        boolean identifies = !reports.omitPatientDetailsProperty().get();
        String who = observer;
        PacsSettings settingsNow = s.get();
        PacsNode node = settingsNow.node().orElseThrow();
        return start("Send to PACS", "Sending the reading of " + image.getFileName() + " to " + node + " …", step -> {
            DicomFilm film;
            try {
                film = DicomFilm.read(image);
            } catch (IOException e) {
                throw new IOException("Send to PACS needs the DICOM film (the objects go into its study): " + e.getMessage(), e);
            }
            ZonedDateTime now = ZonedDateTime.now();
            String version = ReportActions.version();
            Path tmp = Files.createTempDirectory("orthomeasure-send");
            try {
                step.accept("Writing the SR, secondary capture and PDF …");
                Path sr = tmp.resolve("sr.dcm");
                Path sc = tmp.resolve("sc.dcm");
                Path pdf = tmp.resolve("pdf.dcm");
                Optional<MeasurementReport.Algorithm> algorithm = SuggestionAlgorithm.forSuggested(doc.suggested(), version)
                        .map(a -> new MeasurementReport.Algorithm(a.name(), a.version(), a.model()));
                MeasurementReportWriter.write(sr, film, new MeasurementReport(doc, measurements, who, algorithm, now, version));
                SecondaryCaptureWriter.write(sc, film, picture.draw(), now, version);
                Path report = tmp.resolve("report.pdf");
                PdfReport.write(content, report);
                EncapsulatedPdfWriter.write(pdf, film, Files.readAllBytes(report), "OrthoMeasure measurement report",
                        identifies, now, version);
                step.accept("Sending to " + node + " …");
                return deliver(settingsNow, List.of(sr, sc, pdf), "the SR, secondary capture and PDF of "
                        + image.getFileName());
            } finally {
                deleteAll(tmp);
            }
        }, this::said).whenComplete((r, e) -> refreshWaiting());
    }

    /** Sends what waits in the outbox again; what the PACS still does not take stays. */
    public CompletableFuture<Optional<String>> sendOutboxAgain() {
        Optional<PacsSettings> s = configured("Send outbox again");
        if (s.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        PacsSettings settingsNow = s.get();
        return start("Send outbox again", "Sending the outbox to " + settingsNow.node().orElseThrow() + " …", step -> {
            List<Path> files = config.outbox().waiting();
            if (files.isEmpty()) {
                return "The outbox " + config.outbox().folder() + " is empty: nothing to send";
            }
            return deliver(settingsNow, files, files.size() + " object(s) from the outbox");
        }, this::said).whenComplete((r, e) -> refreshWaiting());
    }

    /**
     * Sends {@code files}; on success they leave the outbox (when they were in it); whatever was not sent is
     * kept in the outbox and the message says why (worker thread).
     */
    private String deliver(PacsSettings s, List<Path> files, String what) throws PacsException, IOException {
        PacsNode node = s.node().orElseThrow();
        SendResult result;
        try {
            result = pacs(s).send(files);
        } catch (PacsException e) {
            int kept = keep(files);
            throw new PacsException(e.getMessage() + "; " + kept + " object(s) kept in the outbox (File > Send outbox again)", e);
        }
        for (Path p : result.sent()) {
            config.outbox().sent(p);
        }
        if (result.allSent()) {
            return "Sent " + what + " to " + node + " (" + result.sent().size() + " object(s))";
        }
        int kept = keep(new ArrayList<>(result.refused().keySet()));
        StringBuilder why = new StringBuilder();
        result.refused().values().stream().distinct().forEach(r -> why.append(why.length() == 0 ? "" : "; ").append(r));
        throw new PacsException(node + " took " + result.sent().size() + " of " + files.size() + " object(s) (" + why + "); "
                + kept + " kept in the outbox (File > Send outbox again)");
    }

    private int keep(List<Path> files) throws IOException {
        int kept = 0;
        for (Path f : files) {
            if (Files.isRegularFile(f) && MeasurementReportReader.looksLikeDicom(f)) {
                String name = DicomFilm.sopInstanceUid(f).map(u -> u + ".dcm").orElse(String.valueOf(f.getFileName()));
                config.outbox().keep(f, name.replaceAll("[^A-Za-z0-9._-]", "_"));
                kept++;
            }
        }
        return kept;
    }

    private void refreshWaiting() {
        try {
            waiting.set(config.outbox().waiting().size());
        } catch (IOException e) {
            waiting.set(0);
        }
    }

    private static void deleteAll(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind holds copies only
        }
    }

    // ---------------------------------------------------------------- stored readings

    /**
     * Looks for an OrthoMeasure SR of {@code film} (the same SOP instance) beside it and, when a PACS is
     * configured, in the film's study on the PACS; when one holds another reading than the one shown, asks
     * whether to restore it (once per film file, stored reading and run: a declined one is not offered
     * again). The returned future completes on the FX thread after the question (or when
     * there was nothing to ask).
     */
    CompletableFuture<Optional<StoredReadingOffer>> searchStoredReading(Path film) {
        CompletableFuture<Optional<StoredReadingOffer>> done = new CompletableFuture<>();
        PacsSettings s = settings.get();
        searcher.submit(() -> {
            Optional<StoredReadingOffer> found = Optional.empty();
            try {
                found = storedReading(film, s);
            } catch (RuntimeException e) {
                // a damaged neighbour file is no reason to disturb the film's opening
            }
            Optional<StoredReadingOffer> result = found;
            Platform.runLater(() -> {
                if (result.isPresent() && film.equals(session.imagePath()) && !sameReading(result.get())
                        && !declined.contains(declinedKey(result.get()))) {
                    askToRestore(result.get());
                }
                done.complete(result);
            });
        });
        return done;
    }

    private static String declinedKey(StoredReadingOffer o) {
        return o.film().toAbsolutePath().normalize() + "|" + o.reading().sopInstanceUid();
    }

    private boolean sameReading(StoredReadingOffer o) {
        return o.reading().document().landmarks().equals(session.reading().landmarks());
    }

    private void askToRestore(StoredReadingOffer o) {
        MeasurementReportReader.StoredReading r = o.reading();
        String message = "An OrthoMeasure reading of this film is stored " + o.from() + " ("
                + (r.observer().isBlank() ? "" : "measured by " + r.observer() + ", ")
                + r.document().landmarks().points().size() + " landmark point(s), " + r.numbers().size()
                + " value(s)). Restore it? It replaces the landmarks shown; Undo takes it back.";
        if (dialogs.confirm("Restore the stored reading", message)) {
            restore(o);
        } else {
            declined.add(declinedKey(o));
        }
    }

    /** Shows the stored reading: its landmarks (one undo step), its user calibration and its protocol. */
    public void restore(StoredReadingOffer o) {
        LandmarkDocument doc = o.reading().document();
        Reading reading = Reading.of(doc.landmarks());
        Optional<Calibration> user = doc.calibration().filter(c -> c.source() == CalibrationSource.USER_LINE
                || c.source() == CalibrationSource.CALIBRATION_BALL);
        session.protocolProperty().set(LandmarkProtocol.inferFrom(doc.protocol(), reading));
        user.ifPresent(session.userCalibrationProperty()::set);
        session.edit(reading);
        status.accept("Reading restored from " + o.file().getFileName() + " (" + o.from()
                + (o.reading().observer().isBlank() ? "" : ", measured by " + o.reading().observer()) + ")");
    }

    /** The newest OrthoMeasure SR of {@code film} beside it or, with a PACS, from its study there (worker thread). */
    private Optional<StoredReadingOffer> storedReading(Path film, PacsSettings s) {
        Optional<String> filmUid;
        String study;
        try {
            DicomFilm f = DicomFilm.read(film);
            filmUid = Optional.of(f.sopInstanceUid());
            study = f.studyInstanceUid();
        } catch (IOException e) {
            return Optional.empty();          // not a DICOM film: an SR cannot refer to it
        }
        Path folder = film.toAbsolutePath().getParent();
        Map<String, StoredReadingOffer> found = new LinkedHashMap<>();
        collect(folder, film, filmUid.get(), "beside the film", found);
        Path cache = cacheFolder(study);
        boolean fromCache = folder != null && folder.normalize().equals(cache.toAbsolutePath().normalize());
        if (s.node().isPresent() && !fromCache) {
            try {
                Pacs pacs = pacs(s);
                for (SeriesMatch m : pacs.findSeries(study)) {
                    if (m.modality().equals("SR")) {
                        fetch(s, pacs, m, cache);
                    }
                }
                collect(cache, film, filmUid.get(), "on " + s.node().get(), found);
            } catch (PacsException e) {
                Platform.runLater(() -> status.accept("No stored reading asked from the PACS: " + e.getMessage()));
            }
        }
        return found.values().stream().max(Comparator.comparingLong(o -> modified(o.file())));
    }

    private static void collect(Path folder, Path film, String filmUid, String from, Map<String, StoredReadingOffer> found) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).limit(MAX_FILES_SEARCHED).toList();
        } catch (IOException e) {
            return;
        }
        for (Path p : files) {
            try {
                if (p.equals(film) || Files.size(p) > MAX_SR_BYTES || !MeasurementReportReader.isStructuredReport(p)) {
                    continue;
                }
                MeasurementReportReader.StoredReading r = MeasurementReportReader.read(p);
                if (r.filmSopInstanceUid().equals(filmUid)) {
                    found.putIfAbsent(r.sopInstanceUid(), new StoredReadingOffer(film, p, r, from));
                }
            } catch (IOException e) {
                // not an OrthoMeasure reading: not offered
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    // ---------------------------------------------------------------- jobs

    /** True while a network job runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the PACS side is doing, or the last result (one line). */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Stops the job in progress (its late result is dropped); what it had written stays in the cache. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        generation++;
        if (current != null) {
            current.cancel(true);
        }
        running.set(false);
        said("Cancelled");
        if (completeCancelled != null) {
            completeCancelled.run();
        }
    }

    private interface Job<T> {
        T run(Consumer<String> step) throws PacsException, IOException;
    }

    private Pacs pacs(PacsSettings s) {
        return config.connector().connect(s.node().orElseThrow(), s.ourAeTitle(), s.timeout());
    }

    private Optional<PacsSettings> configured(String title) {
        PacsSettings s = settings.get();
        if (s.node().isEmpty()) {
            fail(title, "No PACS configured: enter its AE title, host and port under File > PACS settings…");
            return Optional.empty();
        }
        return Optional.of(s);
    }

    private <T> CompletableFuture<Optional<T>> refuse(String title, String message) {
        fail(title, message);
        return CompletableFuture.completedFuture(Optional.empty());
    }

    private void fail(String title, String message) {
        progress.set(message);
        status.accept(message);
        dialogs.showError(title, message);
    }

    private void said(String message) {
        progress.set(message);
        status.accept(message);
    }

    /**
     * Runs {@code job} on the worker; {@code onDone} gets its result on the FX thread. A failure is one
     * message; a cancelled job reports nothing more. The future completes on the FX thread (empty when the
     * job failed or was cancelled).
     */
    private <T> CompletableFuture<Optional<T>> start(String title, String doing, Job<T> job, Consumer<T> onDone) {
        return start(false, title, doing, job, onDone);
    }

    /** As above; {@code seriesListing} marks a series listing, which choosing another study replaces. */
    private <T> CompletableFuture<Optional<T>> start(boolean seriesListing, String title, String doing, Job<T> job,
                                                     Consumer<T> onDone) {
        if (running.get()) {
            return refuse(title, "The PACS is busy with: " + progress.get() + " (wait, or Cancel it)");
        }
        CompletableFuture<Optional<T>> done = new CompletableFuture<>();
        listingSeries = seriesListing;
        long gen = ++generation;
        running.set(true);
        said(doing);
        Consumer<String> step = text -> Platform.runLater(() -> {
            if (gen == generation) {
                said(text);
            }
        });
        completeCancelled = () -> done.complete(Optional.empty());
        current = worker.submit(() -> {
            try {
                T result = job.run(step);
                Platform.runLater(() -> {
                    if (gen != generation) {
                        return;
                    }
                    running.set(false);
                    onDone.accept(result);
                    done.complete(Optional.of(result));
                });
            } catch (PacsException | IOException | RuntimeException e) {
                String message = e instanceof RuntimeException ? title + " failed: " + e : e.getMessage();
                Platform.runLater(() -> {
                    if (gen != generation) {
                        return;
                    }
                    running.set(false);
                    fail(title, message);
                    done.complete(Optional.empty());
                });
            }
        });
        return done;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        searcher.shutdownNow();
    }
}
