package org.orthomeasure.ui;

import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.api.FxAssert.verifyThat;

@ExtendWith(ApplicationExtension.class)
class DesktopAppSmokeTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new DesktopApp().start(stage, List.of(), (java.util.prefs.Preferences) null);
    }

    @Test
    void windowShowsTitleAndTheStartPanel() {
        assertEquals("OrthoMeasure", stage.getTitle());
        verifyThat("#missingLine", (Label l) -> l.getText().startsWith("missing: Right femoral head centre"));
        verifyThat("#calibrationLabel", (Label l) -> l.getText().startsWith("Uncalibrated"));
        assertTrue(stage.getScene().lookup("#startPanel").isVisible());
    }
}
