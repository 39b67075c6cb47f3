package org.orthomeasure.ui.viewer;

import java.util.Locale;
import java.util.Optional;
import org.orthomeasure.io.image.StudyHeader;

/**
 * The patient directions of the image axes (DICOM Patient Orientation, 0020,0020: the direction of
 * the rows, +x, then of the columns, +y, in the letters R L A P H F), and the letter to show at each
 * screen edge of the view (the R/L marker). Without the attribute the radiographic convention is
 * assumed, and said so: an AP film seen as if facing the patient, so the rows run to the patient's
 * left ("L") and the columns to the feet ("F").
 *
 * @param rows    the patient direction of image +x, e.g. "L"
 * @param columns the patient direction of image +y, e.g. "F"
 * @param fromFile true when read from the file's Patient Orientation
 */
public record FilmOrientation(String rows, String columns, boolean fromFile) {

    /** The screen edges. */
    public enum Edge {
        LEFT(-1, 0), RIGHT(1, 0), TOP(0, -1), BOTTOM(0, 1);

        private final int dx;
        private final int dy;

        Edge(int dx, int dy) {
            this.dx = dx;
            this.dy = dy;
        }
    }

    /** The orientation of a film: its Patient Orientation when it has a usable one, else the convention. */
    public static FilmOrientation of(StudyHeader header) {
        Optional<String> po = header.patientOrientation();
        if (po.isPresent()) {
            String[] parts = po.get().toUpperCase(Locale.ROOT).split("\\\\");
            if (parts.length == 2 && parts[0].strip().matches("[RLAPHF]+") && parts[1].strip().matches("[RLAPHF]+")) {
                return new FilmOrientation(parts[0].strip(), parts[1].strip(), true);
            }
        }
        return new FilmOrientation("L", "F", false);
    }

    /** The patient direction towards a screen edge through the view {@code t}, e.g. "R" at the left of an AP film. */
    public String letterAt(Edge edge, ViewTransform t) {
        // screen direction to image direction: the view's matrix is orthogonal, so its inverse is its transpose
        int ix = t.m00() * edge.dx + t.m10() * edge.dy;
        int iy = t.m01() * edge.dx + t.m11() * edge.dy;
        if (ix != 0) {
            return ix > 0 ? rows : opposite(rows);
        }
        return iy > 0 ? columns : opposite(columns);
    }

    /** "R/L from Patient Orientation L\F" or "R/L assumed: AP convention (no Patient Orientation)". */
    public String description() {
        return fromFile ? "R/L from Patient Orientation " + rows + "\\" + columns
                : "R/L assumed: AP convention (no Patient Orientation)";
    }

    static String opposite(String letters) {
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
