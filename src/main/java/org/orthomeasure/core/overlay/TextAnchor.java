package org.orthomeasure.core.overlay;

/**
 * Where a label's text sits relative to its anchor point, as a compass direction on the screen
 * ({@code EAST}: the text starts just right of the point, vertically centred; {@code NORTH}: the text
 * is centred above the point; {@code CENTER}: centred on the point). Renderers keep a small gap in
 * screen pixels, so labels stay readable at any zoom.
 */
public enum TextAnchor {
    CENTER(0, 0), NORTH(0, -1), NORTH_EAST(1, -1), EAST(1, 0), SOUTH_EAST(1, 1),
    SOUTH(0, 1), SOUTH_WEST(-1, 1), WEST(-1, 0), NORTH_WEST(-1, -1);

    private final int dx;
    private final int dy;

    TextAnchor(int dx, int dy) {
        this.dx = dx;
        this.dy = dy;
    }

    /** -1 when the text lies left of the point, +1 right of it, 0 centred horizontally. */
    public int dx() {
        return dx;
    }

    /** -1 when the text lies above the point, +1 below it, 0 centred vertically (screen y down). */
    public int dy() {
        return dy;
    }

    /**
     * The anchor that puts a label on the side a direction points to ({@code x} right, {@code y} down),
     * e.g. (1, 0) gives {@code EAST}, (0, -1) {@code NORTH}; a zero direction gives {@code CENTER}.
     * Directions within 22.5 degrees of an axis snap to that axis.
     */
    public static TextAnchor toward(double x, double y) {
        if (x == 0 && y == 0) {
            return CENTER;
        }
        double t = Math.tan(Math.toRadians(22.5));
        int sx = Math.abs(x) <= t * Math.abs(y) ? 0 : (int) Math.signum(x);
        int sy = Math.abs(y) <= t * Math.abs(x) ? 0 : (int) Math.signum(y);
        for (TextAnchor a : values()) {
            if (a.dx == sx && a.dy == sy) {
                return a;
            }
        }
        return CENTER;
    }
}
