package org.orthomeasure.ui.viewer;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationRules;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.CircleFit;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.overlay.Overlay;
import org.orthomeasure.core.overlay.OverlayBuilder;
import org.orthomeasure.core.overlay.OverlayGroup;
import org.orthomeasure.core.overlay.OverlayRole;
import org.orthomeasure.core.overlay.TextLabel;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.core.protocol.Step;
import org.orthomeasure.detect.longleg.SuggestedLandmarks;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.image.WindowLevel;
import org.orthomeasure.io.image.WindowPreset;
import org.orthomeasure.ui.session.Session;

/**
 * The viewer's state and its interactions in image coordinates: view transform, window/level and
 * invert, the tool (place landmarks, calibrate by line or by ball), the active protocol step, the
 * selected point, the cursor read-out and the overlay to draw. No JavaFX nodes: the
 * {@link ViewerPane} forwards mouse and keyboard events here, so every interaction is testable.
 */
public final class ViewerViewModel {

    /** What a left click does. */
    public enum Tool {
        /** Place the active step's landmark; drag existing points. */
        PLACE,
        /** Two clicks on a line of known length. */
        CALIBRATE_LINE,
        /** Three or more clicks on the rim of a calibration ball, then {@link #finishBall()}. */
        CALIBRATE_BALL
    }

    /** How close (screen px) a click must be to a point to pick it rather than place a new one. */
    public static final double PICK_RADIUS = OverlayPainter.MARKER_RADIUS + 5;

    /** How far (screen px) the pointer must move from the press before a point is dragged. */
    public static final double DRAG_THRESHOLD = 3;

    private final Session session;
    private final ViewerDialogs dialogs;

    private final ObjectProperty<ViewTransform> transform = new SimpleObjectProperty<>(this, "transform");
    private final DoubleProperty viewWidth = new SimpleDoubleProperty(this, "viewWidth", 800);
    private final DoubleProperty viewHeight = new SimpleDoubleProperty(this, "viewHeight", 600);
    private final ObjectProperty<DisplayImages> display = new SimpleObjectProperty<>(this, "display");
    private final ObjectProperty<WindowPreset> window = new SimpleObjectProperty<>(this, "window");
    private final BooleanProperty invert = new SimpleBooleanProperty(this, "invert");
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(this, "tool", Tool.PLACE);
    private final BooleanProperty headByRim = new SimpleBooleanProperty(this, "headByRim");
    private final BooleanProperty shaftByCortices = new SimpleBooleanProperty(this, "shaftByCortices");
    /** Whether clicks on the femoral head and the joint lines use the film ({@link PlacementAids}). */
    private final BooleanProperty placementAids = new SimpleBooleanProperty(this, "placementAids", true);
    private final ReadOnlyStringWrapper aidNotice = new ReadOnlyStringWrapper(this, "aidNotice", "");
    private final PlacementAids aids = new PlacementAids();
    /** The last click a placement aid changed, and the reading with the raw click instead; null when none. */
    private AidedClick lastAid;
    /** Whether the current press keeps the raw click (Alt held). */
    private boolean rawPress;
    /** The first cortex click of a shaft axis point placed from both cortices; null when none is pending. */
    private final ObjectProperty<Point2> pendingCortex = new SimpleObjectProperty<>(this, "pendingCortex");
    private final ObjectProperty<Step> activeStep = new SimpleObjectProperty<>(this, "activeStep");
    private final ObjectProperty<PointRef> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<Point2> calibrationPoints = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper cursorText = new ReadOnlyStringWrapper(this, "cursorText", "");
    private final ReadOnlyObjectWrapper<Point2> cursorImage = new ReadOnlyObjectWrapper<>(this, "cursorImage");
    private final ObservableSet<OverlayGroup> visibleGroups = FXCollections.observableSet(EnumSet.allOf(OverlayGroup.class));
    private final ObjectBinding<Overlay> overlay;

    private final BooleanProperty placingAgain = new SimpleBooleanProperty(this, "placingAgain");
    private final BooleanProperty cornerInfo = new SimpleBooleanProperty(this, "cornerInfo", true);
    private final javafx.beans.property.ReadOnlyBooleanWrapper windowing =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "windowing");

    /** The press of the current left-button gesture (screen), null when none. */
    private Point2 pressed;
    /** The point under the press, dragged once the pointer moves past the threshold. */
    private PointRef candidate;
    private PointRef dragging;
    /** Screen offset from the pointer to the dragged point, kept during the drag. */
    private Point2 dragOffset = Point2.of(0, 0);
    private boolean dragMoved;
    private WindowLevel windowAtDragStart;

    public ViewerViewModel(Session session, ViewerDialogs dialogs) {
        this.session = session;
        this.dialogs = dialogs;
        overlay = Bindings.createObjectBinding(this::buildOverlay, session.measurementsProperty(),
                session.referenceProperty(), session.referenceRevealedProperty(), session.suggestedProperty());
        session.protocolProperty().addListener((o, a, b) -> activeStep.set(b.nextMissing(session.reading()).orElse(null)));
        activeStep.addListener((o, a, b) -> pendingCortex.set(null));
        shaftByCortices.addListener((o, a, b) -> pendingCortex.set(null));
        activeStep.set(session.protocol().nextMissing(session.reading()).orElse(null));
        session.readingProperty().addListener((o, a, b) -> {
            if (selected.get() != null && b.position(selected.get()).isEmpty()) {
                selected.set(null);
            }
        });
    }

    // ---------------------------------------------------------------- film and view

    /** Shows a newly opened film: fit view, its default window, the first missing landmark active. */
    public void filmShown(DisplayImages images) {
        Radiograph film = images.source();
        display.set(images);
        window.set(film.defaultWindow());
        invert.set(film.invertedByDefault());
        transform.set(ViewTransform.fit(film.width(), film.height(), viewWidth.get(), viewHeight.get()));
        tool.set(Tool.PLACE);
        placingAgain.set(false);
        exited(); // no read-out of the film shown before
        calibrationPoints.clear();
        selected.set(null);
        activeStep.set(session.protocol().nextMissing(session.reading()).orElse(null));
    }

    public void fit() {
        update(t -> t.fit(viewWidth.get(), viewHeight.get()));
    }

    public void oneToOne() {
        update(t -> t.oneToOne(viewWidth.get() / 2, viewHeight.get() / 2));
    }

    /** Zoom by {@code factor} about the screen point (the cursor for the wheel). */
    public void zoomAt(double factor, double sx, double sy) {
        update(t -> t.zoomAt(factor, sx, sy));
    }

    public void panBy(double dx, double dy) {
        update(t -> t.panBy(dx, dy));
    }

    /** A quarter turn, then the whole film fitted again (a tall film turned on its side would not fit). */
    public void rotate(boolean clockwise) {
        update(t -> t.rotate(clockwise, viewWidth.get() / 2, viewHeight.get() / 2).fit(viewWidth.get(), viewHeight.get()));
    }

    public void flipHorizontal() {
        update(t -> t.flipHorizontal(viewWidth.get() / 2, viewHeight.get() / 2));
    }

    public void flipVertical() {
        update(t -> t.flipVertical(viewWidth.get() / 2, viewHeight.get() / 2));
    }

    /** Upright and unflipped, fitted again. */
    public void resetOrientation() {
        update(t -> t.resetOrientation(viewWidth.get() / 2, viewHeight.get() / 2).fit(viewWidth.get(), viewHeight.get()));
    }

    /** The viewport was resized: keep the image point at the centre where it was. */
    public void resized(double width, double height) {
        double ow = viewWidth.get();
        double oh = viewHeight.get();
        viewWidth.set(width);
        viewHeight.set(height);
        update(t -> t.panBy((width - ow) / 2, (height - oh) / 2));
    }

    private void update(java.util.function.UnaryOperator<ViewTransform> f) {
        if (transform.get() != null) {
            transform.set(f.apply(transform.get()));
        }
    }

    // ---------------------------------------------------------------- window / level

    /** Starts a right-drag window change. */
    public void beginWindowDrag() {
        windowAtDragStart = window.get() == null ? null : window.get().window();
        windowing.set(windowAtDragStart != null);
    }

    /** Ends a right-drag window change. */
    public void endWindowDrag() {
        windowAtDragStart = null;
        windowing.set(false);
    }

    /** True during a right-drag window change (the viewer shows the numbers even with the corner text off). */
    public ReadOnlyBooleanProperty windowingProperty() {
        return windowing.getReadOnlyProperty();
    }

    /** Whether the corner text (patient, study, window, zoom, calibration) is shown; on by default. */
    public BooleanProperty cornerInfoProperty() {
        return cornerInfo;
    }

    /** The corner text of the film on screen; null without a film. */
    public CornerInfo cornerInfo() {
        Radiograph film = session.radiograph();
        return film == null ? null : CornerInfo.of(film, window.get(), invert.get(), transform.get(), session.calibration());
    }

    /**
     * Right-drag: horizontal changes the width (right = wider, ×e per 200 px), vertical the level
     * (down = brighter image, i.e. lower centre, by the width per 500 px).
     */
    public void windowDrag(double dxFromStart, double dyFromStart) {
        if (windowAtDragStart == null) {
            return;
        }
        double w = Math.max(1, windowAtDragStart.width() * Math.exp(dxFromStart / 200));
        double c = windowAtDragStart.center() - dyFromStart * windowAtDragStart.width() / 500;
        window.set(new WindowPreset(String.format(Locale.ROOT, "Custom (C %.0f, W %.0f)", c, w),
                WindowLevel.of(c, w), Optional.empty()));
    }

    // ---------------------------------------------------------------- mouse

    /**
     * Left press at a screen point. With a calibration tool the click is the tool's; otherwise nothing
     * changes yet: the nearest point of the protocol within {@link #PICK_RADIUS} becomes the drag
     * candidate, and {@link #release} decides whether the press was a click (place or select) or the
     * start of a drag ({@link #drag}).
     */
    public void press(double sx, double sy) {
        press(sx, sy, false);
    }

    /** {@link #press(double, double)}; {@code raw}: the click is placed exactly, without the placement aids. */
    public void press(double sx, double sy, boolean raw) {
        rawPress = raw;
        ViewTransform t = transform.get();
        Radiograph film = session.radiograph();
        pressed = null;
        candidate = null;
        dragging = null;
        dragMoved = false;
        if (t == null || film == null) {
            return;
        }
        Point2 img = t.toImage(sx, sy);
        if (tool.get() != Tool.PLACE) {
            if (inside(img, film)) {
                calibrationClick(img);
            }
            return;
        }
        pressed = Point2.of(sx, sy);
        candidate = pick(sx, sy).orElse(null);
    }

    /**
     * Left drag: once the pointer has moved more than {@link #DRAG_THRESHOLD} screen px from the press,
     * the candidate picked there follows the pointer (keeping its offset from it, so a press beside a
     * point does not make it jump); a drag that started on no point does nothing.
     */
    public void drag(double sx, double sy) {
        ViewTransform t = transform.get();
        if (pressed == null || t == null) {
            return;
        }
        if (dragging == null) {
            if (candidate == null || Math.hypot(sx - pressed.x(), sy - pressed.y()) <= DRAG_THRESHOLD) {
                return;
            }
            Optional<Point2> at = session.reading().position(candidate);
            if (at.isEmpty()) {
                return;
            }
            dragging = candidate;
            Point2 s = t.toScreen(at.get());
            dragOffset = Point2.of(s.x() - pressed.x(), s.y() - pressed.y());
            selected.set(dragging);
            session.beginDrag();
        }
        Point2 img = clampToFilm(t.toImage(sx + dragOffset.x(), sy + dragOffset.y()));
        dragMoved = true;
        session.dragTo(session.reading().with(dragging, img));
    }

    /**
     * Left release: a drag becomes one undo step; a click (no drag) places the active landmark when it
     * is not placed yet (or is armed by {@link #placeAgain()}), and otherwise only selects the point
     * under the pointer. A click never moves a placed landmark.
     */
    public void release() {
        if (dragging != null) {
            session.endDrag();
            dragging = null;
            pressed = null;
            candidate = null;
            return;
        }
        Point2 at = pressed;
        PointRef hit = candidate;
        pressed = null;
        candidate = null;
        ViewTransform t = transform.get();
        Radiograph film = session.radiograph();
        if (at == null || t == null || film == null) {
            return;
        }
        click(t.toImage(at.x(), at.y()), hit, film);
    }

    private void click(Point2 img, PointRef hit, Radiograph film) {
        Step step = activeStep.get();
        boolean placeable = step != null && (placingAgain.get() || !LandmarkProtocol.isDone(step, session.reading()));
        if (placeable && inside(img, film)) {
            placeAt(img, rawPress);
            return;
        }
        selected.set(hit);
        if (hit != null) {
            session.protocol().stepFor(hit).ifPresent(activeStep::set);
        }
    }

    /** True while a point is being dragged (and has moved). */
    public boolean isDragging() {
        return dragging != null && dragMoved;
    }

    /** Mouse moved: updates the position and pixel value read-out; null when outside the view. */
    public void hover(double sx, double sy) {
        ViewTransform t = transform.get();
        Radiograph film = session.radiograph();
        if (t == null || film == null) {
            cursorImage.set(null);
            cursorText.set("");
            return;
        }
        Point2 img = t.toImage(sx, sy);
        if (!inside(img, film)) {
            cursorImage.set(null);
            cursorText.set("");
            return;
        }
        cursorImage.set(img);
        cursorText.set(readout(img, film, session.calibration()));
    }

    /** The cursor left the viewer. */
    public void exited() {
        cursorImage.set(null);
        cursorText.set("");
    }

    /** "x 123.4, y 456.7 px | 15.43, 57.09 mm | value 1234" (mm only when calibrated). */
    static String readout(Point2 img, Radiograph film, Calibration cal) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "x %.1f, y %.1f px", img.x(), img.y()));
        cal.spacing().ifPresent(s -> b.append(String.format(Locale.ROOT, "  |  %.2f, %.2f mm (%s)",
                img.x() * s.columnMm(), img.y() * s.rowMm(), cal.source().label())));
        int px = (int) Math.floor(img.x());
        int py = (int) Math.floor(img.y());
        double v = film.modalityValue(Math.min(px, film.width() - 1), Math.min(py, film.height() - 1));
        b.append(String.format(Locale.ROOT, "  |  value %s", v == Math.rint(v) ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.2f", v)));
        return b.toString();
    }

    // ---------------------------------------------------------------- placing

    /** Places the active step's landmark (or the next rim point in rim mode) exactly at an image point. */
    public void placeAt(Point2 img) {
        placeAt(img, true);
    }

    /**
     * Places the active step's landmark at an image point; unless {@code raw} (or the aids are off), a femoral
     * head centre becomes the head circle the film shows around the click (an unconfirmed suggestion of
     * {@link SuggestedLandmarks#RIM_POINTS} rim points, as a suggested head has) and a condyle, plateau or
     * plafond point moves onto its joint edge. {@link #keepRawClick()} then puts the landmark where the click
     * was.
     */
    public void placeAt(Point2 img, boolean raw) {
        Step step = activeStep.get();
        if (step == null) {
            return;
        }
        lastAid = null;
        aidNotice.set("");
        PointRef target = step.target();
        boolean aided = !raw && placementAids.get() && session.radiograph() != null && transform.get() != null;
        if (aided && !headByRim.get() && target instanceof PointRef.Limb head
                && head.key().landmark() == LimbLandmark.FEMORAL_HEAD_CENTER
                && !LandmarkProtocol.isDone(step, session.reading())) {
            if (proposeHead(step, head, img)) {
                return;
            }
        }
        Point2 at = img;
        if (aided && target instanceof PointRef.Limb l) {
            at = aids.snapped(session.radiograph(), session.calibration(), l.key().landmark(), img, transform.get().scale());
        }
        Reading before = session.reading();
        place(step, target, at);
        if (!at.equals(img) && session.reading().position(target).filter(at::equals).isPresent()) {
            lastAid = new AidedClick(session.reading(), before.with(target, img));
            aidNotice.set(String.format(Locale.ROOT, "%s moved %.1f px onto the joint edge (Esc: keep the click)",
                    session.protocol().stepFor(target).map(Step::title).orElse("point"), at.distanceTo(img)));
        }
    }

    /** A reading an aid made, and the same reading with the raw click instead. */
    private record AidedClick(Reading aided, Reading raw) {
    }

    /** The head circle around the click as an unconfirmed suggestion; false when the film shows none there. */
    private boolean proposeHead(Step step, PointRef.Limb head, Point2 img) {
        Optional<Circle> circle = aids.headCircle(session.radiograph(), session.calibration(), img);
        if (circle.isEmpty()) {
            aidNotice.set("no femoral head outline found around the click: the centre is placed where clicked");
            return false;
        }
        Reading before = session.reading();
        Side side = head.key().side();
        session.applyLandmarkSuggestion(LandmarkSet.empty().withHeadRim(side, SuggestedLandmarks.rim(circle.get())),
                List.of(head.key()));
        if (session.reading().equals(before)) {
            return false;
        }
        lastAid = new AidedClick(session.reading(), before.with(head, img));
        placingAgain.set(false);
        selected.set(head);
        double r = circle.get().radius();
        String size = session.calibration().spacing().map(s -> String.format(Locale.ROOT, "%.1f mm", r * s.rowMm()))
                .orElse(String.format(Locale.ROOT, "%.0f px", r));
        aidNotice.set("femoral head circle proposed from the film (radius " + size
                + "): drag a rim point to adjust; Esc keeps the click as the centre");
        activeStep.set(session.protocol().nextMissingAfter(step, session.reading()).orElse(null));
        return true;
    }

    /**
     * Undoes what a placement aid did to the last click: the landmark goes where the click was (a head's
     * centre, without the proposed rim). False (nothing done) when there is no such click or the reading
     * has changed since.
     */
    public boolean keepRawClick() {
        AidedClick aid = lastAid;
        lastAid = null;
        if (aid == null || !session.reading().equals(aid.aided())) {
            return false;
        }
        session.edit(aid.raw());
        aidNotice.set("the click is kept as placed");
        return true;
    }

    /** The last thing a placement aid did, one line for the status bar ("" when none). */
    public ReadOnlyStringProperty aidNoticeProperty() {
        return aidNotice.getReadOnlyProperty();
    }

    /** Whether clicks use the placement aids (on by default; Alt+click places exactly either way). */
    public BooleanProperty placementAidsProperty() {
        return placementAids;
    }

    private void place(Step step, PointRef original, Point2 img) {
        PointRef target = original;
        if (headByRim.get() && target instanceof PointRef.Limb l
                && l.key().landmark() == LimbLandmark.FEMORAL_HEAD_CENTER) {
            target = new PointRef.HeadRim(l.key().side(), session.reading().landmarks().headRim(l.key().side()).size());
        }
        if (shaftByCortices.get() && target instanceof PointRef.Limb shaft && shaft.key().landmark().isShaftAxisPoint()) {
            // Spec, extended set: the axis point is the midpoint between the medial and lateral cortex.
            if (pendingCortex.get() == null) {
                pendingCortex.set(img);
                return;
            }
            img = pendingCortex.get().midpoint(img);
            pendingCortex.set(null);
        }
        Reading next = session.reading().with(target, img);
        session.edit(next);
        if (!session.refusalProperty().get().isEmpty()) {
            return; // on top of another landmark of its side (core LandmarkRules): the step stays active
        }
        placingAgain.set(false);
        selected.set(target);
        if (!(target instanceof PointRef.HeadRim) || LandmarkProtocol.isDone(step, next)) {
            activeStep.set(session.protocol().nextMissingAfter(step, next).orElse(null));
        }
    }

    /** Makes {@code step} the one the next click places (e.g. chosen in the list). */
    public void activate(Step step) {
        placingAgain.set(false);
        activeStep.set(step);
        tool.set(Tool.PLACE);
        session.reading().position(step.target()).ifPresentOrElse(p -> selected.set(step.target()), () -> selected.set(null));
    }

    /**
     * "Place again": the next click moves the selected landmark (or the active one) to where it lands,
     * as one undo step. The only way besides dragging to move a placed landmark with the mouse.
     *
     * @return false when there is no placed landmark to place again
     */
    public boolean placeAgain() {
        PointRef ref = selected.get();
        Optional<Step> step = ref != null ? session.protocol().stepFor(ref) : Optional.ofNullable(activeStep.get());
        if (step.isEmpty() || !LandmarkProtocol.isDone(step.get(), session.reading())) {
            return false;
        }
        tool.set(Tool.PLACE);
        activeStep.set(step.get());
        if (headByRim.get() && step.get().target() instanceof PointRef.Limb l
                && l.key().landmark() == LimbLandmark.FEMORAL_HEAD_CENTER) {
            // rim mode collects new rim points: the old ones go first (one undo step with the first new one)
            Reading cleared = session.reading();
            for (int i = cleared.landmarks().headRim(l.key().side()).size() - 1; i >= 0; i--) {
                cleared = cleared.without(new PointRef.HeadRim(l.key().side(), i));
            }
            session.edit(cleared.without(step.get().target()));
            selected.set(null);
            return true;
        }
        placingAgain.set(true);
        return true;
    }

    /** Leaves "place again" without moving anything. */
    public void cancelPlaceAgain() {
        placingAgain.set(false);
    }

    /** Moves to the next missing landmark after the active one (Tab / N). */
    public void nextStep() {
        LandmarkProtocol p = session.protocol();
        Step current = activeStep.get();
        Optional<Step> next = current == null ? p.nextMissing(session.reading())
                : p.nextMissingAfter(current, session.reading());
        next.or(() -> current == null || p.steps().isEmpty() ? Optional.empty()
                : Optional.of(p.steps().get((p.steps().indexOf(current) + 1) % p.steps().size())))
                .ifPresent(this::activate);
    }

    /** Deletes the selected point (one undo step); the freed landmark becomes the active step. */
    public void deleteSelected() {
        PointRef ref = selected.get();
        if (ref == null) {
            return;
        }
        session.edit(session.reading().without(ref));
        selected.set(null);
        session.protocol().stepFor(ref).ifPresent(activeStep::set);
    }

    /** Moves the selected point by a screen direction, one image px per step (the display may be rotated). */
    public void nudge(int screenDx, int screenDy, double imagePixels) {
        PointRef ref = selected.get();
        ViewTransform t = transform.get();
        if (ref == null || t == null) {
            return;
        }
        session.reading().position(ref).ifPresent(p -> {
            // screen direction to image direction: M is orthogonal, so the inverse is its transpose
            double dx = (t.m00() * screenDx + t.m10() * screenDy) * imagePixels;
            double dy = (t.m01() * screenDx + t.m11() * screenDy) * imagePixels;
            session.edit(session.reading().with(ref, clampToFilm(Point2.of(p.x() + dx, p.y() + dy))));
        });
    }

    /**
     * The nearest placed point of the active protocol within {@link #PICK_RADIUS} screen px of a
     * screen point (points of another protocol, such as suggested vertebrae while two endplate lines
     * are read, are not picked).
     */
    public Optional<PointRef> pick(double sx, double sy) {
        ViewTransform t = transform.get();
        if (t == null) {
            return Optional.empty();
        }
        PointRef best = null;
        double bestD = PICK_RADIUS;
        LandmarkProtocol protocol = session.protocol();
        for (Map.Entry<PointRef, Point2> e : session.reading().allPoints().entrySet()) {
            if (protocol.stepFor(e.getKey()).isEmpty()) {
                continue; // e.g. suggested vertebra corners while reading two endplate lines
            }
            Point2 s = t.toScreen(e.getValue());
            double d = Math.hypot(s.x() - sx, s.y() - sy);
            if (d <= bestD) {
                bestD = d;
                best = e.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    // ---------------------------------------------------------------- calibration tools

    /** Starts the line tool (two clicks, then the known length). */
    public void startLineCalibration() {
        calibrationPoints.clear();
        tool.set(Tool.CALIBRATE_LINE);
    }

    /** Starts the ball tool (3+ rim clicks, then {@link #finishBall()}). */
    public void startBallCalibration() {
        calibrationPoints.clear();
        tool.set(Tool.CALIBRATE_BALL);
    }

    /** Leaves a calibration tool without calibrating. */
    public void cancelTool() {
        placingAgain.set(false);
        calibrationPoints.clear();
        tool.set(Tool.PLACE);
    }

    private void calibrationClick(Point2 img) {
        calibrationPoints.add(img);
        if (tool.get() == Tool.CALIBRATE_LINE && calibrationPoints.size() == 2) {
            Point2 a = calibrationPoints.get(0);
            Point2 b = calibrationPoints.get(1);
            if (a.equals(b)) {
                calibrationPoints.remove(1);
                return;
            }
            OptionalDouble mm = dialogs.askPositiveNumber("Calibrate by a line",
                    String.format(Locale.ROOT, "Known length of the line (%.1f px), mm:", a.distanceTo(b)), 100);
            mm.ifPresent(v -> setUserCalibration("Calibrate by a line", CalibrationRules.userLine(a, b, v)));
            cancelTool();
        }
    }

    /** Fits a circle to the ball's rim points and asks its diameter (25 mm suggested). */
    public void finishBall() {
        if (tool.get() != Tool.CALIBRATE_BALL) {
            return;
        }
        List<Point2> rim = List.copyOf(calibrationPoints);
        if (rim.size() < 3) {
            dialogs.showError("Calibrate by a ball", "Click at least 3 points on the ball's rim (" + rim.size() + " so far)");
            return;
        }
        Circle c;
        try {
            c = CircleFit.fit(rim);
        } catch (IllegalArgumentException e) {
            dialogs.showError("Calibrate by a ball", "The rim points do not define a circle: " + e.getMessage());
            return;
        }
        OptionalDouble mm = dialogs.askPositiveNumber("Calibrate by a ball",
                String.format(Locale.ROOT, "Ball diameter (fitted %.1f px), mm:", c.diameter()), 25);
        mm.ifPresent(v -> setUserCalibration("Calibrate by a ball", CalibrationRules.calibrationBall(v, c)));
        cancelTool();
    }

    /**
     * Takes a user calibration only when its spacing is one a projection radiograph can have
     * ({@link org.orthomeasure.core.calibration.PixelSpacing#isPlausibleForRadiograph}); otherwise says
     * why and keeps the current calibration, so no length is shown that no patient has.
     */
    private void setUserCalibration(String title, org.orthomeasure.core.calibration.Calibration c) {
        org.orthomeasure.core.calibration.PixelSpacing s = c.spacing().orElseThrow();
        if (!s.isPlausibleForRadiograph()) {
            dialogs.showError(title, String.format(Locale.ROOT, "That gives %.4g mm per pixel, outside the %s a "
                    + "radiograph has: check the length and the points", s.rowMm(),
                    org.orthomeasure.core.calibration.PixelSpacing.plausibleRange()));
            return;
        }
        session.userCalibrationProperty().set(c);
    }

    /** Goes back to the film's own calibration. */
    public void clearUserCalibration() {
        session.userCalibrationProperty().set(null);
    }

    // ---------------------------------------------------------------- overlay

    /**
     * The placed points split by role: {@code true} the corners of vertebrae that are still unconfirmed
     * suggestions, {@code false} everything else.
     */
    public Map<Boolean, Map<PointRef, Point2>> pointsBySuggestion() {
        Map<PointRef, Point2> suggestedPts = new java.util.LinkedHashMap<>();
        Map<PointRef, Point2> own = new java.util.LinkedHashMap<>();
        var levels = session.suggested();
        var limb = session.suggestedLandmarks();
        session.reading().allPoints().forEach((ref, p) -> {
            if (ref instanceof PointRef.Corner c && levels.contains(c.level())
                    || ref instanceof PointRef.Limb l && limb.contains(l.key())
                    || ref instanceof PointRef.HeadRim h && limb.contains(LandmarkKey.of(h.side(), LimbLandmark.FEMORAL_HEAD_CENTER))) {
                suggestedPts.put(ref, p);
            } else {
                own.put(ref, p);
            }
        });
        return Map.of(true, suggestedPts, false, own);
    }

    private Overlay buildOverlay() {
        Overlay own = OverlayBuilder.build(session.reading().landmarks(), session.measurements());
        if (session.suggestionCountProperty().get() > 0) {
            java.util.Set<String> names = new java.util.HashSet<>();
            session.suggested().forEach(l -> names.add(l.name()));
            session.suggestedLandmarks().forEach(k -> names.add(k.id()));
            // the outlines, points and names of suggested vertebrae and landmarks in the suggestion's colour (dashed)
            own = Overlay.of(own.items().stream().map(i -> suggestedItem(i, names)
                    ? i.withRole(OverlayRole.SUGGESTION) : i).toList());
        }
        Reading ref = session.referenceProperty().get();
        if (ref != null && session.referenceRevealedProperty().get()) {
            Overlay other = OverlayBuilder.build(ref.landmarks(),
                    MeasurementEngine.measure(ref.landmarks(), session.calibration(), session.optionsProperty().get()));
            // the reference's values are in the Check panel: of its text only the curve labels are drawn,
            // so the two readings' labels do not pile up on each other
            Overlay shapes = Overlay.of(other.items().stream().filter(i -> !(i.shape() instanceof TextLabel)
                    || i.group() == OverlayGroup.COBB).toList());
            return own.plus(shapes.withRole(OverlayRole.REFERENCE));
        }
        return own;
    }

    /**
     * True when {@code item} draws a suggestion named in {@code names} (levels, landmark ids): a vertebra's
     * outline or name, a landmark's point or label, a suggested head's rim points, circle and centre.
     */
    private static boolean suggestedItem(org.orthomeasure.core.overlay.OverlayItem item, java.util.Set<String> names) {
        return switch (item.group()) {
            case VERTEBRAE, LANDMARKS, LANDMARK_LABELS -> names.contains(item.source());
            case FEMORAL_HEADS -> item.source().length() > 2
                    && names.contains(item.source().substring(0, 2) + LimbLandmark.FEMORAL_HEAD_CENTER.id());
            default -> false;
        };
    }

    private static boolean inside(Point2 p, Radiograph film) {
        return p.x() >= 0 && p.y() >= 0 && p.x() <= film.width() && p.y() <= film.height();
    }

    private Point2 clampToFilm(Point2 p) {
        Radiograph film = session.radiograph();
        return Point2.of(Math.max(0, Math.min(film.width(), p.x())), Math.max(0, Math.min(film.height(), p.y())));
    }

    // ---------------------------------------------------------------- properties

    public Session session() {
        return session;
    }

    public ObjectProperty<ViewTransform> transformProperty() {
        return transform;
    }

    public ObjectProperty<DisplayImages> displayProperty() {
        return display;
    }

    public ObjectProperty<WindowPreset> windowProperty() {
        return window;
    }

    public BooleanProperty invertProperty() {
        return invert;
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    /**
     * When set, a shaft axis point (femoral/tibial shaft, proximal/distal) takes two clicks, one on each
     * cortex, and the midpoint is stored; otherwise one click places it directly.
     */
    public BooleanProperty shaftByCorticesProperty() {
        return shaftByCortices;
    }

    /** The first cortex click of a shaft point waiting for the second one (null when none). */
    public ReadOnlyObjectProperty<Point2> pendingCortexProperty() {
        return pendingCortex;
    }

    public BooleanProperty headByRimProperty() {
        return headByRim;
    }

    public ObjectProperty<Step> activeStepProperty() {
        return activeStep;
    }

    /** True after "place again" until the next click places the landmark (or Esc / another step). */
    public BooleanProperty placingAgainProperty() {
        return placingAgain;
    }

    public ObjectProperty<PointRef> selectedProperty() {
        return selected;
    }

    public ObservableList<Point2> calibrationPoints() {
        return calibrationPoints;
    }

    public ReadOnlyStringProperty cursorTextProperty() {
        return cursorText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Point2> cursorImageProperty() {
        return cursorImage.getReadOnlyProperty();
    }

    public ObservableSet<OverlayGroup> visibleGroups() {
        return visibleGroups;
    }

    public ObjectBinding<Overlay> overlayProperty() {
        return overlay;
    }

    public double viewWidth() {
        return viewWidth.get();
    }

    public double viewHeight() {
        return viewHeight.get();
    }
}
