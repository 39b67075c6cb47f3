package org.orthomeasure.ui.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.image.StudyHeader;
import org.orthomeasure.io.image.WindowPreset;

/**
 * The text of the viewer's four corners, as in Weasis or OHIF: patient (top left), study (top
 * right), display and calibration (bottom left), orientation source (bottom right); and the patient
 * direction at each screen edge (the R/L marker). Pure: no JavaFX.
 *
 * @param topLeft     patient name; "ID …"; "born …, sex …"
 * @param topRight    study date; "Acc …"; modality and body part; series description and view
 * @param bottomLeft  "W … C …" with the preset name; "Zoom … %" with rotation and flips; calibration
 * @param bottomRight where the R/L marker comes from
 */
public record CornerInfo(List<String> topLeft, List<String> topRight, List<String> bottomLeft, List<String> bottomRight) {

    public CornerInfo {
        topLeft = List.copyOf(topLeft);
        topRight = List.copyOf(topRight);
        bottomLeft = List.copyOf(bottomLeft);
        bottomRight = List.copyOf(bottomRight);
    }

    /** The corners for a film shown with {@code window} (inverted or not) through {@code t}. */
    public static CornerInfo of(Radiograph film, WindowPreset window, boolean inverted, ViewTransform t, Calibration cal) {
        StudyHeader h = film.header();
        List<String> tl = new ArrayList<>();
        tl.add(h.patientName().orElse("(no patient name)"));
        h.patientId().ifPresent(id -> tl.add("ID " + id));
        String born = join(", ", h.birthDate().map(d -> "born " + d), h.sex().map(s -> "sex " + s));
        if (!born.isEmpty()) {
            tl.add(born);
        }
        List<String> tr = new ArrayList<>();
        h.studyDate().ifPresent(d -> tr.add("Study " + d));
        h.accessionNumber().ifPresent(a -> tr.add("Acc " + a));
        String what = join(" ", film.formatInfo().modality(), h.bodyPart());
        if (!what.isEmpty()) {
            tr.add(what);
        }
        String series = join(", ", h.seriesDescription().or(h::studyDescription), h.viewPosition().map(v -> "view " + v));
        if (!series.isEmpty()) {
            tr.add(series);
        }
        List<String> bl = new ArrayList<>();
        if (window != null) {
            String name = window.name().startsWith("Custom") ? "" : "  " + window.name();
            bl.add(String.format(Locale.ROOT, "W %.0f  C %.0f%s%s", window.width(), window.center(), name,
                    inverted ? "  inverted" : ""));
        }
        if (t != null) {
            StringBuilder z = new StringBuilder(String.format(Locale.ROOT, "Zoom %.0f %%", t.scale() * 100));
            // both flips together are a half turn; one of them is a mirror image
            int degrees = Math.floorMod(t.quarterTurns() * 90 + (t.flipH() && t.flipV() ? 180 : 0), 360);
            if (degrees != 0) {
                z.append(String.format(Locale.ROOT, "  rotated %d°", degrees));
            }
            if (t.flipH() ^ t.flipV()) {
                z.append("  mirrored");
            }
            bl.add(z.toString());
        }
        bl.add(cal.spacing().map(s -> String.format(Locale.ROOT, "%.4f mm/px, %s", s.rowMm(), cal.source().label()))
                .orElse("Uncalibrated: lengths in px"));
        List<String> br = List.of(FilmOrientation.of(h).description());
        return new CornerInfo(tl, tr, bl, br);
    }

    @SafeVarargs
    private static String join(String sep, Optional<String>... parts) {
        List<String> present = new ArrayList<>();
        for (Optional<String> p : parts) {
            p.filter(s -> !s.isBlank()).ifPresent(present::add);
        }
        return String.join(sep, present);
    }
}
