package org.orthomeasure.io.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The patient directions of the image axes (DICOM Patient Orientation, 0020,0020: the direction of
 * the rows, +x, then of the columns, +y, in the letters R L A P H F). Without a usable attribute the
 * radiographic convention is assumed, and said so: an AP film seen as if facing the patient, so the
 * rows run to the patient's left ("L") and the columns to the feet ("F").
 *
 * @param rows     the patient direction of image +x, e.g. "L"
 * @param columns  the patient direction of image +y, e.g. "F"
 * @param fromFile true when read from the file's Patient Orientation
 */
public record PatientOrientation(String rows, String columns, boolean fromFile) {

    /** The orientation of a film: its Patient Orientation when it has a usable one, else the AP convention. */
    public static PatientOrientation of(StudyHeader header) {
        Optional<String> po = header.patientOrientation();
        if (po.isPresent()) {
            String[] parts = po.get().toUpperCase(Locale.ROOT).split("\\\\");
            if (parts.length == 2 && parts[0].strip().matches("[RLAPHF]+") && parts[1].strip().matches("[RLAPHF]+")) {
                return new PatientOrientation(parts[0].strip(), parts[1].strip(), true);
            }
        }
        return new PatientOrientation("L", "F", false);
    }

    /** The letter at the image's left edge (towards −x), e.g. "R" on an AP film. */
    public String leftEdge() {
        return opposite(rows);
    }

    /** The letter at the image's right edge (towards +x), e.g. "L" on an AP film. */
    public String rightEdge() {
        return rows;
    }

    /** "R/L from Patient Orientation L\F" or "R/L assumed: AP convention (no Patient Orientation)". */
    public String description() {
        return fromFile ? "R/L from Patient Orientation " + rows + "\\" + columns
                : "R/L assumed: AP convention (no Patient Orientation)";
    }

    /** The opposite directions, letter by letter: "LF" gives "RH". */
    public static String opposite(String letters) {
        StringBuilder b = new StringBuilder();
        for (char c : letters.toCharArray()) {
            b.append(switch (c) {
                case 'R' -> 'L';
                case 'L' -> 'R';
                case 'A' -> 'P';
                case 'P' -> 'A';
                case 'H' -> 'F';
                case 'F' -> 'H';
                default -> c;
            });
        }
        return b.toString();
    }
}
