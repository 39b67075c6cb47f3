package org.orthomeasure.ui;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window's size and place: the last one used (kept in the user's preferences) when it is
 * still on a screen, else a useful default: 90 % of the primary screen's visual area, at least
 * 1024 × 700 where the screen has room.
 *
 * @param x         left edge, null to let the system place the window
 * @param y         top edge, null with x
 * @param width     scene width, px
 * @param height    scene height, px
 * @param maximized true when the window was maximized
 */
public record WindowBounds(Double x, Double y, double width, double height, boolean maximized) {

    private static final String KEY = "window.";

    /** The default for a screen's visual area. */
    public static WindowBounds defaultFor(Rectangle2D screen) {
        double w = Math.min(screen.getWidth(), Math.max(Math.min(1024, screen.getWidth()), 0.9 * screen.getWidth()));
        double h = Math.min(screen.getHeight() - 40, Math.max(Math.min(700, screen.getHeight() - 40), 0.9 * screen.getHeight() - 40));
        return new WindowBounds(null, null, Math.round(w), Math.round(h), false);
    }

    /** The bounds kept in {@code prefsOrNull} when they still fit on a screen, else {@link #defaultFor}. */
    public static WindowBounds restore(Preferences prefsOrNull, Rectangle2D primary) {
        WindowBounds fallback = defaultFor(primary);
        if (prefsOrNull == null) {
            return fallback;
        }
        double w = prefsOrNull.getDouble(KEY + "width", -1);
        double h = prefsOrNull.getDouble(KEY + "height", -1);
        double x = prefsOrNull.getDouble(KEY + "x", Double.NaN);
        double y = prefsOrNull.getDouble(KEY + "y", Double.NaN);
        boolean max = prefsOrNull.getBoolean(KEY + "maximized", false);
        if (w < 400 || h < 300 || Double.isNaN(x) || Double.isNaN(y)
                || Screen.getScreensForRectangle(x, y, Math.min(w, 200), Math.min(h, 100)).isEmpty()) {
            return new WindowBounds(fallback.x(), fallback.y(), fallback.width(), fallback.height(), max);
        }
        return new WindowBounds(x, y, w, h, max);
    }

    /** Keeps the stage's size and place in {@code prefsOrNull} (nothing when null). */
    public static void save(Preferences prefsOrNull, Stage stage) {
        if (prefsOrNull == null || stage.getScene() == null) {
            return;
        }
        prefsOrNull.putBoolean(KEY + "maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefsOrNull.putDouble(KEY + "x", stage.getX());
            prefsOrNull.putDouble(KEY + "y", stage.getY());
            prefsOrNull.putDouble(KEY + "width", stage.getScene().getWidth());
            prefsOrNull.putDouble(KEY + "height", stage.getScene().getHeight());
        }
    }
}
