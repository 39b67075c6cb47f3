package org.orthomeasure.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.geometry.CircleFit;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.Step;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.session.SessionStore;
import org.orthomeasure.ui.viewer.ViewTransform;
import org.orthomeasure.ui.viewer.ViewerPane;
import org.orthomeasure.ui.viewer.ViewerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The placement aids in the workstation (issue 11), on the real WG04 hip and ankle CRs: a click in the femoral
 * head proposes its circle as an unconfirmed suggestion of rim points, Esc keeps the click as the centre,
 * Alt+click places exactly; a click above the ankle's plafond moves onto it, Esc puts it back.
 */
@ExtendWith(ApplicationExtension.class)
class PlacementAidsFlowTest {

    private static final Path WG04 = Path.of(System.getProperty("orthomeasure.shared", "../shared"), "dicom", "wg04");
    /** The head of RG2 read by eye (see HeadCircleFinderTest). */
    private static final Point2 RG2_HEAD = Point2.of(905, 875);
    private static final double RG2_RADIUS = 142;

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

    @TempDir
    Path dir;

    /** Opens a copy of the WG04 film (the session autosaves beside the film, never into ../shared). */
    private void open(FxRobot robot, String file, Side side) throws Exception {
        Path shared = WG04.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(shared), "needs ../shared/dicom/wg04 beside the checkout");
        Path film = Files.copy(shared, dir.resolve(file));
        robot.interact(() -> vm.open(film));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.session().radiograph() != null);
        robot.interact(() -> vm.session().protocolProperty().set(LandmarkProtocol.longLeg(Set.of(side), true)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shows image point {@code at} in the middle of the viewer at {@code scale} screen px per image px. */
    private void centreOn(FxRobot robot, Point2 at, double scale) {
        int w = vm.session().radiograph().width();
        int h = vm.session().radiograph().height();
        double cx = pane.getWidth() / 2 - scale * (at.x() - w / 2.0);
        double cy = pane.getHeight() / 2 - scale * (at.y() - h / 2.0);
        robot.interact(() -> vm.viewer().transformProperty().set(new ViewTransform(w, h, scale, cx, cy, 0, false, false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screen(Point2 image) {
        Point2 s = vm.viewer().transformProperty().get().toScreen(image);
        return pane.localToScreen(s.x(), s.y());
    }

    private void activate(FxRobot robot, LandmarkKey key) {
        Step step = vm.session().protocol().stepFor(new PointRef.Limb(key)).orElseThrow();
        robot.interact(() -> vm.viewer().activate(step));
    }

    /** Clicks {@code image} with Alt held (the raw click, no aid). */
    private void altClick(FxRobot robot, Point2 image) {
        robot.press(KeyCode.ALT);
        try {
            robot.clickOn(screen(image), MouseButton.PRIMARY);
        } finally {
            robot.release(KeyCode.ALT);
        }
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#statusLine").queryAs(Label.class).getText();
    }

    @Test
    void aClickInTheHeadProposesItsCircleAndEscKeepsTheClick(FxRobot robot) throws Exception {
        open(robot, "RG2_RLE.dcm", Side.L);
        LandmarkKey head = LandmarkKey.of(Side.L, LimbLandmark.FEMORAL_HEAD_CENTER);
        activate(robot, head);
        centreOn(robot, RG2_HEAD, 1.0);
        Point2 click = Point2.of(RG2_HEAD.x() + 50, RG2_HEAD.y() - 40);
        robot.clickOn(screen(click), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        List<Point2> rim = vm.session().reading().landmarks().headRim(Side.L);
        assertEquals(8, rim.size(), "the head as 8 rim points; status: " + status(robot) + "; reading " + vm.session().reading().landmarks());
        var circle = CircleFit.fit(rim);
        assertEquals(0, circle.center().distanceTo(RG2_HEAD), 0.05 * RG2_RADIUS, circle.toString());
        assertEquals(RG2_RADIUS, circle.radius(), 0.05 * RG2_RADIUS);
        assertTrue(vm.session().suggestedLandmarks().contains(head), "proposed, not yet the user's");
        assertTrue(status(robot).startsWith("femoral head circle proposed from the film (radius 2"), status(robot));
        assertFalse(vm.viewer().activeStepProperty().get().target().equals(new PointRef.Limb(head)), "on to the next landmark");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.session().reading().landmarks().headRim(Side.L).isEmpty());
        Point2 centre = vm.session().reading().landmarks().point(head).orElseThrow();
        assertEquals(0, centre.distanceTo(click), 1.0, "the click kept as the centre");
        assertFalse(vm.session().suggestedLandmarks().contains(head));

        // undo twice: back to nothing placed; Alt+click places the centre exactly, no circle
        robot.interact(() -> {
            vm.session().undo();
            vm.session().undo();
        });
        assertTrue(vm.session().reading().landmarks().point(head).isEmpty());
        activate(robot, head);
        altClick(robot, click);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.session().reading().landmarks().headRim(Side.L).isEmpty());
        assertEquals(0, vm.session().reading().landmarks().point(head).orElseThrow().distanceTo(click), 1.0);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aClickAboveThePlafondMovesOntoItUnlessAltIsHeld(FxRobot robot) throws Exception {
        open(robot, "RG3_JPLL.dcm", Side.R);
        LandmarkKey medial = LandmarkKey.of(Side.R, LimbLandmark.PLAFOND_MEDIAL);
        activate(robot, medial);
        centreOn(robot, Point2.of(820, 1400), 2.0);
        Point2 click = Point2.of(800.25, 1399.25); // 9 screen px (4.5 image px) above the plafond's edge (about 1404 at x 800)
        robot.clickOn(screen(click), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Point2 placed = vm.session().reading().landmarks().point(medial).orElseThrow();
        assertEquals(click.x(), placed.x(), 0.6);
        assertTrue(placed.y() > 1399 && placed.y() < 1407, "on the plafond edge: " + placed + "; " + status(robot));
        assertTrue(status(robot).contains("onto the joint edge (Esc: keep the click)"), status(robot));

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, vm.session().reading().landmarks().point(medial).orElseThrow().distanceTo(click), 0.6);

        LandmarkKey lateral = LandmarkKey.of(Side.R, LimbLandmark.PLAFOND_LATERAL);
        activate(robot, lateral);
        Point2 second = Point2.of(850.25, 1399.25);
        altClick(robot, second);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, vm.session().reading().landmarks().point(lateral).orElseThrow().distanceTo(second), 0.6);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
