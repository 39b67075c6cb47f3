package org.orthomeasure;

import org.orthomeasure.cli.CommandLine;
import org.orthomeasure.io.dicom.PixelMedConsole;

/**
 * Entry point of {@code orthomeasure.jar}. With no argument (or only paths of existing films) it starts the
 * desktop workstation; with a subcommand ({@code measure}, {@code info}, ...) it runs headless and
 * never touches JavaFX;
 * anything else (a mistyped subcommand, an unknown option) is one usage line and exit code 2.
 *
 * <p>This class deliberately does not extend {@code javafx.application.Application}, so that the
 * non-modular jar can be started with {@code java -jar} or {@code java -cp}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        PixelMedConsole.install();
        if (!CommandLine.startsWorkstation(args)) {
            System.exit(CommandLine.run(args, System.out, System.err));
        }
        org.orthomeasure.ui.DesktopApp.launchApp(args);
    }
}
