package org.orthomeasure.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.core.protocol.Step;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Placement never damages a reading (issue 12), driven with the mouse on the sample films: a click
 * places only the next unplaced landmark, even right beside a placed one (the phantom's condyle and
 * plateau points are 4.4 mm apart, 8 screen px at half resolution); with every landmark placed a
 * stray click changes nothing and a click on a point only selects it; the two-endplate-lines
 * protocol works on a film whose vertebrae are suggestions.
 */
@ExtendWith(ApplicationExtension.class)
class PlacementFlowTest {

    private static final Path LONG_LEG = Path.of("sample-dicom/longleg-phantom.dcm");
    private static final Path LONG_LEG_TRUTH = Path.of("sample-dicom/longleg-phantom.landmarks.json");
    private static final Path SPINE = Path.of("sample-dicom/spine-phantom.dcm");
    private static final Path SPINE_TRUTH = Path.of("sample-dicom/spine-phantom.landmarks.json");
    /** Half resolution: the zoom a user reads a knee at on a 4400 px long-leg film. */
    private static final double SCALE = 0.5;

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

    private void open(FxRobot robot, Path sample) throws Exception {
        Path film = dir.resolve(sample.getFileName());
        Files.copy(sample, film, StandardCopyOption.REPLACE_EXISTING);
        robot.interact(() -> vm.open(film));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.session().radiograph() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Centres the view on {@code p} at {@link #SCALE} (integer translation) and returns p's screen point, rounded. */
    private Point2D centreOn(FxRobot robot, Point2 p) {
        int w = vm.session().radiograph().width();
        int h = vm.session().radiograph().height();
        double tx = Math.round(pane.getWidth() / 2 - SCALE * p.x());
        double ty = Math.round(pane.getHeight() / 2 - SCALE * p.y());
        robot.interact(() -> vm.viewer().transformProperty().set(
                new ViewTransform(w, h, SCALE, tx + SCALE * w / 2.0, ty + SCALE * h / 2.0, 0, false, false)));
        Point2 s = vm.viewer().transformProperty().get().toScreen(p);
        return new Point2D(Math.round(s.x()), Math.round(s.y()));
    }

    /** Clicks at the screen point nearest to image point {@code p}; returns the image point clicked. */
    private Point2 clickAt(FxRobot robot, Point2 p) {
        Point2D local = centreOn(robot, p);
        // the robot clicks whole screen pixels: the image point is where that pixel lies in the pane
        Point2D onScreen = pane.localToScreen(local);
        Point2D whole = new Point2D(Math.round(onScreen.getX()), Math.round(onScreen.getY()));
        Point2D clicked = pane.screenToLocal(whole);
        robot.clickOn(whole, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        return vm.viewer().transformProperty().get().toImage(clicked.getX(), clicked.getY());
    }

    private static PointRef limb(LimbLandmark l) {
        return new PointRef.Limb(LandmarkKey.of(Side.R, l));
    }

    @Test
    void nearClicksPlaceTheNextLandmarkAndStrayClicksNeverMoveOne(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.exists(LONG_LEG) && Files.exists(LONG_LEG_TRUTH), "sample film not present");
        open(robot, LONG_LEG);
        LandmarkSet truth = new LandmarkFileReader().read(LONG_LEG_TRUTH).landmarks();
        robot.interact(() -> vm.session().protocolProperty().set(LandmarkProtocol.longLeg(EnumSet.of(Side.R), false)));
        // exact clicks: the placement aids (head circle, joint edges) are PlacementAidsFlowTest's
        robot.interact(() -> vm.viewer().placementAidsProperty().set(false));

        for (Step step : vm.session().protocol().steps()) {
            assertEquals(step, vm.viewer().activeStepProperty().get());
            Point2 p = truth.point(((PointRef.Limb) step.target()).key()).orElseThrow();
            Point2 clicked = clickAt(robot, p);
            assertEquals(clicked, vm.session().reading().position(step.target()).orElseThrow(), step.id());
        }
        assertEquals(null, vm.viewer().activeStepProperty().get());

        // the plateau points were clicked within the pick radius of the condyle points placed before them
        Point2 fcm = vm.session().reading().position(limb(LimbLandmark.FEMORAL_CONDYLE_MEDIAL)).orElseThrow();
        Point2 tpm = vm.session().reading().position(limb(LimbLandmark.TIBIAL_PLATEAU_MEDIAL)).orElseThrow();
        double screenApart = fcm.distanceTo(tpm) * SCALE;
        assertTrue(screenApart < ViewerViewModel.PICK_RADIUS, "FCm–TPm " + screenApart + " screen px apart");
        double mm = fcm.distanceTo(tpm) * vm.session().calibration().spacing().orElseThrow().rowMm();
        assertTrue(mm < 5, "FCm–TPm " + mm + " mm apart");
        System.out.printf("phantom FCm–TPm: %.2f mm, %.1f screen px apart at scale %.1f%n", mm, screenApart, SCALE);
        assertTrue(fcm.distanceTo(truth.point(Side.R, LimbLandmark.FEMORAL_CONDYLE_MEDIAL).orElseThrow()) <= 1.5,
                "the condyle stayed where it was clicked: " + fcm);

        // everything placed: a stray click on mid-femur moves nothing and saves nothing
        Reading before = vm.session().reading();
        long revision = vm.session().revisionProperty().get();
        double mpta = vm.session().measurements().get("R.MPTA").orElseThrow().value();
        clickAt(robot, Point2.of(480, 1500));
        assertEquals(before, vm.session().reading());
        assertEquals(revision, vm.session().revisionProperty().get());
        assertEquals(mpta, vm.session().measurements().get("R.MPTA").orElseThrow().value(), 0);

        // a click on the plateau point selects it (it does not move)
        Point2D onTpm = centreOn(robot, Point2.of(tpm.x() + 2, tpm.y() + 2));
        robot.clickOn(pane.localToScreen(onTpm), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, vm.session().reading());
        assertEquals(limb(LimbLandmark.TIBIAL_PLATEAU_MEDIAL), vm.viewer().selectedProperty().get());

        // a drag moves it, by the pointer's motion (10 screen px = 20 image px), as one undo step
        Point2D from = pane.localToScreen(onTpm);
        robot.drag(from, MouseButton.PRIMARY).moveTo(new Point2D(from.getX() + 5, from.getY()))
                .moveTo(new Point2D(from.getX() + 10, from.getY())).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Point2 moved = vm.session().reading().position(limb(LimbLandmark.TIBIAL_PLATEAU_MEDIAL)).orElseThrow();
        assertEquals(tpm.x() + 20, moved.x(), 1e-6);
        assertEquals(tpm.y(), moved.y(), 1e-6);
        robot.interact(() -> vm.session().undo());
        assertEquals(before, vm.session().reading());

        // Place again (Edit menu, Shift+P): the next click moves the selected landmark there, once
        robot.interact(() -> vm.viewer().placeAgain());
        Point2 again = clickAt(robot, Point2.of(tpm.x(), tpm.y() + 30));
        assertEquals(again, vm.session().reading().position(limb(LimbLandmark.TIBIAL_PLATEAU_MEDIAL)).orElseThrow());
        Reading afterAgain = vm.session().reading();
        clickAt(robot, Point2.of(tpm.x(), tpm.y() + 90));
        assertEquals(afterAgain, vm.session().reading(), "place again moves one landmark with one click");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aPlateauPointPlacedOnTheFemurIsFlaggedByName(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.exists(LONG_LEG) && Files.exists(LONG_LEG_TRUTH), "sample film not present");
        open(robot, LONG_LEG);
        LandmarkSet truth = new LandmarkFileReader().read(LONG_LEG_TRUTH).landmarks();
        robot.interact(() -> {
            vm.session().protocolProperty().set(LandmarkProtocol.longLeg(EnumSet.of(Side.R), false));
            Reading r = Reading.empty();
            for (Step s : vm.session().protocol().steps()) {
                r = r.with(s.target(), truth.point(((PointRef.Limb) s.target()).key()).orElseThrow());
            }
            vm.session().edit(r);
        });
        WaitForAsyncUtils.waitForFxEvents();
        var flags = robot.lookup("#plausibilityFlags").queryAs(javafx.scene.control.Label.class);
        assertTrue(!flags.isVisible(), "the true landmarks are plausible: " + flags.getText());

        // the medial plateau point placed again on mid-femur, 880 px (240 mm) above the knee centre
        Point2 knee = truth.point(Side.R, LimbLandmark.KNEE_CENTER).orElseThrow();
        robot.interact(() -> {
            vm.viewer().selectedProperty().set(limb(LimbLandmark.TIBIAL_PLATEAU_MEDIAL));
            vm.viewer().placeAgain();
        });
        Point2 clicked = clickAt(robot, Point2.of(knee.x(), knee.y() - 880));
        WaitForAsyncUtils.waitForFxEvents();
        double mm = clicked.distanceTo(knee) * vm.session().calibration().spacing().orElseThrow().rowMm();
        assertTrue(flags.isVisible());
        String first = flags.getText().split("\n")[0];
        assertEquals(String.format(java.util.Locale.ROOT, "⚠ Check: Right tibial plateau, medial: %.0f mm from the knee centre "
                + "(expected within %.0f mm)", mm, 0.2 * knee.distanceTo(truth.point(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER)
                .orElseThrow()) * vm.session().calibration().spacing().orElseThrow().rowMm()), first);
        assertTrue(flags.getText().contains("Right femoral condyle, medial:") && flags.getText().contains("below the tibial plateau, medial"),
                flags.getText());
        assertTrue(flags.getText().contains("Right joint lines converge by"), flags.getText());
        assertTrue(!flags.getText().contains("tibialPlateauMedial"), "no internal ids: " + flags.getText());
        robot.interact(() -> vm.session().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!flags.isVisible());
    }

    @Test
    void theEndplateLinesProtocolWorksOnAFilmWithSuggestedVertebrae(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.exists(SPINE) && Files.exists(SPINE_TRUTH), "sample film not present");
        open(robot, SPINE);
        LandmarkSet truth = new LandmarkFileReader().read(SPINE_TRUTH).landmarks();
        robot.interact(() -> {
            vm.session().protocolProperty().set(LandmarkProtocol.allVertebrae());
            vm.session().applySuggestion(truth.vertebrae().values());
            vm.session().protocolProperty().set(LandmarkProtocol.cobbLines());
        });
        assertEquals(17, vm.session().suggested().size());
        LandmarkSet suggestedCorners = vm.session().reading().landmarks();
        assertEquals("cobb.upper.start", vm.viewer().activeStepProperty().get().id());

        // the endplate ends clicked exactly on the suggested corners of T5 (top) and T12 (bottom)
        Vertebra upper = truth.vertebra(SpineLevel.T5).orElseThrow();
        Vertebra lower = truth.vertebra(SpineLevel.T12).orElseThrow();
        Point2[] clicked = new Point2[4];
        Point2[] targets = {upper.topLeft(), upper.topRight(), lower.bottomLeft(), lower.bottomRight()};
        for (int i = 0; i < 4; i++) {
            clicked[i] = clickAt(robot, targets[i]);
        }
        assertEquals(null, vm.viewer().activeStepProperty().get(), "all four line ends placed");
        assertEquals(suggestedCorners.vertebrae(), vm.session().reading().landmarks().vertebrae(),
                "no suggested corner was moved or confirmed by the clicks");
        assertEquals(17, vm.session().suggested().size());
        double a = Math.toDegrees(Math.atan2(clicked[1].y() - clicked[0].y(), clicked[1].x() - clicked[0].x()));
        double b = Math.toDegrees(Math.atan2(clicked[3].y() - clicked[2].y(), clicked[3].x() - clicked[2].x()));
        assertEquals(Math.abs(a - b), vm.session().measurements().get("cobb").orElseThrow().value(), 1e-6);

        // check mode: a reading that is mostly the unconfirmed suggestion is not compared with the suggestion
        // unless the user insists, and the Check tab says why the comparison would mean nothing
        robot.interact(() -> dialogs.confirmations.add(false));
        robot.interact(() -> vm.suggestions().suggestionAsReference());
        assertEquals(null, vm.session().referenceProperty().get());
        assertTrue(dialogs.prompts.get(dialogs.prompts.size() - 1).contains("17 of your 17 vertebrae are unconfirmed"),
                dialogs.prompts.toString());
        assertTrue(robot.lookup("#statusLine").queryAs(javafx.scene.control.Label.class).getText().startsWith("Not compared"));
        robot.interact(() -> vm.session().setReference(Reading.of(truth), Session.SUGGESTION_REFERENCE + " (test)"));
        robot.interact(() -> vm.check().reveal());
        WaitForAsyncUtils.waitForFxEvents();
        var warning = robot.lookup("#checkSuggestionWarning").queryAs(javafx.scene.control.Label.class);
        assertTrue(warning.isVisible());
        assertTrue(warning.getText().contains("17 of your 17 vertebrae are unconfirmed suggestions")
                && warning.getText().contains("compared with itself"), warning.getText());
        robot.interact(() -> vm.session().acceptAllSuggestions());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("#checkSuggestionWarning").query().isVisible(), "confirmed vertebrae are the user's");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
