package org.orthomeasure.ui.panels;

import java.util.EnumSet;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.plausibility.LimbPlausibility;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.ui.text.ClinicalText;
import org.orthomeasure.core.protocol.Step;
import org.orthomeasure.ui.viewer.ViewerViewModel;

/**
 * The protocol panel: which protocol, its landmarks in order (placed ones ticked, the active one
 * selected), the active landmark's instruction and a diagram of where it goes.
 */
public final class StepsPanel extends VBox {

    /** The protocols offered, by name. */
    public enum Choice {
        BOTH_LEGS("Long-leg alignment: both legs"),
        RIGHT_LEG("Long-leg alignment: right leg"),
        LEFT_LEG("Long-leg alignment: left leg"),
        COBB_LINES("Scoliosis (Cobb): two endplate lines"),
        ALL_VERTEBRAE("Scoliosis (Cobb): vertebrae T1–L5");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        LandmarkProtocol protocol(boolean optional) {
            return switch (this) {
                case BOTH_LEGS -> LandmarkProtocol.longLeg(EnumSet.allOf(Side.class), optional);
                case RIGHT_LEG -> LandmarkProtocol.longLeg(EnumSet.of(Side.R), optional);
                case LEFT_LEG -> LandmarkProtocol.longLeg(EnumSet.of(Side.L), optional);
                case COBB_LINES -> LandmarkProtocol.cobbLines();
                case ALL_VERTEBRAE -> LandmarkProtocol.allVertebrae();
            };
        }

        static Choice of(LandmarkProtocol p) {
            return switch (p.variant()) {
                case COBB_LINES -> COBB_LINES;
                case ALL_VERTEBRAE -> ALL_VERTEBRAE;
                case LONG_LEG -> p.sides().size() == 2 ? BOTH_LEGS : p.sides().contains(Side.R) ? RIGHT_LEG : LEFT_LEG;
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ViewerViewModel vm;
    private final ComboBox<Choice> protocol = new ComboBox<>();
    private final CheckBox optional = new CheckBox("Extended set: GT, head top, shafts, plafond");
    private final CheckBox rim = new CheckBox("Femoral head by 3+ rim points");
    private final CheckBox cortices = new CheckBox("Shaft points: click both cortices");
    private final CheckBox aids = new CheckBox("Snap to head and joint edges");
    private final ListView<Step> steps = new ListView<>();
    private final Label instruction = new Label();
    private final StepDiagram diagram = new StepDiagram();
    private boolean syncing;
    private List<Boolean> lastDone = List.of();
    /** The landmarks the plausibility rules ask to check, marked in the list. */
    private java.util.Set<PointRef> flagged = java.util.Set.of();

    public StepsPanel(ViewerViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(270);
        getStyleClass().add("side-panel");

        protocol.getItems().setAll(Choice.values());
        protocol.setMaxWidth(Double.MAX_VALUE);
        protocol.setId("protocolChoice");
        rim.setId("headByRim");
        cortices.setId("shaftByCortices");
        optional.setId("optionalLandmarks");
        optional.setTooltip(new javafx.scene.control.Tooltip("Optional landmarks of the extended set: greater trochanter,"
                + " femoral head top, femoral and tibial shaft axis points, plafond ends (mLPFA, aMPFA, aLDFA, AMA,"
                + " aMPTA, mLDTA, aLDTA, aTFA, full leg length)"));
        cortices.setTooltip(new javafx.scene.control.Tooltip("A shaft axis point takes two clicks, one on the medial and"
                + " one on the lateral cortex; the midpoint is stored"));
        cortices.selectedProperty().bindBidirectional(vm.shaftByCorticesProperty());
        aids.setId("placementAids");
        aids.setTooltip(new javafx.scene.control.Tooltip("A click in the femoral head proposes the head's circle; a click"
                + " on a condyle, plateau or plafond point moves onto the joint edge below or above it. Alt+click"
                + " places exactly; Esc right after puts the landmark where you clicked"));
        aids.selectedProperty().bindBidirectional(vm.placementAidsProperty());
        steps.setId("stepList");
        instruction.setId("instruction");
        instruction.setWrapText(true);
        instruction.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        rim.selectedProperty().bindBidirectional(vm.headByRimProperty());

        Label title = new Label("Protocol");
        title.getStyleClass().add("panel-title");
        Label stepsTitle = new Label("Landmarks (click in order; Tab skips)");
        stepsTitle.getStyleClass().add("panel-title");
        getChildren().addAll(title, protocol, optional, rim, cortices, aids, stepsTitle, steps, instruction, diagram);
        VBox.setVgrow(steps, Priority.ALWAYS);

        steps.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Step s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    getStyleClass().removeAll("done", "optional-step");
                    return;
                }
                boolean done = LandmarkProtocol.isDone(s, vm.session().reading());
                setText((flagged.contains(s.target()) ? "⚠ " : done ? "✓ " : "○ ") + ClinicalText.stepTitle(s));
                getStyleClass().removeAll("done", "optional-step");
                if (done) {
                    getStyleClass().add("done");
                }
                if (s.optional()) {
                    getStyleClass().add("optional-step");
                }
            }
        });

        protocol.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                vm.session().protocolProperty().set(b.protocol(optional.isSelected()));
            }
        });
        optional.selectedProperty().addListener((o, a, b) -> {
            if (!syncing && protocol.getValue() != null) {
                vm.session().protocolProperty().set(protocol.getValue().protocol(b));
            }
        });
        vm.session().protocolProperty().addListener((o, a, b) -> showProtocol(b));
        vm.session().readingProperty().addListener((o, a, b) -> {
            // re-render the cells only when a tick changes (not on every drag step)
            List<Boolean> done = steps.getItems().stream().map(st -> LandmarkProtocol.isDone(st, b)).toList();
            java.util.Set<PointRef> nowFlagged = flagged(b);
            if (!done.equals(lastDone) || !nowFlagged.equals(flagged)) {
                lastDone = done;
                flagged = nowFlagged;
                steps.refresh();
                showActive(vm.activeStepProperty().get());
            }
        });
        steps.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null && b != vm.activeStepProperty().get()) {
                vm.activate(b);
            }
        });
        vm.activeStepProperty().addListener((o, a, b) -> showActive(b));
        vm.placingAgainProperty().addListener((o, a, b) -> showActive(vm.activeStepProperty().get()));
        showProtocol(vm.session().protocol());
        showActive(vm.activeStepProperty().get());
    }

    /** The landmarks of the protocol's legs that a plausibility rule flags (the one to check first). */
    private java.util.Set<PointRef> flagged(org.orthomeasure.core.protocol.Reading reading) {
        LandmarkProtocol p = vm.session().protocol();
        if (p.variant() != LandmarkProtocol.Variant.LONG_LEG) {
            return java.util.Set.of();
        }
        java.util.Set<PointRef> out = new java.util.HashSet<>();
        for (var f : LimbPlausibility.check(reading.landmarks(), vm.session().calibration().spacing())) {
            if (p.sides().contains(f.side())) {
                out.add(new PointRef.Limb(f.landmark()));
            }
        }
        return out;
    }

    private void showProtocol(LandmarkProtocol p) {
        syncing = true;
        try {
            protocol.setValue(Choice.of(p));
            optional.setSelected(p.steps().stream().anyMatch(Step::optional));
            optional.setDisable(p.variant() != LandmarkProtocol.Variant.LONG_LEG);
            rim.setDisable(p.variant() != LandmarkProtocol.Variant.LONG_LEG);
            aids.setDisable(p.variant() != LandmarkProtocol.Variant.LONG_LEG);
            steps.getItems().setAll(p.steps());
        } finally {
            syncing = false;
        }
        showActive(vm.activeStepProperty().get());
    }

    /**
     * The active step's instruction; for a placed one, how to move it, since a click does not
     * ("drag it, or Place again").
     */
    private String instructionFor(Step s) {
        if (vm.placingAgainProperty().get()) {
            return "Place again: click where it goes now (Esc cancels). " + s.instruction();
        }
        if (LandmarkProtocol.isDone(s, vm.session().reading())) {
            return "Placed. A click does not move it: drag the point, or use Edit > Place again (Shift+P). "
                    + s.instruction();
        }
        return s.instruction();
    }

    private void showActive(Step s) {
        syncing = true;
        try {
            if (s == null) {
                steps.getSelectionModel().clearSelection();
                List<Step> missing = vm.session().protocol().missing(vm.session().reading());
                instruction.setText(missing.isEmpty() ? "All landmarks placed. A click selects a point; drag a point to move it; Delete removes the selected one."
                        : "Choose a landmark in the list.");
                diagram.show(null);
            } else {
                steps.getSelectionModel().select(s);
                int i = steps.getItems().indexOf(s);
                if (i >= 0) {
                    steps.scrollTo(Math.max(0, i - 3));
                }
                instruction.setText(instructionFor(s));
                diagram.show(s.target());
            }
        } finally {
            syncing = false;
        }
    }
}
