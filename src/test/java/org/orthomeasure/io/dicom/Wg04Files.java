package org.orthomeasure.io.dicom;

import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;

import java.nio.file.Path;

/** The NEMA WG04 files in {@code ${orthomeasure.shared}/dicom/wg04}; see {@link org.orthomeasure.SharedData} for when tests skip or fail. */
final class Wg04Files {

    private Wg04Files() {
    }

    static Path dir() {
        return org.orthomeasure.SharedData.require("dicom", "wg04");
    }

    static Path file(String name) {
        return org.orthomeasure.SharedData.require("dicom", "wg04", name);
    }

    /** The true pixels of RG2 from RG2_reference.tif (a TIFF that is also an uncompressed DICOM file; both readings are checked equal). */
    static Radiograph reference() throws ImageReadException {
        return RadiographReader.withToolSearchPath("").open(file("RG2_reference.tif"));
    }

    static boolean dcmtkPresent(String tool) {
        return DcmtkTools.fromEnvironment().find(tool).isPresent();
    }
}
