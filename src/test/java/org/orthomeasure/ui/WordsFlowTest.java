package org.orthomeasure.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.core.protocol.Step;
import org.orthomeasure.io.landmarks.LandmarkFileReader;
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
 * The panel in a radiologist's words on the long-leg sample film (true landmarks; its left leg is
 * 6° varus): HKA with varus/valgus, MAD with its direction, JLO and CPAK as categories, flags naming
 * the normal range, JLCA's low reliability explained, landmark names instead of ids.
 */
@ExtendWith(ApplicationExtension.class)
class WordsFlowTest {

    private static final Path LONG_LEG = Path.of("sample-dicom/longleg-phantom.dcm");
    private static final Path TRUTH = Path.of("sample-dicom/longleg-phantom.landmarks.json");

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

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void thePanelReadsAsARadiologistWrites(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.exists(LONG_LEG) && Files.exists(TRUTH), "sample film not present");
        Path film = dir.resolve("legs.dcm");
        Files.copy(LONG_LEG, film, StandardCopyOption.REPLACE_EXISTING);
        robot.interact(() -> vm.open(film));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.session().radiograph() != null);
        LandmarkSet truth = new LandmarkFileReader().read(TRUTH).landmarks();
        robot.interact(() -> {
            Reading r = Reading.empty();
            for (Step s : vm.session().protocol().steps()) {
                LandmarkKey k = ((PointRef.Limb) s.target()).key();
                if (!k.equals(LandmarkKey.of(Side.L, LimbLandmark.ANKLE_CENTER))) {
                    r = r.with(s.target(), truth.point(k).orElseThrow());
                }
            }
            vm.session().edit(r);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // one landmark missing: named, not an id
        assertEquals("missing: Left ankle centre", text(robot, "#missingLine"));
        robot.interact(() -> vm.session().edit(vm.session().reading().with(
                new PointRef.Limb(LandmarkKey.of(Side.L, LimbLandmark.ANKLE_CENTER)),
                truth.point(Side.L, LimbLandmark.ANKLE_CENTER).orElseThrow())));
        WaitForAsyncUtils.waitForFxEvents();

        double hka = vm.session().measurements().get("L.HKA").orElseThrow().value();
        assertTrue(hka < -3, "the phantom's left leg is in varus: " + hka);
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f° varus (%.1f°)", -hka, 180 + hka), text(robot, "#value-L-HKA"));
        assertEquals("outside normal (−3 to 3°)", text(robot, "#flag-L-HKA"));
        double mad = vm.session().measurements().get("L.MAD").orElseThrow().value();
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f mm medial", mad), text(robot, "#value-L-MAD"));
        double jlo = vm.session().measurements().get("L.JLO").orElseThrow().value();
        assertTrue(jlo < 177, "apex distal: " + jlo);
        assertEquals("apex distal", text(robot, "#flag-L-JLO"));
        assertFalse(robot.lookup("#flag-L-JLO").query().getStyleClass().contains("out-of-range"));
        assertFalse(robot.lookup("#value-L-JLO").query().getStyleClass().contains("out-of-range"));
        assertTrue(text(robot, "#flag-L-CPAK").contains("varus"), text(robot, "#flag-L-CPAK"));
        assertEquals("outside normal (85–90°)", text(robot, "#flag-L-MPTA"));
        Label jlca = robot.lookup("#flag-R-JLCA").queryAs(Label.class);
        assertTrue(jlca.getText().contains("low reliability"), jlca.getText());
        assertTrue(jlca.getTooltip().getText().startsWith("JLCA is the small angle"), jlca.getTooltip().getText());
        String panel = robot.lookup("#measurementTable").queryAll().stream().findFirst().map(n -> ((javafx.scene.layout.GridPane) n)
                .getChildren().stream().filter(c -> c instanceof Label).map(c -> ((Label) c).getText())
                .reduce("", (a, b) -> a + "\n" + b)).orElseThrow();
        assertTrue(panel.contains("Femur length") && !panel.contains("femurLength"), panel);
        assertFalse(panel.contains("⚠ low") || panel.contains("⚠ high"), panel);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
