package org.orthomeasure.ui.session;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.io.image.Radiograph;

/**
 * The one observable state of the workstation: the film on screen, the user's reading (immutable,
 * replaced on every edit, so undo/redo is a {@link History}), the calibration in force, the protocol,
 * and the measurements derived live from them. A second, reference reading (a suggestion or an
 * attending's file, for check mode) can be attached and stays hidden until revealed.
 *
 * <p>FX thread only. Views bind to the properties; view models call the edit methods.
 */
public final class Session {

    private static final int UNDO_LIMIT = 500;

    private final ReadOnlyObjectWrapper<Radiograph> radiograph = new ReadOnlyObjectWrapper<>(this, "radiograph");
    private final ReadOnlyObjectWrapper<Path> imagePath = new ReadOnlyObjectWrapper<>(this, "imagePath");
    private final ReadOnlyObjectWrapper<Reading> reading = new ReadOnlyObjectWrapper<>(this, "reading", Reading.empty());
    private final ObjectProperty<Calibration> userCalibration = new SimpleObjectProperty<>(this, "userCalibration");
    private final ReadOnlyObjectWrapper<Calibration> calibration =
            new ReadOnlyObjectWrapper<>(this, "calibration", Calibration.none(null));
    private final ObjectProperty<LandmarkProtocol> protocol = new SimpleObjectProperty<>(this, "protocol",
            LandmarkProtocol.longLeg(EnumSet.allOf(Side.class), false));
    private final ObjectProperty<MeasurementOptions> options =
            new SimpleObjectProperty<>(this, "options", MeasurementOptions.defaults());
    private final ReadOnlyObjectWrapper<MeasurementSet> measurements = new ReadOnlyObjectWrapper<>(this, "measurements");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    /** Increases on every change that must be saved (landmarks, calibration, protocol). */
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyObjectWrapper<Reading> reference = new ReadOnlyObjectWrapper<>(this, "reference");
    private final BooleanProperty referenceRevealed = new SimpleBooleanProperty(this, "referenceRevealed");

    private final History<Reading> history = new History<>(Reading.empty(), UNDO_LIMIT);
    private Reading dragStart;
    private boolean loading;

    public Session() {
        userCalibration.addListener((o, a, b) -> {
            updateCalibration();
            bump();
        });
        protocol.addListener((o, a, b) -> bump());
        options.addListener((o, a, b) -> remeasure());
        remeasure();
    }

    // ---------------------------------------------------------------- film

    /**
     * Shows a newly opened film with its restored session (or an empty reading): clears undo, the
     * reference and any drag in progress.
     */
    public void load(Path path, Radiograph film, Reading restored, Optional<Calibration> restoredCalibration,
                     LandmarkProtocol restoredProtocol) {
        Objects.requireNonNull(film, "film");
        loading = true;
        dragStart = null;
        imagePath.set(path);
        radiograph.set(film);
        history.reset(Objects.requireNonNull(restored, "restored"));
        reference.set(null);
        referenceRevealed.set(false);
        userCalibration.set(restoredCalibration.orElse(null));
        options.set(options.get().withFilmHeight(film.height()));
        publish();
        // after the reading is published, so listeners see the new film's landmarks
        protocol.set(Objects.requireNonNull(restoredProtocol, "restoredProtocol"));
        loading = false;
        revision.set(0);
    }

    public ReadOnlyObjectProperty<Radiograph> radiographProperty() {
        return radiograph.getReadOnlyProperty();
    }

    public Radiograph radiograph() {
        return radiograph.get();
    }

    public ReadOnlyObjectProperty<Path> imagePathProperty() {
        return imagePath.getReadOnlyProperty();
    }

    public Path imagePath() {
        return imagePath.get();
    }

    // ---------------------------------------------------------------- reading and undo

    public ReadOnlyObjectProperty<Reading> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public Reading reading() {
        return reading.get();
    }

    /** Records an edit (one undo step); an unchanged reading is no edit. */
    public void edit(Reading next) {
        if (dragStart != null) {
            endDrag();
        }
        if (history.push(next)) {
            publish();
        }
    }

    /** Starts dragging: intermediate positions are shown live but become one undo step at {@link #endDrag}. */
    public void beginDrag() {
        dragStart = history.current();
    }

    /** Shows an intermediate drag position (measurements recomputed), without an undo step. */
    public void dragTo(Reading intermediate) {
        if (dragStart == null) {
            beginDrag();
        }
        history.replaceCurrent(intermediate);
        publish();
    }

    /** Ends a drag: the whole move is one undo step. */
    public void endDrag() {
        if (dragStart == null) {
            return;
        }
        Reading end = history.current();
        history.replaceCurrent(dragStart);
        dragStart = null;
        history.push(end);
        publish();
    }

    public void undo() {
        endDrag();
        history.undo();
        publish();
    }

    public void redo() {
        endDrag();
        history.redo();
        publish();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- calibration, protocol, options

    /** The calibration the user set (line or ball), or null when the film's own is used. */
    public ObjectProperty<Calibration> userCalibrationProperty() {
        return userCalibration;
    }

    /** The calibration in force: the user's when set, else the film's. */
    public ReadOnlyObjectProperty<Calibration> calibrationProperty() {
        return calibration.getReadOnlyProperty();
    }

    public Calibration calibration() {
        return calibration.get();
    }

    public ObjectProperty<LandmarkProtocol> protocolProperty() {
        return protocol;
    }

    public LandmarkProtocol protocol() {
        return protocol.get();
    }

    public ObjectProperty<MeasurementOptions> optionsProperty() {
        return options;
    }

    // ---------------------------------------------------------------- derived

    /** Measurements of the current reading with the calibration in force, recomputed on every change. */
    public ReadOnlyObjectProperty<MeasurementSet> measurementsProperty() {
        return measurements.getReadOnlyProperty();
    }

    public MeasurementSet measurements() {
        return measurements.get();
    }

    /** Changes to save; 0 right after {@link #load}. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- reference reading (check mode)

    /** A second reading of the same film to compare with; null when none. Hidden until revealed. */
    public ReadOnlyObjectProperty<Reading> referenceProperty() {
        return reference.getReadOnlyProperty();
    }

    /** Attaches a reference reading, hidden (the user's reading stays blind). */
    public void setReference(Reading ref) {
        reference.set(ref);
        referenceRevealed.set(false);
    }

    public BooleanProperty referenceRevealedProperty() {
        return referenceRevealed;
    }

    private void publish() {
        reading.set(history.current());
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        remeasure();
        bump();
    }

    private void bump() {
        if (!loading) {
            revision.set(revision.get() + 1);
        }
    }

    private void updateCalibration() {
        Calibration user = userCalibration.get();
        Radiograph film = radiograph.get();
        calibration.set(user != null ? user : film != null ? film.calibration() : Calibration.none(null));
        remeasure();
    }

    private void remeasure() {
        if (userCalibration.get() == null) {
            Radiograph film = radiograph.get();
            calibration.set(film != null ? film.calibration() : Calibration.none(null));
        }
        measurements.set(MeasurementEngine.measure(reading.get().landmarks(), calibration.get(), options.get()));
    }
}
