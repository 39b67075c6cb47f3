package org.orthomeasure.ui.viewer;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.overlay.OverlayRole;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.core.protocol.Step;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.ui.TestDialogs;
import org.orthomeasure.ui.TestFilms;
import org.orthomeasure.ui.session.Session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The viewer's interactions in screen and image coordinates, without a stage. */
class ViewerViewModelTest {

    private final TestDialogs dialogs = new TestDialogs();
    private Session session;
    private ViewerViewModel vm;

    @BeforeEach
    void open() {
        session = new Session();
        vm = new ViewerViewModel(session, dialogs);
        Radiograph film = TestFilms.grey(400, 1000);
        session.load(Path.of("f.dcm"), film, Reading.empty(), Optional.empty(),
                LandmarkProtocol.longLeg(EnumSet.of(Side.R), false));
        vm.resized(800, 600);
        vm.filmShown(DisplayImages.of(film));
        // 1 screen px = 1 image px, image origin at screen (0, 0)
        vm.transformProperty().set(new ViewTransform(400, 1000, 1, 200, 500, 0, false, false));
    }

    private static PointRef limb(LimbLandmark l) {
        return new PointRef.Limb(LandmarkKey.of(Side.R, l));
    }

    @Test
    void rimModeCollectsRimPointsUntilTheHeadIsFitted() {
        vm.headByRimProperty().set(true);
        vm.press(110, 100);
        vm.release();
        vm.press(100, 110);
        vm.release();
        assertEquals("R.femoralHeadCenter", vm.activeStepProperty().get().id());
        vm.press(90, 100);
        vm.release();
        var head = session.reading().landmarks().femoralHead(Side.R).orElseThrow();
        assertEquals(100, head.center().x(), 1e-9);
        assertEquals(100, head.center().y(), 1e-9);
        assertEquals("R.femoralCondyleMedial", vm.activeStepProperty().get().id());
        assertTrue(session.reading().landmarks().point(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER).isEmpty());
    }

    @Test
    void aShaftPointIsPlacedDirectlyOrAsTheMidpointOfBothCortices() {
        session.protocolProperty().set(LandmarkProtocol.longLeg(EnumSet.of(Side.R), true));
        Step fp = session.protocol().stepFor(limb(LimbLandmark.FEMORAL_SHAFT_PROXIMAL)).orElseThrow();
        vm.activeStepProperty().set(fp);
        vm.placeAt(Point2.of(60, 300)); // directly
        assertEquals(Point2.of(60, 300), session.reading().landmarks()
                .point(Side.R, LimbLandmark.FEMORAL_SHAFT_PROXIMAL).orElseThrow());
        vm.shaftByCorticesProperty().set(true);
        Step td = session.protocol().stepFor(limb(LimbLandmark.TIBIAL_SHAFT_DISTAL)).orElseThrow();
        vm.activeStepProperty().set(td);
        vm.placeAt(Point2.of(80, 820)); // medial cortex: nothing placed yet
        assertTrue(session.reading().landmarks().point(Side.R, LimbLandmark.TIBIAL_SHAFT_DISTAL).isEmpty());
        assertEquals(Point2.of(80, 820), vm.pendingCortexProperty().get());
        vm.placeAt(Point2.of(110, 824)); // lateral cortex: the midpoint is stored
        assertEquals(Point2.of(95, 822), session.reading().landmarks()
                .point(Side.R, LimbLandmark.TIBIAL_SHAFT_DISTAL).orElseThrow());
        assertEquals(null, vm.pendingCortexProperty().get());
        // other landmarks still take one click in cortex mode
        Step knee = session.protocol().stepFor(limb(LimbLandmark.KNEE_CENTER)).orElseThrow();
        vm.activeStepProperty().set(knee);
        vm.placeAt(Point2.of(90, 500));
        assertEquals(Point2.of(90, 500), session.reading().landmarks().point(Side.R, LimbLandmark.KNEE_CENTER).orElseThrow());
    }

    @Test
    void aDragNearAPointMovesItKeepingTheOffsetAndIsOneUndoStep() {
        vm.press(100, 100);
        vm.release();
        vm.press(104, 103);
        vm.drag(150, 120);
        vm.release();
        // the press was 4 px right and 3 px below the point: the point keeps that offset from the pointer
        assertEquals(Point2.of(146, 117), session.reading().position(limb(LimbLandmark.FEMORAL_HEAD_CENTER)).orElseThrow());
        assertEquals(1, session.reading().allPoints().size());
        assertEquals(limb(LimbLandmark.FEMORAL_HEAD_CENTER), vm.selectedProperty().get());
        assertEquals("R.femoralCondyleMedial", vm.activeStepProperty().get().id(), "a drag leaves the next landmark active");
        session.undo();
        assertEquals(Point2.of(100, 100), session.reading().position(limb(LimbLandmark.FEMORAL_HEAD_CENTER)).orElseThrow());
    }

    @Test
    void aClickNearAPlacedPointPlacesTheNextLandmarkAndLeavesThePointWhereItWas() {
        vm.press(100, 500);
        vm.release(); // H
        vm.press(120, 490);
        vm.release(); // FCm
        // 2 px beside FCm, inside the pick radius: the lateral condyle is placed there, FCm stays
        vm.press(122, 490);
        vm.drag(123, 491); // a jitter below the drag threshold is still a click
        vm.release();
        assertEquals(Point2.of(120, 490), session.reading().position(limb(LimbLandmark.FEMORAL_CONDYLE_MEDIAL)).orElseThrow());
        assertEquals(Point2.of(122, 490), session.reading().position(limb(LimbLandmark.FEMORAL_CONDYLE_LATERAL)).orElseThrow());
        assertEquals("R.kneeCenter", vm.activeStepProperty().get().id());
    }

    @Test
    void withEverythingPlacedAClickSelectsAndNeverMoves() {
        double[][] clicks = {{100, 100}, {120, 490}, {60, 490}, {90, 500}, {120, 510}, {60, 510}, {100, 900}};
        for (double[] c : clicks) {
            vm.press(c[0], c[1]);
            vm.release();
        }
        assertNull(vm.activeStepProperty().get());
        Reading before = session.reading();
        long revision = session.revisionProperty().get();
        vm.press(300, 300); // a stray click far from every point
        vm.release();
        assertEquals(before, session.reading());
        assertNull(vm.selectedProperty().get());
        vm.press(91, 502); // near the knee: selects it
        vm.release();
        assertEquals(before, session.reading());
        assertEquals(limb(LimbLandmark.KNEE_CENTER), vm.selectedProperty().get());
        assertEquals("R.kneeCenter", vm.activeStepProperty().get().id());
        vm.press(250, 700); // the knee is active and selected, but placed: the click does not move it
        vm.release();
        assertEquals(before, session.reading());
        assertEquals(revision, session.revisionProperty().get(), "nothing was edited, nothing autosaved");
    }

    @Test
    void placeAgainMovesTheSelectedLandmarkWithTheNextClickOnly() {
        vm.press(100, 100);
        vm.release();
        vm.activate(LandmarkProtocol.longLeg(EnumSet.of(Side.R), false).steps().get(0));
        vm.press(150, 150); // the head is placed: no move
        vm.release();
        assertEquals(Point2.of(100, 100), session.reading().position(limb(LimbLandmark.FEMORAL_HEAD_CENTER)).orElseThrow());
        vm.selectedProperty().set(limb(LimbLandmark.FEMORAL_HEAD_CENTER));
        assertTrue(vm.placeAgain());
        vm.press(150, 150);
        vm.release();
        assertEquals(Point2.of(150, 150), session.reading().position(limb(LimbLandmark.FEMORAL_HEAD_CENTER)).orElseThrow());
        assertFalse(vm.placingAgainProperty().get());
        assertEquals("R.femoralCondyleMedial", vm.activeStepProperty().get().id());
        session.undo();
        assertEquals(Point2.of(100, 100), session.reading().position(limb(LimbLandmark.FEMORAL_HEAD_CENTER)).orElseThrow());
        vm.selectedProperty().set(null);
        vm.activeStepProperty().set(LandmarkProtocol.longLeg(EnumSet.of(Side.R), false).steps().get(1));
        assertFalse(vm.placeAgain(), "nothing placed to place again");
    }

    @Test
    void clicksOutsideTheFilmPlaceNothing() {
        vm.press(450, 100);
        vm.release();
        assertTrue(session.reading().allPoints().isEmpty());
    }

    @Test
    void deleteFreesTheLandmarkForTheNextClick() {
        vm.press(100, 100);
        vm.release();
        vm.press(120, 490);
        vm.release();
        vm.selectedProperty().set(limb(LimbLandmark.FEMORAL_HEAD_CENTER));
        vm.deleteSelected();
        assertNull(vm.selectedProperty().get());
        assertEquals("R.femoralHeadCenter", vm.activeStepProperty().get().id());
        vm.press(101, 99);
        vm.release();
        assertEquals(Point2.of(101, 99), session.reading().position(limb(LimbLandmark.FEMORAL_HEAD_CENTER)).orElseThrow());
    }

    @Test
    void nudgeFollowsTheScreenEvenWhenTheDisplayIsRotated() {
        vm.press(100, 100);
        vm.release();
        vm.rotate(true);
        vm.nudge(1, 0, 1);
        // after a clockwise quarter turn image +y points to screen -x, so screen right is image -y
        assertEquals(Point2.of(100, 99), session.reading().position(limb(LimbLandmark.FEMORAL_HEAD_CENTER)).orElseThrow());
    }

    @Test
    void nextStepSkipsPlacedLandmarks() {
        vm.press(100, 100);
        vm.release();
        vm.activate(LandmarkProtocol.longLeg(EnumSet.of(Side.R), false).steps().get(0));
        vm.nextStep();
        assertEquals("R.femoralCondyleMedial", vm.activeStepProperty().get().id());
        vm.nextStep();
        assertEquals("R.femoralCondyleLateral", vm.activeStepProperty().get().id());
    }

    @Test
    void lineCalibrationAsksTheKnownLength() {
        vm.startLineCalibration();
        dialogs.numbers.add(50.0);
        vm.press(100, 100);
        vm.press(100, 300);
        assertEquals(CalibrationSource.USER_LINE, session.calibration().source());
        assertEquals(0.25, session.calibration().spacing().orElseThrow().rowMm(), 1e-12);
        assertEquals(ViewerViewModel.Tool.PLACE, vm.toolProperty().get());
        assertTrue(session.reading().allPoints().isEmpty(), "calibration clicks place no landmark");
        assertTrue(dialogs.prompts.get(0).contains("200.0 px"), dialogs.prompts.toString());
    }

    @Test
    void aLineCalibrationNoRadiographHasIsRefusedAndChangesNothing() {
        vm.startLineCalibration();
        dialogs.numbers.add(50_000.0); // 50 m over 200 px: 250 mm per pixel
        vm.press(100, 100);
        vm.press(100, 300);
        assertEquals(CalibrationSource.NONE, session.calibration().source());
        assertEquals(List.of("That gives 250.0 mm per pixel, outside the 0.02-2 mm per pixel a radiograph has: check"
                + " the length and the points"), dialogs.errors);
        assertEquals(ViewerViewModel.Tool.PLACE, vm.toolProperty().get());
    }

    @Test
    void aBallNeedsThreeRimPointsAndACancelledDialogChangesNothing() {
        vm.startBallCalibration();
        vm.press(100, 100);
        vm.press(120, 120);
        vm.finishBall();
        assertEquals(1, dialogs.errors.size());
        vm.press(140, 100);
        vm.finishBall(); // no answer queued: cancelled
        assertEquals(CalibrationSource.NONE, session.calibration().source());
        assertEquals(ViewerViewModel.Tool.PLACE, vm.toolProperty().get());
    }

    @Test
    void windowDragChangesWidthAndLevel() {
        var start = vm.windowProperty().get().window();
        vm.beginWindowDrag();
        vm.windowDrag(200, 0);
        assertEquals(start.width() * Math.E, vm.windowProperty().get().width(), 1e-6);
        vm.windowDrag(0, 100);
        assertEquals(start.center() - 100 * start.width() / 500, vm.windowProperty().get().center(), 1e-6);
        assertEquals(start.width(), vm.windowProperty().get().width(), 1e-6);
    }

    @Test
    void theReadoutGivesPixelsValueAndMillimetresOnlyWhenCalibrated() {
        vm.hover(10.5, 20.25);
        // stored (x*7 + y*13 + (x*y)%97) % 4096 at (10, 20) = 70 + 260 + 6 = 336; modality 2v - 100 = 572
        assertEquals("x 10.5, y 20.3 px  |  value 572", vm.cursorTextProperty().get());
        session.userCalibrationProperty().set(org.orthomeasure.core.calibration.CalibrationRules.calibrationBall(25, 200));
        vm.hover(10.5, 20.25);
        assertEquals("x 10.5, y 20.3 px  |  1.31, 2.53 mm (calibration ball)  |  value 572", vm.cursorTextProperty().get());
        vm.hover(-5, 10);
        assertEquals("", vm.cursorTextProperty().get());
    }

    @Test
    void theReferenceReadingIsDrawnOnlyWhenRevealed() {
        session.setReference(Reading.empty().with(limb(LimbLandmark.KNEE_CENTER), Point2.of(50, 50)));
        assertFalse(vm.overlayProperty().get().items().stream().anyMatch(i -> i.role() == OverlayRole.REFERENCE));
        session.referenceRevealedProperty().set(true);
        assertTrue(vm.overlayProperty().get().items().stream().anyMatch(i -> i.role() == OverlayRole.REFERENCE));
    }

    @Test
    void fourClicksOnTwoEndplatesGiveTheCobbAngle() {
        session.protocolProperty().set(LandmarkProtocol.cobbLines());
        assertEquals("cobb.upper.start", vm.activeStepProperty().get().id());
        // worked number 4 of measurements.md, 30 degrees (rounded to whole screen pixels here)
        for (double[] c : new double[][] {{0, 100}, {200, 153.59}, {0, 600}, {200, 546.41}}) {
            vm.press(c[0] + 50, c[1]);
            vm.release();
        }
        assertNull(vm.activeStepProperty().get());
        assertEquals(30.0, session.measurements().get("cobb").orElseThrow().value(), 1e-3);
        // one end dragged: the lines go back to drafts and the angle disappears until the end is back
        vm.selectedProperty().set(new PointRef.CobbEnd(PointRef.CobbLine.LOWER, true));
        vm.deleteSelected();
        assertTrue(session.measurements().get("cobb").isEmpty());
        assertEquals("cobb.lower.start", vm.activeStepProperty().get().id());
        assertEquals(3, session.reading().drafts().size());
    }
}
