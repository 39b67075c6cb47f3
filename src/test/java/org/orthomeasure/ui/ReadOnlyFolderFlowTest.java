package org.orthomeasure.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A film on read-only media (the folder's writability is injected, so the test also holds when run
 * as root): the autosave goes to the per-user folder, the status bar says where, and reopening the
 * film restores the landmarks from there.
 */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyFolderFlowTest {

    @TempDir
    static Path dir;

    private final TestDialogs dialogs = new TestDialogs();
    private WorkstationViewModel vm;
    private Path media;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        media = Files.createDirectories(dir.resolve("readonly-media"));
        home = dir.resolve("user-sessions");
        Session session = new Session();
        ViewerViewModel viewer = new ViewerViewModel(session, dialogs);
        Path ro = media;
        vm = new DesktopApp().start(stage, List.of(), new WorkstationViewModel(session, viewer, dialogs,
                new SessionStore(home, folder -> !folder.equals(ro)), new RecentFiles(null)));
    }

    @Test
    void theAutosaveGoesToThePerUserFolderAndTheUserIsTold(FxRobot robot) throws Exception {
        BufferedImage img = new BufferedImage(300, 400, BufferedImage.TYPE_BYTE_GRAY);
        Path film = media.resolve("leg.png");
        ImageIO.write(img, "png", film.toFile());
        robot.interact(() -> vm.open(film));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.session().radiograph() != null);
        robot.interact(() -> vm.viewer().placeAt(Point2.of(150, 60)));
        Path fallback = new SessionStore(home, f -> false).fallbackFile(film);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(fallback));
        WaitForAsyncUtils.waitForFxEvents();
        String saved = robot.lookup("#saveState").queryAs(Label.class).getText();
        assertEquals("Session saved to " + fallback + " (the film's folder is read-only)", saved);
        assertTrue(robot.lookup("#statusLine").queryAs(Label.class).getText().startsWith("Session saved to " + fallback));
        assertTrue(Files.notExists(SessionStore.sessionFile(film)));

        Reading placed = vm.session().reading();
        robot.interact(() -> vm.session().edit(Reading.empty()));
        robot.interact(() -> vm.session().undo());
        robot.interact(() -> vm.saveNow());
        robot.interact(() -> vm.open(film));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#statusLine").queryAs(Label.class).getText()
                .contains("Session restored from " + fallback));
        assertEquals(placed, vm.session().reading());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
