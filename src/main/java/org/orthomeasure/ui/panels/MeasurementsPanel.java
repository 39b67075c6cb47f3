package org.orthomeasure.ui.panels;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.limb.CpakType;
import org.orthomeasure.core.measure.LimbMeasure;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementDefinition;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.measure.Missing;
import org.orthomeasure.core.measure.NormalRange;
import org.orthomeasure.core.measure.Unit;
import org.orthomeasure.core.plausibility.LimbPlausibility;
import org.orthomeasure.core.plausibility.PlausibilityFlag;
import org.orthomeasure.core.protocol.Step;
import org.orthomeasure.ui.text.ClinicalText;
import org.orthomeasure.ui.text.MeasurementText;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.viewer.ViewerViewModel;

/**
 * The measurements panel: the calibration in force and its warning (always visible), calibration
 * tools, every measurement with unit, normal range and an out-of-range flag, the CPAK grid of each
 * knee, and a "missing: ..." line for what is not measurable yet. Rebuilt from the session's
 * {@link MeasurementSet} on every change.
 */
public final class MeasurementsPanel extends VBox {

    private final Session session;
    private final Label calibration = new Label();
    private final Label calibrationWarning = new Label();
    private final GridPane table = new GridPane();
    private final Label missing = new Label();
    private final Label lengthUnit = new Label();
    private final Label notes = new Label();
    /** The plausibility flags: one line per landmark to check. */
    private final Label plausibility = new Label();
    private final CpakGrid cpakR = new CpakGrid("R-");
    private final CpakGrid cpakL = new CpakGrid("L-");
    private final VBox cpakBox = new VBox(4);
    /** The ids shown in the table, in order; when unchanged, rows are updated in place. */
    private List<String> shownIds = List.of();
    private final Map<String, Label[]> rows = new java.util.HashMap<>();
    private boolean refreshScheduled;

    public MeasurementsPanel(Session session, ViewerViewModel vm) {
        this.session = session;
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(470);
        setMinWidth(470);
        setMaxWidth(470);
        getStyleClass().add("side-panel");

        calibration.setId("calibrationLabel");
        calibration.setWrapText(true);
        calibration.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        calibration.setMaxWidth(400);
        calibrationWarning.setId("calibrationWarning");
        calibrationWarning.setWrapText(true);
        calibrationWarning.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        calibrationWarning.setMaxWidth(400);
        calibrationWarning.getStyleClass().add("warning");
        missing.setId("missingLine");
        missing.setWrapText(true);
        missing.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        missing.setMaxWidth(390);
        missing.getStyleClass().add("missing");
        notes.setWrapText(true);
        notes.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        notes.setMaxWidth(390);
        notes.getStyleClass().add("notes");
        table.setId("measurementTable");
        table.setHgap(8);
        table.setVgap(3);
        javafx.scene.layout.ColumnConstraints nameCol = new javafx.scene.layout.ColumnConstraints();
        nameCol.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints valueCol = new javafx.scene.layout.ColumnConstraints();
        valueCol.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.getColumnConstraints().addAll(nameCol, valueCol, new javafx.scene.layout.ColumnConstraints());
        lengthUnit.setId("lengthUnit");
        lengthUnit.getStyleClass().add("notes");

        Button line = new Button("Line…");
        line.setId("calibrateLine");
        line.setTooltip(new Tooltip("Calibrate with a line of known length: click its two ends"));
        line.setOnAction(e -> vm.startLineCalibration());
        Button ball = new Button("Ball…");
        ball.setId("calibrateBall");
        ball.setTooltip(new Tooltip("Calibrate with a ball of known diameter: click 3+ rim points, then Enter"));
        ball.setOnAction(e -> vm.startBallCalibration());
        Button film = new Button("Film's");
        film.setTooltip(new Tooltip("Use the film's own calibration again"));
        film.setOnAction(e -> vm.clearUserCalibration());
        film.disableProperty().bind(session.userCalibrationProperty().isNull());
        line.disableProperty().bind(session.radiographProperty().isNull());
        ball.disableProperty().bind(session.radiographProperty().isNull());

        Label calTitle = new Label("Calibration");
        calTitle.getStyleClass().add("panel-title");
        Label mTitle = new Label("Measurements");
        mTitle.getStyleClass().add("panel-title");
        HBox calButtons = new HBox(6, line, ball, film);

        Label suggestedNote = new Label();
        suggestedNote.setId("suggestedNote");
        suggestedNote.setWrapText(true);
        suggestedNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        suggestedNote.setMaxWidth(390);
        suggestedNote.getStyleClass().add("warning");
        suggestedNote.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                suggestedNote(session.suggested().size(), session.suggestedLandmarks().size()),
                session.suggestedProperty(), session.suggestedLandmarksProperty()));
        suggestedNote.visibleProperty().bind(suggestedNote.textProperty().isNotEmpty());
        suggestedNote.managedProperty().bind(suggestedNote.visibleProperty());
        plausibility.setId("plausibilityFlags");
        plausibility.setWrapText(true);
        plausibility.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        plausibility.setMaxWidth(390);
        plausibility.getStyleClass().add("plausibility");
        plausibility.setTooltip(new Tooltip("A landmark far from where the protocol expects it: check it before using the values"));
        VBox content = new VBox(6, mTitle, lengthUnit, plausibility, table, suggestedNote, missing, cpakBox, notes);
        content.setPadding(new Insets(0, 12, 0, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("panel-scroll");
        getChildren().addAll(calTitle, calibration, calibrationWarning, calButtons, scroll);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);

        session.measurementsProperty().addListener((o, a, b) -> scheduleRefresh());
        session.calibrationProperty().addListener((o, a, b) -> scheduleRefresh());
        session.protocolProperty().addListener((o, a, b) -> scheduleRefresh());
        session.readingProperty().addListener((o, a, b) -> scheduleRefresh());
        session.suggestedLandmarksProperty().addListener((o, a, b) -> scheduleRefresh());
        refresh();
    }

    /** One refresh per FX pulse however many changes arrive (a drag sends many). */
    private void scheduleRefresh() {
        if (!refreshScheduled) {
            refreshScheduled = true;
            javafx.application.Platform.runLater(() -> {
                refreshScheduled = false;
                refresh();
            });
        }
    }

    /** Rebuilds the panel from the session. */
    public void refresh() {
        MeasurementSet ms = session.measurements();
        Calibration cal = session.calibration();
        calibration.setText(calibrationText(cal));
        calibrationWarning.setText(cal.warning().map(w -> "⚠ " + w).orElse(""));
        calibrationWarning.setVisible(cal.warning().isPresent());
        calibrationWarning.setManaged(cal.warning().isPresent());
        lengthUnit.setText("Lengths in " + cal.unitLabel() + "; angles in degrees");

        List<String> ids = ms.measurements().stream().map(m -> m.id().id()).toList();
        if (ids.equals(shownIds) && !ids.isEmpty()) {
            for (Measurement m : ms.measurements()) {
                fill(rows.get(m.id().id()), m, fromSuggestion(m));
            }
        } else {
            rebuildTable(ms);
            shownIds = ids;
        }
        refreshRest(ms);
    }

    private void rebuildTable(MeasurementSet ms) {
        table.getChildren().clear();
        rows.clear();
        int row = 0;
        String group = null;
        boolean extended = false;
        for (Measurement m : ms.measurements()) {
            String g = m.id().side().map(s -> s == Side.R ? "Right leg" : "Left leg").orElse(
                    m.id().definition().family().anatomy() == MeasurementDefinition.Anatomy.SPINE ? "Spine" : "Both legs");
            if (!g.equals(group)) {
                Label h = new Label(g);
                h.getStyleClass().add("group-header");
                table.add(h, 0, row++, 3, 1);
                group = g;
                extended = false;
            }
            if (m.id().definition().isOptional() && !extended) {
                // the values of the optional landmarks (spec: extended lower-limb set) under their own line
                Label h = new Label("Extended set (optional landmarks)");
                h.getStyleClass().add("range");
                table.add(h, 0, row++, 4, 1);
                extended = true;
            }
            row = addRow(m, row);
        }
        if (ms.measurements().isEmpty()) {
            table.add(new Label("No measurement yet: place the landmarks."), 0, row, 3, 1);
        }
    }

    private void refreshRest(MeasurementSet ms) {
        List<PlausibilityFlag> flags = session.protocol().kind() != org.orthomeasure.core.landmarks.Protocol.LONG_LEG
                ? List.of() : LimbPlausibility.check(session.reading().landmarks(), session.calibration().spacing())
                .stream().filter(f -> session.protocol().sides().contains(f.side())).toList();
        plausibility.setText(flags.stream().map(f -> "⚠ Check: " + ClinicalText.plausibility(f))
                .collect(Collectors.joining("\n")));
        plausibility.setVisible(!flags.isEmpty());
        plausibility.setManaged(!flags.isEmpty());

        List<Step> missingSteps = session.protocol().missing(session.reading());
        missing.setText(missingSteps.isEmpty() ? "missing: nothing, all landmarks of the protocol are placed"
                : "missing: " + missingSteps.stream().map(st -> ClinicalText.point(st.target())).collect(Collectors.joining(", ")));

        cpakBox.getChildren().clear();
        for (Side side : Side.values()) {
            var type = ms.get(MeasurementId.limb(side, LimbMeasure.CPAK)).flatMap(Measurement::text)
                    .map(CpakType::valueOf).orElse(null);
            boolean relevant = session.protocol().sides().contains(side);
            if (!relevant) {
                continue;
            }
            CpakGrid grid = side == Side.R ? cpakR : cpakL;
            grid.mark(type);
            Label t = new Label("CPAK, " + side.word() + " knee: " + (type == null ? "not measurable yet"
                    : type.name() + " (" + type.describe() + ")"));
            t.setId(side.name() + "-cpakLabel");
            t.getStyleClass().add("group-header");
            cpakBox.getChildren().addAll(t, grid);
        }
        List<String> n = new java.util.ArrayList<>(ms.notes().stream().map(ClinicalText::withNames).toList());
        Map<MeasurementId, Missing> miss = ms.missing();
        boolean protocolSpine = session.protocol().kind() == org.orthomeasure.core.landmarks.Protocol.SPINE;
        var variant = session.protocol().variant();
        miss.forEach((id, why) -> {
            boolean relevant = id.side().map(s -> session.protocol().sides().contains(s)).orElse(
                    (id.definition().family().anatomy() == MeasurementDefinition.Anatomy.SPINE) == protocolSpine)
                    // the two-line protocol has no curve evaluation and the vertebrae protocol no drawn lines
                    && !(variant == org.orthomeasure.core.protocol.LandmarkProtocol.Variant.COBB_LINES
                            && protocolSpine && !id.equals(MeasurementId.COBB))
                    && !(variant == org.orthomeasure.core.protocol.LandmarkProtocol.Variant.ALL_VERTEBRAE
                            && id.equals(MeasurementId.COBB));
            // a landmark that is merely not placed is on the missing line; notes say what else is wrong
            if (relevant && why.note().isPresent() && !why.note().get().contains("not placed")) {
                n.add(MeasurementText.name(id) + ": " + ClinicalText.withNames(why.describe()));
            }
        });
        notes.setText(String.join("\n", n));
    }

    /** The panel's note on unconfirmed suggestions; empty when there are none. */
    static String suggestedNote(int vertebrae, int landmarks) {
        List<String> parts = new java.util.ArrayList<>();
        if (vertebrae > 0) {
            parts.add("⚠ " + vertebrae + " of the vertebrae are unconfirmed suggestions: the curves use them as suggested.");
        }
        if (landmarks > 0) {
            parts.add("⚠ " + landmarks + (landmarks == 1 ? " landmark is an unconfirmed suggestion" : " landmarks are "
                    + "unconfirmed suggestions") + ": values marked " + FROM_SUGGESTION + " use them as suggested.");
        }
        return String.join("\n", parts);
    }

    /** The mark of a value computed from at least one unconfirmed suggested landmark. */
    static final String FROM_SUGGESTION = "◌";

    /**
     * True when {@code m} is a lower-limb value that uses a landmark still suggested: one of its definition's
     * landmarks on its side, or on either side for a value of both legs (LLD).
     */
    private boolean fromSuggestion(Measurement m) {
        var suggested = session.suggestedLandmarks();
        if (suggested.isEmpty()) {
            return false;
        }
        for (var l : m.id().definition().landmarks()) {
            for (Side side : m.id().side().map(java.util.EnumSet::of).orElse(java.util.EnumSet.allOf(Side.class))) {
                if (suggested.contains(org.orthomeasure.core.landmarks.LandmarkKey.of(side, l))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The short name of a measurement in the panels: "HKA", "Femur length", "Major curve", "Cobb (two lines)". */
    static String displayName(MeasurementId id) {
        return MeasurementText.name(id);
    }

    private int addRow(Measurement m, int row) {
        String name = displayName(m.id());
        Label nameL = new Label(name);
        nameL.setTooltip(new Tooltip(m.id().definition().name() + "\n" + m.id().description()));
        Label value = new Label();
        value.setId("value-" + m.id().id().replace('.', '-'));
        value.getStyleClass().add("value");
        value.setTooltip(new Tooltip());
        Label flag = new Label();
        flag.setId("flag-" + m.id().id().replace('.', '-'));
        flag.setWrapText(true);
        flag.setMaxWidth(FLAG_WIDTH);
        flag.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        flag.setTooltip(new Tooltip()); // made once: rows are refilled on every drag step
        Label[] cells = {value, flag};
        fill(cells, m, fromSuggestion(m));
        rows.put(m.id().id(), cells);
        table.add(nameL, 0, row);
        table.add(value, 1, row);
        table.add(flag, 2, row);
        return row + 1;
    }

    /** The widest a flag may be before it wraps (px). */
    private static final double FLAG_WIDTH = 175;

    /**
     * Writes one measurement into its row's value and flag labels. The flag cell says where the value
     * stands: the normal range when inside it (grey), "outside normal (range)" when not, the category
     * for JLO, aHKA and CPAK, "low reliability" for JLCA, the longer leg for LLD.
     */
    private static void fill(Label[] cells, Measurement m, boolean fromSuggestion) {
        Label value = cells[0];
        Label flag = cells[1];
        value.setText(displayValue(m));
        value.getTooltip().setText(m.id().description() + ": " + m.formattedValue() + " " + m.unit().symbol()
                + m.note().map(x -> "\n" + x).orElse("") + m.calibrationLabel().map(x -> "\n" + x).orElse(""));
        String flagText = MeasurementText.flag(m);
        String range = MeasurementText.range(m);
        boolean category = MeasurementText.category(m).isPresent();
        String shown;
        if (!flagText.isEmpty()) {
            shown = flagText.equals("low reliability") ? range + ", low reliability" : flagText;
        } else {
            String note = shortNote(m);
            shown = note.isEmpty() ? range : range.isEmpty() ? note : range + "; " + note;
        }
        flag.setText(fromSuggestion ? FROM_SUGGESTION + " " + shown : shown);
        flag.getTooltip().setText(MeasurementText.flagTooltip(m).orElse(range.isEmpty() ? m.id().description()
                : "normal: " + range + " (" + m.id().description() + ")"));
        flag.getStyleClass().removeAll("out-of-range", "category", "range");
        value.getStyleClass().removeAll("out-of-range", "from-suggestion");
        if (fromSuggestion) {
            value.getStyleClass().add("from-suggestion");
            value.getTooltip().setText(value.getTooltip().getText()
                    + "\nUses suggested landmarks not confirmed yet: check them, drag to correct, or Accept all");
        }
        if (MeasurementText.isFlagged(m)) {
            flag.getStyleClass().add("out-of-range");
            value.getStyleClass().add("out-of-range");
        } else if (category) {
            flag.getStyleClass().add("category");
        } else {
            flag.getStyleClass().add("range");
        }
    }

    /** The side note a reader needs beside the value: which leg is longer (LLD). */
    private static String shortNote(Measurement m) {
        if (!m.id().equals(MeasurementId.LLD) || m.note().isEmpty()) {
            return "";
        }
        String n = m.note().get();
        if (Math.abs(m.value()) < 0.05) {
            return "equal at 0.1 " + m.unit().symbol(); // the shown 0.0 must not say which is longer
        }
        int semi = n.indexOf(';');
        return semi > 0 ? n.substring(0, semi) : n;
    }

    /** The value as shown ({@link MeasurementText#value}): "6.0° varus (174.0°)", "21.0 mm medial", "absent". */
    static String displayValue(Measurement m) {
        return MeasurementText.value(m);
    }

    /** "Calibrated: 0.143 mm/px, detector plane (Imager Pixel Spacing ...)" or "Uncalibrated: lengths in px". */
    static String calibrationText(Calibration c) {
        if (!c.isCalibrated()) {
            return "Uncalibrated: lengths are in px, not mm";
        }
        var s = c.spacing().orElseThrow();
        String spacing = s.isAnisotropic() ? String.format(Locale.ROOT, "%.4f × %.4f mm/px (row × column)", s.rowMm(),
                s.columnMm()) : String.format(Locale.ROOT, "%.4f mm/px", s.rowMm());
        return spacing + ", " + c.source().label() + (c.detail().isEmpty() ? "" : " — " + c.detail());
    }
}
