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
 * metal everywhere) and the leg's own bone is darker than metal: the 99th percentile of the grey along the
 * tibial mid-shaft (between its two shaft points, 5 px either side) below {@link #BONE_GREY_LIMIT}. A film
 * whose bone itself reaches full brightness (a bright export) cannot tell metal from bone there, and is not
 * called metal. At the hip, where the head over the acetabulum is the densest bone of the film, a bright
 * joint is metal only with a stem in the femoral canal below it ({@link #stemFraction}). Checked on drawn
 * implants and on brightened real crops only: no film with an implant came with the data.
 */
final class ImplantCheck {

    static final float METAL_GREY = 250f;
    static final double MIN_FRACTION = 0.08;
    static final double MAX_FILM_FRACTION = 0.2;
    /** A hip replacement's stem: at least this share of the proximal femoral canal at full brightness. */
    static final double MIN_STEM_FRACTION = 0.3;
    /** Bone brighter than this (99th percentile of the tibial shaft) leaves no room for metal above it. */
    static final float BONE_GREY_LIMIT = 240f;

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
        if (boneGrey(grey, leg).map(b -> b >= BONE_GREY_LIMIT).orElse(false)) {
            return Optional.empty();
        }
        Optional<Point2> top = leg.point(LegPoint.FEMORAL_HEAD_TOP);
        Optional<Point2> knee = leg.point(LegPoint.KNEE_CENTER);
        double femur = knee.isPresent() && top.isPresent() ? knee.get().y() - top.get().y() : 0.4 * LegCrop.HEIGHT;
        Optional<Circle> head = leg.head();
        Optional<Point2> hip = head.map(Circle::center).or(() -> top.map(t -> Point2.of(t.x(), t.y() + 0.05 * femur)));
        if (hip.isPresent()) {
            double f = fraction(grey, hip.get(), head.map(c -> 2.5 * c.radius()).orElse(0.12 * femur));
            if (f >= MIN_FRACTION && stemFraction(grey, leg, hip.get(), femur) >= MIN_STEM_FRACTION) {
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

    /**
     * The share at full brightness of the proximal femoral canal, where a hip replacement's stem sits: along
     * the femoral shaft axis (through its two shaft points) extended upwards, 3 px either side, from 0.15
     * femur lengths below the hip to the proximal shaft point. A bright hip without it is dense bone (the
     * head over the acetabulum saturates first on a bright export), not a replacement. 0 without the points.
     */
    static double stemFraction(float[] grey, DerivedLeg leg, Point2 hip, double femur) {
        Optional<Point2> a = leg.point(LegPoint.FEMORAL_SHAFT_PROXIMAL);
        Optional<Point2> b = leg.point(LegPoint.FEMORAL_SHAFT_DISTAL);
        if (a.isEmpty() || b.isEmpty() || Math.abs(b.get().y() - a.get().y()) < 1) {
            return 0;
        }
        double slope = (b.get().x() - a.get().x()) / (b.get().y() - a.get().y());
        int n = 0;
        int bright = 0;
        for (int y = (int) Math.round(hip.y() + 0.15 * femur); y <= Math.round(a.get().y()); y++) {
            int cx = (int) Math.round(a.get().x() + slope * (y - a.get().y()));
            for (int x = cx - 3; x <= cx + 3; x++) {
                if (x >= 0 && y >= 0 && x < LegCrop.WIDTH && y < LegCrop.HEIGHT) {
                    n++;
                    bright += grey[y * LegCrop.WIDTH + x] >= METAL_GREY ? 1 : 0;
                }
            }
        }
        return n == 0 ? 0 : (double) bright / n;
    }

    /** The 99th percentile of the grey along the tibial mid-shaft, 5 px either side; empty without its points. */
    static Optional<Float> boneGrey(float[] grey, DerivedLeg leg) {
        Optional<Point2> a = leg.point(LegPoint.TIBIAL_SHAFT_PROXIMAL);
        Optional<Point2> b = leg.point(LegPoint.TIBIAL_SHAFT_DISTAL);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        java.util.List<Float> v = new java.util.ArrayList<>();
        int y0 = (int) Math.round(Math.min(a.get().y(), b.get().y()));
        int y1 = (int) Math.round(Math.max(a.get().y(), b.get().y()));
        for (int y = Math.max(0, y0); y <= Math.min(LegCrop.HEIGHT - 1, y1); y++) {
            double t = y1 == y0 ? 0 : (y - a.get().y()) / (b.get().y() - a.get().y());
            int cx = (int) Math.round(a.get().x() + t * (b.get().x() - a.get().x()));
            for (int x = Math.max(0, cx - 5); x <= Math.min(LegCrop.WIDTH - 1, cx + 5); x++) {
                v.add(grey[y * LegCrop.WIDTH + x]);
            }
        }
        if (v.isEmpty()) {
            return Optional.empty();
        }
        v.sort(null);
        return Optional.of(v.get((int) Math.floor(0.99 * (v.size() - 1))));
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
