package org.orthomeasure.ui.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.measure.LimbMeasure;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.ui.TestFilms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orthomeasure.core.landmarks.LimbLandmark.ANKLE_CENTER;
import static org.orthomeasure.core.landmarks.LimbLandmark.FEMORAL_CONDYLE_LATERAL;
import static org.orthomeasure.core.landmarks.LimbLandmark.FEMORAL_CONDYLE_MEDIAL;
import static org.orthomeasure.core.landmarks.LimbLandmark.FEMORAL_HEAD_CENTER;
import static org.orthomeasure.core.landmarks.LimbLandmark.KNEE_CENTER;
import static org.orthomeasure.core.landmarks.LimbLandmark.TIBIAL_PLATEAU_LATERAL;
import static org.orthomeasure.core.landmarks.LimbLandmark.TIBIAL_PLATEAU_MEDIAL;

/**
 * Long-leg suggestions in the session (issue 11): suggested limb landmarks and heads are marked, a landmark
 * the user moves becomes the user's (only that one), undo/redo and "Accept all" restore the marking with
 * the reading, the user's own landmarks are never overwritten, and the marking survives save and reopen.
 */
class SessionLegSuggestionTest {

    private static final Radiograph FILM = TestFilms.grey(1000, 1000);

    /** Worked number 1 of the right leg (HKA 2.9° varus) with its head as 8 rim points of radius 20 around (100, 100). */
    private static LandmarkSet suggestion() {
        List<Point2> rim = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double a = Math.toRadians(180 + 225.0 * i / 7);
            rim.add(Point2.of(100 + 20 * Math.cos(a), 100 + 20 * Math.sin(a)));
        }
        return LandmarkSet.empty().withHeadRim(Side.R, rim)
                .withPoint(Side.R, KNEE_CENTER, Point2.of(90, 500))
                .withPoint(Side.R, ANKLE_CENTER, Point2.of(100, 900))
                .withPoint(Side.R, FEMORAL_CONDYLE_MEDIAL, Point2.of(120, 495))
                .withPoint(Side.R, FEMORAL_CONDYLE_LATERAL, Point2.of(60, 495))
                .withPoint(Side.R, TIBIAL_PLATEAU_MEDIAL, Point2.of(120, 505))
                .withPoint(Side.R, TIBIAL_PLATEAU_LATERAL, Point2.of(60, 505));
    }

    private static final Set<LandmarkKey> KEYS = keys(FEMORAL_HEAD_CENTER, KNEE_CENTER, ANKLE_CENTER,
            FEMORAL_CONDYLE_MEDIAL, FEMORAL_CONDYLE_LATERAL, TIBIAL_PLATEAU_MEDIAL, TIBIAL_PLATEAU_LATERAL);

    private static Set<LandmarkKey> keys(LimbLandmark... ls) {
        Set<LandmarkKey> s = new java.util.LinkedHashSet<>();
        for (LimbLandmark l : ls) {
            s.add(LandmarkKey.of(Side.R, l));
        }
        return s;
    }

    private static LandmarkKey key(LimbLandmark l) {
        return LandmarkKey.of(Side.R, l);
    }

    private static Session loaded(Path image) {
        Session s = new Session();
        s.load(image, FILM, Reading.empty(), Optional.empty(), LandmarkProtocol.longLeg(EnumSet.of(Side.R), false));
        return s;
    }

    private static Session suggested() {
        Session s = loaded(Path.of("leg.png"));
        assertEquals(KEYS, s.applyLandmarkSuggestion(suggestion(), KEYS));
        return s;
    }

    private static double hka(Session s) {
        return s.measurements().get(MeasurementId.limb(Side.R, LimbMeasure.HKA)).orElseThrow().number().getAsDouble();
    }

    @Test
    void theSuggestionIsPlacedAndMarkedAndMeasured() {
        Session s = suggested();
        assertEquals(KEYS, s.suggestedLandmarks());
        assertEquals(7, s.suggestionCountProperty().get());
        assertTrue(s.suggested().isEmpty(), "no vertebra is suggested on a leg film");
        assertEquals(8, s.reading().landmarks().headRim(Side.R).size());
        assertEquals(suggestion(), s.reading().landmarks());
        // worked number 1: H (100,100), K (90,500), A (100,900): HKA = 2 atan(10/400) = 2.8642° (varus, negative)
        assertEquals(-2 * Math.toDegrees(Math.atan(10.0 / 400)), hka(s), 1e-6);
    }

    @Test
    void movingOneLandmarkConfirmsThatOneOnly() {
        Session s = suggested();
        s.edit(s.reading().with(new PointRef.Limb(key(KNEE_CENTER)), Point2.of(100, 500)));
        Set<LandmarkKey> rest = new java.util.HashSet<>(KEYS);
        rest.remove(key(KNEE_CENTER));
        assertEquals(rest, s.suggestedLandmarks());
        assertEquals(0.0, hka(s), 1e-9, "K on the H-A line: HKA 0");
        s.undo();
        assertEquals(KEYS, s.suggestedLandmarks(), "undo makes the knee a suggestion again");
        s.redo();
        assertEquals(rest, s.suggestedLandmarks());
    }

    @Test
    void aDraggedRimPointConfirmsTheHeadAsOneUndoStep() {
        Session s = suggested();
        Point2 p = s.reading().landmarks().headRim(Side.R).get(3);
        s.beginDrag();
        s.dragTo(s.reading().with(new PointRef.HeadRim(Side.R, 3), Point2.of(p.x() + 2, p.y())));
        s.dragTo(s.reading().with(new PointRef.HeadRim(Side.R, 3), Point2.of(p.x() + 4, p.y())));
        s.endDrag();
        assertFalse(s.suggestedLandmarks().contains(key(FEMORAL_HEAD_CENTER)));
        assertEquals(6, s.suggestedLandmarks().size());
        s.undo();
        assertEquals(KEYS, s.suggestedLandmarks());
        assertEquals(p, s.reading().landmarks().headRim(Side.R).get(3));
    }

    @Test
    void theUsersOwnLandmarksAreKeptAndAResuggestionReplacesOnlySuggestions() {
        Session s = loaded(Path.of("leg.png"));
        s.edit(s.reading().with(new PointRef.Limb(key(KNEE_CENTER)), Point2.of(95, 510)));
        Set<LandmarkKey> filled = s.applyLandmarkSuggestion(suggestion(), KEYS);
        assertFalse(filled.contains(key(KNEE_CENTER)));
        assertEquals(Point2.of(95, 510), s.reading().landmarks().point(key(KNEE_CENTER)).orElseThrow());
        assertFalse(s.suggestedLandmarks().contains(key(KNEE_CENTER)));
        // the user moves the ankle (now theirs); a second suggestion moves what is still suggested, not the ankle
        s.edit(s.reading().with(new PointRef.Limb(key(ANKLE_CENTER)), Point2.of(105, 905)));
        LandmarkSet shifted = suggestion().map(q -> Point2.of(q.x() + 3, q.y()));
        Set<LandmarkKey> again = s.applyLandmarkSuggestion(shifted, KEYS);
        assertEquals(5, again.size());
        assertEquals(Point2.of(105, 905), s.reading().landmarks().point(key(ANKLE_CENTER)).orElseThrow());
        assertEquals(Point2.of(123, 495), s.reading().landmarks().point(key(FEMORAL_CONDYLE_MEDIAL)).orElseThrow());
        s.undo(); // back to the first suggestion as a whole
        assertEquals(Point2.of(120, 495), s.reading().landmarks().point(key(FEMORAL_CONDYLE_MEDIAL)).orElseThrow());
    }

    @Test
    void acceptAllConfirmsEverythingInOneUndoStep() {
        Session s = suggested();
        s.acceptAllSuggestions();
        assertTrue(s.suggestedLandmarks().isEmpty());
        assertEquals(0, s.suggestionCountProperty().get());
        assertEquals(suggestion(), s.reading().landmarks(), "accepting moves nothing");
        s.undo();
        assertEquals(KEYS, s.suggestedLandmarks());
        assertEquals(7, s.suggestionCountProperty().get());
    }

    @Test
    void deletingASuggestedLandmarkDropsItsMarking() {
        Session s = suggested();
        s.edit(Reading.of(s.reading().landmarks().without(key(ANKLE_CENTER))));
        assertFalse(s.suggestedLandmarks().contains(key(ANKLE_CENTER)));
        assertEquals(6, s.suggestionCountProperty().get());
    }

    @Test
    void shiftingVertebraLabelsKeepsTheSuggestedLimbLandmarks() {
        Session s = suggested();
        s.edit(Reading.of(s.reading().landmarks().withVertebra(
                org.orthomeasure.core.spine.SpineFixtures.vertebra(org.orthomeasure.core.landmarks.SpineLevel.T2, 500, 100, 5))));
        s.shiftVertebraLabels(true);
        assertTrue(s.reading().landmarks().vertebra(org.orthomeasure.core.landmarks.SpineLevel.T1).isPresent());
        assertEquals(KEYS, s.suggestedLandmarks());
    }

    /**
     * A film whose Patient Orientation runs the rows to the patient's right (PA or mirrored): the session
     * measures it mirrored, so the same leg drawn mirrored gives the AP film's HKA (varus stays varus).
     */
    @Test
    void aMirroredFilmIsMeasuredInTheApConvention() {
        short[] px = new short[1000 * 1000];
        Radiograph pa = org.orthomeasure.io.image.Radiograph.builder().grey(1000, 1000, px, false, 12)
                .header(org.orthomeasure.io.image.StudyHeader.of(null, null, null, null, null, null, "LEG", "PA", null,
                        null, null, "R\\F"))
                .formatInfo(new org.orthomeasure.io.image.ImageFormatInfo(1000, 1000, 12, "MONOCHROME2", Optional.empty(),
                        Optional.of("DX"), 1, "DICOM"))
                .build();
        Session s = new Session();
        s.load(Path.of("pa.dcm"), pa, Reading.of(suggestion().map(p -> Point2.of(999 - p.x(), p.y()))),
                Optional.empty(), LandmarkProtocol.longLeg(EnumSet.of(Side.R), false));
        assertTrue(s.optionsProperty().get().filmMirrored());
        assertEquals(-2 * Math.toDegrees(Math.atan(10.0 / 400)), hka(s), 1e-6, "the AP film's varus");
        assertTrue(s.measurements().notes().stream().anyMatch(n -> n.startsWith("mirrored film")), s.measurements().notes().toString());
        Session ap = loaded(Path.of("ap.dcm"));
        assertTrue(!ap.optionsProperty().get().filmMirrored(), "no Patient Orientation: the AP convention");
    }

    @Test
    void saveAndReopenRestoreTheMarking(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("leg.png");
        SessionStore store = new SessionStore(dir.resolve("home"), Files::isWritable);
        Session s = loaded(image);
        s.applyLandmarkSuggestion(suggestion(), KEYS);
        s.edit(s.reading().with(new PointRef.Limb(key(KNEE_CENTER)), Point2.of(92, 500)));
        var doc = SessionStore.document(s);
        assertTrue(doc.suggested().contains("R.femoralHeadRim"), doc.suggested().toString());
        assertFalse(doc.suggested().contains("R.kneeCenter"));
        assertEquals(6, doc.suggested().size());
        store.save(image, doc);
        Session reopened = new Session();
        reopened.load(image, FILM, store.load(image, FILM));
        assertEquals(s.reading(), reopened.reading());
        assertEquals(s.suggestedLandmarks(), reopened.suggestedLandmarks());
        assertEquals(6, reopened.suggestionCountProperty().get());
        assertEquals(hka(s), hka(reopened), 1e-12);
    }
}
