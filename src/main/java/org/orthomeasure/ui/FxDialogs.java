package org.orthomeasure.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link Dialogs} with JavaFX file choosers and dialogs, owned by the main window. */
public final class FxDialogs implements Dialogs {

    private final Window owner;

    public FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseImage(Optional<Path> initialFolder) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open radiograph");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Radiographs (DICOM, PNG, JPEG, TIFF)", "*.dcm", "*.DCM", "*.dicom",
                        "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*"),
                new FileChooser.ExtensionFilter("All files", "*"));
        initialFolder.filter(Files::isDirectory).ifPresent(p -> fc.setInitialDirectory(p.toFile()));
        return Optional.ofNullable(fc.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String extension, Path suggested) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT), "*." + extension));
        if (suggested.getParent() != null && Files.isDirectory(suggested.getParent())) {
            fc.setInitialDirectory(suggested.getParent().toFile());
        }
        fc.setInitialFileName(suggested.getFileName().toString());
        return Optional.ofNullable(fc.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public OptionalDouble askPositiveNumber(String title, String prompt, double suggested) {
        TextInputDialog d = new TextInputDialog(String.format(Locale.ROOT, "%s", trim(suggested)));
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(null);
        d.setContentText(prompt);
        Optional<String> answer = d.showAndWait();
        if (answer.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(answer.get().trim().replace(',', '.'));
            if (Double.isFinite(v) && v > 0) {
                return OptionalDouble.of(v);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        showError(title, "'" + answer.get() + "' is not a positive number");
        return OptionalDouble.empty();
    }

    @Override
    public Optional<Path> chooseLandmarkFile(Optional<Path> initialFolder) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open landmark file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Landmark files (JSON)", "*.json"));
        initialFolder.filter(Files::isDirectory).ifPresent(p -> fc.setInitialDirectory(p.toFile()));
        return Optional.ofNullable(fc.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<String> askText(String title, String prompt, String suggested) {
        TextInputDialog d = new TextInputDialog(suggested);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(null);
        d.setContentText(prompt);
        return d.showAndWait().map(String::strip);
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(null);
        return a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }

    @Override
    public void showError(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(null);
        a.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(null);
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(message);
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefColumnCount(70);
        text.setPrefRowCount(Math.min(32, (int) message.lines().count() + 1));
        text.setStyle("-fx-font-family: monospace;");
        a.getDialogPane().setContent(text);
        a.setResizable(true);
        a.show();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
