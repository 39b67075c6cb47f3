package org.orthomeasure.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.io.landmarks.LandmarkFileReader;
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
 * "Vertebra labels one level down / up" (Tools menu, Ctrl+Shift+Down / Ctrl+Shift+Up) on the spine sample film after
 * "Suggest landmarks": every outline takes the name of the level above (below), the freed end is extrapolated
 * as a suggestion, nothing is redrawn, and one Ctrl+Z brings the suggestion back as it was.
 */
@ExtendWith(ApplicationExtension.class)
class ShiftVertebraLabelsFlowTest {

    private static final Path SAMPLE = Path.of("sample-dicom/spine-phantom.dcm");
    private static final Path TRUTH = Path.of("sample-dicom/spine-phantom.landmarks.json");

    @TempDir
    Path dir;

    private final TestDialogs dialogs = new TestDialogs();
    private WorkstationViewModel vm;

    @Start
    void start(Stage stage) {
        Session session = new Session();
        ViewerViewModel viewer = new ViewerViewModel(session, dialogs);
        vm = new DesktopApp().start(stage, List.of(),
                new WorkstationViewModel(session, viewer, dialogs, new SessionStore(), new RecentFiles(null)));
    }

    private static Point2 centre(Vertebra v) {
        return v.topLeft().midpoint(v.bottomRight()).midpoint(v.topRight().midpoint(v.bottomLeft()));
    }

    /** Mean distance (px) between the centres of levels T1..L4 of {@code set} and of the phantom's truth. */
    private static double meanDistanceT1ToL4(LandmarkSet set, LandmarkSet truth) {
        double sum = 0;
        for (int k = 0; k < 16; k++) {
            SpineLevel l = SpineLevel.values()[k];
            sum += centre(set.vertebra(l).orElseThrow()).distanceTo(centre(truth.vertebra(l).orElseThrow()));
        }
        return sum / 16;
    }

    @Test
    void shiftingTheSuggestedLabelsIsOneStepAndOneUndo(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.exists(SAMPLE), "sample film not present");
        Path film = dir.resolve("spine.dcm");
        Files.copy(SAMPLE, film, StandardCopyOption.REPLACE_EXISTING);
        robot.interact(() -> vm.session().protocolProperty().set(LandmarkProtocol.allVertebrae()));
        robot.interact(() -> vm.open(film));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.session().radiograph() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#suggestButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.session().suggested().size() == 17);
        WaitForAsyncUtils.waitForFxEvents();
        Reading suggested = vm.session().reading();
        Map<SpineLevel, Vertebra> before = suggested.landmarks().vertebrae();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        LandmarkSet down = vm.session().reading().landmarks();
        for (int k = 0; k < 16; k++) {
            Vertebra was = before.get(SpineLevel.values()[k + 1]);
            Vertebra now = down.vertebra(SpineLevel.values()[k]).orElseThrow();
            assertEquals(was.topLeft(), now.topLeft(), "level " + now.level());
            assertEquals(was.bottomRight(), now.bottomRight(), "level " + now.level());
        }
        // L5 is one more step below the old L5, corner by corner: 2 (old L5) - (old L4)
        Point2 oldL5 = before.get(SpineLevel.L5).topLeft();
        Point2 oldL4 = before.get(SpineLevel.L4).topLeft();
        Point2 l5 = down.vertebra(SpineLevel.L5).orElseThrow().topLeft();
        assertEquals(2 * oldL5.x() - oldL4.x(), l5.x(), 1e-9);
        assertEquals(2 * oldL5.y() - oldL4.y(), l5.y(), 1e-9);
        assertEquals(17, vm.session().suggested().size());
        assertTrue(robot.lookup("#statusLine").queryAs(Label.class).getText().startsWith("Vertebra labels moved one level down"));
        // the committed models place the phantom's levels one vertebra high (README, known limit): one step fixes it
        Assumptions.assumeTrue(Files.exists(TRUTH), "phantom truth not present");
        LandmarkSet truth = new LandmarkFileReader().read(TRUTH).landmarks();
        double offBefore = meanDistanceT1ToL4(suggested.landmarks(), truth);
        double offAfter = meanDistanceT1ToL4(down, truth);
        System.out.printf("Spine phantom, mean T1-L4 centre distance to the truth: suggested %.1f px, labels down %.1f px%n",
                offBefore, offAfter);
        assertTrue(offBefore > 50 && offAfter < 5, offBefore + " px before, " + offAfter + " px after");

        // one undo: the suggestion as it was, marking included
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(suggested, vm.session().reading());
        assertEquals(17, vm.session().suggested().size());

        // and up: T2 gets the old T1, T1 is extrapolated above it
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.UP).release(KeyCode.UP, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        LandmarkSet up = vm.session().reading().landmarks();
        assertEquals(before.get(SpineLevel.T1).topLeft(), up.vertebra(SpineLevel.T2).orElseThrow().topLeft());
        assertEquals(before.get(SpineLevel.L4).bottomRight(), up.vertebra(SpineLevel.L5).orElseThrow().bottomRight());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
