package org.orthomeasure.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop workstation (placeholder window until the workstation issue lands). */
public final class DesktopApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("OrthoMeasure");
        stage.setScene(new Scene(new StackPane(new Label("OrthoMeasure")), 1000, 700));
        stage.show();
    }
}
