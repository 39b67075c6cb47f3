package org.orthomeasure.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.protocol.Reading;
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
 * The smaller defects of issue 12: Open Recent keeps underscores in file names; the status bar drops
 * the previous film's cursor read-out and "Session saved" when another film opens; without a
 * display the workstation says so in one line.
 */
@ExtendWith(ApplicationExtension.class)
class SmallDefectsFlowTest {

    @TempDir
    static Path dir;

    private final TestDialogs dialogs = new TestDialogs();
    private WorkstationViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Session session = new Session();
        ViewerViewModel viewer = new ViewerViewModel(session, dialogs);
        vm = new DesktopApp().start(stage, List.of(),
                new WorkstationViewModel(session, viewer, dialogs, new SessionStore(), new RecentFiles(null)));
    }

    private static Path film(String name) throws Exception {
        BufferedImage img = new BufferedImage(300, 600, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 300; x++) {
                img.getRaster().setSample(x, y, 0, (x + y) % 256);
            }
        }
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    private void open(FxRobot robot, Path p) throws Exception {
        robot.interact(() -> vm.open(p));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> p.toAbsolutePath().equals(
                Optional.ofNullable(vm.session().imagePath()).map(Path::toAbsolutePath).orElse(null)) && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void recentFilesKeepUnderscoresAndTheStatusBarFollowsTheFilmShown(FxRobot robot) throws Exception {
        Path a = film("RG2_JPLL.png");
        Path b = film("second_film.png");
        open(robot, a);
        Menu file = ((MenuBar) stage.getScene().lookup("#menuBar")).getMenus().get(0);
        Menu recent = (Menu) file.getItems().stream().filter(i -> "Open _recent".equals(i.getText())).findFirst().orElseThrow();
        MenuItem first = recent.getItems().get(0);
        assertEquals("RG2_JPLL.png", first.getText());
        assertFalse(first.isMnemonicParsing(), "an underscore in a file name is not a mnemonic");

        // a read-out and a saved session on the first film
        robot.interact(() -> vm.viewer().hover(vm.viewer().viewWidth() / 2, vm.viewer().viewHeight() / 2));
        assertTrue(text(robot, "#cursorReadout").startsWith("x "), text(robot, "#cursorReadout"));
        robot.interact(() -> vm.session().edit(Reading.empty().with(vm.session().protocol().steps().get(0).target(),
                Point2.of(100, 100))));
        robot.interact(() -> vm.saveNow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Session saved".equals(text(robot, "#saveState")));

        // another film: neither the old read-out nor "Session saved" (nothing of it was saved)
        open(robot, b);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // a late save report of the first film would land now
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text(robot, "#cursorReadout"));
        assertEquals("", text(robot, "#saveState"));
        assertEquals("second_film.png", recent.getItems().get(0).getText());
        assertEquals("RG2_JPLL.png", recent.getItems().get(1).getText());

        // reopening the first film says its session was restored, not saved
        open(robot, a);
        assertEquals("Session restored", text(robot, "#saveState"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void withoutADisplayTheReasonIsOneLineNamingTheHeadlessSubcommands() {
        assertEquals(Optional.of("DISPLAY is not set"), DesktopApp.noDisplayReason("Linux", null, null, null));
        assertEquals(Optional.of("DISPLAY is not set"), DesktopApp.noDisplayReason("Linux", " ", "", null));
        assertEquals(Optional.empty(), DesktopApp.noDisplayReason("Linux", ":0", null, null));
        assertEquals(Optional.empty(), DesktopApp.noDisplayReason("Linux", null, "wayland-0", null));
        assertEquals(Optional.empty(), DesktopApp.noDisplayReason("Linux", null, null, "Monocle"));
        assertEquals(Optional.empty(), DesktopApp.noDisplayReason("Windows 11", null, null, null));
        String line = String.format(DesktopApp.NEEDS_A_DISPLAY, "DISPLAY is not set");
        assertFalse(line.contains("\n"));
        for (String sub : List.of("measure", "info", "render", "evaluate", "compare")) {
            assertTrue(line.contains(sub), line);
        }
    }
}
