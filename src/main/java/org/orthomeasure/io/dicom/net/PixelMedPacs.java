package org.orthomeasure.io.dicom.net;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.FindSOPClassSCU;
import com.pixelmed.network.GetSOPClassSCU;
import com.pixelmed.network.IdentifierHandler;
import com.pixelmed.network.MoveSOPClassSCU;
import com.pixelmed.network.MultipleInstanceTransferStatusHandlerWithFileName;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCU;
import com.pixelmed.network.VerificationSOPClassSCU;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.orthomeasure.io.dicom.MeasurementReportReader;

/**
 * {@link Pacs} over PixelMed's service class users. Each operation opens its own association from
 * {@code ourAeTitle} to the node and is abandoned, with a one-line {@link PacsException}, when it has
 * not finished within the timeout.
 */
public final class PixelMedPacs implements Pacs {

    /** The storage SOP classes accepted when retrieving: radiographs and what OrthoMeasure writes. */
    static final Set<String> RETRIEVED_SOP_CLASSES = Set.of(
            SOPClass.ComputedRadiographyImageStorage,
            SOPClass.DigitalXRayImageStorageForPresentation,
            SOPClass.DigitalXRayImageStorageForProcessing,
            SOPClass.SecondaryCaptureImageStorage,
            SOPClass.ComprehensiveSRStorage,
            SOPClass.EnhancedSRStorage,
            SOPClass.BasicTextSRStorage,
            SOPClass.EncapsulatedPDFStorage,
            SOPClass.KeyObjectSelectionDocumentStorage,
            SOPClass.GrayscaleSoftcopyPresentationStateStorage,
            SOPClass.XRayRadiationDoseSRStorage);

    private final PacsNode remote;
    private final String ourAeTitle;
    private final Duration timeout;

    public PixelMedPacs(PacsNode remote, String ourAeTitle, Duration timeout) {
        this.remote = Objects.requireNonNull(remote, "remote");
        this.ourAeTitle = PacsNode.checkAeTitle(ourAeTitle);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
    }

    @Override
    public void echo() throws PacsException {
        run("echo", () -> new VerificationSOPClassSCU(remote.host(), remote.port(), remote.aeTitle(), ourAeTitle, false));
    }

    @Override
    public List<StudyMatch> findStudies(StudyQuery query) throws PacsException {
        List<StudyMatch> found = Collections.synchronizedList(new ArrayList<>());
        run("find", () -> {
            AttributeList id = new AttributeList();
            put(id, TagFromName.QueryRetrieveLevel, "STUDY");
            put(id, TagFromName.StudyInstanceUID, "");
            put(id, TagFromName.PatientID, query.patientId().orElse(""));
            put(id, TagFromName.PatientName, query.patientName().orElse(""));
            put(id, TagFromName.AccessionNumber, query.accessionNumber().orElse(""));
            put(id, TagFromName.StudyDate, query.studyDate().orElse(""));
            put(id, TagFromName.ModalitiesInStudy, query.modality().orElse(""));
            put(id, TagFromName.StudyDescription, "");
            put(id, TagFromName.NumberOfStudyRelatedInstances, "");
            return new FindSOPClassSCU(remote.host(), remote.port(), remote.aeTitle(), ourAeTitle,
                    SOPClass.StudyRootQueryRetrieveInformationModelFind, id, new IdentifierHandler() {
                        @Override
                        public void doSomethingWithIdentifier(AttributeList l) {
                            found.add(match(l));
                        }
                    });
        });
        List<StudyMatch> out = new ArrayList<>(found);
        out.sort((a, b) -> a.studyDate().equals(b.studyDate()) ? a.studyInstanceUid().compareTo(b.studyInstanceUid())
                : b.studyDate().compareTo(a.studyDate()));
        return out;
    }

    private static StudyMatch match(AttributeList l) {
        return new StudyMatch(s(l, TagFromName.StudyInstanceUID), s(l, TagFromName.PatientID), s(l, TagFromName.PatientName),
                s(l, TagFromName.StudyDate), s(l, TagFromName.AccessionNumber), s(l, TagFromName.StudyDescription),
                Attribute.getDelimitedStringValuesOrEmptyString(l, TagFromName.ModalitiesInStudy).strip(),
                Attribute.getSingleIntegerValueOrDefault(l, TagFromName.NumberOfStudyRelatedInstances, -1));
    }

    @Override
    public List<SeriesMatch> findSeries(String studyInstanceUid) throws PacsException {
        checkUid(studyInstanceUid, "Study");
        List<SeriesMatch> found = Collections.synchronizedList(new ArrayList<>());
        run("find", () -> {
            AttributeList id = new AttributeList();
            put(id, TagFromName.QueryRetrieveLevel, "SERIES");
            put(id, TagFromName.StudyInstanceUID, studyInstanceUid);
            put(id, TagFromName.SeriesInstanceUID, "");
            put(id, TagFromName.Modality, "");
            put(id, TagFromName.SeriesNumber, "");
            put(id, TagFromName.SeriesDescription, "");
            put(id, TagFromName.NumberOfSeriesRelatedInstances, "");
            return new FindSOPClassSCU(remote.host(), remote.port(), remote.aeTitle(), ourAeTitle,
                    SOPClass.StudyRootQueryRetrieveInformationModelFind, id, new IdentifierHandler() {
                        @Override
                        public void doSomethingWithIdentifier(AttributeList l) {
                            found.add(new SeriesMatch(studyInstanceUid, s(l, TagFromName.SeriesInstanceUID),
                                    s(l, TagFromName.Modality), s(l, TagFromName.SeriesNumber),
                                    s(l, TagFromName.SeriesDescription),
                                    Attribute.getSingleIntegerValueOrDefault(l, TagFromName.NumberOfSeriesRelatedInstances, -1)));
                        }
                    });
        });
        List<SeriesMatch> out = new ArrayList<>(found);
        out.sort(java.util.Comparator.comparingLong((SeriesMatch m) -> seriesNumber(m.number()))
                .thenComparing(SeriesMatch::seriesInstanceUid));
        return out;
    }

    private static long seriesNumber(String n) {
        try {
            return Long.parseLong(n.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public List<Path> retrieveStudy(String studyInstanceUid, Path folder) throws PacsException {
        checkUid(studyInstanceUid, "Study");
        return retrieve(studyInstanceUid, Optional.empty(), folder);
    }

    @Override
    public List<Path> retrieveSeries(String studyInstanceUid, String seriesInstanceUid, Path folder) throws PacsException {
        checkUid(studyInstanceUid, "Study");
        checkUid(seriesInstanceUid, "Series");
        return retrieve(studyInstanceUid, Optional.of(seriesInstanceUid), folder);
    }

    private List<Path> retrieve(String studyInstanceUid, Optional<String> seriesInstanceUid, Path folder) throws PacsException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PacsException("cannot create the folder " + folder + " (" + e.getMessage() + ")", e);
        }
        List<Path> received = Collections.synchronizedList(new ArrayList<>());
        run("retrieve", () -> {
            AttributeList id = identifier(studyInstanceUid, seriesInstanceUid);
            return new GetSOPClassSCU(remote.host(), remote.port(), remote.aeTitle(), ourAeTitle,
                    SOPClass.StudyRootQueryRetrieveInformationModelGet, id, new IdentifierHandler(), folder.toFile(),
                    StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, new ReceivedObjectHandler() {
                        @Override
                        public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAe) {
                            received.add(Path.of(fileName));
                        }
                    }, RETRIEVED_SOP_CLASSES, true, false, false);
        });
        if (received.isEmpty()) {
            throw new PacsException(remote + " sent no object of " + what(studyInstanceUid, seriesInstanceUid)
                    + " (unknown " + (seriesInstanceUid.isPresent() ? "series" : "study")
                    + ", or none of its objects is a radiograph, report or capture)");
        }
        List<Path> out = new ArrayList<>(received);
        Collections.sort(out);
        return out;
    }

    private static String what(String study, Optional<String> series) {
        return series.map(s -> "series " + s).orElse("study " + study);
    }

    private static AttributeList identifier(String study, Optional<String> series) throws DicomException {
        AttributeList id = new AttributeList();
        put(id, TagFromName.QueryRetrieveLevel, series.isPresent() ? "SERIES" : "STUDY");
        put(id, TagFromName.StudyInstanceUID, study);
        if (series.isPresent()) {
            put(id, TagFromName.SeriesInstanceUID, series.get());
        }
        return id;
    }

    @Override
    public void moveStudy(String studyInstanceUid, String destination) throws PacsException {
        checkUid(studyInstanceUid, "Study");
        move(studyInstanceUid, Optional.empty(), destination);
    }

    @Override
    public void moveSeries(String studyInstanceUid, String seriesInstanceUid, String destination) throws PacsException {
        checkUid(studyInstanceUid, "Study");
        checkUid(seriesInstanceUid, "Series");
        move(studyInstanceUid, Optional.of(seriesInstanceUid), destination);
    }

    private void move(String studyInstanceUid, Optional<String> seriesInstanceUid, String destination) throws PacsException {
        PacsNode.checkAeTitle(destination);
        String what = what(studyInstanceUid, seriesInstanceUid);
        int[] status = new int[1];
        try {
            run("move", () -> {
                MoveSOPClassSCU scu = new MoveSOPClassSCU(remote.host(), remote.port(), remote.aeTitle(), ourAeTitle, destination,
                        SOPClass.StudyRootQueryRetrieveInformationModelMove, identifier(studyInstanceUid, seriesInstanceUid));
                status[0] = scu.getStatus();
                return scu;
            });
        } catch (PacsException e) {
            if (e.getMessage().contains("failure status")) {
                throw new PacsException("move: " + remote + " could not send " + what + " to " + destination
                        + " (is " + destination + " one of its DICOM nodes? " + e.getMessage().replaceFirst("^.*\\((.*)\\)$", "$1") + ")", e);
            }
            throw e;
        }
        switch (status[0]) {
            case 0x0000 -> {
                return;
            }
            case 0xA801 -> throw new PacsException("move: " + remote + " does not know the destination " + destination
                    + " (add it, with our host and port, to the PACS's DICOM nodes)");
            case 0xB000 -> throw new PacsException("move: " + remote + " could not send some objects of " + what);
            default -> throw new PacsException("move: " + remote + " reports failure status 0x"
                    + Integer.toHexString(status[0]) + " for " + what);
        }
    }

    private static void checkUid(String uid, String kind) throws PacsException {
        if (!uid.matches("[0-9]+(\\.[0-9]+)*") || uid.length() > 64) {
            throw new PacsException("'" + uid + "' is not a " + kind + " Instance UID");
        }
    }

    /**
     * {@inheritDoc} Files of one SOP class in different transfer syntaxes (a compressed film and an
     * uncompressed one) go on separate associations: one presentation context carries one transfer syntax,
     * and PixelMed abandons the whole association when a file does not fit its context.
     */
    @Override
    public SendResult send(List<Path> files) throws PacsException {
        Map<Path, String> refused = new LinkedHashMap<>();
        Map<String, Path> byName = new LinkedHashMap<>();
        Map<Path, String> sopClasses = new LinkedHashMap<>();
        List<SetOfDicomFiles> batches = new ArrayList<>();
        List<Map<String, String>> batchSyntaxes = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                refused.put(f, "no such file");
            } else if (!MeasurementReportReader.looksLikeDicom(f)) {
                refused.put(f, "not a DICOM file");
            } else {
                SetOfDicomFiles.DicomFile d = new SetOfDicomFiles().add(f.toString());
                if (d == null || d.getSOPClassUID() == null) {
                    refused.put(f, "unreadable DICOM header");
                } else {
                    byName.put(f.toString(), f);
                    sopClasses.put(f, d.getSOPClassUID());
                    String ts = String.valueOf(d.getTransferSyntaxUID());
                    int k = 0;
                    while (k < batches.size() && !batchSyntaxes.get(k).getOrDefault(d.getSOPClassUID(), ts).equals(ts)) {
                        k++;
                    }
                    if (k == batches.size()) {
                        batches.add(new SetOfDicomFiles());
                        batchSyntaxes.add(new LinkedHashMap<>());
                    }
                    batches.get(k).add(d);
                    batchSyntaxes.get(k).put(d.getSOPClassUID(), ts);
                }
            }
        }
        List<Path> sent = Collections.synchronizedList(new ArrayList<>());
        Map<Path, String> failed = Collections.synchronizedMap(new LinkedHashMap<>());
        boolean[] trapped = new boolean[1];
        for (SetOfDicomFiles set : batches) {
            run("send", () -> {
                StorageSOPClassSCU scu = new StorageSOPClassSCU(remote.host(), remote.port(), remote.aeTitle(), ourAeTitle, set, 0,
                        new MultipleInstanceTransferStatusHandlerWithFileName() {
                            @Override
                            public void updateStatus(int remaining, int completed, int failures, int warnings,
                                                     String sopInstanceUid, String fileName, boolean success) {
                                Path p = byName.getOrDefault(fileName, Path.of(fileName));
                                if (success) {
                                    sent.add(p);
                                } else {
                                    failed.put(p, "refused by " + remote.aeTitle() + " (SOP class " + sopClasses.get(p) + ")");
                                }
                            }
                        });
                trapped[0] |= scu.encounteredTrappedExceptions();
                return scu;
            });
        }
        if (!byName.isEmpty() && sent.isEmpty() && (trapped[0] || failed.isEmpty())) {
            // PixelMed keeps association failures to itself: a C-ECHO on a new association names them
            try {
                echo();
            } catch (PacsException e) {
                throw new PacsException(e.getMessage().replaceFirst("^echo: ", "send: "), e.getCause());
            }
        }
        for (Path p : byName.values()) {
            if (!sent.contains(p) && !failed.containsKey(p)) {
                failed.put(p, remote.aeTitle() + " does not accept its SOP class (" + sopClasses.get(p) + ")");
            }
        }
        refused.putAll(failed);
        return new SendResult(sent, refused);
    }

    private void run(String what, Callable<?> operation) throws PacsException {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dicom-" + what + "-" + remote.aeTitle());
            t.setDaemon(true);
            return t;
        });
        try {
            ex.submit(operation).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PacsException(what + ": no answer from " + remote + " within " + seconds() + " s", e);
        } catch (ExecutionException e) {
            throw new PacsException(what + ": " + describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacsException(what + ": interrupted", e);
        } finally {
            ex.shutdownNow();
        }
    }

    private String seconds() {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
    }

    /** One line for a network failure. */
    String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = Optional.ofNullable(t.getMessage()).orElse("");
            if (t instanceof ConnectException || text.contains("java.net.ConnectException")) {
                return "cannot connect to " + remote + " (connection refused: is the PACS running, is the port right?)";
            }
            if (t instanceof UnknownHostException || text.contains("java.net.UnknownHostException")) {
                return "unknown host '" + remote.host() + "'";
            }
            if (t instanceof NoRouteToHostException || text.contains("java.net.NoRouteToHostException")) {
                return "no route to " + remote.host();
            }
            if (t instanceof SocketTimeoutException || text.contains("java.net.SocketTimeoutException")) {
                return "no answer from " + remote;
            }
            String m = Optional.ofNullable(t.getMessage()).orElse("").strip();
            if (m.toLowerCase(java.util.Locale.ROOT).contains("reject")) {
                return remote + " rejected the association from " + ourAeTitle + " (" + firstLine(m) + ")";
            }
        }
        String m = Optional.ofNullable(e.getMessage()).map(PixelMedPacs::firstLine).orElse(e.getClass().getSimpleName());
        return "failed with " + remote + " (" + m + ")";
    }

    private static String firstLine(String s) {
        return s.strip().split("\\R", 2)[0];
    }

    private static String s(AttributeList l, AttributeTag t) {
        return Attribute.getSingleStringValueOrEmptyString(l, t).strip();
    }

    private static void put(AttributeList l, AttributeTag tag, String value) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(tag, DicomDictionary.StandardDictionary.getValueRepresentationFromTag(tag));
        if (!value.isEmpty()) {
            a.addValue(value);
        }
        l.put(a);
    }
}
