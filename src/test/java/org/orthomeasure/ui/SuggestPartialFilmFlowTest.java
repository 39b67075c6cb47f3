package org.orthomeasure.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.detect.AasceDataset;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.session.SessionStore;
import org.orthomeasure.ui.viewer.ViewerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Suggest landmarks" on a thoracic-only film (the first validation film of ../shared cut half way between the
 * labelled T12 and L1, written as a PNG to a temporary folder): the locator reads the film as showing only a run
 * from T1, so only that run is suggested, and the workstation says the levels were read from the film.
 */
@ExtendWith(ApplicationExtension.class)
class SuggestPartialFilmFlowTest {

    @TempDir
    Path dir;

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

    @Test
    void aThoracicOnlyFilmIsSuggestedOnTheLevelsItShows(FxRobot robot) throws Exception {
        Path data = org.orthomeasure.SharedData.require("data", "aasce-spine-train");
        String name = Files.readAllLines(Path.of("training", "validation-files.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow().trim();
        AasceDataset.Entry e = AasceDataset.read(data).entries().stream().filter(x -> x.name().equals(name))
                .findFirst().orElseThrow();
        BufferedImage full = ImageIO.read(e.image().toFile());
        double t12 = 0;
        double l1 = 0;
        for (int c = 0; c < 4; c++) {
            t12 += e.cornerPx(4 * 11 + c, full.getWidth(), full.getHeight())[1] / 4;
            l1 += e.cornerPx(4 * 12 + c, full.getWidth(), full.getHeight())[1] / 4;
        }
        BufferedImage cut = full.getSubimage(0, 0, full.getWidth(), (int) Math.round((t12 + l1) / 2));
        Path film = dir.resolve("thoracic.png");
        ImageIO.write(cut, "png", film.toFile());

        robot.interact(() -> vm.session().protocolProperty().set(LandmarkProtocol.allVertebrae()));
        robot.interact(() -> vm.open(film));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.session().radiograph() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#suggestButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.session().suggested().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        EnumSet<SpineLevel> suggested = EnumSet.copyOf(vm.session().suggested());
        String status = robot.lookup("#statusLine").queryAs(Label.class).getText();
        String warning = vm.suggestions().warningProperty().get();
        System.out.println("Suggest landmarks on a thoracic-only film: " + status + " | " + warning);
        assertTrue(suggested.size() < 17 && suggested.contains(SpineLevel.T1), suggested.toString());
        SpineLevel last = suggested.stream().max(Enum::compareTo).orElseThrow();
        assertEquals(EnumSet.range(SpineLevel.T1, last), suggested);
        assertTrue(warning.contains("The film seems to show only T1-" + last), warning);
        assertTrue(status.contains("levels T1-" + last + " only, read from the film"), status);
        if (Boolean.getBoolean("orthomeasure.screenshots")) {
            WritableImage[] shot = new WritableImage[1];
            robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
            ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", Path.of("target", "partial-film.png").toFile());
        }
    }
}
