package org.orthomeasure.ui.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.ui.TestFilms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Check mode's reference reading is saved with the session and restored on reopen (issue 6 follow-up). */
class SessionReferenceTest {

    private static final Radiograph FILM = TestFilms.grey(300, 1000);

    @TempDir
    Path dir;

    /** The user's own reading: worked number 1 (R.HKA -2.864°). */
    private static Reading mine() {
        return SessionTest.workedNumberOne();
    }

    /** An attending's reading: worked number 1 with the knee centre on the hip-ankle line (R.HKA 0°). */
    private static Reading attending() {
        return Reading.of(SessionTest.workedNumberOne().with(SessionTest.ref(LimbLandmark.KNEE_CENTER), Point2.of(100, 500))
                .landmarks());
    }

    private Path image() {
        return dir.resolve("leg.dcm");
    }

    private SessionStore store() {
        return new SessionStore(dir.resolve("home"), Files::isWritable);
    }

    private Session opened() {
        Session s = new Session();
        s.load(image(), FILM, store().load(image(), FILM));
        return s;
    }

    private void save(Session s) throws Exception {
        store().save(image(), SessionStore.document(s));
    }

    private String sessionJson() throws Exception {
        return Files.readString(SessionStore.sessionFile(image()));
    }

    private Session withMyReading() {
        Session s = opened();
        s.protocolProperty().set(LandmarkProtocol.longLeg(EnumSet.of(Side.R), false));
        s.edit(mine());
        return s;
    }

    @Test
    void aHiddenReferenceIsSavedAndComesBackHidden() throws Exception {
        Session s = withMyReading();
        long rev = s.revisionProperty().get();
        s.setReference(attending(), "attending.json");
        assertTrue(s.revisionProperty().get() > rev, "attaching a reference is a change to save");
        save(s);
        assertTrue(sessionJson().contains("\"reference\""), sessionJson());

        SessionStore.Restored restored = store().load(image(), FILM);
        assertEquals(Optional.of(new ReferenceReading(attending(), "attending.json", false)), restored.reference());
        assertTrue(restored.problem().isEmpty());
        assertTrue(restored.message().orElseThrow().endsWith("with the reference reading attending.json (hidden)"),
                restored.message().get());

        Session back = new Session();
        back.load(image(), FILM, restored);
        assertEquals(mine(), back.reading(), "the user's reading is the user's, not the reference");
        assertEquals(attending(), back.referenceProperty().get());
        assertEquals("attending.json", back.referenceNameProperty().get());
        assertFalse(back.referenceRevealedProperty().get(), "still blind after reopening");
        assertEquals(0, back.revisionProperty().get(), "restoring is no change");
        assertEquals(-2.864, back.measurements().get("R.HKA").orElseThrow().value(), 1e-3);
    }

    @Test
    void theRevealedFlagIsKept() throws Exception {
        Session s = withMyReading();
        s.setReference(attending(), "OrthoMeasure suggestion (confidence 0.91)");
        long rev = s.revisionProperty().get();
        s.referenceRevealedProperty().set(true);
        assertTrue(s.revisionProperty().get() > rev, "revealing is a change to save");
        save(s);
        Session back = opened();
        assertTrue(back.referenceRevealedProperty().get());
        assertEquals("OrthoMeasure suggestion (confidence 0.91)", back.referenceNameProperty().get());
        assertEquals(Optional.of(new ReferenceReading(attending(), "OrthoMeasure suggestion (confidence 0.91)", true)),
                back.referenceReading());
    }

    @Test
    void withoutAReferenceTheFileHasNoneAndNoneComesBack() throws Exception {
        Session s = withMyReading();
        save(s);
        assertFalse(sessionJson().contains("reference"), sessionJson());
        Session back = opened();
        assertNull(back.referenceProperty().get());
        assertEquals("", back.referenceNameProperty().get());
        assertTrue(back.referenceReading().isEmpty());
        assertEquals(mine(), back.reading());
    }

    @Test
    void removingTheReferenceRemovesItFromTheFile() throws Exception {
        Session s = withMyReading();
        s.setReference(attending(), "attending.json");
        s.referenceRevealedProperty().set(true);
        save(s);
        long rev = s.revisionProperty().get();
        s.setReference(null, null);
        assertTrue(s.revisionProperty().get() > rev, "removing is a change to save");
        assertFalse(s.referenceRevealedProperty().get());
        save(s);
        assertFalse(sessionJson().contains("reference"), sessionJson());
        assertTrue(opened().referenceReading().isEmpty());
    }

    @Test
    void anotherFilmStartsWithoutTheReferenceAndTheFirstKeepsIt() throws Exception {
        Session s = withMyReading();
        s.setReference(attending(), "attending.json");
        save(s);
        s.load(dir.resolve("other.dcm"), FILM, store().load(dir.resolve("other.dcm"), FILM));
        assertNull(s.referenceProperty().get());
        s.load(image(), FILM, store().load(image(), FILM));
        assertEquals(attending(), s.referenceProperty().get());
    }

    @Test
    void aSessionFileFromBeforeTheReferenceWasSavedStillOpens() throws Exception {
        // written by the previous release: landmarks, calibration, protocol, suggested; no "reference"
        Files.writeString(SessionStore.sessionFile(image()), """
                {
                  "format": "orthomeasure-landmarks/1",
                  "protocol": "spine",
                  "imageSize": [300, 1000],
                  "calibration": {"source": "none", "detail": "no spacing in the file"},
                  "landmarks": {"R.kneeCenter": [90.0, 500.0]},
                  "vertebrae": [ {"level": "T1", "corners": [[0.0, 0.0], [10.0, 0.0], [0.0, 5.0], [10.0, 5.0]]},
                                 {"level": "T2", "corners": [[0.0, 20.0], [10.0, 20.0], [0.0, 25.0], [10.0, 25.0]]} ],
                  "suggested": ["T2"]
                }
                """);
        SessionStore.Restored restored = store().load(image(), FILM);
        assertTrue(restored.problem().isEmpty(), restored.problem().toString());
        assertTrue(restored.reference().isEmpty());
        assertEquals("Session restored from leg.dcm.orthomeasure.json", restored.message().orElseThrow());
        Session s = new Session();
        s.load(image(), FILM, restored);
        assertEquals(2, s.reading().landmarks().vertebrae().size());
        assertEquals(java.util.Set.of(SpineLevel.T2), s.suggested());
        assertNull(s.referenceProperty().get());
    }

    @Test
    void aDamagedReferenceBlockLeavesTheUsersReadingIntactAndSaysSo() throws Exception {
        Session s = withMyReading();
        s.setReference(attending(), "attending.json");
        save(s);
        String good = sessionJson();
        String bad = good.replace("\"revealed\": false", "\"revealed\": \"no\"");
        assertFalse(bad.equals(good));
        Files.writeString(SessionStore.sessionFile(image()), bad);

        SessionStore.Restored restored = store().load(image(), FILM);
        assertEquals(mine(), restored.reading(), "the user's own reading is restored");
        assertTrue(restored.reference().isEmpty());
        String problem = restored.problem().orElseThrow();
        assertEquals("Reference reading not restored: " + SessionStore.sessionFile(image())
                + ": reference.revealed: expected true or false, got a string \"no\""
                + "; the file was kept as leg.dcm.orthomeasure.json.unreadable; your own reading was restored", problem);
        assertTrue(restored.message().orElseThrow().contains(problem));
        assertEquals(bad, Files.readString(dir.resolve("leg.dcm.orthomeasure.json.unreadable")), "the damaged file is kept");
        assertEquals(bad, sessionJson(), "and not moved away: the user's reading is still in it");

        Session back = new Session();
        back.load(image(), FILM, restored);
        assertEquals(mine(), back.reading());
        assertNull(back.referenceProperty().get());
    }

    @Test
    void aDamagedReadingOutsideTheReferenceIsStillNotRestoredAndSetAside() throws Exception {
        Session s = withMyReading();
        s.setReference(attending(), "attending.json");
        save(s);
        Files.writeString(SessionStore.sessionFile(image()), sessionJson().replaceFirst("\"R.kneeCenter\"", "\"R.kneeCentre\""));
        SessionStore.Restored restored = store().load(image(), FILM);
        assertTrue(restored.reading().landmarks().isEmpty());
        assertTrue(restored.reference().isEmpty());
        assertTrue(restored.problem().orElseThrow().startsWith("Session not restored: "), restored.problem().get());
        assertTrue(restored.problem().get().contains("unknown landmark 'R.kneeCentre'"), restored.problem().get());
        assertTrue(Files.notExists(SessionStore.sessionFile(image())));
        assertTrue(Files.exists(dir.resolve("leg.dcm.orthomeasure.json.unreadable")));
    }

    @Test
    void aReferenceNeedsAName() {
        Session s = withMyReading();
        assertThrows(IllegalArgumentException.class, () -> s.setReference(attending(), " "));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceReading(attending(), "", false));
        assertNull(s.referenceProperty().get());
    }
}
