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
    /** Where the window's size and place are kept (null: not kept, as in tests). */
    private Preferences windowPrefs;

    /** The one line printed when the workstation cannot open a window. */
    public static final String NEEDS_A_DISPLAY = "orthomeasure: the workstation needs a display (%s); without one, "
            + "use the headless subcommands: measure, info, render, evaluate, compare (java -jar orthomeasure.jar help)";

    /**
     * Starts the workstation; without a display it prints {@link #NEEDS_A_DISPLAY} on one line and
     * exits with status 2 (no stack trace).
     */
    public static void launchApp(String[] args) {
        noDisplayReason(System.getProperty("os.name", ""), System.getenv("DISPLAY"), System.getenv("WAYLAND_DISPLAY"),
                System.getProperty("glass.platform")).ifPresent(DesktopApp::exitNoDisplay);
        try {
            Application.launch(DesktopApp.class, args);
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            if (m.toLowerCase(java.util.Locale.ROOT).contains("display")) { // GTK: "Unable to open DISPLAY"
                exitNoDisplay(m);
            }
            throw e;
        }
    }

    private static void exitNoDisplay(String why) {
        System.err.println(String.format(NEEDS_A_DISPLAY, why));
        System.exit(2);
    }

    /**
     * Why there is no display to open a window on, if that can be told before starting JavaFX: on
     * Linux and other X11/Wayland systems neither {@code DISPLAY} nor {@code WAYLAND_DISPLAY} is set
     * (and no headless glass platform was chosen). Empty on Windows and macOS.
     */
    static java.util.Optional<String> noDisplayReason(String osName, String display, String waylandDisplay,
                                                      String glassPlatform) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || glassPlatform != null) {
            return java.util.Optional.empty();
        }
        boolean none = (display == null || display.isBlank()) && (waylandDisplay == null || waylandDisplay.isBlank());
        return none ? java.util.Optional.of("DISPLAY is not set") : java.util.Optional.empty();
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
        windowPrefs = prefsOrNull;
        Session session = new Session();
        FxDialogs dialogs = new FxDialogs(stage);
        ViewerViewModel viewer = new ViewerViewModel(session, dialogs);
        return start(stage, args, new WorkstationViewModel(session, viewer, dialogs, new SessionStore(),
                new RecentFiles(prefsOrNull), PacsActions.Config.inUserHome(prefsOrNull)));
    }

    /** Builds the window around a prepared view model (tests inject their dialogs this way). */
    public WorkstationViewModel start(Stage stage, List<String> args, WorkstationViewModel model) {
        this.vm = model;
        Workstation root = new Workstation(vm);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        WindowBounds bounds = WindowBounds.restore(windowPrefs, screen);
        Scene scene = new Scene(root, bounds.width(), bounds.height());
        stage.setScene(scene);
        if (bounds.x() != null) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        stage.setMaximized(bounds.maximized());
        stage.titleProperty().bind(vm.titleProperty());
        stage.getIcons().addAll(icon("orthomeasure-64.png"), icon("orthomeasure-256.png"));
        stage.setOnHidden(e -> {
            WindowBounds.save(windowPrefs, stage);
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
