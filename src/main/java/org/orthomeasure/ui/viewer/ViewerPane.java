package org.orthomeasure.ui.viewer;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.overlay.TextAnchor;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.Step;
import org.orthomeasure.io.image.WindowPreset;

/**
 * The image canvas: draws the windowed film (overview, plus a full-resolution render of the visible
 * region when zoomed in, made off the FX thread), the overlay, the landmark points, the calibration
 * tool's points and a magnifier loupe; forwards mouse input to the {@link ViewerViewModel}.
 *
 * <p>Mouse: left click places the next unplaced landmark (or selects when all are placed); left drag
 * on a point moves it; wheel zooms to the cursor; right drag changes window/level; middle drag (or
 * Ctrl/Shift + left drag) pans.
 */
public final class ViewerPane extends Region {

    private static final Color BACKGROUND = Color.web("#101214");
    private static final double LOUPE_SIZE = 170;
    private static final double LOUPE_MAGNIFICATION = 4;

    private final ViewerViewModel vm;
    private final Canvas canvas = new Canvas();
    private final ExecutorService renderer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "orthomeasure-detail-render");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong detailRequest = new AtomicLong();

    private WritableImage overview;
    private WritableImage detail;
    private DisplayImages.Region detailRegion;
    private WindowPreset detailWindow;
    private boolean detailInvert;
    private boolean redrawScheduled;

    private double lastX;
    private double lastY;
    private double pressX;
    private double pressY;
    private boolean panning;
    private boolean windowing;

    public ViewerPane(ViewerViewModel vm) {
        this.vm = vm;
        getChildren().add(canvas);
        getStyleClass().add("viewer");
        setMinSize(200, 200);
        setFocusTraversable(true);
        setCursor(Cursor.CROSSHAIR);

        vm.displayProperty().addListener((o, a, b) -> rebuildOverview());
        vm.windowProperty().addListener((o, a, b) -> rebuildOverview());
        vm.invertProperty().addListener((o, a, b) -> rebuildOverview());
        vm.transformProperty().addListener((o, a, b) -> {
            requestDetail();
            redraw();
        });
        vm.overlayProperty().addListener((o, a, b) -> redraw());
        vm.session().readingProperty().addListener((o, a, b) -> redraw());
        vm.selectedProperty().addListener((o, a, b) -> redraw());
        vm.activeStepProperty().addListener((o, a, b) -> redraw());
        vm.cursorImageProperty().addListener((o, a, b) -> redraw());
        vm.toolProperty().addListener((o, a, b) -> redraw());
        vm.calibrationPoints().addListener((javafx.collections.ListChangeListener<Point2>) c -> redraw());
        vm.pendingCortexProperty().addListener((o, a, b) -> redraw());
        vm.visibleGroups().addListener((SetChangeListener<Object>) c -> redraw());
        vm.session().referenceRevealedProperty().addListener((o, a, b) -> redraw());
        vm.session().suggestedProperty().addListener((o, a, b) -> redraw());
        vm.session().calibrationProperty().addListener((o, a, b) -> redraw());
        vm.cornerInfoProperty().addListener((o, a, b) -> redraw());
        vm.windowingProperty().addListener((o, a, b) -> redraw());

        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            vm.hover(e.getX(), e.getY());
            setCursor(vm.pick(e.getX(), e.getY()).isPresent() ? Cursor.MOVE : Cursor.CROSSHAIR); // drag moves it
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> vm.exited());
    }

    /** The canvas (for tests and snapshots). */
    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            boolean first = vm.transformProperty().get() == null || canvas.getWidth() == 0;
            canvas.setWidth(w);
            canvas.setHeight(h);
            vm.resized(w, h);
            if (first) {
                vm.fit();
            }
            redraw();
        }
    }

    // ---------------------------------------------------------------- input

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            vm.zoomAt(Math.pow(1.004, e.getDeltaY()), e.getX(), e.getY()); // about 17 % per wheel notch
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        lastX = pressX = e.getX();
        lastY = pressY = e.getY();
        panning = e.getButton() == MouseButton.MIDDLE
                || e.getButton() == MouseButton.PRIMARY && (e.isControlDown() || e.isShiftDown());
        windowing = e.getButton() == MouseButton.SECONDARY;
        if (windowing) {
            vm.beginWindowDrag();
        } else if (!panning && e.getButton() == MouseButton.PRIMARY) {
            vm.press(e.getX(), e.getY(), e.isAltDown());
        }
        e.consume();
    }

    private void onDragged(MouseEvent e) {
        if (panning) {
            vm.panBy(e.getX() - lastX, e.getY() - lastY);
        } else if (windowing) {
            vm.windowDrag(e.getX() - pressX, e.getY() - pressY);
        } else {
            vm.drag(e.getX(), e.getY());
            vm.hover(e.getX(), e.getY());
        }
        lastX = e.getX();
        lastY = e.getY();
        e.consume();
    }

    private void onReleased(MouseEvent e) {
        if (!panning && !windowing) {
            vm.release();
        }
        if (windowing) {
            vm.endWindowDrag();
        }
        panning = false;
        windowing = false;
        e.consume();
    }

    // ---------------------------------------------------------------- images

    private void rebuildOverview() {
        DisplayImages d = vm.displayProperty().get();
        WindowPreset w = vm.windowProperty().get();
        if (d == null || w == null) {
            overview = null;
            redraw();
            return;
        }
        int[] argb = d.renderOverview(w, vm.invertProperty().get());
        WritableImage img = overview != null && overview.getWidth() == d.overviewWidth()
                && overview.getHeight() == d.overviewHeight() ? overview
                : new WritableImage(d.overviewWidth(), d.overviewHeight());
        img.getPixelWriter().setPixels(0, 0, d.overviewWidth(), d.overviewHeight(),
                PixelFormat.getIntArgbPreInstance(), argb, 0, d.overviewWidth());
        overview = img;
        requestDetail();
        redraw();
    }

    /** Renders the visible region at screen resolution off the FX thread when the overview is too coarse. */
    private void requestDetail() {
        DisplayImages d = vm.displayProperty().get();
        ViewTransform t = vm.transformProperty().get();
        WindowPreset w = vm.windowProperty().get();
        long id = detailRequest.incrementAndGet();
        if (d == null || t == null || w == null || !d.needsDetail(t.scale())) {
            detail = null;
            detailRegion = null;
            return;
        }
        boolean inv = vm.invertProperty().get();
        Point2 a = t.toImage(0, 0);
        Point2 b = t.toImage(getWidth(), getHeight());
        double x0 = Math.min(a.x(), b.x());
        double y0 = Math.min(a.y(), b.y());
        double w0 = Math.abs(b.x() - a.x());
        double h0 = Math.abs(b.y() - a.y());
        if (detailRegion != null && detailWindow == w && detailInvert == inv && covers(detailRegion, x0, y0, w0, h0)
                && Math.abs(detailRegion.outWidth() / (double) detailRegion.width() - Math.min(1, t.scale())) < 1e-9) {
            return;
        }
        // a margin of a quarter view on each side, so small pans need no new render
        double mx = w0 / 4;
        double my = h0 / 4;
        double scale = t.scale();
        renderer.submit(() -> {
            if (detailRequest.get() != id) {
                return;
            }
            DisplayImages.Region r = d.renderRegion(x0 - mx, y0 - my, w0 + 2 * mx, h0 + 2 * my, scale, w, inv);
            if (r == null) {
                return;
            }
            Platform.runLater(() -> {
                if (detailRequest.get() != id) {
                    return;
                }
                WritableImage img = new WritableImage(r.outWidth(), r.outHeight());
                img.getPixelWriter().setPixels(0, 0, r.outWidth(), r.outHeight(), PixelFormat.getIntArgbPreInstance(),
                        r.argb(), 0, r.outWidth());
                detail = img;
                detailRegion = r;
                detailWindow = w;
                detailInvert = inv;
                redraw();
            });
        });
    }

    private static boolean covers(DisplayImages.Region r, double x, double y, double w, double h) {
        return r.x() <= Math.max(0, x) && r.y() <= Math.max(0, y)
                && r.x() + r.width() >= x + w - 1 && r.y() + r.height() >= y + h - 1;
    }

    // ---------------------------------------------------------------- drawing

    /** Schedules one redraw on the next FX pulse (many changes in one event give one redraw). */
    public void redraw() {
        if (!redrawScheduled) {
            redrawScheduled = true;
            Platform.runLater(() -> {
                redrawScheduled = false;
                draw();
            });
        }
    }

    /** Draws now (tests and the first frame). */
    public void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        ViewTransform t = vm.transformProperty().get();
        DisplayImages d = vm.displayProperty().get();
        if (t == null || d == null || overview == null) {
            return; // the start panel shows what to do
        }
        double s = t.scale();
        g.setTransform(s * t.m00(), s * t.m10(), s * t.m01(), s * t.m11(), t.tx(), t.ty());
        int iw = d.source().width();
        int ih = d.source().height();
        g.setImageSmoothing(s / d.overviewScale() < 2);
        g.drawImage(overview, 0, 0, iw, ih);
        if (detail != null && detailRegion != null && detailWindow == vm.windowProperty().get()
                && detailInvert == vm.invertProperty().get()) {
            g.setImageSmoothing(s < 2);
            g.drawImage(detail, detailRegion.x(), detailRegion.y(), detailRegion.width(), detailRegion.height());
        }
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setImageSmoothing(true);
        OverlayPainter.LabelLayout labels = new OverlayPainter.LabelLayout();
        reserveCorners(labels);
        OverlayPainter.paintOverlay(g, t, vm.overlayProperty().get(), vm.visibleGroups(), labels, false);
        if (vm.visibleGroups().contains(org.orthomeasure.core.overlay.OverlayGroup.LANDMARKS)) {
            Map<Boolean, Map<PointRef, Point2>> pts = vm.pointsBySuggestion();
            boolean names = vm.visibleGroups().contains(org.orthomeasure.core.overlay.OverlayGroup.LANDMARK_LABELS);
            OverlayPainter.paintPoints(g, t, pts.get(false), vm.selectedProperty().get(), OverlayPainter.colour(
                    org.orthomeasure.core.overlay.OverlayRole.LANDMARK), labels, names);
            OverlayPainter.paintPoints(g, t, pts.get(true), vm.selectedProperty().get(), OverlayPainter.colour(
                    org.orthomeasure.core.overlay.OverlayRole.SUGGESTION), labels, names);
        }
        OverlayPainter.paintOverlay(g, t, vm.overlayProperty().get(), vm.visibleGroups(), labels, true);
        drawCalibrationTool(g, t);
        drawPendingCortex(g, t);
        drawCorners(g, t, d);
        drawLoupe(g, t, d);
    }

    /** The first cortex click of a shaft point, with a hint to click the other cortex. */
    private void drawPendingCortex(GraphicsContext g, ViewTransform t) {
        Point2 p = vm.pendingCortexProperty().get();
        if (p == null) {
            return;
        }
        Color c = OverlayPainter.colour(org.orthomeasure.core.overlay.OverlayRole.LANDMARK);
        Point2 s = t.toScreen(p);
        g.setStroke(c);
        g.setLineWidth(2);
        g.strokeLine(s.x() - 6, s.y(), s.x() + 6, s.y());
        g.strokeOval(s.x() - 4, s.y() - 4, 8, 8);
        OverlayPainter.drawLabel(g, Point2.of(12, 14), "Shaft point: now click the other cortex (the midpoint is stored)",
                TextAnchor.SOUTH_EAST, c, Font.font(14));
    }

    private static final Font CORNER_FONT = Font.font(13);
    private static final Font MARKER_FONT = Font.font("System", javafx.scene.text.FontWeight.BOLD, 22);
    private static final Color CORNER_COLOUR = Color.web("#e0e0e0");
    private static final Color MARKER_COLOUR = Color.web("#ffeb3b");

    /**
     * The corner text (when shown), the patient direction at the middle of each screen edge (always:
     * the R/L marker), and while the window is dragged its numbers in the middle of the top edge.
     */
    private void drawCorners(GraphicsContext g, ViewTransform t, DisplayImages d) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        FilmOrientation o = FilmOrientation.of(d.source().header());
        for (FilmOrientation.Edge edge : FilmOrientation.Edge.values()) {
            String letter = o.letterAt(edge, t);
            Point2 at = switch (edge) {
                case LEFT -> Point2.of(8, h / 2);
                case RIGHT -> Point2.of(w - 8, h / 2);
                case TOP -> Point2.of(w / 2, 6);
                case BOTTOM -> Point2.of(w / 2, h - 8);
            };
            TextAnchor anchor = switch (edge) {
                case LEFT -> TextAnchor.EAST;
                case RIGHT -> TextAnchor.WEST;
                case TOP -> TextAnchor.SOUTH;
                case BOTTOM -> TextAnchor.NORTH;
            };
            OverlayPainter.drawLabel(g, at, letter, anchor, MARKER_COLOUR, MARKER_FONT);
        }
        CornerInfo info = vm.cornerInfo();
        if (info != null && vm.cornerInfoProperty().get()) {
            lines(g, info.topLeft(), 10, 8, false, false);
            lines(g, info.topRight(), w - 10, 8, true, false);
            lines(g, info.bottomLeft(), 10, h - 8, false, true);
            lines(g, info.bottomRight(), w - 10, bottomRightBase(info, w, h), true, true);
        }
        if (vm.windowingProperty().get() && info != null && !info.bottomLeft().isEmpty()) {
            OverlayPainter.drawLabel(g, Point2.of(w / 2, 60), info.bottomLeft().get(0), TextAnchor.SOUTH,
                    MARKER_COLOUR, Font.font("System", javafx.scene.text.FontWeight.BOLD, 16));
        }
    }

    /** Widths of the corner lines already measured (the same few lines are drawn on every frame). */
    private final Map<String, Double> cornerWidths = new java.util.HashMap<>();

    private double cornerWidth(String s) {
        if (cornerWidths.size() > 256) {
            cornerWidths.clear();
        }
        return cornerWidths.computeIfAbsent(s, k -> {
            javafx.scene.text.Text probe = new javafx.scene.text.Text(k);
            probe.setFont(CORNER_FONT);
            return probe.getLayoutBounds().getWidth();
        });
    }

    /** Draws lines of text from a corner, right-aligned and/or upwards as the corner asks. */
    private void lines(GraphicsContext g, java.util.List<String> text, double x, double y, boolean right, boolean up) {
        g.setFont(CORNER_FONT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        for (int i = 0; i < text.size(); i++) {
            String s = text.get(up ? text.size() - 1 - i : i);
            double[] box = cornerLine(s, i, x, y, right, up);
            g.setFill(Color.color(0, 0, 0, 0.55));
            g.fillRect(box[0] - 3, box[1] - 1, box[2] + 6, CORNER_LINE_HEIGHT);
            g.setFill(CORNER_COLOUR);
            g.fillText(s, box[0], box[1]);
        }
        g.setTextBaseline(javafx.geometry.VPos.BASELINE);
    }

    private static final double CORNER_LINE_HEIGHT = 17;

    /** Where the {@code i}-th line of a corner text goes: left, top and width of its text, screen px. */
    private double[] cornerLine(String s, int i, double x, double y, boolean right, boolean up) {
        double ty = up ? y - (i + 1) * CORNER_LINE_HEIGHT : y + i * CORNER_LINE_HEIGHT;
        double tw = cornerWidth(s);
        return new double[] {right ? x - tw : x, ty, tw};
    }

    /**
     * Keeps the overlay's labels off the corner texts and the R/L markers (drawn after them, at the
     * places {@link #drawCorners} uses).
     */
    private void reserveCorners(OverlayPainter.LabelLayout labels) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double m = MARKER_FONT.getSize() * 1.25;
        labels.reserve(0, h / 2 - m / 2, 8 + m + 8, m);
        labels.reserve(w - 8 - m - 8, h / 2 - m / 2, m + 16, m);
        labels.reserve(w / 2 - m, 0, 2 * m, 6 + 8 + m);
        labels.reserve(w / 2 - m, h - 8 - 8 - m, 2 * m, m + 16);
        CornerInfo info = vm.cornerInfo();
        if (info == null || !vm.cornerInfoProperty().get()) {
            return;
        }
        reserveLines(labels, info.topLeft(), 10, 8, false, false);
        reserveLines(labels, info.topRight(), w - 10, 8, true, false);
        reserveLines(labels, info.bottomLeft(), 10, h - 8, false, true);
        reserveLines(labels, info.bottomRight(), w - 10, bottomRightBase(info, w, h), true, true);
    }

    /**
     * The baseline of the bottom-right corner text: the bottom of the view, or above the bottom-left text
     * when the two would run into each other in a narrow view.
     */
    private double bottomRightBase(CornerInfo info, double w, double h) {
        double left = info.bottomLeft().stream().mapToDouble(this::cornerWidth).max().orElse(0);
        double right = info.bottomRight().stream().mapToDouble(this::cornerWidth).max().orElse(0);
        boolean clash = !info.bottomLeft().isEmpty() && 10 + left + 16 > w - 10 - right;
        return clash ? h - 8 - info.bottomLeft().size() * CORNER_LINE_HEIGHT : h - 8;
    }

    private void reserveLines(OverlayPainter.LabelLayout labels, java.util.List<String> text, double x, double y,
                              boolean right, boolean up) {
        for (int i = 0; i < text.size(); i++) {
            double[] box = cornerLine(text.get(up ? text.size() - 1 - i : i), i, x, y, right, up);
            labels.reserve(box[0] - 3, box[1] - 1, box[2] + 6, CORNER_LINE_HEIGHT);
        }
    }

    private void drawCalibrationTool(GraphicsContext g, ViewTransform t) {
        if (vm.toolProperty().get() == ViewerViewModel.Tool.PLACE) {
            return;
        }
        Color c = Color.web("#40c4ff");
        g.setStroke(c);
        g.setLineWidth(2);
        Point2 prev = null;
        for (Point2 p : vm.calibrationPoints()) {
            Point2 s = t.toScreen(p);
            g.strokeOval(s.x() - 5, s.y() - 5, 10, 10);
            if (prev != null && vm.toolProperty().get() == ViewerViewModel.Tool.CALIBRATE_LINE) {
                g.strokeLine(prev.x(), prev.y(), s.x(), s.y());
            }
            prev = s;
        }
        if (vm.toolProperty().get() == ViewerViewModel.Tool.CALIBRATE_BALL && vm.calibrationPoints().size() >= 3) {
            try {
                var circle = org.orthomeasure.core.geometry.CircleFit.fit(vm.calibrationPoints());
                Point2 s = t.toScreen(circle.center());
                double r = circle.radius() * t.scale();
                g.setLineDashes(6, 4);
                g.strokeOval(s.x() - r, s.y() - r, 2 * r, 2 * r);
                g.setLineDashes(null);
            } catch (IllegalArgumentException collinear) {
                // no circle yet
            }
        }
        String hint = vm.toolProperty().get() == ViewerViewModel.Tool.CALIBRATE_LINE
                ? "Calibration line: click both ends of a line of known length (Esc cancels)"
                : "Calibration ball: click 3+ points on the ball's rim, then Enter (Esc cancels)";
        OverlayPainter.drawLabel(g, Point2.of(canvas.getWidth() / 2, 84), hint, TextAnchor.SOUTH, c, Font.font(14));
    }

    /** A magnified view of the area under the cursor in the top-right corner while placing points. */
    private void drawLoupe(GraphicsContext g, ViewTransform t, DisplayImages d) {
        Point2 at = vm.cursorImageProperty().get();
        if (at == null || canvas.getWidth() < 3 * LOUPE_SIZE) {
            return;
        }
        double loupeScale = Math.min(ViewTransform.MAX_SCALE, t.scale() * LOUPE_MAGNIFICATION);
        double half = LOUPE_SIZE / 2 / loupeScale;
        DisplayImages.Region r = d.renderRegion(at.x() - half, at.y() - half, 2 * half, 2 * half, loupeScale,
                vm.windowProperty().get(), vm.invertProperty().get());
        // bottom right, clear of the corner text and of the orientation marker at the right edge
        double lx = canvas.getWidth() - LOUPE_SIZE - 40;
        double ly = canvas.getHeight() - LOUPE_SIZE - 40 - 20;
        g.setFill(Color.BLACK);
        g.fillRect(lx, ly, LOUPE_SIZE, LOUPE_SIZE);
        if (r != null) {
            WritableImage img = new WritableImage(r.outWidth(), r.outHeight());
            img.getPixelWriter().setPixels(0, 0, r.outWidth(), r.outHeight(), PixelFormat.getIntArgbPreInstance(),
                    r.argb(), 0, r.outWidth());
            // the loupe is upright (not rotated) and centred on the cursor
            double ox = lx + LOUPE_SIZE / 2 - (at.x() - r.x()) * loupeScale;
            double oy = ly + LOUPE_SIZE / 2 - (at.y() - r.y()) * loupeScale;
            g.save();
            g.beginPath();
            g.rect(lx, ly, LOUPE_SIZE, LOUPE_SIZE);
            g.clip();
            g.setImageSmoothing(loupeScale < 2);
            g.drawImage(img, ox, oy, r.width() * loupeScale, r.height() * loupeScale);
            g.setImageSmoothing(true);
            ViewTransform lt = new ViewTransform(d.source().width(), d.source().height(), loupeScale,
                    ox + d.source().width() / 2.0 * loupeScale - r.x() * loupeScale,
                    oy + d.source().height() / 2.0 * loupeScale - r.y() * loupeScale, 0, false, false);
            OverlayPainter.paintPoints(g, lt, vm.session().reading().allPoints(), vm.selectedProperty().get(),
                    OverlayPainter.colour(org.orthomeasure.core.overlay.OverlayRole.LANDMARK), new OverlayPainter.LabelLayout(), true);
            g.restore();
        }
        g.setStroke(Color.web("#ff5252"));
        g.setLineWidth(1);
        double cx = lx + LOUPE_SIZE / 2;
        double cy = ly + LOUPE_SIZE / 2;
        g.strokeLine(cx - 12, cy, cx - 3, cy);
        g.strokeLine(cx + 3, cy, cx + 12, cy);
        g.strokeLine(cx, cy - 12, cx, cy - 3);
        g.strokeLine(cx, cy + 3, cx, cy + 12);
        g.setStroke(Color.web("#cfd8dc"));
        g.setLineWidth(1.5);
        g.strokeRect(lx, ly, LOUPE_SIZE, LOUPE_SIZE);
        Step step = vm.activeStepProperty().get();
        String caption = step == null ? String.format(java.util.Locale.ROOT, "×%.1f", loupeScale)
                : (vm.placingAgainProperty().get() ? "place again: " : "next: ")
                        + org.orthomeasure.ui.text.ClinicalText.point(step.target());
        OverlayPainter.drawLabel(g, Point2.of(lx + 4, ly + LOUPE_SIZE + 2), caption, TextAnchor.SOUTH_EAST,
                Color.web("#eceff1"), Font.font(12));
    }

    /** Stops the background renderer (window closing). */
    public void dispose() {
        renderer.shutdownNow();
    }
}
