package org.orthomeasure.ui.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.core.protocol.VertebraCorner;
import org.orthomeasure.core.spine.SpineFixtures;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.ui.TestFilms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orthomeasure.core.landmarks.SpineLevel.L1;
import static org.orthomeasure.core.landmarks.SpineLevel.T1;
import static org.orthomeasure.core.landmarks.SpineLevel.T2;
import static org.orthomeasure.core.landmarks.SpineLevel.T3;

/** Undo/redo restores the suggestion marking that went with each reading (issue 5 follow-up). */
class SessionUndoSuggestionsTest {

    private static final Radiograph FILM = TestFilms.grey(300, 1000);
    private static final List<Vertebra> SUGGESTION = List.of(SpineFixtures.vertebra(T1, 110, 100, 5),
            SpineFixtures.vertebra(T2, 110, 200, 5), SpineFixtures.vertebra(T3, 110, 300, 5));

    private static Session loaded() {
        Session s = new Session();
        s.load(Path.of("spine.dcm"), FILM, Reading.empty(), Optional.empty(), LandmarkProtocol.allVertebrae());
        return s;
    }

    private static Session suggested() {
        Session s = loaded();
        s.applySuggestion(SUGGESTION);
        assertEquals(EnumSet.of(T1, T2, T3), EnumSet.copyOf(s.suggested()));
        return s;
    }

    private static Reading moved(Reading r, SpineLevel level, double dx) {
        Point2 tl = r.landmarks().vertebra(level).orElseThrow().topLeft();
        return r.with(new PointRef.Corner(level, VertebraCorner.TOP_LEFT), Point2.of(tl.x() + dx, tl.y()));
    }

    @Test
    void suggestUndoRedoKeepsThemSuggestions() {
        Session s = suggested();
        Reading withSuggestion = s.reading();
        s.undo();
        assertTrue(s.reading().landmarks().vertebrae().isEmpty());
        assertTrue(s.suggested().isEmpty());
        assertFalse(s.canUndoProperty().get());
        s.redo();
        assertEquals(withSuggestion, s.reading());
        assertEquals(EnumSet.of(T1, T2, T3), EnumSet.copyOf(s.suggested()), "redo brings them back as suggestions");
        assertFalse(s.canRedoProperty().get());
    }

    @Test
    void undoingAMoveMakesTheVertebraASuggestionAgainAndRedoConfirmsItAgain() {
        Session s = suggested();
        Reading before = s.reading();
        s.edit(moved(s.reading(), T2, 4));
        assertEquals(EnumSet.of(T1, T3), EnumSet.copyOf(s.suggested()));
        s.undo();
        assertEquals(before, s.reading());
        assertEquals(EnumSet.of(T1, T2, T3), EnumSet.copyOf(s.suggested()));
        s.redo();
        assertEquals(EnumSet.of(T1, T3), EnumSet.copyOf(s.suggested()));
        assertEquals(before.landmarks().vertebra(T2).orElseThrow().topLeft().x() + 4,
                s.reading().landmarks().vertebra(T2).orElseThrow().topLeft().x(), 1e-12);
    }

    @Test
    void aDragOfASuggestedVertebraIsOneUndoStepThatRestoresItsMarking() {
        Session s = suggested();
        Reading before = s.reading();
        s.beginDrag();
        for (int dx = 1; dx <= 5; dx++) {
            s.dragTo(moved(before, T3, dx));
            assertEquals(EnumSet.of(T1, T2), EnumSet.copyOf(s.suggested()), "the vertebra being dragged is confirmed");
        }
        s.endDrag();
        s.undo();
        assertEquals(before, s.reading(), "the whole drag is one step");
        assertEquals(EnumSet.of(T1, T2, T3), EnumSet.copyOf(s.suggested()));
        s.undo();
        assertTrue(s.suggested().isEmpty(), "the step before the drag is the suggestion itself");
        assertTrue(s.reading().landmarks().vertebrae().isEmpty());
    }

    @Test
    void aDragThatEndsWhereItBeganIsNoStepAndConfirmsNothing() {
        Session s = suggested();
        Reading before = s.reading();
        s.beginDrag();
        s.dragTo(moved(before, T1, 3));
        assertEquals(EnumSet.of(T2, T3), EnumSet.copyOf(s.suggested()));
        s.dragTo(before);
        s.endDrag();
        assertEquals(EnumSet.of(T1, T2, T3), EnumSet.copyOf(s.suggested()));
        s.undo();
        assertTrue(s.suggested().isEmpty(), "undo goes straight back before the suggestion");
    }

    @Test
    void acceptAllIsOneUndoStep() {
        Session s = suggested();
        Reading before = s.reading();
        long rev = s.revisionProperty().get();
        s.acceptAllSuggestions();
        assertTrue(s.suggested().isEmpty());
        assertEquals(before, s.reading(), "accepting moves nothing");
        assertTrue(s.revisionProperty().get() > rev, "accepting is saved");
        s.undo();
        assertEquals(EnumSet.of(T1, T2, T3), EnumSet.copyOf(s.suggested()), "undo makes them suggestions again");
        assertEquals(before, s.reading());
        s.redo();
        assertTrue(s.suggested().isEmpty());
        // with nothing suggested, accepting is no step
        s.undo();
        s.redo();
        s.acceptAllSuggestions();
        s.undo();
        assertEquals(EnumSet.of(T1, T2, T3), EnumSet.copyOf(s.suggested()));
    }

    @Test
    void acceptAllDuringADragEndsTheDragFirst() {
        Session s = suggested();
        Reading before = s.reading();
        s.beginDrag();
        s.dragTo(moved(before, T1, 2));
        s.acceptAllSuggestions();
        assertTrue(s.suggested().isEmpty());
        s.undo();
        assertEquals(EnumSet.of(T2, T3), EnumSet.copyOf(s.suggested()), "undo of accept all: the drag's state");
        s.undo();
        assertEquals(before, s.reading());
        assertEquals(EnumSet.of(T1, T2, T3), EnumSet.copyOf(s.suggested()));
    }

    @Test
    void aSecondSuggestionIsOneStepThatUndoesToTheFirstMarking() {
        Session s = suggested();
        s.edit(moved(s.reading(), T2, 4));
        Reading confirmedT2 = s.reading();
        List<Vertebra> again = List.of(SpineFixtures.vertebra(T2, 130, 200, 0), SpineFixtures.vertebra(T3, 130, 300, 0),
                SpineFixtures.vertebra(L1, 130, 700, 0));
        assertEquals(EnumSet.of(T3, L1), EnumSet.copyOf(s.applySuggestion(again)));
        assertEquals(EnumSet.of(T1, T3, L1), EnumSet.copyOf(s.suggested()));
        s.undo();
        assertEquals(confirmedT2, s.reading());
        assertEquals(EnumSet.of(T1, T3), EnumSet.copyOf(s.suggested()));
    }

    @Test
    void deletingASuggestedVertebraAndUndoingBringsItBackAsASuggestion() {
        Session s = suggested();
        s.edit(s.reading().without(new PointRef.Corner(T1, VertebraCorner.BOTTOM_RIGHT)));
        assertTrue(s.reading().landmarks().vertebra(T1).isEmpty());
        assertEquals(EnumSet.of(T2, T3), EnumSet.copyOf(s.suggested()));
        s.undo();
        assertEquals(EnumSet.of(T1, T2, T3), EnumSet.copyOf(s.suggested()));
    }

    @Test
    void theSuggestedLevelsAlwaysNameVertebraeOfTheReading() {
        ReadingState state = new ReadingState(Reading.empty(), Set.of(T1));
        assertTrue(state.suggested().isEmpty(), "a level with no vertebra cannot be a suggestion");
        Session s = new Session();
        Reading one = Reading.of(org.orthomeasure.core.landmarks.LandmarkSet.empty().withVertebra(SUGGESTION.get(0)));
        s.load(Path.of("spine.dcm"), FILM, one, Optional.empty(), LandmarkProtocol.allVertebrae(), Set.of(T1, T2));
        assertEquals(Set.of(T1), s.suggested());
    }

    @Test
    void autosaveAndReopenRestoreTheSuggestedSetAsUndoLeftIt(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("spine.png");
        SessionStore store = new SessionStore(dir.resolve("home"), Files::isWritable);
        Session s = new Session();
        s.load(image, FILM, Reading.empty(), Optional.empty(), LandmarkProtocol.allVertebrae());
        s.applySuggestion(SUGGESTION);
        s.edit(moved(s.reading(), T2, 4));
        s.acceptAllSuggestions();
        s.undo(); // T1, T3 suggested again
        try (Autosaver saver = new Autosaver(10_000, failure -> assertEquals(null, failure))) {
            var doc = SessionStore.document(s);
            saver.changed(() -> store.save(image, doc));
            saver.flush();
        }
        Session reopened = new Session();
        reopened.load(image, FILM, store.load(image, FILM));
        assertEquals(s.reading(), reopened.reading());
        assertEquals(EnumSet.of(T1, T3), EnumSet.copyOf(reopened.suggested()));
        assertEquals(0, reopened.revisionProperty().get());
        assertFalse(reopened.canUndoProperty().get(), "a reopened session starts a fresh history");
        // and the restored marking is itself undoable
        reopened.edit(moved(reopened.reading(), T1, 2));
        assertEquals(Set.of(T3), reopened.suggested());
        reopened.undo();
        assertEquals(EnumSet.of(T1, T3), EnumSet.copyOf(reopened.suggested()));
        assertEquals(LandmarkProtocol.allVertebrae().variant(), reopened.protocol().variant());
    }
}
