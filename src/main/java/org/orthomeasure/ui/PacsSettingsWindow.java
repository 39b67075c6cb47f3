package org.orthomeasure.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.orthomeasure.io.dicom.net.PacsNode;

/**
 * File > PACS settings: the node (AE title, host, port), our AE title, the storage listener for C-MOVE
 * (off by default; our port and the one interface it binds to), the timeout, and a C-ECHO test. A view
 * over {@link PacsActions}: Save parses the fields ({@link PacsSettings#parse}) and hands them over; a
 * field at fault is named in one line and nothing is saved.
 */
final class PacsSettingsWindow extends Stage {

    private final Label problem = new Label();

    PacsSettingsWindow(PacsActions pacs, Window owner) {
        setTitle("PACS settings");
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        PacsSettings s = pacs.settings();
        TextField ae = field("pacsAeTitle", s.node().map(PacsNode::aeTitle).orElse(""), "e.g. ORTHANC");
        TextField host = field("pacsHost", s.node().map(PacsNode::host).orElse(""), "host name or address");
        TextField port = field("pacsPort", s.node().map(n -> Integer.toString(n.port())).orElse(""), "e.g. 4242");
        TextField ours = field("pacsOurAeTitle", s.ourAeTitle(), PacsSettings.DEFAULT_AE_TITLE);
        CheckBox listener = new CheckBox("Storage listener for C-MOVE (off: retrieval by C-GET, nothing listens)");
        listener.setId("pacsListener");
        listener.setSelected(s.listenerEnabled());
        TextField ourPort = field("pacsOurPort", s.listenerPort() == 0 ? "" : Integer.toString(s.listenerPort()), "e.g. 11112");
        TextField address = field("pacsListenAddress", s.listenAddress(), PacsSettings.DEFAULT_LISTEN_ADDRESS);
        ourPort.disableProperty().bind(listener.selectedProperty().not());
        address.disableProperty().bind(listener.selectedProperty().not());
        TextField timeout = field("pacsTimeout", s.timeoutText(), "30");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, heading("The PACS"));
        grid.addRow(row++, new Label("AE title"), ae);
        grid.addRow(row++, new Label("Host"), host);
        grid.addRow(row++, new Label("Port"), port);
        grid.addRow(row++, heading("This workstation"));
        grid.addRow(row++, new Label("Our AE title"), ours);
        grid.add(listener, 0, row++, 2, 1);
        grid.addRow(row++, new Label("Our port (C-MOVE)"), ourPort);
        grid.addRow(row++, new Label("Listen only on"), address);
        grid.addRow(row++, new Label("Timeout (s)"), timeout);
        GridPane.setHgrow(ae, Priority.ALWAYS);

        Label result = new Label();
        result.setId("pacsSettingsResult");
        result.setWrapText(true);
        result.textProperty().bind(pacs.progressProperty());
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.setMaxWidth(492);
        problem.setId("pacsSettingsProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("suggestion-warning");
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.setMaxWidth(492);

        Button test = new Button("Test (C-ECHO)");
        test.setId("pacsTest");
        test.disableProperty().bind(pacs.runningProperty());
        test.setOnAction(e -> parsed(ae, host, port, ours, listener, ourPort, address, timeout)
                .ifPresent(pacs::testEcho));
        Button save = new Button("Save");
        save.setId("pacsSave");
        save.setDefaultButton(true);
        save.setOnAction(e -> parsed(ae, host, port, ours, listener, ourPort, address, timeout).ifPresent(p -> {
            pacs.applySettings(p);
            close();
        }));
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(8, test, spring, save, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(10, grid, problem, result, buttons);
        root.setPadding(new Insets(14));
        root.setPrefWidth(520);
        setScene(new Scene(root));
    }

    private java.util.Optional<PacsSettings> parsed(TextField ae, TextField host, TextField port, TextField ours,
                                                    CheckBox listener, TextField ourPort, TextField address, TextField timeout) {
        try {
            PacsSettings p = PacsSettings.parse(ae.getText(), host.getText(), port.getText(), ours.getText(),
                    listener.isSelected(), ourPort.getText(), address.getText(), timeout.getText());
            if (p.listenerEnabled()) {
                p.listenInterface();
            }
            problem.setText("");
            return java.util.Optional.of(p);
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static TextField field(String id, String value, String prompt) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(22);
        return f;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
