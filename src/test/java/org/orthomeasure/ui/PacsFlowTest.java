package org.orthomeasure.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UIDGenerator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.io.dicom.MeasurementReport;
import org.orthomeasure.io.dicom.MeasurementReportReader;
import org.orthomeasure.io.dicom.MeasurementReportWriter;
import org.orthomeasure.io.dicom.SampleReading;
import org.orthomeasure.io.dicom.net.OrthancServer;
import org.orthomeasure.io.dicom.net.Outbox;
import org.orthomeasure.io.dicom.net.PixelMedPacs;
import org.orthomeasure.io.dicom.net.SeriesMatch;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.session.SessionStore;
import org.orthomeasure.ui.viewer.ViewerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workstation with a real Orthanc on loopback, driven like a user: PACS settings with a C-ECHO test,
 * Open from PACS (find, series, retrieve by C-GET and by C-MOVE, open), the stored reading offered and
 * restored with the values it was stored with, Send to PACS, the outbox when the PACS is away, a series
 * without pixel data, and Cancel of a PACS that never answers.
 */
@ExtendWith(ApplicationExtension.class)
class PacsFlowTest {

    private static final String PATIENT = "PHANTOM-LL-1";

    @TempDir
    static Path dir;
    private static OrthancServer orthanc;
    private static int ourPort;
    private static SampleReading reading;
    private static String srUid;
    private static Path storedSr;

    private final TestDialogs dialogs = new TestDialogs();
    private WorkstationViewModel vm;
    private Stage stage;

    @BeforeAll
    static void startPacs() throws Exception {
        ourPort = OrthancServer.freePort();
        orthanc = OrthancServer.start(dir.resolve("orthanc"), Map.of("OMFLOW", ourPort));
        reading = SampleReading.of("longleg-phantom");
        Path sr = dir.resolve("stored-sr.dcm");
        storedSr = sr;
        srUid = MeasurementReportWriter.write(sr, reading.film(), new MeasurementReport(reading.doc(), reading.set(),
                "Doe^Jane", Optional.empty(), ZonedDateTime.now(), "test"));
        Path noPixels = withoutPixelData(Path.of("sample-dicom", "longleg-phantom.dcm"), dir.resolve("no-pixels.dcm"));
        // one send: the compressed film and the uncompressed header of the same SOP class go on two associations
        var sent = new PixelMedPacs(orthanc.node(), "OMFLOW", java.time.Duration.ofSeconds(20))
                .send(List.of(Path.of("sample-dicom", "longleg-phantom.dcm"), sr, noPixels));
        assertTrue(sent.allSent(), sent.refused().toString());
        assertEquals(3, sent.sent().size());
    }

    /** The film's header as a new DX instance in a new series (number 99) of its study, without Pixel Data. */
    private static Path withoutPixelData(Path film, Path out) throws Exception {
        AttributeList l = new AttributeList();
        l.read(film.toFile());
        l.remove(TagFromName.PixelData);
        UIDGenerator g = new UIDGenerator();
        Attribute sop = l.get(TagFromName.SOPInstanceUID);
        sop.removeValues();
        sop.addValue(g.getAnotherNewUID());
        Attribute series = l.get(TagFromName.SeriesInstanceUID);
        series.removeValues();
        series.addValue(g.getAnotherNewUID());
        Attribute number = l.get(TagFromName.SeriesNumber);
        number.removeValues();
        number.addValue("99");
        l.removeGroupLengthAttributes();
        l.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(l, TransferSyntax.ExplicitVRLittleEndian, "OMTEST");
        l.write(out.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return out;
    }

    @AfterAll
    static void stopPacs() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Session session = new Session();
        ViewerViewModel viewer = new ViewerViewModel(session, dialogs);
        vm = new DesktopApp().start(stage, List.of(), new WorkstationViewModel(session, viewer, dialogs, new SessionStore(),
                new RecentFiles(null), new PacsActions.Config(null, dir.resolve("cache-" + System.nanoTime()),
                        new Outbox(dir.resolve("outbox-" + System.nanoTime())), PixelMedPacs::new)));
    }

    private Stage window(Class<?> kind) {
        for (Window w : Window.getWindows()) {
            if (kind.isInstance(w) && w.isShowing()) {
                return (Stage) w;
            }
        }
        throw new AssertionError("no " + kind.getSimpleName() + " showing");
    }

    /** The File menu's item {@code id} (in the PACS submenu or not). */
    private javafx.scene.control.MenuItem item(String id) {
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) stage.getScene().lookup("#menuBar");
        List<javafx.scene.control.MenuItem> all = new ArrayList<>(bar.getMenus().get(0).getItems());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof javafx.scene.control.Menu m) {
                all.addAll(m.getItems());
            }
        }
        return all.stream().filter(m -> id.equals(m.getId())).findFirst().orElseThrow();
    }

    /** Chooses the menu item {@code id}, as a click on it does (when it is enabled). */
    private void menu(FxRobot robot, String id) {
        robot.interact(() -> {
            javafx.scene.control.MenuItem m = item(id);
            assertFalse(m.isDisable(), id + " is disabled");
            m.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T in(Stage s, String id, Class<T> type) {
        return type.cast(s.getScene().lookup(id));
    }

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> !vm.pacs().runningProperty().get() && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** File > PACS > PACS settings…, fields typed, Test, then Save. */
    private void configure(FxRobot robot, String port, boolean listener) throws Exception {
        menu(robot, "pacsSettings");
        WaitForAsyncUtils.waitForFxEvents();
        Stage s = window(PacsSettingsWindow.class);
        robot.interact(() -> {
            in(s, "#pacsAeTitle", TextField.class).setText(OrthancServer.AET);
            in(s, "#pacsHost", TextField.class).setText("127.0.0.1");
            in(s, "#pacsPort", TextField.class).setText(port);
            in(s, "#pacsOurAeTitle", TextField.class).setText("OMFLOW");
            in(s, "#pacsListener", CheckBox.class).setSelected(listener);
            in(s, "#pacsOurPort", TextField.class).setText(Integer.toString(ourPort));
            in(s, "#pacsTimeout", TextField.class).setText("20");
        });
        robot.clickOn(in(s, "#pacsSave", javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openFromPacsRestoresTheStoredReadingAndSendsTheNewOne(FxRobot robot) throws Exception {
        // settings: a port that is not one is named, nothing saved; the C-ECHO test answers
        menu(robot, "pacsSettings");
        WaitForAsyncUtils.waitForFxEvents();
        Stage settings = window(PacsSettingsWindow.class);
        robot.interact(() -> {
            in(settings, "#pacsAeTitle", TextField.class).setText(OrthancServer.AET);
            in(settings, "#pacsHost", TextField.class).setText("127.0.0.1");
            in(settings, "#pacsPort", TextField.class).setText("42x");
            in(settings, "#pacsOurAeTitle", TextField.class).setText("OMFLOW");
        });
        robot.clickOn(in(settings, "#pacsSave", javafx.scene.control.Button.class));
        assertEquals("the PACS port must be 1..65535, got '42x'", in(settings, "#pacsSettingsProblem", Label.class).getText());
        assertTrue(vm.pacs().settings().node().isEmpty(), "nothing saved");
        robot.interact(() -> in(settings, "#pacsPort", TextField.class).setText(Integer.toString(orthanc.dicomPort())));
        robot.clickOn(in(settings, "#pacsTest", javafx.scene.control.Button.class));
        waitIdle();
        assertTrue(in(settings, "#pacsSettingsResult", Label.class).getText()
                .startsWith(orthanc.node() + " answered C-ECHO from OMFLOW"), in(settings, "#pacsSettingsResult", Label.class).getText());
        robot.clickOn(in(settings, "#pacsSave", javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.of(orthanc.node()), vm.pacs().settings().node());
        assertFalse(settings.isShowing());

        // Open from PACS: find by patient ID, the study's series, the film retrieved by C-GET and opened
        menu(robot, "openFromPacs");
        WaitForAsyncUtils.waitForFxEvents();
        Stage open = window(OpenFromPacsWindow.class);
        robot.clickOn(in(open, "#pacsPatientId", TextField.class)).write(PATIENT);
        robot.clickOn(in(open, "#pacsFind", javafx.scene.control.Button.class));
        waitIdle();
        @SuppressWarnings("unchecked")
        TableView<org.orthomeasure.io.dicom.net.StudyMatch> studies = in(open, "#pacsStudies", TableView.class);
        assertEquals(1, studies.getItems().size(), in(open, "#pacsProgress", Label.class).getText());
        assertEquals(reading.film().studyInstanceUid(), studies.getItems().get(0).studyInstanceUid());
        assertEquals("1 study on " + orthanc.node(), in(open, "#pacsProgress", Label.class).getText());
        robot.interact(() -> studies.getSelectionModel().select(0));
        waitIdle();
        @SuppressWarnings("unchecked")
        TableView<SeriesMatch> series = in(open, "#pacsSeries", TableView.class);
        assertEquals(List.of("DX", "DX", "SR"), series.getItems().stream().map(SeriesMatch::modality).sorted().toList());
        SeriesMatch chosen = series.getSelectionModel().getSelectedItem();
        assertEquals("DX", chosen.modality(), "the first radiograph series is chosen");
        assertFalse(chosen.number().equals("99"), "the film's series, not the one without pixels, comes first");
        robot.clickOn(in(open, "#pacsRetrieve", javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> vm.session().radiograph() != null && !open.isShowing());
        waitIdle();
        Path cached = vm.session().imagePath();
        assertTrue(cached.startsWith(dir), cached.toString());
        assertEquals(reading.film().sopInstanceUid(), cached.getFileName().toString().replaceFirst("\\.dcm$", ""));

        // the stored reading is offered (the SR series came along into the cache) and restored: values equal
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.session().reading().landmarks().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.prompts.stream().anyMatch(p -> p.startsWith("An OrthoMeasure reading of this film is stored beside the film"
                + " (measured by Doe^Jane")), dialogs.prompts.toString());
        assertEquals(reading.doc().landmarks(), vm.session().reading().landmarks());
        MeasurementReportReader.StoredReading stored = MeasurementReportReader.read(
                Files.list(cached.getParent()).filter(p -> p.getFileName().toString().startsWith(srUid)).findFirst().orElseThrow());
        int compared = 0;
        for (Measurement m : vm.session().measurements().measurements()) {
            if (m.text().isEmpty()) {
                assertEquals(stored.numbers().get(m.id().id()), m.value(), 1e-9, m.id().id());
                compared++;
            }
        }
        assertEquals(stored.numbers().size(), compared, "every stored value is shown, none more");
        assertTrue(compared >= 20, "values compared: " + compared);
        assertEquals(reading.set().get("R.HKA").orElseThrow().value(), vm.session().measurements().get("R.HKA").orElseThrow().value(), 1e-9);

        // Send to PACS: the SR, capture and PDF land in the film's study
        int before = instances();
        robot.interact(() -> dialogs.texts.add("Roe^Richard"));
        menu(robot, "sendToPacs");
        waitIdle();
        assertTrue(vm.statusProperty().get().startsWith("Sent the SR, secondary capture and PDF of " + cached.getFileName()
                + " to " + orthanc.node() + " (3 object(s))"), vm.statusProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> instances() == before + 3);
        assertTrue(orthanc.rest("/studies").contains("\""), "one study");
        assertEquals(1, orthanc.rest("/studies").split(",").length, "all in the film's study: " + orthanc.rest("/studies"));
        // what arrived: the SR by Roe^Richard reads back to the values shown; all three pass dciodvfy
        List<Path> back = new PixelMedPacs(orthanc.node(), "OMFLOW", java.time.Duration.ofSeconds(20))
                .retrieveStudy(reading.film().studyInstanceUid(), dir.resolve("back-" + System.nanoTime()));
        List<Path> ours = new ArrayList<>();
        MeasurementReportReader.StoredReading sentSr = null;
        for (Path p : back) {
            AttributeList header = new AttributeList();
            header.read(p.toFile(), TagFromName.PixelData);
            String sopClass = Attribute.getSingleStringValueOrEmptyString(header, TagFromName.SOPClassUID);
            if (sopClass.equals(MeasurementReportWriter.COMPREHENSIVE_SR)) {
                MeasurementReportReader.StoredReading r = MeasurementReportReader.read(p);
                if (r.observer().equals("Roe^Richard")) {
                    sentSr = r;
                    ours.add(p);
                }
            } else if (sopClass.equals(org.orthomeasure.io.dicom.SecondaryCaptureWriter.SECONDARY_CAPTURE)
                    || sopClass.equals(org.orthomeasure.io.dicom.EncapsulatedPdfWriter.ENCAPSULATED_PDF)) {
                ours.add(p);      // only this send put a capture and a PDF into the study
            }
        }
        assertEquals(3, ours.size(), "the SR by Roe^Richard, the capture and the PDF: " + back);
        assertEquals("Roe^Richard", sentSr.observer());
        for (Measurement m : vm.session().measurements().measurements()) {
            if (m.text().isEmpty()) {
                assertEquals(m.value(), sentSr.numbers().get(m.id().id()), 1e-9, m.id().id());
            }
        }
        assertEquals(vm.session().reading().landmarks(), sentSr.document().landmarks());

        // the PACS away: all three stay in the outbox, one message; sent again once it is back
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        PacsSettings good = vm.pacs().settings();
        robot.interact(() -> vm.pacs().applySettings(PacsSettings.parse(OrthancServer.AET, "127.0.0.1", Integer.toString(closed),
                "OMFLOW", false, "", "", "5")));
        menu(robot, "sendToPacs");
        waitIdle();
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).contains("cannot connect to ORTHANC@127.0.0.1:" + closed)
                && dialogs.errors.get(0).endsWith("3 object(s) kept in the outbox (File > Send outbox again)"), dialogs.errors.get(0));
        assertEquals(3, vm.pacs().waitingProperty().get());
        robot.interact(() -> vm.pacs().applySettings(good));
        assertEquals("Send _outbox again (3 waiting)", item("sendOutboxAgain").getText());
        menu(robot, "sendOutboxAgain");
        waitIdle();
        assertEquals(0, vm.pacs().waitingProperty().get(), vm.statusProperty().get());
        assertEquals(List.of(), vm.pacs().outbox().waiting());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> instances() == before + 6);
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        // last, as it is skipped where dciodvfy is not installed
        for (Path p : ours) {
            assertEquals(List.of(), org.orthomeasure.io.dicom.Dciodvfy.errors(p), p.toString());
        }
    }

    @Test
    void aSeriesWithoutPixelDataIsOneMessageAndCMoveRetrievesTheFilm(FxRobot robot) throws Exception {
        configure(robot, Integer.toString(orthanc.dicomPort()), true);
        assertTrue(vm.pacs().settings().retrievesByMove());
        menu(robot, "openFromPacs");
        WaitForAsyncUtils.waitForFxEvents();
        Stage open = window(OpenFromPacsWindow.class);
        robot.interact(() -> vm.pacs().accessionProperty().set(reading.film().accessionNumber().orElseThrow()));
        robot.clickOn(in(open, "#pacsFind", javafx.scene.control.Button.class));
        waitIdle();
        @SuppressWarnings("unchecked")
        TableView<org.orthomeasure.io.dicom.net.StudyMatch> studies = in(open, "#pacsStudies", TableView.class);
        robot.interact(() -> studies.getSelectionModel().select(0));
        waitIdle();
        @SuppressWarnings("unchecked")
        TableView<SeriesMatch> series = in(open, "#pacsSeries", TableView.class);
        SeriesMatch empty = series.getItems().stream().filter(m -> m.number().equals("99")).findFirst().orElseThrow();
        robot.interact(() -> series.getSelectionModel().select(empty));
        robot.clickOn(in(open, "#pacsRetrieve", javafx.scene.control.Button.class));
        waitIdle();
        assertEquals(List.of("series 99 (DX" + (empty.description().isEmpty() ? "" : ", " + empty.description())
                + "): the object retrieved has no pixel data (not a film): nothing to open"), dialogs.errors);
        assertEquals(null, vm.session().radiograph(), "nothing opened");
        assertTrue(open.isShowing(), "the dialog stays for another choice");

        // the film's series by C-MOVE to our listener (open only while it arrives)
        SeriesMatch film = series.getItems().stream().filter(m -> m.modality().equals("DX") && !m.number().equals("99"))
                .findFirst().orElseThrow();
        robot.interact(() -> series.getSelectionModel().select(film));
        robot.clickOn(in(open, "#pacsRetrieve", javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> vm.session().radiograph() != null);
        waitIdle();
        assertEquals(reading.film().sopInstanceUid(), vm.session().imagePath().getFileName().toString().replaceFirst("\\.dcm$", ""));
        try (Socket s = new Socket()) {
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), ourPort), 1000);
            throw new AssertionError("the storage listener is still open after the retrieval");
        } catch (java.io.IOException expected) {
            // closed, as it should be
        }
    }

    @Test
    void aPacsThatNeverAnswersIsCancelledWithoutAnError(FxRobot robot) throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            t.setDaemon(true);
            t.start();
            robot.interact(() -> vm.pacs().applySettings(PacsSettings.parse("SILENT", "127.0.0.1",
                    Integer.toString(silent.getLocalPort()), "OMFLOW", false, "", "", "60")));
            menu(robot, "openFromPacs");
            WaitForAsyncUtils.waitForFxEvents();
            Stage open = window(OpenFromPacsWindow.class);
            robot.clickOn(in(open, "#pacsFind", javafx.scene.control.Button.class));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(vm.pacs().runningProperty().get());
            assertEquals("Searching SILENT@127.0.0.1:" + silent.getLocalPort() + " …", in(open, "#pacsProgress", Label.class).getText());
            robot.clickOn(in(open, "#pacsCancel", javafx.scene.control.Button.class));
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(vm.pacs().runningProperty().get());
            assertEquals("Cancelled", in(open, "#pacsProgress", Label.class).getText());
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of(), dialogs.errors, "a cancelled query reports nothing more");
            assertEquals("Cancelled", in(open, "#pacsProgress", Label.class).getText());

            // choosing another study while the series of the first are listed replaces that listing
            var first = new org.orthomeasure.io.dicom.net.StudyMatch("1.2.3", "P1", "A^B", "20260101", "", "", "DX", 1);
            var second = new org.orthomeasure.io.dicom.net.StudyMatch("1.2.4", "P2", "C^D", "20260102", "", "", "DX", 1);
            robot.interact(() -> vm.pacs().listSeries(first));
            robot.interact(() -> vm.pacs().listSeries(second));
            assertTrue(vm.pacs().runningProperty().get());
            assertEquals("Listing the series of the study of 20260102 …", in(open, "#pacsProgress", Label.class).getText());
            assertEquals(List.of(), dialogs.errors, "no 'busy' message for a replaced listing");
            // but a Find is not dropped for it: the user is told the PACS is busy
            robot.interact(() -> vm.pacs().find());
            assertEquals(1, dialogs.errors.size());
            assertTrue(dialogs.errors.get(0).startsWith("The PACS is busy with: Listing the series"), dialogs.errors.get(0));
            robot.clickOn(in(open, "#pacsCancel", javafx.scene.control.Button.class));
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(vm.pacs().runningProperty().get());
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aFilmOpenedFromDiskOffersItsStoredReadingBesideItOrOnThePacs(FxRobot robot) throws Exception {
        Path film = Path.of("sample-dicom", "longleg-phantom.dcm");
        Path local = Files.createDirectories(dir.resolve("local-" + System.nanoTime()));
        Files.copy(film, local.resolve("film.dcm"));
        Files.copy(storedSr, local.resolve("reading.dcm"));
        robot.interact(() -> dialogs.confirmations.add(false));
        robot.interact(() -> vm.open(local.resolve("film.dcm")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialogs.prompts.stream().anyMatch(p -> p.contains("stored beside the film")));
        waitIdle();
        assertTrue(vm.session().reading().landmarks().isEmpty(), "declined: the film's own (empty) reading stays");
        int asked = dialogs.prompts.size();
        robot.interact(() -> vm.open(local.resolve("film.dcm")));
        waitIdle();
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(asked, dialogs.prompts.size(), "a declined reading is not offered again: " + dialogs.prompts);

        // no SR beside this copy, but a PACS configured: the SR comes from the film's study there
        Path other = Files.createDirectories(dir.resolve("other-" + System.nanoTime()));
        Files.copy(film, other.resolve("film.dcm"));
        robot.interact(() -> vm.pacs().applySettings(PacsSettings.parse(OrthancServer.AET, "127.0.0.1",
                Integer.toString(orthanc.dicomPort()), "OMFLOW", false, "", "", "20")));
        robot.interact(() -> vm.open(other.resolve("film.dcm")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.session().reading().landmarks().isEmpty());
        waitIdle();
        assertTrue(dialogs.prompts.get(dialogs.prompts.size() - 1).startsWith("An OrthoMeasure reading of this film is stored on "
                + orthanc.node() + " (measured by Doe^Jane"), dialogs.prompts.toString());
        assertEquals(reading.doc().landmarks(), vm.session().reading().landmarks());
        for (Measurement m : reading.set().measurements()) {
            if (m.text().isEmpty()) {
                assertEquals(m.value(), vm.session().measurements().get(m.id().id()).orElseThrow().value(), 1e-9, m.id().id());
            }
        }
        assertTrue(vm.statusProperty().get().startsWith("Reading restored from "), vm.statusProperty().get());
        assertEquals(List.of(), dialogs.errors);
        robot.interact(() -> vm.session().undo());
        assertTrue(vm.session().reading().landmarks().isEmpty(), "Undo takes the restored reading back");
    }

    @Test
    void withoutAPacsOrADicomFilmEachActionSaysWhyInOneMessage(FxRobot robot) throws Exception {
        menu(robot, "openFromPacs");
        Stage open = window(OpenFromPacsWindow.class);
        assertEquals("No PACS configured: enter one under PACS settings", in(open, "#pacsNode", Label.class).getText());
        robot.clickOn(in(open, "#pacsFind", javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("No PACS configured: enter its AE title, host and port under File > PACS settings…"), dialogs.errors);
        robot.interact(open::close);

        // a PNG film: the objects need the DICOM film's study
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(200, 400, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        Path png = dir.resolve("film-" + System.nanoTime() + ".png");
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        robot.interact(() -> vm.open(png));
        waitIdle();
        robot.interact(() -> vm.pacs().applySettings(PacsSettings.parse(OrthancServer.AET, "127.0.0.1",
                Integer.toString(orthanc.dicomPort()), "OMFLOW", false, "", "", "20")));
        menu(robot, "sendToPacs");
        waitIdle();
        assertEquals("Nothing to send: no landmark is placed on " + png.getFileName(), dialogs.errors.get(1));
        robot.interact(() -> vm.session().edit(org.orthomeasure.core.protocol.Reading.empty().with(
                vm.session().protocol().steps().get(0).target(), org.orthomeasure.core.geometry.Point2.of(100, 100))));
        robot.interact(() -> dialogs.texts.add("Roe^Richard"));
        menu(robot, "sendToPacs");
        waitIdle();
        assertEquals(3, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(2).startsWith("Send to PACS needs the DICOM film (the objects go into its study): " + png),
                dialogs.errors.get(2));
        assertEquals(1, dialogs.errors.get(2).lines().count(), dialogs.errors.get(2));
        assertEquals(0, vm.pacs().waitingProperty().get(), "nothing was made, nothing waits");
    }

    private static int instances() throws Exception {
        String json = orthanc.rest("/instances");
        return json.replaceAll("[^\"]", "").length() / 2;
    }
}
