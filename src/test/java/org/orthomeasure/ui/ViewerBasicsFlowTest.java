package org.orthomeasure.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.io.image.WindowPreset;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.session.SessionStore;
import org.orthomeasure.ui.viewer.CornerInfo;
import org.orthomeasure.ui.viewer.FilmOrientation;
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
 * Viewer basics of issue 12 on the sample films: the start screen enables only what works without a
 * film; the protocol follows the film; the corner text and the R/L marker; window/level numbers
 * while dragging and the preset box naming a dragged window; Rotate re-fits; Invert shows its state;
 * Help lists the shortcuts and mouse bindings.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerBasicsFlowTest {

    private static final Path LONG_LEG = Path.of("sample-dicom/longleg-phantom.dcm");
    private static final Path SPINE = Path.of("sample-dicom/spine-phantom.dcm");

    @TempDir
    Path dir;

    private final TestDialogs dialogs = new TestDialogs();
    private WorkstationViewModel vm;
    private ViewerPane pane;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
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
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> film.equals(vm.session().imagePath()) && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuItem menuItem(String text) {
        MenuBar bar = (MenuBar) stage.getScene().lookup("#menuBar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> text.equals(i.getText())).findFirst().orElseThrow(() -> new AssertionError(text));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theStartScreenEnablesOnlyWhatWorksWithoutAFilm(FxRobot robot) {
        assertTrue(robot.lookup("#startPanel").query().isVisible());
        assertFalse(robot.lookup("#openButton").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#windowPresets").query().isDisabled());
        assertTrue(robot.lookup("#invertButton").query().isDisabled());
        for (String item : List.of("_Save session", "_Fit", "Rotate _right", "_Place landmarks", "Calibrate by a _ball…",
                "_Load reference reading…", "_Delete selected point")) {
            assertTrue(menuItem(item).isDisable(), item + " needs a film");
        }
        assertFalse(menuItem("_Open…").isDisable());
        assertFalse(menuItem("_Keyboard shortcuts and mouse").isDisable());
    }

    @Test
    void theProtocolFollowsTheFilmAndTheCornersDescribeIt(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.exists(LONG_LEG) && Files.exists(SPINE), "sample films not present");
        open(robot, SPINE);
        assertEquals(LandmarkProtocol.Variant.COBB_LINES, vm.session().protocol().variant());
        assertTrue(text(robot, "#statusLine").contains("Body Part Examined is SPINE"), text(robot, "#statusLine"));
        assertEquals(4, vm.session().protocol().missing(vm.session().reading()).size(), "not 14 long-leg landmarks");
        open(robot, LONG_LEG);
        assertEquals(LandmarkProtocol.longLeg(java.util.EnumSet.allOf(org.orthomeasure.core.landmarks.Side.class), false),
                vm.session().protocol());
        assertTrue(text(robot, "#statusLine").contains("Body Part Examined is LOWER LIMB"), text(robot, "#statusLine"));
        // the user can change it
        robot.interact(() -> robot.lookup("#protocolChoice").queryAs(ComboBox.class).getSelectionModel().select(1));
        assertEquals(java.util.Set.of(org.orthomeasure.core.landmarks.Side.R), vm.session().protocol().sides());

        CornerInfo info = vm.viewer().cornerInfo();
        assertEquals(List.of("Phantom, Long Leg", "ID PHANTOM-LL-1", "born 1970-01-01, sex O"), info.topLeft());
        assertTrue(info.topRight().contains("Synthetic bilateral standing long-leg AP (left varus), view AP"), info.topRight().toString());
        assertTrue(info.topRight().stream().anyMatch(s -> s.endsWith("LOWER LIMB")), info.topRight().toString());
        WindowPreset w = vm.viewer().windowProperty().get();
        assertEquals(String.format(java.util.Locale.ROOT, "W %.0f  C %.0f  %s", w.width(), w.center(), w.name()), info.bottomLeft().get(0));
        assertEquals(String.format(java.util.Locale.ROOT, "Zoom %.0f %%", vm.viewer().transformProperty().get().scale() * 100),
                info.bottomLeft().get(1));
        assertEquals("0.2727 mm/px, magnification corrected", info.bottomLeft().get(2));
        // the phantom carries Patient Orientation L\\F (rows towards the patient's left, columns to the feet): AP
        assertEquals(List.of("R/L from Patient Orientation L\\F"), info.bottomRight());

        // the corner text is drawn, and the O key hides it
        WritableImage on = snapshot(robot);
        robot.clickOn(pane, MouseButton.MIDDLE); // focus the viewer without placing anything
        robot.type(KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.viewer().cornerInfoProperty().get());
        WritableImage off = snapshot(robot);
        assertTrue(differingPixels(on, off, 0, 0, 200, 50) > 50, "the patient's name is drawn top left");
        robot.type(KeyCode.O);

        // R/L marker: R at the left of an AP film; after a clockwise quarter turn the patient's right is at the top
        ViewTransform t = vm.viewer().transformProperty().get();
        FilmOrientation o = FilmOrientation.of(vm.session().radiograph().header());
        assertEquals("R", o.letterAt(FilmOrientation.Edge.LEFT, t));
        assertEquals("L", o.letterAt(FilmOrientation.Edge.RIGHT, t));
        assertEquals("H", o.letterAt(FilmOrientation.Edge.TOP, t));
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        ViewTransform turned = vm.viewer().transformProperty().get();
        assertEquals("R", o.letterAt(FilmOrientation.Edge.TOP, turned));
        assertEquals("F", o.letterAt(FilmOrientation.Edge.LEFT, turned));
        // Rotate re-fits: the film lying on its side fills the view's width
        assertEquals(1, turned.quarterTurns());
        assertEquals(turned.fit(vm.viewer().viewWidth(), vm.viewer().viewHeight()), turned);
        assertTrue(Math.abs(turned.scale() - t.scale()) > 1e-3 * t.scale(), "fitted again: a plain turn keeps the scale");
        // flipped left-right as seen: the feet change sides, the patient's right stays at the top
        robot.type(KeyCode.H);
        assertEquals("H", o.letterAt(FilmOrientation.Edge.LEFT, vm.viewer().transformProperty().get()));
        assertEquals("R", o.letterAt(FilmOrientation.Edge.TOP, vm.viewer().transformProperty().get()));
        assertTrue(vm.viewer().cornerInfo().bottomLeft().get(1).contains("rotated 90°  mirrored"),
                vm.viewer().cornerInfo().bottomLeft().get(1));
    }

    @Test
    void windowLevelWhileDraggingThePresetNameInvertAndHelp(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.exists(LONG_LEG), "sample film not present");
        open(robot, LONG_LEG);
        Point2D centre = pane.localToScreen(pane.getWidth() / 2, pane.getHeight() / 2);
        robot.drag(centre, MouseButton.SECONDARY).moveBy(50, 0).moveBy(50, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.viewer().windowingProperty().get(), "numbers shown while dragging");
        WindowPreset dragged = vm.viewer().windowProperty().get();
        assertTrue(dragged.name().startsWith("Custom (C "), dragged.name());
        assertEquals(String.format(java.util.Locale.ROOT, "W %.0f  C %.0f", dragged.width(), dragged.center()),
                vm.viewer().cornerInfo().bottomLeft().get(0));
        robot.release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.viewer().windowingProperty().get());
        @SuppressWarnings("unchecked")
        ComboBox<WindowPreset> presets = robot.lookup("#windowPresets").queryAs(ComboBox.class);
        ListCell<WindowPreset> shown = (ListCell<WindowPreset>) presets.getButtonCell();
        assertEquals(dragged.name(), shown.getText());
        assertFalse(shown.getText().contains("WindowPreset["));
        assertEquals(dragged.name(), presets.getConverter().toString(presets.getValue()));

        ToggleButton invert = robot.lookup("#invertButton").queryAs(ToggleButton.class);
        assertEquals("Invert", invert.getText());
        robot.type(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(invert.isSelected());
        assertEquals("Inverted ✓", invert.getText());
        assertTrue(vm.viewer().cornerInfo().bottomLeft().get(0).endsWith("inverted"));

        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.infos.size());
        String help = dialogs.infos.get(0);
        for (String s : List.of("Left click", "Right drag", "Wheel", "Tab or N", "Shift+P", "Place again", "Ctrl+O", "Open",
                "Ctrl+Z", "Undo", "Corner information")) {
            assertTrue(help.contains(s), s + " in\n" + help);
        }
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> {
            pane.draw();
            img[0] = pane.canvas().snapshot(null, null);
        });
        return img[0];
    }

    private static int differingPixels(WritableImage a, WritableImage b, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
