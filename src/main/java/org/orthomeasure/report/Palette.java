package org.orthomeasure.report;

import java.awt.Color;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.orthomeasure.core.overlay.OverlayRole;

/**
 * Colours for the overlay roles, for the screen (the workstation's viewer converts them) and for
 * Java2D pictures (report, PNG export): one palette, so a joint line has one colour everywhere. The
 * core names roles only; this is the one place that turns them into colours. Construction lines are
 * drawn dashed whatever the palette.
 */
public final class Palette {

    private final Map<OverlayRole, Color> colours;

    private Palette(Map<OverlayRole, Color> colours) {
        this.colours = colours;
    }

    /**
     * The standard palette, chosen to stay distinguishable on grey films and for the common colour
     * vision deficiencies (blue/orange/yellow rather than red/green).
     */
    public static Palette standard() {
        Map<OverlayRole, Color> m = new EnumMap<>(OverlayRole.class);
        m.put(OverlayRole.LANDMARK, new Color(255, 214, 0));      // yellow
        m.put(OverlayRole.AXIS, new Color(0, 190, 255));           // sky blue
        m.put(OverlayRole.ANATOMICAL_AXIS, new Color(0, 200, 140)); // bluish green (Okabe–Ito family)
        m.put(OverlayRole.JOINT_LINE, new Color(255, 140, 0));     // orange
        m.put(OverlayRole.MEASUREMENT, new Color(255, 255, 255));  // white
        m.put(OverlayRole.CONSTRUCTION, new Color(170, 220, 255)); // pale blue, dashed
        m.put(OverlayRole.SUGGESTION, new Color(200, 120, 255));   // violet
        m.put(OverlayRole.REFERENCE, new Color(0, 230, 200));      // cyan-green
        return new Palette(m);
    }

    /** Every role in one colour: one reading of a check-mode comparison. */
    public static Palette single(Color colour) {
        Objects.requireNonNull(colour, "colour");
        Map<OverlayRole, Color> m = new EnumMap<>(OverlayRole.class);
        for (OverlayRole r : OverlayRole.values()) {
            m.put(r, colour);
        }
        return new Palette(m);
    }

    /** The colour for {@code role} as 0xRRGGBB, for renderers that are not Java2D (JavaFX). */
    public int rgb(OverlayRole role) {
        return colours.get(role).getRGB() & 0xFFFFFF;
    }

    /** The colour for {@code role}. */
    public Color colour(OverlayRole role) {
        return colours.get(role);
    }
}
