package org.orthomeasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code COMMAND --help} for every subcommand: exit 0, its forms, and every option its parser accepts. */
class CommandHelpTest extends CommandLineHarness {

    /** The options each command's parser (and the parsers it hands on to) accepts, from their switch cases. */
    private static final Map<String, List<String>> OPTIONS = Map.of(
            "measure", List.of("--landmarks", "--image", "--json", "--cpak-asian", "--auto spine", "--auto longleg",
                    "--side", "--levels", "--landmarks-out", "--pdf", "--png", "--no-patient-details", "--user", "--dicom-sr",
                    "--dicom-sc", "--dicom-pdf"),
            "info", List.of("usage: info FILM"),
            "render", List.of("--window CENTRE WIDTH", "--max-size", "--invert", "--no-invert"),
            "evaluate", List.of("--files", "--limit", "--json", "--part", "--overlays"),
            "compare", List.of("--image", "--json", "--pdf", "--cpak-asian"),
            "pacs", List.of("pacs echo", "pacs find", "pacs get", "pacs send", "--pacs", "--aet", "--patient-id",
                    "--patient-name", "--accession", "--study-date", "--modality", "--json", "--out", "--port",
                    "--listen", "--outbox", "--resend", "--timeout"));

    @Test
    void everySubcommandHasAHelpListingAllItsOptions() {
        assertEquals(Set.copyOf(OPTIONS.keySet()), CommandLine.subcommands().keySet(),
                "a new subcommand needs its options listed here");
        for (var e : OPTIONS.entrySet()) {
            for (String flag : List.of("--help", "-h")) {
                resetStreams();
                assertEquals(0, run(e.getKey(), flag), e.getKey() + " " + flag + ": " + err());
                String help = out();
                assertTrue(help.startsWith("usage: " + e.getKey()), help);
                assertTrue(err().isEmpty(), err());
                for (String option : e.getValue()) {
                    assertTrue(help.contains(option), e.getKey() + " --help lacks " + option + ":\n" + help);
                }
            }
        }
    }

    @Test
    void theGeneralHelpPointsToTheCommandsHelp() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("COMMAND --help lists every option of a command."), out());
        for (String name : OPTIONS.keySet()) {
            assertTrue(out().contains("  " + name + " "), out());
        }
    }

    @Test
    void renderSaysWhichWindowNumberIsWhich() {
        assertEquals(0, run("render", "--help"));
        assertTrue(out().contains("--window CENTRE WIDTH  window centre, then width"), out());
    }
}
