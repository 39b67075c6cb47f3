package org.orthomeasure.io.dicom;

import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The NEMA WG04 files in {@code ${orthomeasure.shared}/dicom/wg04}; tests skip when the folder is absent. */
final class Wg04Files {

    private Wg04Files() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("orthomeasure.shared", "../shared"), "dicom", "wg04");
        assumeTrue(Files.isDirectory(dir), "shared WG04 folder absent: " + dir);
        return dir;
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    /** The true pixels of RG2 from RG2_reference.tif (a TIFF that is also an uncompressed DICOM file; both readings are checked equal). */
    static Radiograph reference() throws ImageReadException {
        return RadiographReader.withToolSearchPath("").open(file("RG2_reference.tif"));
    }

    static boolean dcmtkPresent(String tool) {
        return DcmtkTools.fromEnvironment().find(tool).isPresent();
    }
}
