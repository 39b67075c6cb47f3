package org.orthomeasure.io.image;

import java.util.Objects;
import java.util.Optional;

/**
 * A named window the user can pick: from the file (Window Center/Width with its explanation, or a
 * VOI LUT) or computed ("Auto", "Full range").
 *
 * @param name   what the user reads, e.g. "File 1: BONE", "Auto (0.5-99.5 %)"
 * @param window the linear window (for a VOI LUT preset: the LUT's input range)
 * @param voiLut the LUT when this preset is a VOI LUT from the file
 */
public record WindowPreset(String name, WindowLevel window, Optional<VoiLut> voiLut) {

    public WindowPreset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(voiLut, "voiLut");
    }

    public static WindowPreset linear(String name, double center, double width) {
        return new WindowPreset(name, WindowLevel.of(center, width), Optional.empty());
    }

    public static WindowPreset lut(String name, VoiLut lut) {
        return new WindowPreset(name, lut.approximateWindow(), Optional.of(lut));
    }

    public double center() {
        return window.center();
    }

    public double width() {
        return window.width();
    }

    /** Display fraction 0..1 of modality value {@code v} under this preset. */
    public double fraction(double v) {
        return voiLut.map(l -> l.fraction(v)).orElseGet(() -> window.fraction(v));
    }
}
