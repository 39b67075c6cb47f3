package org.orthomeasure.ui.viewer;

import org.orthomeasure.io.image.PatientOrientation;
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
        PatientOrientation p = PatientOrientation.of(header);
        return new FilmOrientation(p.rows(), p.columns(), p.fromFile());
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
        return new PatientOrientation(rows, columns, fromFile).description();
    }

    static String opposite(String letters) {
        return PatientOrientation.opposite(letters);
    }
}
