package org.orthomeasure.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.Step;
import org.orthomeasure.io.landmarks.LandmarkFileReader;
import org.orthomeasure.ui.session.Session;
import org.orthomeasure.ui.session.SessionStore;
import org.orthomeasure.ui.viewer.ViewTransform;
import org.orthomeasure.ui.viewer.ViewerPane;
import org.orthomeasure.ui.viewer.ViewerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The long-leg sample film (sample-dicom/longleg-phantom.dcm): every core landmark of both legs is
 * placed by clicking at its true position (the file beside the film) zoomed in 4:1, in the order the
 * protocol asks for them; the panel then shows the values of the true landmarks.
 */
@ExtendWith(ApplicationExtension.class)
class SampleFilmFlowTest {

    private static final Path SAMPLE = Path.of("sample-dicom/longleg-phantom.dcm");
    private static final Path TRUTH = Path.of("sample-dicom/longleg-phantom.landmarks.json");

    @TempDir
    Path dir;

    private final TestDialogs dialogs = new TestDialogs();
    private WorkstationViewModel vm;
    private ViewerPane pane;

    @Start
    void start(Stage stage) {
        Session session = new Session();
        ViewerViewModel viewer = new ViewerViewModel(session, dialogs);
        vm = new DesktopApp().start(stage, List.of(),
                new WorkstationViewModel(session, viewer, dialogs, new SessionStore(), new RecentFiles(null)));
        pane = (ViewerPane) stage.getScene().lookup(".viewer");
    }

    @Test
    void clickingTheTrueLandmarksGivesTheTrueValues(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.exists(SAMPLE) && Files.exists(TRUTH), "sample film not present");
        Path film = dir.resolve("longleg.dcm");
        Files.copy(SAMPLE, film, StandardCopyOption.REPLACE_EXISTING);
        LandmarkSet truth = new LandmarkFileReader().read(TRUTH).landmarks();

        long t0 = System.nanoTime();
        robot.interact(() -> vm.open(film));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.session().radiograph() != null);
        WaitForAsyncUtils.waitForFxEvents();
        long openMs = (System.nanoTime() - t0) / 1_000_000;
        int w = vm.session().radiograph().width();
        int h = vm.session().radiograph().height();
        LandmarkProtocol protocol = LandmarkProtocol.longLeg(EnumSet.allOf(Side.class), false);
        assertEquals(protocol, vm.session().protocol());

        long clickNanos = 0;
        // exact clicks: the placement aids (head circle, joint edges) are PlacementAidsFlowTest's
        robot.interact(() -> vm.viewer().placementAidsProperty().set(false));
        for (Step step : protocol.steps()) {
            assertEquals(step, vm.viewer().activeStepProperty().get(), "the protocol asks for the landmarks in order");
            Point2 p = truth.point(((PointRef.Limb) step.target()).key()).orElseThrow();
            // zoomed in 4:1 (as a careful user would) with the landmark near the centre, integer translation
            double tx = Math.round(pane.getWidth() / 2 - 4 * p.x());
            double ty = Math.round(pane.getHeight() / 2 - 4 * p.y());
            robot.interact(() -> vm.viewer().transformProperty().set(new ViewTransform(w, h, 4, tx + 4 * w / 2.0,
                    ty + 4 * h / 2.0, 0, false, false)));
            Point2 s = vm.viewer().transformProperty().get().toScreen(p);
            Point2D at = pane.localToScreen(Math.round(s.x()), Math.round(s.y()));
            long c0 = System.nanoTime();
            robot.clickOn(at, MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents();
            clickNanos += System.nanoTime() - c0;
        }
        assertEquals(null, vm.viewer().activeStepProperty().get());

        // every clicked point is within an eighth of a pixel per axis of the truth (a screen pixel is 1/4 image pixel)
        Map<?, Point2> placed = vm.session().reading().landmarks().points();
        assertEquals(14, placed.size());
        truth.points().forEach((k, p) -> {
            if (k.landmark().isCore()) {
                Point2 q = vm.session().reading().landmarks().point(k).orElseThrow();
                assertTrue(q.distanceTo(p) <= Math.sqrt(2) / 8 + 1e-9, k + " placed at " + q + ", true " + p);
            }
        });

        LandmarkSet coreTruth = truth;
        for (var k : truth.points().keySet()) {
            if (!k.landmark().isCore()) {
                coreTruth = coreTruth.without(k);
            }
        }
        coreTruth = coreTruth.withHeadRim(Side.R, List.of()).withHeadRim(Side.L, List.of());
        MeasurementSet expected = MeasurementEngine.measure(coreTruth, vm.session().calibration(),
                vm.session().optionsProperty().get());
        MeasurementSet shown = vm.session().measurements();
        for (Measurement m : expected.measurements()) {
            Measurement got = shown.get(m.id()).orElseThrow(() -> new AssertionError(m.id() + " not shown"));
            if (m.number().isPresent()) {
                double tol = m.unit() == org.orthomeasure.core.measure.Unit.DEG ? 0.1 : 0.2;
                assertEquals(m.value(), got.value(), tol, m.id().id());
            } else {
                assertEquals(m.text(), got.text(), m.id().id());
            }
            String label = robot.lookup("#value-" + m.id().id().replace('.', '-')).queryAs(Label.class).getText();
            // HKA and MAD carry their direction in words, so their number is shown without its sign
            boolean inWords = m.id().id().endsWith("HKA") && !m.id().id().endsWith("aHKA") || m.id().id().endsWith("MAD");
            assertTrue(label.startsWith(got.text().orElseGet(() -> String.format(java.util.Locale.ROOT, "%.1f",
                    inWords ? Math.abs(got.value()) : got.value()).replace('-', '−'))), m.id() + ": " + label);
        }
        assertTrue(expected.measurements().size() >= 20, "both legs, LLD and CPAK: " + expected.measurements().size());
        // latency of one edit on the FX thread: new reading, measurements, overlay, panel and a full canvas draw
        robot.interact(() -> vm.viewer().fit());
        PointRef knee = new PointRef.Limb(org.orthomeasure.core.landmarks.LandmarkKey.of(Side.R,
                org.orthomeasure.core.landmarks.LimbLandmark.KNEE_CENTER));
        long[] editNanos = new long[1];
        long[] drawNanos = new long[1];
        var panel = robot.lookup(n -> n instanceof org.orthomeasure.ui.panels.MeasurementsPanel)
                .queryAs(org.orthomeasure.ui.panels.MeasurementsPanel.class);
        int edits = 30;
        for (int i = 0; i < edits; i++) {
            int d = i;
            robot.interact(() -> {
                long e0 = System.nanoTime();
                var r = vm.session().reading();
                Point2 k = r.position(knee).orElseThrow();
                vm.session().dragTo(r.with(knee, Point2.of(k.x() + (d % 2 == 0 ? 1 : -1), k.y())));
                panel.refresh(); // what the coalesced panel update does once per pulse
                long e1 = System.nanoTime();
                pane.draw();
                drawNanos[0] += System.nanoTime() - e1;
                editNanos[0] += System.nanoTime() - e0;
            });
        }
        robot.interact(() -> vm.session().endDrag());
        double editMs = editNanos[0] / (double) edits / 1e6;
        System.out.printf("sample long-leg film: open %d ms; robot click to updated panel %.0f ms; "
                + "one drag step (measure + overlay + panel + canvas draw) %.1f ms, of which the canvas draw %.1f ms%n",
                openMs, clickNanos / 14 / 1e6, editMs, drawNanos[0] / (double) edits / 1e6);
        // the figure is printed, not gated (speed is JMH's: MeasurementEngineBenchmark, ReportBenchmark); only a
        // step slow enough to be a defect (a second, where ~10 ms is usual) fails, not one on a loaded machine
        assertTrue(editMs < 1000, "a drag step took " + editMs + " ms");
    }
}
