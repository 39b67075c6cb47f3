package org.orthomeasure.detect.longleg;

import java.util.Optional;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.Point2;

/**
 * Metal at a joint: a hip or knee replacement or a plate shows as the brightest grey there is, flat and
 * large, where bone is textured. Within a window around the femoral head (2.5 radii; when no head circle
 * was found, 0.12 femur lengths around a point just below the femur's top) and around the knee (a tenth
 * of the femur's length), a joint counts as carrying metal when at least {@link #MIN_FRACTION} of
 * its pixels are at or above {@link #METAL_GREY} on the crop's 0..255 grey (before CLAHE), while the crop as
 * a whole has fewer than {@link #MAX_FILM_FRACTION} such pixels (an over-exposed or inverted film is not
 * metal everywhere). Checked on drawn implants only: no film with an implant came with the data.
 */
final class ImplantCheck {

    static final float METAL_GREY = 250f;
    static final double MIN_FRACTION = 0.08;
    static final double MAX_FILM_FRACTION = 0.2;

    private ImplantCheck() {
    }

    /** "metal at the hip (…)" or "metal at the knee (…)" when a joint looks like an implant. */
    static Optional<String> metalAt(float[] grey, DerivedLeg leg) {
        int bright = 0;
        for (float v : grey) {
            bright += v >= METAL_GREY ? 1 : 0;
        }
        if (bright > MAX_FILM_FRACTION * grey.length) {
            return Optional.empty();
        }
        Optional<Point2> top = leg.point(LegPoint.FEMORAL_HEAD_TOP);
        Optional<Point2> knee = leg.point(LegPoint.KNEE_CENTER);
        double femur = knee.isPresent() && top.isPresent() ? knee.get().y() - top.get().y() : 0.4 * LegCrop.HEIGHT;
        Optional<Circle> head = leg.head();
        Optional<Point2> hip = head.map(Circle::center).or(() -> top.map(t -> Point2.of(t.x(), t.y() + 0.05 * femur)));
        if (hip.isPresent()) {
            double f = fraction(grey, hip.get(), head.map(c -> 2.5 * c.radius()).orElse(0.12 * femur));
            if (f >= MIN_FRACTION) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "metal at the hip (%.0f %% of the joint at full brightness): a hip replacement is not measured", 100 * f));
            }
        }
        if (knee.isPresent()) {
            double f = fraction(grey, knee.get(), Math.max(6, 0.1 * femur));
            if (f >= MIN_FRACTION) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "metal at the knee (%.0f %% of the joint at full brightness): a knee replacement is not measured", 100 * f));
            }
        }
        return Optional.empty();
    }

    private static double fraction(float[] grey, Point2 centre, double radius) {
        int n = 0;
        int bright = 0;
        int r = (int) Math.ceil(radius);
        int cx = (int) Math.round(centre.x());
        int cy = (int) Math.round(centre.y());
        for (int y = cy - r; y <= cy + r; y++) {
            for (int x = cx - r; x <= cx + r; x++) {
                if (x >= 0 && y >= 0 && x < LegCrop.WIDTH && y < LegCrop.HEIGHT) {
                    n++;
                    bright += grey[y * LegCrop.WIDTH + x] >= METAL_GREY ? 1 : 0;
                }
            }
        }
        return n == 0 ? 0 : (double) bright / n;
    }
}
