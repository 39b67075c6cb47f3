package org.orthomeasure.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.orthomeasure.core.overlay.OverlayGroup;
import org.orthomeasure.io.image.WindowPreset;
import org.orthomeasure.ui.panels.ComparisonPanel;
import org.orthomeasure.ui.panels.MeasurementsPanel;
import org.orthomeasure.ui.panels.StepsPanel;
import org.orthomeasure.ui.viewer.ViewerPane;
import org.orthomeasure.ui.viewer.ViewerViewModel;

/**
 * The main window's content: menus, tool bar, protocol panel, viewer, measurements panel and status
 * bar. A view: it binds to the view models and forwards commands; it holds no state of its own.
 */
public final class Workstation extends BorderPane {

    private final WorkstationViewModel vm;
    private final ViewerViewModel viewer;
    private final ViewerPane viewerPane;
    private final Menu exportMenu = new Menu();
    private MenuBar menuBar;

    public Workstation(WorkstationViewModel vm) {
        this.vm = vm;
        this.viewer = vm.viewer();
        this.viewerPane = new ViewerPane(viewer);
        getStyleClass().add("workstation");
        getStylesheets().add(Workstation.class.getResource("workstation.css").toExternalForm());

        VBox top = new VBox(menuBar(), toolBar(), suggestionBar());
        setTop(top);
        setLeft(new StepsPanel(viewer));
        setRight(sidePanel());
        StackPane centre = new StackPane(viewerPane, startPanel());
        setCenter(centre);
        setBottom(statusBar());
        installDragAndDrop(centre);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public ViewerPane viewerPane() {
        return viewerPane;
    }

    // ---------------------------------------------------------------- menus

    private MenuBar menuBar() {
        javafx.beans.binding.BooleanBinding noFilm = vm.session().radiographProperty().isNull();
        Menu file = new Menu("_File");
        MenuItem open = item("_Open…", "Shortcut+O", vm::openWithDialog);
        Menu recent = new Menu("Open _recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : vm.recent().files()) {
                recent.getItems().add(fileItem(p));
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        vm.recent().files().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        Menu samples = new Menu("_Sample films");
        for (Path p : vm.sampleFilms()) {
            samples.getItems().add(fileItem(p));
        }
        samples.setDisable(samples.getItems().isEmpty());
        MenuItem save = item("_Save session", "Shortcut+S", vm::saveNow);
        save.disableProperty().bind(noFilm);
        MenuItem reference = item("Load _reference reading…", null, vm::loadReferenceWithDialog);
        reference.disableProperty().bind(noFilm);
        exportMenu.setText("_Export");
        exportMenu.setId("exportMenu");
        MenuItem pdf = item("_Report (PDF)…", "Shortcut+E", vm.reports()::exportReportWithDialog);
        MenuItem png = item("_Annotated image (PNG)…", "Shortcut+Shift+E", vm.reports()::exportPngWithDialog);
        CheckMenuItem omit = new CheckMenuItem("Leave patient details out of the report");
        omit.selectedProperty().bindBidirectional(vm.reports().omitPatientDetailsProperty());
        exportMenu.getItems().addAll(pdf, png, new SeparatorMenuItem(), omit);
        exportMenu.disableProperty().bind(vm.session().radiographProperty().isNull());
        MenuItem quit = item("E_xit", "Shortcut+Q", () -> getScene().getWindow().hide());
        PacsMenu pacs = new PacsMenu(vm.pacs(), vm.session(), () -> getScene().getWindow());
        file.getItems().addAll(open, pacs.openFromPacs(), recent, samples, new SeparatorMenuItem(), save, reference,
                new SeparatorMenuItem(), exportMenu, pacs.pacsMenu(), new SeparatorMenuItem(), quit);

        Menu edit = new Menu("_Edit");
        MenuItem undo = item("_Undo", "Shortcut+Z", vm.session()::undo);
        undo.disableProperty().bind(vm.session().canUndoProperty().not());
        MenuItem redo = item("_Redo", "Shortcut+Y", vm.session()::redo);
        redo.disableProperty().bind(vm.session().canRedoProperty().not());
        MenuItem redo2 = item("Redo", "Shortcut+Shift+Z", vm.session()::redo);
        redo2.setVisible(false);
        MenuItem delete = item("_Delete selected point", "Delete", viewer::deleteSelected);
        delete.disableProperty().bind(noFilm);
        MenuItem again = item("_Place again (next click moves the selected landmark)", "Shift+P", () -> {
            if (!viewer.placeAgain()) {
                vm.setStatus("Place again: select a placed landmark first (click it, or choose it in the list)");
            }
        });
        again.setId("placeAgain");
        again.disableProperty().bind(noFilm);
        MenuItem next = item("_Next landmark", "Tab", viewer::nextStep);
        next.disableProperty().bind(noFilm);
        edit.getItems().addAll(undo, redo, redo2, new SeparatorMenuItem(), delete, again, next);

        Menu view = new Menu("_View");
        view.getItems().addAll(
                item("_Fit", "F", viewer::fit),
                item("_1:1", "1", viewer::oneToOne),
                item("Zoom _in", "Shortcut+Plus", () -> viewer.zoomAt(1.25, viewer.viewWidth() / 2, viewer.viewHeight() / 2)),
                item("Zoom _out", "Shortcut+Minus", () -> viewer.zoomAt(0.8, viewer.viewWidth() / 2, viewer.viewHeight() / 2)),
                new SeparatorMenuItem(),
                item("Rotate _right", "R", () -> viewer.rotate(true)),
                item("Rotate _left", "Shift+R", () -> viewer.rotate(false)),
                item("Flip _horizontally", "H", viewer::flipHorizontal),
                item("Flip _vertically", "V", viewer::flipVertical),
                item("Reset orientation", null, viewer::resetOrientation),
                new SeparatorMenuItem());
        CheckMenuItem invertItem = new CheckMenuItem("_Invert grey levels");
        invertItem.setAccelerator(KeyCombination.keyCombination("I"));
        invertItem.selectedProperty().bindBidirectional(viewer.invertProperty());
        CheckMenuItem corners = new CheckMenuItem("_Corner information (patient, study, window, zoom)");
        corners.setId("cornerInfoItem");
        corners.setAccelerator(KeyCombination.keyCombination("O"));
        corners.selectedProperty().bindBidirectional(viewer.cornerInfoProperty());
        view.getItems().addAll(invertItem, corners);
        for (MenuItem m : view.getItems()) {
            m.disableProperty().bind(noFilm);
        }
        Menu overlays = new Menu("_Overlays");
        for (OverlayGroup g : OverlayGroup.values()) {
            CheckMenuItem c = new CheckMenuItem(g.label());
            c.setSelected(viewer.visibleGroups().contains(g));
            c.selectedProperty().addListener((o, a, b) -> {
                if (b) {
                    viewer.visibleGroups().add(g);
                } else {
                    viewer.visibleGroups().remove(g);
                }
            });
            overlays.getItems().add(c);
        }
        view.getItems().addAll(new SeparatorMenuItem(), overlays);

        Menu tools = new Menu("_Tools");
        tools.getItems().addAll(
                item("_Place landmarks", "P", viewer::cancelTool),
                item("Calibrate by a _line…", null, viewer::startLineCalibration),
                item("Calibrate by a _ball…", null, viewer::startBallCalibration),
                item("_Finish ball", "Enter", viewer::finishBall),
                item("Use the _film's calibration", null, viewer::clearUserCalibration),
                new SeparatorMenuItem(),
                item("Restart the landmark list", null, vm::restartProtocol));
        for (MenuItem m : tools.getItems()) {
            m.disableProperty().bind(noFilm);
        }

        MenuItem suggest = item("_Suggest landmarks", "Shortcut+G", vm.suggestions()::suggestLandmarks);
        suggest.disableProperty().bind(noFilm.or(vm.suggestions().runningProperty()));
        MenuItem suggestShown = item("Suggest landmarks for the _levels shown…", null,
                vm.suggestions()::suggestLevelsShown);
        suggestShown.setId("suggestLevelsShown");
        suggestShown.disableProperty().bind(spineFilm().not().or(vm.suggestions().runningProperty()));
        MenuItem accept = item("_Accept all suggestions", null, vm.suggestions()::acceptAll);
        accept.disableProperty().bind(vm.session().suggestionCountProperty().isEqualTo(0));
        MenuItem labelsDown = item("Vertebra labels one level _down (T2 → T1)", "Shortcut+Shift+Down",
                () -> vm.shiftVertebraLabels(true));
        MenuItem labelsUp = item("Vertebra labels one level _up (T1 → T2)", "Shortcut+Shift+Up",
                () -> vm.shiftVertebraLabels(false));
        for (MenuItem m : List.of(labelsDown, labelsUp)) {
            m.disableProperty().bind(Bindings.createBooleanBinding(
                    () -> vm.session().reading().landmarks().vertebrae().isEmpty(), vm.session().readingProperty()));
        }
        labelsDown.setId("labelsDown");
        labelsUp.setId("labelsUp");
        tools.getItems().addAll(new SeparatorMenuItem(), suggest, suggestShown, accept, labelsDown, labelsUp);

        Menu check = new Menu("_Check");
        check.setId("checkMenu");
        CheckMenuItem reveal = new CheckMenuItem("_Reveal reference reading");
        reveal.selectedProperty().bindBidirectional(vm.session().referenceRevealedProperty());
        reveal.disableProperty().bind(vm.session().referenceProperty().isNull());
        MenuItem withSuggestion = item("Compare with the app's _suggestion", null, vm.suggestions()::suggestionAsReference);
        withSuggestion.disableProperty().bind(noFilm.or(vm.suggestions().runningProperty()));
        MenuItem exportCheck = item("_Export comparison (PDF)…", null, vm.check()::exportWithDialog);
        exportCheck.disableProperty().bind(vm.session().referenceRevealedProperty().not());
        MenuItem loadRef = item("_Load reference reading…", null, vm::loadReferenceWithDialog);
        loadRef.disableProperty().bind(noFilm);
        check.getItems().addAll(loadRef, withSuggestion, reveal, new SeparatorMenuItem(), exportCheck);

        Menu help = new Menu("_Help");
        help.setId("helpMenu");
        MenuItem keys = item("_Keyboard shortcuts and mouse", "F1", () -> vm.dialogs().showInfo(
                "Keyboard shortcuts and mouse", helpText()));
        keys.setId("helpShortcuts");
        help.getItems().add(keys);

        MenuBar bar = new MenuBar(file, edit, view, tools, check, help);
        menuBar = bar;
        bar.setId("menuBar");
        return bar;
    }

    /**
     * The Help text: every menu accelerator as the menus define it (so the list cannot drift from the
     * keys), the keys handled by the window itself, and the mouse bindings of the viewer.
     */
    String helpText() {
        StringBuilder b = new StringBuilder("Mouse (in the image)\n");
        for (String[] m : new String[][] {
                {"Left click", "place the next unplaced landmark (highlighted in the list); with all placed: select"},
                {"Left drag on a point", "move that point (a click never moves a placed point)"},
                {"Right drag", "window/level: left-right = width, up-down = level (numbers shown while dragging)"},
                {"Wheel", "zoom about the cursor"},
                {"Middle drag, Ctrl/Shift + left drag", "pan"}}) {
            b.append(String.format(java.util.Locale.ROOT, "  %-38s %s%n", m[0], m[1]));
        }
        b.append("\nKeys\n");
        for (String[] k : new String[][] {
                {"Tab or N", "next missing landmark"},
                {"Arrows (Shift: ×10)", "move the selected point by 1 image pixel"},
                {"Delete or Backspace", "delete the selected point"},
                {"Esc", "cancel the calibration tool or Place again; clear the selection"}}) {
            b.append(String.format(java.util.Locale.ROOT, "  %-38s %s%n", k[0], k[1]));
        }
        b.append("\nMenu shortcuts\n");
        for (Menu m : menuBar.getMenus()) {
            appendAccelerators(b, m);
        }
        return b.toString();
    }

    private static void appendAccelerators(StringBuilder b, Menu menu) {
        for (MenuItem i : menu.getItems()) {
            if (i instanceof Menu sub) {
                appendAccelerators(b, sub);
            } else if (i.getAccelerator() != null && i.isVisible() && i.getText() != null) {
                b.append(String.format(java.util.Locale.ROOT, "  %-38s %s%n", i.getAccelerator().getDisplayText(),
                        i.getText().replace("_", "").replace("…", "")));
            }
        }
    }

    /** True while a film is open in a scoliosis protocol (where suggestions apply). */
    private javafx.beans.binding.BooleanBinding spineFilm() {
        return Bindings.createBooleanBinding(() -> vm.session().radiograph() != null
                        && vm.session().protocol().kind() == org.orthomeasure.core.landmarks.Protocol.SPINE,
                vm.session().radiographProperty(), vm.session().protocolProperty());
    }

    /** Measurements and check mode, as tabs; loading or revealing a reference shows the check tab. */
    private Node sidePanel() {
        Tab measurements = new Tab("Measurements", new MeasurementsPanel(vm.session(), viewer));
        ComparisonPanel panel = new ComparisonPanel(vm.session(), vm.check().comparisonProperty(),
                new ComparisonPanel.Actions(vm::loadReferenceWithDialog, vm.suggestions()::suggestionAsReference,
                        vm.check()::reveal, vm.check()::exportWithDialog));
        panel.setPrefWidth(470);
        panel.setMinWidth(470);
        panel.setMaxWidth(470);
        Tab check = new Tab("Check", panel);
        check.setId("checkTab");
        TabPane tabs = new TabPane(measurements, check);
        tabs.setId("sideTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMaxWidth(Region.USE_PREF_SIZE);
        vm.session().referenceProperty().addListener((o, a, b) -> {
            if (b != null) {
                tabs.getSelectionModel().select(check);
            }
        });
        vm.session().referenceRevealedProperty().addListener((o, a, b) -> {
            if (b) {
                tabs.getSelectionModel().select(check);
            }
        });
        return tabs;
    }

    /**
     * Shown while vertebrae are unconfirmed suggestions: how many, how to confirm them, "Accept all",
     * and the low-confidence warning when the detector was unsure.
     */
    private Node suggestionBar() {
        Label info = new Label();
        info.setId("suggestionInfo");
        info.setGraphic(new javafx.scene.shape.Circle(5, org.orthomeasure.ui.viewer.OverlayPainter.colour(
                org.orthomeasure.core.overlay.OverlayRole.SUGGESTION)));
        info.textProperty().bind(Bindings.createStringBinding(() -> suggestionInfo(vm.session().suggested().size(),
                vm.session().suggestedLandmarks().size()), vm.session().suggestedProperty(),
                vm.session().suggestedLandmarksProperty()));
        Button accept = button("Accept all", "Accept every suggestion as it is", vm.suggestions()::acceptAll);
        accept.setId("acceptAllSuggestions");
        Label warning = new Label();
        warning.setId("suggestionWarning");
        warning.getStyleClass().add("suggestion-warning");
        warning.setWrapText(true);
        warning.textProperty().bind(vm.suggestions().warningProperty());
        warning.visibleProperty().bind(vm.suggestions().warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        HBox row = new HBox(10, info, accept);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, row, warning);
        bar.setId("suggestionBar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("suggestion-bar");
        bar.visibleProperty().bind(vm.session().suggestionCountProperty().greaterThan(0));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** The suggestion bar's line: how many vertebrae and landmarks are suggestions, and how to confirm them. */
    static String suggestionInfo(int vertebrae, int landmarks) {
        if (landmarks == 0) {
            return vertebrae + " vertebrae are suggestions (dashed): drag a corner to correct it (its vertebra becomes "
                    + "yours), or accept them all.";
        }
        return (vertebrae == 0 ? "" : vertebrae + " vertebrae and ") + landmarks + (landmarks == 1 ? " landmark is a "
                + "suggestion" : " landmarks are suggestions") + " (dashed, violet): drag one to correct it (it becomes "
                + "yours; a head: drag a rim point), or accept them all.";
    }

    /** A menu item opening {@code p}, its file name shown as written (no mnemonic: "RG2_JPLL.dcm" keeps its "_"). */
    private MenuItem fileItem(Path p) {
        MenuItem m = new MenuItem(p.getFileName().toString());
        m.setMnemonicParsing(false);
        m.setOnAction(e -> vm.open(p));
        return m;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    // ---------------------------------------------------------------- tool bar and status

    private ToolBar toolBar() {
        Button open = button("Open", "Open a radiograph (Ctrl+O)", vm::openWithDialog);
        open.setId("openButton");
        Button fit = button("Fit", "Fit the film to the window (F)", viewer::fit);
        Button one = button("1:1", "One image pixel per screen pixel (1)", viewer::oneToOne);
        Button rotL = button("⟲", "Rotate left and fit (Shift+R)", () -> viewer.rotate(false));
        Button rotR = button("⟳", "Rotate right and fit (R)", () -> viewer.rotate(true));
        Button flip = button("⇋", "Flip horizontally (H)", viewer::flipHorizontal);
        ToggleButton invert = new ToggleButton();
        invert.setId("invertButton");
        invert.setTooltip(new Tooltip("Invert grey levels (I)"));
        invert.selectedProperty().bindBidirectional(viewer.invertProperty());
        invert.textProperty().bind(Bindings.when(viewer.invertProperty()).then("Inverted ✓").otherwise("Invert"));
        invert.setFocusTraversable(false);
        ComboBox<WindowPreset> presets = new ComboBox<>();
        presets.setId("windowPresets");
        presets.setPromptText("Window");
        presets.setPrefWidth(190);
        presets.setFocusTraversable(false);
        presets.setTooltip(new Tooltip("Window presets; right-drag on the image changes window/level"));
        presets.setCellFactory(lv -> presetCell());
        presets.setButtonCell(presetCell());
        presets.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(WindowPreset p) {
                return p == null ? "" : p.name(); // a custom window after a drag is not in the list: its name still shows
            }

            @Override
            public WindowPreset fromString(String s) {
                return null;
            }
        });
        viewer.displayProperty().addListener((o, a, b) -> presets.getItems().setAll(
                b == null ? List.of() : b.source().windowPresets()));
        viewer.windowProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(presets.getValue())) {
                presets.setValue(b);
            }
        });
        presets.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(viewer.windowProperty().get())) {
                viewer.windowProperty().set(b);
            }
        });
        Button undo = button("↶", "Undo (Ctrl+Z)", vm.session()::undo);
        undo.disableProperty().bind(vm.session().canUndoProperty().not());
        Button redo = button("↷", "Redo (Ctrl+Y)", vm.session()::redo);
        redo.disableProperty().bind(vm.session().canRedoProperty().not());
        Button suggest = button("Suggest landmarks", "Let the app place the landmarks as suggestions: the vertebrae "
                + "T1–L5 on a spine film, every lower-limb landmark of each leg on a long-leg film (Ctrl+G)",
                vm.suggestions()::suggestLandmarks);
        suggest.setId("suggestButton");
        suggest.visibleProperty().bind(vm.session().radiographProperty().isNotNull());
        suggest.managedProperty().bind(suggest.visibleProperty());
        suggest.disableProperty().bind(vm.suggestions().runningProperty());
        Label tool = new Label();
        tool.textProperty().bind(Bindings.createStringBinding(() -> switch (viewer.toolProperty().get()) {
            case PLACE -> "Placing landmarks";
            case CALIBRATE_LINE -> "Calibrating: line";
            case CALIBRATE_BALL -> "Calibrating: ball";
        }, viewer.toolProperty()));
        tool.getStyleClass().add("tool-label");
        for (Node n : List.of(fit, one, rotL, rotR, flip, invert, presets)) {
            n.disableProperty().bind(vm.session().radiographProperty().isNull());
        }
        ToolBar bar = new ToolBar(open, new javafx.scene.control.Separator(), fit, one, rotL, rotR, flip, invert, presets,
                new javafx.scene.control.Separator(), undo, redo, new javafx.scene.control.Separator(), suggest, tool);
        bar.setId("toolBar");
        return bar;
    }

    private static ListCell<WindowPreset> presetCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(WindowPreset p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
            }
        };
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("statusLine");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        Label cursor = new Label();
        cursor.setId("cursorReadout");
        cursor.setMinWidth(Region.USE_PREF_SIZE);
        cursor.textProperty().bind(viewer.cursorTextProperty());
        Label saved = new Label();
        saved.setId("saveState");
        saved.textProperty().bind(vm.saveStateProperty());
        saved.setMinWidth(Region.USE_PREF_SIZE);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(16, status, spring, cursor, saved);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** The first-start panel: the sample films one click away, hidden once a film is open. */
    private Node startPanel() {
        VBox box = new VBox(10);
        box.setId("startPanel");
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(460, Region.USE_PREF_SIZE);
        box.getStyleClass().add("start-panel");
        Label title = new Label("OrthoMeasure");
        title.getStyleClass().add("start-title");
        Label hint = new Label("Open a radiograph (File > Open, Ctrl+O), drop a file here, or start with a sample film:");
        hint.setWrapText(true);
        box.getChildren().addAll(title, hint);
        for (Path p : vm.sampleFilms()) {
            Button b = new Button(p.getFileName().toString());
            b.setMnemonicParsing(false);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> vm.open(p));
            b.getStyleClass().add("sample-button");
            box.getChildren().add(b);
        }
        for (Path p : vm.recent().files().stream().limit(4).toList()) {
            Button b = new Button("Recent: " + p.getFileName());
            b.setMnemonicParsing(false);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> vm.open(p));
            box.getChildren().add(b);
        }
        Button open = new Button("Open a file…");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> vm.openWithDialog());
        box.getChildren().add(open);
        box.visibleProperty().bind(vm.session().radiographProperty().isNull().and(vm.busyProperty().not()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void installDragAndDrop(Node target) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                Path p = e.getDragboard().getFiles().get(0).toPath();
                if (Files.isRegularFile(p)) {
                    vm.open(p);
                    ok = true;
                }
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    // ---------------------------------------------------------------- keys

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        double step = e.isShiftDown() ? 10 : 1;
        switch (e.getCode()) {
            case LEFT -> nudge(e, -1, 0, step);
            case RIGHT -> nudge(e, 1, 0, step);
            case UP -> nudge(e, 0, -1, step);
            case DOWN -> nudge(e, 0, 1, step);
            case TAB -> {
                viewer.nextStep();
                e.consume();
            }
            case N -> {
                if (!e.isShortcutDown()) {
                    viewer.nextStep();
                    e.consume();
                }
            }
            case BACK_SPACE -> {
                viewer.deleteSelected();
                e.consume();
            }
            case ESCAPE -> {
                if (viewer.keepRawClick()) {
                    e.consume();
                    return;
                }
                viewer.cancelTool();
                viewer.selectedProperty().set(null);
                e.consume();
            }
            default -> {
                // menu accelerators handle the rest
            }
        }
    }

    private void nudge(KeyEvent e, int dx, int dy, double step) {
        if (viewer.selectedProperty().get() != null && !(e.getTarget() instanceof ComboBox)) {
            viewer.nudge(dx, dy, step);
            e.consume();
        }
    }
}
