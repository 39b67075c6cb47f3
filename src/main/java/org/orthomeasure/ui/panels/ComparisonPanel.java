package org.orthomeasure.ui.panels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.orthomeasure.core.compare.Comparison;
import org.orthomeasure.core.compare.LandmarkDifference;
import org.orthomeasure.core.compare.MeasurementDifference;
import org.orthomeasure.core.compare.Verdict;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.Unit;
import org.orthomeasure.core.overlay.OverlayRole;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.viewer.OverlayPainter;

/**
 * The check-mode panel (issue 6): while a reference reading is hidden it says only that one is
 * loaded; once revealed, per measurement your value, the reference's, the difference (yours − reference)
 * and whether it exceeds the inter-observer limit (for Cobb curves also whether the same end vertebrae
 * were chosen), then the distance of every landmark in mm (px when uncalibrated); vertebrae by level,
 * with the four corners in the tooltip. Rebuilt from the {@link Comparison} on every change.
 */
public final class ComparisonPanel extends VBox {

    /** What the panel's buttons do. */
    public record Actions(Runnable loadReference, Runnable compareWithSuggestion, Runnable reveal, Runnable export) {
    }

    private final Session session;
    private final javafx.beans.value.ObservableObjectValue<Comparison> comparison;
    private final Label state = new Label();
    private final Label summary = new Label();
    /** Shown while the user's reading is mostly unconfirmed suggestions. */
    private final Label suggestionWarning = new Label();
    private final GridPane table = new GridPane();
    private final GridPane distances = new GridPane();
    private final Label distanceTitle = new Label();
    private final Label referenceLegend = new Label();
    private final Label limits = new Label();
    private boolean refreshScheduled;

    public ComparisonPanel(Session session, javafx.beans.value.ObservableObjectValue<Comparison> comparison,
                           Actions actions) {
        this.session = session;
        this.comparison = comparison;
        setSpacing(6);
        setPadding(new Insets(8));
        getStyleClass().add("side-panel");
        setId("comparisonPanel");

        Label title = new Label("Check your reading");
        title.getStyleClass().add("panel-title");
        state.setId("checkState");
        state.setWrapText(true);
        state.setMinHeight(Region.USE_PREF_SIZE);
        state.setMaxWidth(410);
        summary.setId("checkSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.setMaxWidth(400);

        Button load = button("Load reference…", "Load an attending's or a saved reading of this film (hidden until revealed)",
                actions.loadReference());
        load.setId("loadReference");
        Button suggestion = button("Compare with suggestion", "Use the app's suggestion as the reference: the "
                + "vertebrae of a spine film, the landmarks of each leg of a long-leg film (hidden until revealed)",
                actions.compareWithSuggestion());
        suggestion.setId("compareWithSuggestion");
        Button reveal = button("Reveal", "Show the reference reading and the comparison", actions.reveal());
        reveal.setId("revealReference");
        reveal.disableProperty().bind(session.referenceProperty().isNull().or(session.referenceRevealedProperty()));
        Button export = button("Export PDF…", "One-page comparison (PDF)", actions.export());
        export.setId("exportComparison");
        export.disableProperty().bind(session.referenceRevealedProperty().not());
        load.disableProperty().bind(session.radiographProperty().isNull());
        suggestion.disableProperty().bind(session.radiographProperty().isNull());
        FlowPane buttons = new FlowPane(6, 6, load, suggestion, reveal, export);

        Label yours = legend("your reading", OverlayRole.LANDMARK);
        referenceLegend.setGraphic(dot(OverlayRole.REFERENCE));
        referenceLegend.getStyleClass().add("notes");
        HBox legend = new HBox(14, yours, referenceLegend);

        table.setId("comparisonTable");
        table.setHgap(8);
        table.setVgap(3);
        for (int i = 0; i < 5; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setMinWidth(Region.USE_PREF_SIZE);
            table.getColumnConstraints().add(c);
        }
        distances.setId("landmarkDistances");
        distances.setHgap(10);
        distances.setVgap(2);
        distanceTitle.getStyleClass().add("group-header");

        limits.setId("checkLimits");
        limits.setWrapText(true);
        limits.setMinHeight(Region.USE_PREF_SIZE);
        limits.setMaxWidth(400);
        limits.getStyleClass().add("notes");
        VBox content = new VBox(6, summary, table, limits, distanceTitle, distances);
        content.setPadding(new Insets(0, 12, 0, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("panel-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        suggestionWarning.setId("checkSuggestionWarning");
        suggestionWarning.setWrapText(true);
        suggestionWarning.setMinHeight(Region.USE_PREF_SIZE);
        suggestionWarning.setMaxWidth(410);
        suggestionWarning.getStyleClass().add("warning");
        getChildren().addAll(title, state, suggestionWarning, buttons, legend, scroll);
        session.suggestedProperty().addListener((o, a, b) -> scheduleRefresh());

        comparison.addListener((o, a, b) -> scheduleRefresh());
        session.referenceProperty().addListener((o, a, b) -> scheduleRefresh());
        session.referenceRevealedProperty().addListener((o, a, b) -> scheduleRefresh());
        refresh();
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static Circle dot(OverlayRole role) {
        return new Circle(5, OverlayPainter.colour(role));
    }

    private static Label legend(String text, OverlayRole role) {
        Label l = new Label(text, dot(role));
        l.getStyleClass().add("notes");
        return l;
    }

    private void scheduleRefresh() {
        if (!refreshScheduled) {
            refreshScheduled = true;
            Platform.runLater(() -> {
                refreshScheduled = false;
                refresh();
            });
        }
    }

    /** Rebuilds the panel; nothing of a hidden reference is shown. */
    public void refresh() {
        table.getChildren().clear();
        distances.getChildren().clear();
        Comparison c = comparison.get();
        boolean hasReference = session.referenceProperty().get() != null;
        String name = session.referenceNameProperty().get();
        referenceLegend.setText("reference");
        var mostly = session.mostlySuggestedWarning();
        suggestionWarning.setText(mostly.map(w -> "⚠ " + w).orElse(""));
        suggestionWarning.setVisible(mostly.isPresent());
        suggestionWarning.setManaged(mostly.isPresent());
        if (!hasReference) {
            state.setText("No reference reading. Measure the film yourself, then load a reference reading "
                    + "(an attending's session file) or compare with the app's suggestion.");
        } else if (c == null) {
            state.setText("Reference reading loaded: " + name + ". It stays hidden so your reading is blind; "
                    + "press Reveal when you have finished.");
        } else {
            state.setText("Reference: " + name + ". Differences are yours − reference; limits are the usual "
                    + "inter-observer variability.");
        }
        summary.setVisible(c != null);
        summary.setManaged(c != null);
        distanceTitle.setVisible(c != null);
        distanceTitle.setManaged(c != null);
        limits.setVisible(c != null);
        limits.setManaged(c != null);
        if (c == null) {
            return;
        }
        summary.setText(summaryText(c));
        summary.getStyleClass().remove("warning");
        if (!c.exceeding().isEmpty()) {
            summary.getStyleClass().add("warning");
        }
        fillTable(c);
        limits.setText(String.format(Locale.ROOT, "Inter-observer limits: Cobb ±%s°, HKA/mLDFA/MPTA ±%s°, lengths ±%s mm "
                + "(calibrated only); JLCA, aHKA, JLO, the extended-set angles and px lengths have none.", plain(c.limits().cobbDeg()),
                plain(c.limits().limbAngleDeg()), plain(c.limits().lengthMm())));
        fillDistances(c);
    }

    static String summaryText(Comparison c) {
        List<MeasurementDifference> ex = c.exceeding();
        long judged = c.measurements().stream()
                .filter(m -> m.verdict() == Verdict.WITHIN_LIMIT || m.verdict() == Verdict.EXCEEDS_LIMIT).count();
        StringBuilder s = new StringBuilder();
        s.append(ex.size()).append(" of ").append(judged).append(" measurements with a limit differ by more than it");
        if (!ex.isEmpty()) {
            s.append(": ").append(String.join(", ", ex.stream()
                    .map(m -> m.id().side().map(sd -> sd.name() + " ").orElse("")
                            + MeasurementsPanel.displayName(m.id())).toList()));
        }
        s.append('.');
        List<String> ends = c.measurements().stream().filter(m -> m.sameEnds().isPresent() && !m.sameEnds().get())
                .map(m -> MeasurementsPanel.displayName(m.id())).toList();
        if (!ends.isEmpty()) {
            s.append(" Different end vertebrae: ").append(String.join(", ", ends)).append('.');
        }
        c.largestLandmarkDistance().ifPresent(d -> s.append(" Largest landmark distance: ").append(d.id()).append(' ')
                .append(withUnit(d.distance().getAsDouble(), d.unit(), false)).append('.'));
        return s.toString();
    }

    private void fillTable(Comparison c) {
        int row = 0;
        String[] heads = {"Measurement", "Yours", "Reference", "Difference", "Limit"};
        for (int i = 0; i < heads.length; i++) {
            Label h = new Label(heads[i]);
            h.getStyleClass().add("range");
            table.add(h, i, row);
        }
        row++;
        if (c.measurements().isEmpty()) {
            table.add(new Label("Neither reading allows a measurement yet."), 0, row, 5, 1);
            return;
        }
        for (MeasurementDifference m : c.measurements()) {
            String key = m.id().id().replace('.', '-');
            Unit unit = m.a().or(m::b).map(Measurement::unit).orElse(Unit.NONE);
            Label name = new Label(m.id().side().map(sd -> sd.name() + " ").orElse("")
                    + MeasurementsPanel.displayName(m.id()));
            name.setTooltip(new Tooltip(m.id().description()));
            Label a = cell("cmp-a-" + key, m.a().map(ComparisonPanel::value).orElse("—"), "value");
            Label b = cell("cmp-b-" + key, m.b().map(ComparisonPanel::value).orElse("—"), "value");
            Label d = cell("cmp-d-" + key, m.difference().isPresent()
                    ? withUnit(m.difference().getAsDouble(), unit, true) : "", "value");
            Label v = cell("cmp-v-" + key, verdict(m, unit), null);
            m.limit().ifPresent(l -> v.setTooltip(new Tooltip("inter-observer limit ±" + withUnit(l, unit, false))));
            if (m.exceeds() || m.verdict() == Verdict.DIFFERENT) {
                d.getStyleClass().add("out-of-range");
                v.getStyleClass().add("out-of-range");
            }
            table.addRow(row++, name, a, b, d, v);
            if (m.sameEnds().isPresent()) {
                Measurement x = m.a().orElseThrow();
                Measurement y = m.b().orElseThrow();
                Label ends = cell("cmp-ends-" + key, "end vertebrae: yours " + x.from().get() + "–" + x.to().get()
                        + ", reference " + y.from().get() + "–" + y.to().get()
                        + (m.sameEnds().get() ? " (same)" : " (⚠ different)"), "notes");
                if (!m.sameEnds().get()) {
                    ends.getStyleClass().add("out-of-range");
                }
                table.add(ends, 0, row++, 5, 1);
            }
        }
    }

    private static Label cell(String id, String text, String style) {
        Label l = new Label(text);
        l.setId(id);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    private static String value(Measurement m) {
        return m.text().orElseGet(() -> withUnit(m.value(), m.unit(), false));
    }

    /** "within", "⚠ exceeds" (the limit is in the row's tooltip and under the table), "no limit", "same", "only yours". */
    static String verdict(MeasurementDifference m, Unit unit) {
        return switch (m.verdict()) {
            case WITHIN_LIMIT -> "within";
            case EXCEEDS_LIMIT -> "⚠ exceeds";
            case NO_LIMIT -> "no limit";
            case SAME -> "same";
            case DIFFERENT -> "⚠ different";
            case MISSING -> m.a().isPresent() ? "only yours" : m.b().isPresent() ? "only reference" : "neither";
        };
    }

    /** One decimal, a true minus sign, "+" when {@code signed}, and the unit: "−2.9°", "+20.0 px", "3.5 mm". */
    static String withUnit(double v, Unit unit, boolean signed) {
        String num = String.format(Locale.ROOT, signed ? "%+.1f" : "%.1f", v).replace('-', '−');
        if (num.equals("−0.0") || num.equals("+0.0")) {
            num = "0.0";
        }
        return switch (unit) {
            case DEG -> num + "°";
            case MM -> num + " mm";
            case PX -> num + " px";
            case NONE -> num;
        };
    }

    /** Limb landmarks and Cobb lines one per row; vertebrae one row per level, the largest corner distance. */
    private void fillDistances(Comparison c) {
        Unit unit = c.calibration().isCalibrated() ? Unit.MM : Unit.PX;
        distanceTitle.setText("Landmark distance, yours to reference (" + (unit == Unit.MM ? "mm" : "px, uncalibrated")
                + ")");
        Map<String, List<LandmarkDifference>> levels = new LinkedHashMap<>();
        List<LandmarkDifference> single = new ArrayList<>();
        for (LandmarkDifference d : c.landmarks()) {
            boolean corner = !d.id().startsWith("R.") && !d.id().startsWith("L.") && !d.id().startsWith("cobbLines");
            if (corner) {
                levels.computeIfAbsent(d.id().substring(0, d.id().indexOf('.')), k -> new ArrayList<>()).add(d);
            } else {
                single.add(d);
            }
        }
        int row = 0;
        for (LandmarkDifference d : single) {
            Label name = new Label(org.orthomeasure.ui.text.ClinicalText.withNames(d.id()).replace("cobbLines.upper",
                    "Upper endplate line").replace("cobbLines.lower", "Lower endplate line"));
            Label v = cell("dist-" + d.id().replace('.', '-'), distanceText(d), "value");
            distances.addRow(row++, name, v);
        }
        for (Map.Entry<String, List<LandmarkDifference>> e : levels.entrySet()) {
            List<LandmarkDifference> corners = e.getValue();
            double max = corners.stream().filter(d -> d.distance().isPresent())
                    .mapToDouble(d -> d.distance().getAsDouble()).max().orElse(Double.NaN);
            Label name = new Label(e.getKey() + " (largest corner)");
            Label v = cell("dist-" + e.getKey(), Double.isNaN(max) ? distanceText(corners.get(0))
                    : withUnit(max, unit, false), "value");
            StringBuilder tip = new StringBuilder();
            corners.forEach(d -> tip.append(d.id()).append(": ").append(distanceText(d)).append('\n'));
            v.setTooltip(new Tooltip(tip.toString().strip()));
            name.setTooltip(v.getTooltip());
            distances.addRow(row++, name, v);
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String distanceText(LandmarkDifference d) {
        return d.distance().isPresent() ? withUnit(d.distance().getAsDouble(), d.unit(), false)
                : d.a().isPresent() ? "only yours" : "only reference";
    }
}
