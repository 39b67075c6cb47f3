package org.orthomeasure.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.calibration.CalibrationRules;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.overlay.OverlayRole;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.io.landmarks.ImageSize;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileWriter;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.session.SessionStore;
import org.orthomeasure.ui.viewer.ViewerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Check mode through the UI: the right leg of worked number 1 (×2) is the user's reading; the reference
 * file is the same reading with the knee moved 20 px onto the line H–A (a straight leg). Before the
 * reveal nothing of the reference is drawn or shown; after it the panel shows HKA −2.9° against 0.0°
 * (difference −2.9°, beyond the 1.5° limit), mLDFA and MPTA within it, and the knee 20.0 px apart
 * (10.0 mm once calibrated at 0.5 mm/px); the comparison PDF says the same.
 */
@ExtendWith(ApplicationExtension.class)
class CheckModeFlowTest {

    private static final int W = 400;
    private static final int H = 2000;

    @TempDir
    static Path dir;
    private static Path film;
    private static Path reference;

    private final TestDialogs dialogs = new TestDialogs();
    private WorkstationViewModel vm;

    static LandmarkSet rightLeg(Point2 knee) {
        return LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(200, 200))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, Point2.of(240, 960))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(120, 960))
                .withPoint(Side.R, LimbLandmark.KNEE_CENTER, knee)
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(240, 1040))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(120, 1040))
                .withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(200, 1800));
    }

    @BeforeAll
    static void writeFilmAndReference() throws Exception {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                img.getRaster().setSample(x, y, 0, (x / 4 + y / 8) % 256);
            }
        }
        film = dir.resolve("leg.png");
        ImageIO.write(img, "png", film.toFile());
        reference = dir.resolve("attending.json");
        new LandmarkFileWriter().write(reference, LandmarkDocument.of(rightLeg(Point2.of(200, 1000)))
                .withImageSize(ImageSize.of(W, H)));
    }

    @Start
    void start(Stage stage) {
        Session session = new Session();
        ViewerViewModel viewer = new ViewerViewModel(session, dialogs);
        vm = new DesktopApp().start(stage, List.of(),
                new WorkstationViewModel(session, viewer, dialogs, new SessionStore(), new RecentFiles(null)));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theReferenceStaysHiddenUntilRevealedThenTheDifferencesAreShownAndExported(FxRobot robot) throws Exception {
        robot.interact(() -> vm.session().protocolProperty().set(LandmarkProtocol.longLeg(EnumSet.of(Side.R), false)));
        robot.interact(() -> vm.open(film));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.session().radiograph() != null);
        robot.interact(() -> vm.session().edit(Reading.of(rightLeg(Point2.of(180, 1000)))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2.9° varus (177.1°)", text(robot, "#value-R-HKA"));

        // the Check tab: load the attending's file through the panel's button
        robot.interact(() -> ((TabPane) robot.lookup("#sideTabs").query()).getSelectionModel().select(1));
        robot.interact(() -> dialogs.files.add(reference));
        robot.clickOn("#loadReference");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.session().referenceProperty().get() != null);
        assertFalse(vm.session().referenceRevealedProperty().get());

        // blind: no reference overlay, no comparison, no values in the panel
        assertTrue(vm.viewer().overlayProperty().get().items().stream().noneMatch(i -> i.role() == OverlayRole.REFERENCE));
        assertEquals(null, vm.check().comparisonProperty().get());
        assertTrue(robot.lookup("#cmp-b-R-HKA").tryQuery().isEmpty());
        assertTrue(robot.lookup("#dist-R-kneeCenter").tryQuery().isEmpty());
        assertTrue(text(robot, "#checkState").contains("attending.json") && text(robot, "#checkState").contains("hidden"),
                text(robot, "#checkState"));
        assertTrue(robot.lookup("#exportComparison").query().isDisabled());

        // reveal
        robot.clickOn("#revealReference");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.session().referenceRevealedProperty().get());
        assertTrue(vm.viewer().overlayProperty().get().items().stream().anyMatch(i -> i.role() == OverlayRole.REFERENCE));
        assertEquals("−2.9°", text(robot, "#cmp-a-R-HKA"));
        assertEquals("0.0°", text(robot, "#cmp-b-R-HKA"));
        assertEquals("−2.9°", text(robot, "#cmp-d-R-HKA"));
        assertEquals("⚠ exceeds", text(robot, "#cmp-v-R-HKA"));
        // mLDFA 91.4° vs 90.0°, MPTA 88.6° vs 90.0°: 1.4° apart, inside the limit
        assertEquals("+1.4°", text(robot, "#cmp-d-R-mLDFA"));
        assertEquals("within", text(robot, "#cmp-v-R-mLDFA"));
        assertEquals("−1.4°", text(robot, "#cmp-d-R-MPTA"));
        assertEquals("within", text(robot, "#cmp-v-R-MPTA"));
        assertEquals("20.0 px", text(robot, "#dist-R-kneeCenter"));
        assertEquals("0.0 px", text(robot, "#dist-R-ankleCenter"));
        assertEquals("no limit", text(robot, "#cmp-v-R-MAD"), "a length in px has no limit");
        assertTrue(text(robot, "#checkLimits").startsWith("Inter-observer limits: Cobb ±7°, HKA/mLDFA/MPTA ±1.5°, lengths ±3 mm"));
        assertEquals("inter-observer limit ±1.5°", robot.lookup("#cmp-v-R-HKA").queryAs(Label.class).getTooltip().getText());
        assertTrue(text(robot, "#checkSummary").startsWith("1 of 3 measurements with a limit differ by more than it: R HKA."),
                text(robot, "#checkSummary"));

        // live: the user corrects the knee halfway; calibrated at 0.5 mm/px the distance is in mm
        robot.interact(() -> vm.session().edit(Reading.of(rightLeg(Point2.of(190, 1000)))));
        robot.interact(() -> vm.session().userCalibrationProperty().set(
                CalibrationRules.userLine(Point2.of(0, 0), Point2.of(0, 200), 100)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("5.0 mm", text(robot, "#dist-R-kneeCenter"));
        assertEquals("+5.0 mm", text(robot, "#cmp-d-R-MAD"));
        assertEquals("⚠ exceeds", text(robot, "#cmp-v-R-MAD"));
        assertEquals("−1.4°", text(robot, "#cmp-d-R-HKA"));
        assertEquals("within", text(robot, "#cmp-v-R-HKA"));

        // the one-page comparison PDF from the panel
        Path pdf = dir.resolve("leg-comparison.pdf");
        robot.interact(() -> dialogs.files.add(pdf));
        robot.clickOn("#exportComparison");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(pdf) && text(robot, "#statusLine").startsWith("Wrote"));
        String t;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, d.getNumberOfPages());
            t = new PDFTextStripper().getText(d);
        }
        assertTrue(t.contains("A: your reading of leg.png"), t);
        assertTrue(t.contains("B: attending.json"), t);
        assertTrue(t.contains("R HKA (mechanical) −1.4° 0.0° −1.4° ±1.5° within limit"), t);
        assertTrue(t.contains("R MAD 5.0 mm 0.0 mm 5.0 mm ±3.0 mm exceeds limit"), t);
        assertTrue(t.contains("R.kneeCenter 5.0"), t);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        // the reference is saved with the session: closing the film (opening another) and reopening it
        // brings it back, revealed as it was, with the comparison
        Path other = Files.copy(film, dir.resolve("other-leg.png"));
        robot.interact(() -> vm.open(other));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> other.equals(vm.session().imagePath()));
        WaitForAsyncUtils.waitForFxEvents(); // the rest of the session is loaded in the same FX event
        assertEquals(null, vm.session().referenceProperty().get());
        robot.interact(() -> vm.open(film));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> film.equals(vm.session().imagePath()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Reading.of(rightLeg(Point2.of(200, 1000))), vm.session().referenceProperty().get());
        assertEquals("attending.json", vm.session().referenceNameProperty().get());
        assertTrue(vm.session().referenceRevealedProperty().get());
        assertEquals("−1.4°", text(robot, "#cmp-d-R-HKA"));
        assertTrue(text(robot, "#statusLine").contains("with the reference reading attending.json (revealed)"),
                text(robot, "#statusLine"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aReferenceOfAnotherFilmIsRefusedWithOneLine(FxRobot robot) throws Exception {
        // a film of its own: the other test's session (with its saved reference) must not come back here
        Path alone = Files.copy(film, dir.resolve("leg-alone.png"));
        robot.interact(() -> vm.open(alone));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.session().radiograph() != null);
        Path other = dir.resolve("other-film.json");
        new LandmarkFileWriter().write(other, LandmarkDocument.of(rightLeg(Point2.of(200, 1000)))
                .withImageSize(ImageSize.of(W, H + 10)));
        robot.interact(() -> vm.check().loadReference(other));
        assertEquals(List.of("other-film.json: made for a 400x2010 image, but this film is 400x2000"), dialogs.errors);
        assertEquals(null, vm.session().referenceProperty().get());
    }
}
