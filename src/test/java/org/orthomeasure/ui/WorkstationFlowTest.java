package org.orthomeasure.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.limb.CpakType;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.io.landmarks.LandmarkFileReader;
import org.orthomeasure.ui.panels.CpakGrid;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.session.SessionStore;
import org.orthomeasure.ui.viewer.ViewTransform;
import org.orthomeasure.ui.viewer.ViewerPane;
import org.orthomeasure.ui.viewer.ViewerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the workstation like a user: opens a film, places the right leg's landmarks by clicking in
 * the protocol's order, reads the values in the panel (worked number 1 of measurements.md, scaled
 * ×2), drags the knee, undoes, calibrates with a ball, and reopens the film from its autosaved session.
 */
@ExtendWith(ApplicationExtension.class)
class WorkstationFlowTest {

    /** Film size: twice worked number 1's frame. */
    private static final int W = 400;
    private static final int H = 2000;

    @TempDir
    static Path dir;
    private static Path film;

    private final TestDialogs dialogs = new TestDialogs();
    private WorkstationViewModel vm;
    private ViewerPane pane;

    @BeforeAll
    static void writeFilm() throws Exception {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                img.getRaster().setSample(x, y, 0, (x / 4 + y / 8) % 256);
            }
        }
        film = dir.resolve("leg.png");
        ImageIO.write(img, "png", film.toFile());
    }

    @Start
    void start(Stage stage) {
        Session session = new Session();
        ViewerViewModel viewer = new ViewerViewModel(session, dialogs);
        vm = new DesktopApp().start(stage, List.of(),
                new WorkstationViewModel(session, viewer, dialogs, new SessionStore(), new RecentFiles(null)));
        pane = (ViewerPane) stage.getScene().lookup(".viewer");
    }

    private void open(FxRobot robot) throws Exception {
        robot.interact(() -> dialogs.files.add(film));
        robot.clickOn("#openButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.session().radiograph() != null);
        WaitForAsyncUtils.waitForFxEvents();
        // scale 0.25 with integer translation: image coordinates that are multiples of 4 land on whole screen pixels
        robot.interact(() -> vm.viewer().transformProperty().set(
                new ViewTransform(W, H, 0.25, Math.round(pane.getWidth() / 2), Math.round(pane.getHeight() / 2), 0, false, false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screen(double imageX, double imageY) {
        Point2 s = vm.viewer().transformProperty().get().toScreen(Point2.of(imageX, imageY));
        return pane.localToScreen(s.x(), s.y());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void placeTheRightLegByClickingInOrderThenDragUndoCalibrateAndReopen(FxRobot robot) throws Exception {
        robot.interact(() -> vm.session().protocolProperty().set(LandmarkProtocol.longLeg(java.util.EnumSet.of(Side.R), false)));
        open(robot);
        assertEquals("R.femoralHeadCenter", vm.viewer().activeStepProperty().get().id());
        assertTrue(text(robot, "#missingLine").startsWith("missing: Right femoral head centre, Right femoral condyle, medial"));

        // protocol order: H, FCm, FCl, K, TPm, TPl, A (worked number 1 ×2: both joint lines horizontal)
        double[][] clicks = {{200, 200}, {240, 960}, {120, 960}, {180, 1000}, {240, 1040}, {120, 1040}, {200, 1800}};
        for (double[] c : clicks) {
            robot.clickOn(screen(c[0], c[1]), MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Point2.of(180, 1000), vm.session().reading().landmarks().point(Side.R, LimbLandmark.KNEE_CENTER).orElseThrow());
        assertEquals("2.9° varus (177.1°)", text(robot, "#value-R-HKA"));
        assertEquals("91.4°", text(robot, "#value-R-mLDFA"));
        assertEquals("88.6°", text(robot, "#value-R-MPTA"));
        assertEquals("IV", text(robot, "#value-R-CPAK"));
        assertEquals("20.0 px medial (uncalibrated)", text(robot, "#value-R-MAD"));
        assertEquals(CpakType.IV, robot.lookup(".cpak-grid").queryAllAs(CpakGrid.class).iterator().next().marked());
        assertEquals("missing: nothing, all landmarks of the protocol are placed", text(robot, "#missingLine"));
        assertEquals(-2.864, vm.session().measurements().get("R.HKA").orElseThrow().value(), 1e-3);

        // drag the knee onto the line H-A: a straight leg, live
        robot.drag(screen(180, 1000), MouseButton.PRIMARY).moveTo(screen(192, 1000)).moveTo(screen(200, 1000)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.0° (180.0°)", text(robot, "#value-R-HKA"));
        assertEquals("0.0 px (uncalibrated)", text(robot, "#value-R-MAD"));

        // the drag is one undo step
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2.9° varus (177.1°)", text(robot, "#value-R-HKA"));

        // keyboard nudge of the selected knee: right arrow = +1 image px
        robot.clickOn(screen(180, 1000), MouseButton.PRIMARY);
        robot.type(KeyCode.RIGHT);
        robot.press(KeyCode.SHIFT).type(KeyCode.UP).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Point2.of(181, 990), vm.session().reading().landmarks().point(Side.R, LimbLandmark.KNEE_CENTER).orElseThrow());
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Point2.of(180, 1000), vm.session().reading().landmarks().point(Side.R, LimbLandmark.KNEE_CENTER).orElseThrow());

        // calibration ball of 25 mm: four rim clicks on a circle of radius 100 px (diameter 200 px) -> 0.125 mm/px
        robot.interact(() -> vm.viewer().startBallCalibration());
        robot.interact(() -> dialogs.numbers.add(25.0));
        for (double[] c : new double[][] {{300, 400}, {200, 300}, {100, 400}, {200, 500}}) {
            robot.clickOn(screen(c[0], c[1]), MouseButton.PRIMARY);
        }
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CalibrationSource.CALIBRATION_BALL, vm.session().calibration().source());
        assertEquals("2.5 mm medial", text(robot, "#value-R-MAD"));
        assertTrue(text(robot, "#calibrationWarning").contains("level of the bone"));
        assertEquals("Lengths in mm, calibration ball; angles in degrees", text(robot, "#lengthUnit"));

        // the session is autosaved beside the film; reopening restores landmarks and calibration
        Path session = SessionStore.sessionFile(film);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(session)
                && new LandmarkFileReader().read(session).calibration().isPresent()
                && new LandmarkFileReader().read(session).landmarks().points().size() == 7);
        robot.interact(() -> vm.session().edit(org.orthomeasure.core.protocol.Reading.empty()));
        robot.interact(() -> vm.saveNow());
        assertTrue(new LandmarkFileReader().read(session).landmarks().isEmpty());
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        robot.interact(() -> vm.saveNow());
        assertEquals(7, new LandmarkFileReader().read(session).landmarks().points().size());
        open(robot);
        assertEquals("IV", text(robot, "#value-R-CPAK"));
        assertEquals("2.5 mm medial", text(robot, "#value-R-MAD"));
        assertFalse(vm.session().canUndoProperty().get());

        // File > Export > Report (PDF) (Ctrl+E): the values read back from the PDF text
        Path pdf = dir.resolve("leg-report.pdf");
        robot.interact(() -> {
            dialogs.files.add(pdf);
            dialogs.texts.add("Dr. Test");
        });
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(pdf) && text(robot, "#statusLine").startsWith("Wrote"));
        System.out.println("PDF export: " + text(robot, "#statusLine"));
        String t;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            t = new PDFTextStripper().getText(d);
        }
        assertTrue(t.contains("HKA 2.9° varus"), t); // the one-page long-leg report: R | L table
        assertTrue(t.contains("mLDFA 91.4°"), t);
        assertTrue(t.contains("MPTA 88.6°"), t);
        assertTrue(t.contains("type IV"), t);
        assertTrue(t.contains("MAD 2.5 mm"), t);
        assertTrue(t.contains("reviewed by Dr. Test"), t);
        assertTrue(t.contains("leg.png"), t);

        // File > Export > Annotated image (PNG): the whole film, as shown
        Path png = dir.resolve("leg-annotated.png");
        robot.interact(() -> dialogs.files.add(png));
        robot.press(KeyCode.CONTROL).press(KeyCode.SHIFT).press(KeyCode.E).release(KeyCode.E).release(KeyCode.SHIFT)
                .release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(png) && text(robot, "#statusLine").startsWith("Wrote"));
        System.out.println("PNG export: " + text(robot, "#statusLine"));
        BufferedImage exported = ImageIO.read(png.toFile());
        assertEquals(W, exported.getWidth());
        assertEquals(H, exported.getHeight());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
