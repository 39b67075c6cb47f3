package org.orthomeasure.ui;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.orthomeasure.io.dicom.net.SeriesMatch;
import org.orthomeasure.io.dicom.net.StudyMatch;

/**
 * File > Open from PACS: query fields (patient ID or name, accession, study date, modality), the studies
 * found, the series of the chosen study, and "Retrieve and open"; progress and Cancel while the PACS
 * works. A view over {@link PacsActions}: it binds to its state and forwards the commands.
 */
final class OpenFromPacsWindow extends Stage {

    OpenFromPacsWindow(PacsActions pacs, Window owner, Runnable openSettings) {
        setTitle("Open from PACS");
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);

        Label node = new Label();
        node.setId("pacsNode");
        node.textProperty().bind(Bindings.createStringBinding(pacs::describeSettings, pacs.settingsProperty()));
        Button settings = new Button("PACS settings…");
        settings.setOnAction(e -> openSettings.run());
        Region spring0 = new Region();
        HBox.setHgrow(spring0, Priority.ALWAYS);
        HBox header = new HBox(8, node, spring0, settings);
        header.setAlignment(Pos.CENTER_LEFT);

        TextField id = bound("pacsPatientId", pacs.patientIdProperty(), "exact, or with * and ?");
        TextField name = bound("pacsPatientName", pacs.patientNameProperty(), "starts with (DOE^J)");
        TextField accession = bound("pacsAccession", pacs.accessionProperty(), "");
        TextField date = bound("pacsStudyDate", pacs.studyDateProperty(), "YYYYMMDD[-YYYYMMDD]");
        TextField modality = bound("pacsModality", pacs.modalityProperty(), "DX, CR …");
        Button find = new Button("Find");
        find.setId("pacsFind");
        find.setDefaultButton(true);
        find.disableProperty().bind(pacs.runningProperty());
        find.setOnAction(e -> pacs.find());
        GridPane query = new GridPane();
        query.setHgap(8);
        query.setVgap(6);
        query.addRow(0, new Label("Patient ID"), id, new Label("Patient name"), name);
        query.addRow(1, new Label("Accession"), accession, new Label("Study date"), date);
        query.addRow(2, new Label("Modality"), modality, new Label(""), find);

        TableView<StudyMatch> studies = new TableView<>(pacs.studies());
        studies.setId("pacsStudies");
        studies.setPlaceholder(new Label("No study listed: enter what you know and press Find"));
        studies.getColumns().add(column("Date", 90, StudyMatch::studyDate));
        studies.getColumns().add(column("Patient ID", 120, StudyMatch::patientId));
        studies.getColumns().add(column("Patient name", 170, StudyMatch::patientName));
        studies.getColumns().add(column("Accession", 120, StudyMatch::accessionNumber));
        studies.getColumns().add(column("Description", 170, StudyMatch::description));
        studies.getColumns().add(column("Modalities", 90, StudyMatch::modalities));
        studies.getColumns().add(column("Objects", 60, m -> m.instances() < 0 ? "" : Integer.toString(m.instances())));
        studies.setPrefHeight(190);

        TableView<SeriesMatch> series = new TableView<>(pacs.series());
        series.setId("pacsSeries");
        series.setPlaceholder(new Label("Choose a study to see its series"));
        series.getColumns().add(column("No.", 50, SeriesMatch::number));
        series.getColumns().add(column("Modality", 80, SeriesMatch::modality));
        series.getColumns().add(column("Description", 300, SeriesMatch::description));
        series.getColumns().add(column("Objects", 60, m -> m.instances() < 0 ? "" : Integer.toString(m.instances())));
        series.setPrefHeight(140);
        studies.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                pacs.listSeries(b);
            }
        });
        pacs.series().addListener((javafx.collections.ListChangeListener<SeriesMatch>) c -> {
            if (series.getSelectionModel().getSelectedItem() == null) {
                pacs.series().stream().filter(SeriesMatch::isRadiograph).findFirst()
                        .ifPresent(m -> series.getSelectionModel().select(m));
            }
        });

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(pacs.runningProperty());
        Label progress = new Label();
        progress.setId("pacsProgress");
        progress.setWrapText(true);
        progress.textProperty().bind(pacs.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("pacsCancel");
        cancel.disableProperty().bind(pacs.runningProperty().not());
        cancel.setOnAction(e -> pacs.cancel());
        Button retrieve = new Button("Retrieve and open");
        retrieve.setId("pacsRetrieve");
        retrieve.disableProperty().bind(pacs.runningProperty()
                .or(series.getSelectionModel().selectedItemProperty().isNull()));
        retrieve.setOnAction(e -> pacs.retrieveAndOpen(series.getSelectionModel().getSelectedItem())
                .thenAccept(film -> film.ifPresent(f -> close())));
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> close());
        setOnHidden(e -> pacs.cancel());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bottom = new HBox(8, spinner, progress, spring, cancel, retrieve, close);
        bottom.setAlignment(Pos.CENTER_LEFT);
        progress.setMaxWidth(460);
        progress.setMinHeight(Region.USE_PREF_SIZE);

        VBox root = new VBox(10, header, query, new Label("Studies"), studies, new Label("Series"), series, bottom);
        root.setPadding(new Insets(14));
        root.setPrefWidth(880);
        VBox.setVgrow(studies, Priority.ALWAYS);
        setScene(new Scene(root));
    }

    private static TextField bound(String id, javafx.beans.property.StringProperty p, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        f.setPromptText(prompt);
        f.setPrefColumnCount(16);
        return f;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
