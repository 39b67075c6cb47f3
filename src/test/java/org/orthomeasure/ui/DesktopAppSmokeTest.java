package org.orthomeasure.ui;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.testfx.api.FxAssert.verifyThat;

@ExtendWith(ApplicationExtension.class)
class DesktopAppSmokeTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new DesktopApp().start(stage);
    }

    @Test
    void windowShowsTitle() {
        assertEquals("OrthoMeasure", stage.getTitle());
        verifyThat(".label", (Label l) -> l.getText().equals("OrthoMeasure"));
    }
}
