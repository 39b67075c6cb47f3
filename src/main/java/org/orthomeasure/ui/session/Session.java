package org.orthomeasure.ui.session;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkRules;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.core.protocol.FilmProtocol;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.io.image.Radiograph;

/**
 * The one observable state of the workstation: the film on screen, the user's reading (immutable,
 * replaced on every edit), the calibration in force, the protocol, and the measurements derived live
 * from them. Undo/redo is a {@link History} of {@link ReadingState}s: the reading together with the
 * vertebrae that are still unconfirmed suggestions, so every undo or redo restores exactly the marking
 * that went with the reading. A second, reference reading (a suggestion or an attending's file, for
 * check mode) can be attached and stays hidden until revealed; it is saved with the session.
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
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final ReadOnlyObjectWrapper<Reading> reference = new ReadOnlyObjectWrapper<>(this, "reference");
    private final BooleanProperty referenceRevealed = new SimpleBooleanProperty(this, "referenceRevealed");
    private final ReadOnlyStringWrapper referenceName = new ReadOnlyStringWrapper(this, "referenceName", "");
    private final ReadOnlyObjectWrapper<Set<SpineLevel>> suggested =
            new ReadOnlyObjectWrapper<>(this, "suggested", Set.of());
    private final ReadOnlyObjectWrapper<Set<LandmarkKey>> suggestedLandmarks =
            new ReadOnlyObjectWrapper<>(this, "suggestedLandmarks", Set.of());
    private final ReadOnlyIntegerWrapper suggestionCount = new ReadOnlyIntegerWrapper(this, "suggestionCount");

    private final ReadOnlyStringWrapper protocolReason = new ReadOnlyStringWrapper(this, "protocolReason", "");
    private final History<ReadingState> history = new History<>(ReadingState.of(Reading.empty()), UNDO_LIMIT);
    /** The state before the drag in progress; null when none. */
    private ReadingState dragStart;
    private boolean loading;

    public Session() {
        userCalibration.addListener((o, a, b) -> {
            updateCalibration();
            bump();
        });
        protocol.addListener((o, a, b) -> bump());
        referenceRevealed.addListener((o, a, b) -> bump());
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
        load(path, film, restored, restoredCalibration, restoredProtocol, Set.of());
    }

    /**
     * As {@link #load(Path, Radiograph, Reading, Optional, LandmarkProtocol)}, with the vertebrae that are
     * still unconfirmed suggestions (levels not in the reading are ignored).
     */
    public void load(Path path, Radiograph film, Reading restored, Optional<Calibration> restoredCalibration,
                     LandmarkProtocol restoredProtocol, Set<SpineLevel> restoredSuggested) {
        load(path, film, new ReadingState(Objects.requireNonNull(restored, "restored"), restoredSuggested),
                restoredCalibration, restoredProtocol, Optional.empty());
    }

    /**
     * Shows a newly opened film with the session {@link SessionStore#load} restored: the reading with its
     * suggested vertebrae, the user's calibration, the protocol (the one chosen before when the session
     * did not say) and the check-mode reference, still hidden when it was hidden. Clears undo.
     */
    public void load(Path path, Radiograph film, SessionStore.Restored restored) {
        Optional<FilmProtocol.Guess> guess = restored.protocol().isPresent() ? Optional.empty() : guess(film);
        load(path, film, new ReadingState(restored.reading(), restored.suggested(), restored.suggestedLandmarks()),
                restored.calibration(),
                restored.protocol().orElseGet(() -> guess.map(g -> protocolOfKind(g.kind())).orElse(protocol.get())),
                restored.reference());
        protocolReason.set(restored.protocol().isPresent() ? "the protocol of the saved session"
                : guess.map(g -> "chosen because " + g.because()).orElse("kept: the film does not say which protocol"));
    }

    /** What the film's header and shape say about its protocol. */
    static Optional<FilmProtocol.Guess> guess(Radiograph film) {
        var h = film.header();
        List<String> descriptions = new java.util.ArrayList<>();
        h.studyDescription().ifPresent(descriptions::add);
        h.seriesDescription().ifPresent(descriptions::add);
        return FilmProtocol.guess(h.bodyPart(), descriptions, film.width(), film.height());
    }

    /** The current protocol when it is of {@code kind} (the user's choice of legs stays), else that kind's default. */
    private LandmarkProtocol protocolOfKind(org.orthomeasure.core.landmarks.Protocol kind) {
        if (protocol.get().kind() == kind) {
            return protocol.get();
        }
        return kind == org.orthomeasure.core.landmarks.Protocol.SPINE ? LandmarkProtocol.cobbLines()
                : LandmarkProtocol.longLeg(java.util.EnumSet.allOf(org.orthomeasure.core.landmarks.Side.class), false);
    }

    /** Why the protocol of the film on screen is the one it is, e.g. "chosen because Body Part Examined is SPINE". */
    public ReadOnlyStringProperty protocolReasonProperty() {
        return protocolReason.getReadOnlyProperty();
    }

    private void load(Path path, Radiograph film, ReadingState restored, Optional<Calibration> restoredCalibration,
                      LandmarkProtocol restoredProtocol, Optional<ReferenceReading> restoredReference) {
        Objects.requireNonNull(film, "film");
        loading = true;
        dragStart = null;
        imagePath.set(path);
        radiograph.set(film);
        history.reset(restored);
        referenceRevealed.set(false);
        referenceName.set(restoredReference.map(ReferenceReading::name).orElse(""));
        reference.set(restoredReference.map(ReferenceReading::reading).orElse(null));
        userCalibration.set(restoredCalibration.orElse(null));
        options.set(options.get().withFilmHeight(film.height())
                .withFilmMirrored(MeasurementOptions.mirroredOrientation(film.header().patientOrientation())));
        publish();
        referenceRevealed.set(restoredReference.map(ReferenceReading::revealed).orElse(false));
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

    /**
     * Records an edit (one undo step); an unchanged reading is no edit. A suggested vertebra whose
     * corners the edit moves, deletes or replaces is confirmed by it (see {@link ReadingState#edited}).
     */
    public void edit(Reading next) {
        endDrag();
        Objects.requireNonNull(next, "next");
        if (refused(next)) {
            return;
        }
        commit(history.current().edited(next));
    }

    /**
     * True (and the reason in {@link #refusalProperty()}) when {@code next} would put a landmark on top of
     * another of its side, which the core's {@link LandmarkRules} forbid; such an edit is not made.
     */
    private boolean refused(Reading next) {
        Optional<String> problem = LandmarkRules.introducedCoincidence(reading().landmarks(), next.landmarks());
        refusal.set(problem.map(p -> "not placed: " + p).orElse(""));
        return problem.isPresent();
    }

    /** Why the last edit or drag step was refused ("" when it was not), one line for the status bar. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** Starts dragging: intermediate positions are shown live but become one undo step at {@link #endDrag}. */
    public void beginDrag() {
        dragStart = history.current();
    }

    /**
     * Shows an intermediate drag position (measurements recomputed), without an undo step. Suggested
     * vertebrae are judged against the state before the drag, so the drag as a whole confirms what it moved.
     */
    public void dragTo(Reading intermediate) {
        if (dragStart == null) {
            beginDrag();
        }
        if (refused(Objects.requireNonNull(intermediate, "intermediate"))) {
            return; // the point stays where it was last allowed
        }
        history.replaceCurrent(dragStart.edited(intermediate));
        publish();
    }

    /** Ends a drag: the whole move is one undo step (none when it ends where it began). */
    public void endDrag() {
        if (dragStart == null) {
            return;
        }
        ReadingState end = history.current();
        history.replaceCurrent(dragStart);
        dragStart = null;
        history.push(end);
        publish();
    }

    /** Ends a drag in progress, then records {@code next} as one undo step (none when unchanged). */
    private void commit(ReadingState next) {
        endDrag();
        if (history.push(next)) {
            publish();
        }
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
        setReference(ref, "reference");
    }

    /**
     * Attaches a reference reading called {@code name} (its file name, or "OrthoMeasure suggestion"),
     * hidden until revealed; null removes it. Either is saved with the session.
     */
    public void setReference(Reading ref, String name) {
        if (ref != null && Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("a reference reading needs a name");
        }
        referenceRevealed.set(false);
        referenceName.set(ref == null ? "" : name);
        reference.set(ref);
        bump();
    }

    /** The reference reading with its name and revealed flag, as saved with the session; empty when none. */
    public Optional<ReferenceReading> referenceReading() {
        Reading ref = reference.get();
        return ref == null ? Optional.empty()
                : Optional.of(new ReferenceReading(ref, referenceName.get(), referenceRevealed.get()));
    }

    /** How the reference reading is called; empty when there is none. */
    public ReadOnlyStringProperty referenceNameProperty() {
        return referenceName.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- suggestions (issue 5)

    /**
     * The vertebrae that are unconfirmed suggestions of the detector. A level leaves the set when the
     * user moves, deletes or replaces any of its corners, or accepts all; undo and redo restore it with
     * the reading, and it is saved with the session.
     */
    public ReadOnlyObjectProperty<Set<SpineLevel>> suggestedProperty() {
        return suggested.getReadOnlyProperty();
    }

    public Set<SpineLevel> suggested() {
        return suggested.get();
    }

    /**
     * Fills the suggested vertebrae (one undo step): every level the user has not confirmed gets the
     * suggestion's corners and becomes a suggestion; confirmed vertebrae, and levels whose corners the
     * user is still placing, are kept as they are.
     *
     * @return the levels filled
     */
    public Set<SpineLevel> applySuggestion(Collection<Vertebra> vertebrae) {
        endDrag();
        var set = reading().landmarks();
        Set<SpineLevel> drafted = EnumSet.noneOf(SpineLevel.class);
        reading().drafts().keySet().forEach(r -> {
            if (r instanceof org.orthomeasure.core.protocol.PointRef.Corner c) {
                drafted.add(c.level());
            }
        });
        Set<SpineLevel> filled = EnumSet.noneOf(SpineLevel.class);
        for (Vertebra v : vertebrae) {
            boolean usersOwn = set.vertebra(v.level()).isPresent() && !suggested.get().contains(v.level())
                    || drafted.contains(v.level());
            if (!usersOwn) {
                set = set.withVertebra(v);
                filled.add(v.level());
            }
        }
        Set<SpineLevel> still = EnumSet.noneOf(SpineLevel.class);
        still.addAll(suggested.get());
        still.addAll(filled);
        // the user's points still in progress (corners of incomplete vertebrae, Cobb line ends) stay
        Reading next = reading().withLandmarks(set);
        for (var draft : reading().drafts().entrySet()) {
            next = next.with(draft.getKey(), draft.getValue());
        }
        commit(new ReadingState(next, still, history.current().suggestedLandmarks()));
        return filled;
    }

    /**
     * The lower-limb landmarks that are unconfirmed suggestions of the long-leg detector; a femoral head
     * is its {@code FEMORAL_HEAD_CENTER} key (centre or rim). A landmark leaves the set when the user moves,
     * deletes or replaces it (a head: any of its points), or accepts all; undo and redo restore it with the
     * reading, and it is saved with the session.
     */
    public ReadOnlyObjectProperty<Set<LandmarkKey>> suggestedLandmarksProperty() {
        return suggestedLandmarks.getReadOnlyProperty();
    }

    public Set<LandmarkKey> suggestedLandmarks() {
        return suggestedLandmarks.get();
    }

    /** How many vertebrae and limb landmarks are unconfirmed suggestions now (0 when none). */
    public ReadOnlyIntegerProperty suggestionCountProperty() {
        return suggestionCount.getReadOnlyProperty();
    }

    /**
     * Fills suggested lower-limb landmarks (one undo step): every landmark of {@code keys} that the user has
     * not placed or confirmed gets the suggestion's position from {@code suggestion} (a head: its rim points,
     * or its centre when the suggestion has no rim) and becomes a suggestion; the user's own landmarks (a
     * head with any point of the user's, even a rim still being placed) are kept as they are. Keys
     * {@code suggestion} does not place are skipped.
     *
     * @return the landmarks filled
     */
    public Set<LandmarkKey> applyLandmarkSuggestion(LandmarkSet suggestion, Collection<LandmarkKey> keys) {
        endDrag();
        Objects.requireNonNull(suggestion, "suggestion");
        LandmarkSet set = reading().landmarks();
        Set<LandmarkKey> filled = new java.util.LinkedHashSet<>();
        for (LandmarkKey k : keys) {
            if (ReadingState.placed(set, k).isPresent() && !suggestedLandmarks.get().contains(k)) {
                continue;
            }
            if (k.landmark() == LimbLandmark.FEMORAL_HEAD_CENTER) {
                List<Point2> rim = suggestion.headRim(k.side());
                Optional<Point2> centre = suggestion.point(k);
                if (rim.isEmpty() && centre.isEmpty()) {
                    continue;
                }
                set = set.without(k).withHeadRim(k.side(), List.of());
                set = rim.isEmpty() ? set.withPoint(k, centre.get()) : set.withHeadRim(k.side(), rim);
            } else {
                Optional<Point2> p = suggestion.point(k);
                if (p.isEmpty()) {
                    continue;
                }
                set = set.withPoint(k, p.get());
            }
            filled.add(k);
        }
        Set<LandmarkKey> still = new java.util.HashSet<>(suggestedLandmarks.get());
        still.addAll(filled);
        Reading next = reading().withLandmarks(set);
        for (var draft : reading().drafts().entrySet()) {
            next = next.with(draft.getKey(), draft.getValue());
        }
        commit(new ReadingState(next, history.current().suggested(), still));
        return filled;
    }

    /**
     * The check-mode warning for a reading that is mostly the app's unconfirmed suggestion (more than
     * half of its vertebrae and limb landmarks): comparing it measures the suggestion, not the user, and with the
     * suggestion as reference it compares the suggestion with itself. Empty otherwise.
     */
    public Optional<String> mostlySuggestedWarning() {
        LandmarkSet set = reading().landmarks();
        int vertebrae = set.vertebrae().size();
        // limb landmarks as the suggestion marks them: each point, and a head placed by its rim alone
        long heads = java.util.Arrays.stream(Side.values())
                .filter(s -> !set.headRim(s).isEmpty() && set.point(s, LimbLandmark.FEMORAL_HEAD_CENTER).isEmpty()).count();
        int limb = set.points().size() + (int) heads;
        int placed = vertebrae + limb;
        int unconfirmed = suggested.get().size() + suggestedLandmarks.get().size();
        if (placed == 0 || 2 * unconfirmed <= placed) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT, "%d of your %d %s are unconfirmed suggestions: "
                + "the comparison is of the app's suggestion, not of your reading%s. Correct or accept them first.",
                unconfirmed, placed, limb == 0 ? "vertebrae" : "landmarks",
                referenceName.get().startsWith(SUGGESTION_REFERENCE) ? " (here compared with itself)" : ""));
    }

    /** The name prefix of a reference reading that is the app's own suggestion. */
    public static final String SUGGESTION_REFERENCE = "OrthoMeasure suggestion";

    /**
     * Renames every vertebra one level along the spine (one undo step; none when there is no vertebra), for
     * levels one vertebra off: {@code down} moves each name to the vertebra below it on the film (T2 becomes T1),
     * otherwise to the one above (T1 becomes T2); the level left empty at the other end is extrapolated as a
     * suggestion ({@link VertebraLabelShift}).
     */
    public void shiftVertebraLabels(boolean down) {
        commit(VertebraLabelShift.shift(history.current(), down));
    }

    /** The user accepts every suggestion as it is (one undo step): no vertebra or landmark is a suggestion any more. */
    public void acceptAllSuggestions() {
        commit(history.current().allAccepted());
    }

    public BooleanProperty referenceRevealedProperty() {
        return referenceRevealed;
    }

    /** Shows the history's current state: its suggested levels, then its reading and measurements. */
    private void publish() {
        ReadingState state = history.current();
        if (!state.suggested().equals(suggested.get())) {
            suggested.set(state.suggested());
        }
        if (!state.suggestedLandmarks().equals(suggestedLandmarks.get())) {
            suggestedLandmarks.set(state.suggestedLandmarks());
        }
        suggestionCount.set(state.suggested().size() + state.suggestedLandmarks().size());
        reading.set(state.reading());
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
