package org.orthomeasure.core.landmarks;

import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Landmark ids of the landmark file: a limb landmark, a head's rim standing for its centre, or no limb landmark. */
class LandmarkKeyTest {

    @Test
    void fileIdsNameLimbLandmarksAndARimStandsForItsHead() {
        assertEquals(Optional.of(LandmarkKey.of(Side.R, LimbLandmark.KNEE_CENTER)), LandmarkKey.ofFileId("R.kneeCenter"));
        assertEquals(Optional.of(LandmarkKey.of(Side.L, LimbLandmark.FEMORAL_HEAD_CENTER)),
                LandmarkKey.ofFileId("L.femoralHeadRim"));
        assertEquals(Optional.of(LandmarkKey.of(Side.L, LimbLandmark.FEMORAL_HEAD_CENTER)),
                LandmarkKey.ofFileId("L.femoralHeadCenter"));
        assertTrue(LandmarkKey.ofFileId("T4").isEmpty());
        assertTrue(LandmarkKey.ofFileId("cobbLines").isEmpty());
        assertTrue(LandmarkKey.ofFileId("X.femoralHeadRim").isEmpty());
        assertEquals("R.kneeCenter", LandmarkKey.parse("R.kneeCenter").id());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LandmarkKey.parse("R.knee")).getMessage()
                .contains("femoralHeadRim"), "the known names include the rim");
    }
}
