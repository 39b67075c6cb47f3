package org.orthomeasure.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.orthomeasure.io.dicom.net.PacsNode;

/** The PACS settings as typed, as kept in the preferences, and what they refuse. */
class PacsSettingsTest {

    @Test
    void typedSettingsParseAndSurviveThePreferences() throws Exception {
        PacsSettings s = PacsSettings.parse(" ORTHANC ", "127.0.0.1", "4242", "OMWS", true, "11112", "", "2.5");
        assertEquals(Optional.of(new PacsNode("ORTHANC", "127.0.0.1", 4242)), s.node());
        assertEquals("OMWS", s.ourAeTitle());
        assertTrue(s.retrievesByMove());
        assertEquals(11112, s.listenerPort());
        assertEquals("127.0.0.1", s.listenAddress(), "the listener binds to loopback unless told otherwise");
        assertEquals(Duration.ofMillis(2500), s.timeout());
        assertEquals("2.5", s.timeoutText());

        Preferences prefs = Preferences.userRoot().node("orthomeasure-test-" + System.nanoTime());
        try {
            s.save(prefs);
            assertEquals(s, PacsSettings.load(prefs));
            PacsSettings.none().save(prefs);
            assertEquals(PacsSettings.none(), PacsSettings.load(prefs));
        } finally {
            prefs.removeNode();
        }
    }

    @Test
    void theListenerIsOffByDefaultAndRetrievalIsThenByCGet() {
        PacsSettings none = PacsSettings.none();
        assertFalse(none.listenerEnabled());
        assertTrue(none.node().isEmpty());
        assertFalse(PacsSettings.parse("A", "h", "1", "B", false, "11112", "", "30").retrievesByMove(),
                "a port alone does not open a listener");
        assertEquals(PacsSettings.none(), PacsSettings.load(null));
    }

    @Test
    void eachFieldAtFaultIsNamedInOneLine() {
        assertEquals("the PACS port must be 1..65535, got 'x'",
                assertThrows(IllegalArgumentException.class, () -> PacsSettings.parse("A", "h", "x", "B", false, "", "", "30")).getMessage());
        assertEquals("the PACS needs its AE title, host and port (or leave all three empty)",
                assertThrows(IllegalArgumentException.class, () -> PacsSettings.parse("A", "", "1", "B", false, "", "", "30")).getMessage());
        assertEquals("the storage listener needs our port (1..65535) for C-MOVE",
                assertThrows(IllegalArgumentException.class, () -> PacsSettings.parse("A", "h", "1", "B", true, "", "", "30")).getMessage());
        assertEquals("our port must be 1..65535, got '70000'",
                assertThrows(IllegalArgumentException.class, () -> PacsSettings.parse("A", "h", "1", "B", true, "70000", "", "30")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PacsSettings.parse("A", "h", "1", "WAY-TOO-LONG-AE-TITLE",
                false, "", "", "30")).getMessage().startsWith("an AE title is 1 to 16 printable ASCII characters"));
        assertEquals("the timeout is 0 < seconds <= 3600, got '0'",
                assertThrows(IllegalArgumentException.class, () -> PacsSettings.parse("A", "h", "1", "B", false, "", "", "0")).getMessage());
        assertEquals("192.0.2.7 is not an address of this machine", assertThrows(IllegalArgumentException.class,
                () -> PacsSettings.parse("A", "h", "1", "B", true, "11112", "192.0.2.7", "30").listenInterface()).getMessage());
    }
}
