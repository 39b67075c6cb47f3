package org.orthomeasure.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.session.SessionStore;
import org.orthomeasure.ui.viewer.ViewerViewModel;

/**
 * The desktop workstation. Arguments: an optional image file to open at start. The object graph is
 * built here (session, view models, services) and handed down through constructors.
 */
public final class DesktopApp extends Application {

    private WorkstationViewModel vm;

    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        start(stage, getParameters() == null ? List.of() : getParameters().getRaw(),
                Preferences.userNodeForPackage(DesktopApp.class));
    }

    /**
     * Builds the window on {@code stage}; {@code prefsOrNull} keeps recent files (null: in memory).
     *
     * @return the view model, for tests
     */
    public WorkstationViewModel start(Stage stage, List<String> args, Preferences prefsOrNull) {
        Session session = new Session();
        FxDialogs dialogs = new FxDialogs(stage);
        ViewerViewModel viewer = new ViewerViewModel(session, dialogs);
        return start(stage, args, new WorkstationViewModel(session, viewer, dialogs, new SessionStore(),
                new RecentFiles(prefsOrNull)));
    }

    /** Builds the window around a prepared view model (tests inject their dialogs this way). */
    public WorkstationViewModel start(Stage stage, List<String> args, WorkstationViewModel model) {
        this.vm = model;
        Workstation root = new Workstation(vm);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight() - 40));
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.getIcons().addAll(icon("orthomeasure-64.png"), icon("orthomeasure-256.png"));
        stage.setOnHidden(e -> {
            root.viewerPane().dispose();
            vm.close();
        });
        stage.show();
        args.stream().filter(a -> !a.startsWith("-")).map(Path::of).filter(Files::isRegularFile).findFirst()
                .ifPresent(vm::open);
        return vm;
    }

    private static Image icon(String name) {
        return new Image(DesktopApp.class.getResource(name).toExternalForm());
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
    }
}
