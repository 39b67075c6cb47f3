package org.orthomeasure.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.overlay.OverlayRole;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.io.landmarks.LandmarkFileReader;
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
 * "Suggest landmarks" on a long-leg film (issue 11): a bilateral AP film assembled from two real OAI test
 * crops (the right leg on the image's left, the left leg mirrored on its right, 2x enlarged as an export would
 * be). Both legs get every landmark as suggestions (dashed, violet), HKA appears for both legs marked as
 * coming from suggestions, dragging the knee makes that one landmark the user's, Accept all confirms the
 * rest, and the session file keeps the marking. On a film that is not a long-leg film nothing is placed
 * unless the user says so after being told why.
 */
@ExtendWith(ApplicationExtension.class)
class SuggestLongLegFlowTest {

    private static final Path CROPS = Path.of(System.getProperty("orthomeasure.shared", "../shared"),
            "data", "oai-legs-seg", "test", "images");

    @TempDir
    Path dir;

    private final TestDialogs dialogs = new TestDialogs();
    private WorkstationViewModel vm;
    private ViewerPane pane;

    @Start
    void start(Stage stage) {
        Session session = new Session();
        ViewerViewModel viewer = new ViewerViewModel(session, dialogs);
        vm = new DesktopApp().start(stage, List.of(),
                new WorkstationViewModel(session, viewer, dialogs, new SessionStore(), new RecentFiles(null)));
        pane = (ViewerPane) stage.getScene().lookup(".viewer");
    }

    /** Two real crops as one bilateral film, 2x enlarged (512 x 2048). */
    private Path bilateralFilm() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CROPS), "needs ../shared/data/oai-legs-seg (real OAI crops)");
        List<Path> c;
        try (var s = Files.list(CROPS)) {
            c = s.sorted().skip(2).limit(2).toList();
        }
        BufferedImage a = ImageIO.read(c.get(0).toFile());
        BufferedImage b = ImageIO.read(c.get(1).toFile());
        BufferedImage film = new BufferedImage(512, 2048, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 2048; y++) {
            for (int x = 0; x < 256; x++) {
                film.getRaster().setSample(x, y, 0, a.getRaster().getSample(x / 2, y / 2, 0));
                film.getRaster().setSample(511 - x, y, 0, b.getRaster().getSample(x / 2, y / 2, 0));
            }
        }
        Path out = dir.resolve("bilateral-legs.png");
        ImageIO.write(film, "png", out.toFile());
        return out;
    }

    private void open(FxRobot robot, Path film) throws Exception {
        robot.interact(() -> vm.open(film));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.session().radiograph() != null);
        robot.interact(() -> vm.session().protocolProperty().set(LandmarkProtocol.longLeg(EnumSet.allOf(Side.class), false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void bothLegsSuggestedThenOneDraggedThenAllAccepted(FxRobot robot) throws Exception {
        Path film = bilateralFilm();
        open(robot, film);
        assertTrue(robot.lookup("#suggestButton").query().isVisible(), "Suggest is offered on a long-leg film");
        long t0 = System.nanoTime();
        robot.clickOn("#suggestButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.suggestions().runningProperty().get()
                && vm.session().suggestionCountProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf("Suggest landmarks on a bilateral film of two OAI crops: %d ms (model load included); %s%n",
                (System.nanoTime() - t0) / 1_000_000, text(robot, "#statusLine"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        var suggested = vm.session().suggestedLandmarks();
        for (Side side : Side.values()) {
            for (LimbLandmark l : List.of(LimbLandmark.FEMORAL_HEAD_CENTER, LimbLandmark.KNEE_CENTER,
                    LimbLandmark.ANKLE_CENTER, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, LimbLandmark.TIBIAL_PLATEAU_LATERAL)) {
                assertTrue(suggested.contains(LandmarkKey.of(side, l)), side + " " + l + " suggested: " + suggested);
            }
            assertEquals(8, vm.session().reading().landmarks().headRim(side).size(), "the head as a circle of rim points");
        }
        // the right leg is on the image's left (AP view)
        double rKnee = vm.session().reading().landmarks().point(Side.R, LimbLandmark.KNEE_CENTER).orElseThrow().x();
        double lKnee = vm.session().reading().landmarks().point(Side.L, LimbLandmark.KNEE_CENTER).orElseThrow().x();
        assertTrue(rKnee < 256 && lKnee > 256, rKnee + " / " + lKnee);
        assertTrue(vm.session().protocol().steps().stream().anyMatch(org.orthomeasure.core.protocol.Step::optional),
                "the extended set was suggested too, so the landmark list shows it");
        int count = vm.session().suggestionCountProperty().get();
        assertTrue(robot.lookup("#suggestionBar").query().isVisible());
        assertTrue(text(robot, "#suggestionInfo").startsWith(count + " landmarks are suggestions"), text(robot, "#suggestionInfo"));
        assertTrue(vm.viewer().overlayProperty().get().items().stream().filter(i -> i.source().equals("R.kneeCenter"))
                .allMatch(i -> i.role() == OverlayRole.SUGGESTION));
        assertEquals(count - 2 + 16, vm.viewer().pointsBySuggestion().get(true).size(), "every point, a head's 8 rim points each");
        for (String side : List.of("R", "L")) {
            String hka = text(robot, "#value-" + side + "-HKA");
            assertTrue(hka.matches("(\\d+\\.\\d° (varus|valgus)|0\\.0°) \\(\\d+\\.\\d°\\)"), hka);
            assertTrue(text(robot, "#flag-" + side + "-HKA").startsWith("◌"), "marked as from suggestions");
        }

        // the report names the unconfirmed suggestions (the PDF then says so in its notes)
        List<String> unconfirmed = vm.reports().reportContent().unconfirmed();
        assertEquals(count, unconfirmed.size(), unconfirmed.toString());
        assertTrue(unconfirmed.contains("R.femoralHeadRim") && unconfirmed.contains("L.kneeCenter"), unconfirmed.toString());

        // drag the right knee by 5 image px: it becomes the user's, everything else stays suggested
        int w = vm.session().radiograph().width();
        int h = vm.session().radiograph().height();
        Point2 knee = vm.session().reading().landmarks().point(Side.R, LimbLandmark.KNEE_CENTER).orElseThrow();
        double tx = Math.round(pane.getWidth() / 2 - 2 * knee.x());
        double ty = Math.round(pane.getHeight() / 2 - 2 * knee.y());
        robot.interact(() -> vm.viewer().transformProperty().set(new ViewTransform(w, h, 2, tx + w, ty + h, 0, false, false)));
        WaitForAsyncUtils.waitForFxEvents();
        Point2 s = vm.viewer().transformProperty().get().toScreen(knee);
        Point2D from = pane.localToScreen(s.x(), s.y());
        robot.drag(from, MouseButton.PRIMARY).moveTo(new Point2D(from.getX() + 5, from.getY()))
                .moveTo(new Point2D(from.getX() + 10, from.getY())).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(knee.x() + 5, vm.session().reading().landmarks().point(Side.R, LimbLandmark.KNEE_CENTER)
                .orElseThrow().x(), 0.6);
        assertFalse(vm.session().suggestedLandmarks().contains(LandmarkKey.of(Side.R, LimbLandmark.KNEE_CENTER)));
        assertEquals(count - 1, vm.session().suggestionCountProperty().get());

        robot.interact(() -> vm.saveNow());
        var saved = new LandmarkFileReader().read(SessionStore.sessionFile(film));
        assertEquals(count - 1, saved.suggested().size());
        assertTrue(saved.suggested().contains("R.femoralHeadRim"));

        robot.clickOn("#acceptAllSuggestions");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, vm.session().suggestionCountProperty().get());
        assertFalse(robot.lookup("#suggestionBar").query().isVisible());
        assertFalse(text(robot, "#flag-R-HKA").startsWith("◌"));
        robot.interact(() -> vm.saveNow());
        assertTrue(new LandmarkFileReader().read(SessionStore.sessionFile(film)).suggested().isEmpty());
    }

    @Test
    void theLegSuggestionIsAHiddenReferenceForCheckMode(FxRobot robot) throws Exception {
        open(robot, bilateralFilm());
        robot.interact(() -> vm.suggestions().suggestionAsReference());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.session().referenceProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.session().reading().landmarks().isEmpty(), "the user's reading stays untouched");
        assertTrue(vm.session().referenceNameProperty().get().startsWith("OrthoMeasure suggestion (right leg"),
                vm.session().referenceNameProperty().get());
        assertFalse(vm.session().referenceRevealedProperty().get());
        var ref = vm.session().referenceProperty().get().landmarks();
        assertEquals(8, ref.headRim(Side.R).size());
        assertTrue(ref.point(Side.L, LimbLandmark.ANKLE_CENTER).isPresent());
        robot.interact(() -> vm.check().reveal());
        WaitForAsyncUtils.waitForFxEvents();
        String b = text(robot, "#cmp-b-R-HKA");
        assertTrue(b.matches("\\d+\\.\\d° (varus|valgus)|0\\.0°|−?\\d+\\.\\d°"), b);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aSpineFilmInTheLongLegProtocolPlacesNothingUnlessTheUserSaysSo(FxRobot robot) throws Exception {
        Path sample = Path.of("sample-dicom/spine-phantom.dcm");
        Assumptions.assumeTrue(Files.exists(sample), "sample film not present");
        Path film = dir.resolve("spine.dcm");
        Files.copy(sample, film, StandardCopyOption.REPLACE_EXISTING);
        open(robot, film);
        robot.interact(() -> dialogs.confirmations.add(false));
        robot.clickOn("#suggestButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.suggestions().runningProperty().get()
                && (!dialogs.errors.isEmpty() || !dialogs.prompts.isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        System.out.println("Suggest landmarks (long leg) on the spine phantom: " + text(robot, "#statusLine")
                + " | " + dialogs.errors + " | " + dialogs.prompts);
        assertTrue(vm.session().reading().landmarks().isEmpty(), "nothing placed on a spine film");
        assertEquals(0, vm.session().suggestionCountProperty().get());
        if (dialogs.errors.isEmpty()) {
            String prompt = dialogs.prompts.get(dialogs.prompts.size() - 1);
            assertTrue(prompt.startsWith("Low confidence."), prompt);
            assertTrue(text(robot, "#statusLine").startsWith("No landmarks placed: the suggestion has low confidence"));
        } else {
            assertTrue(dialogs.errors.get(0).startsWith("No suggestion: "), dialogs.errors.toString());
        }
    }
}
