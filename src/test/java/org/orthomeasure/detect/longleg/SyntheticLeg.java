package org.orthomeasure.detect.longleg;

/**
 * A drawn right leg in crop geometry (128 × 1024) with known landmarks: femoral head circle centre (80, 150)
 * radius 18; greater trochanter block from row 160; condyles two circles of radius 12 centred (55, 548) and
 * (75, 548), lowest at row 560; tibial plateau block columns 44..86 from row 566; distal tibia columns 50..80
 * to row 900, the medial malleolus columns 75..80 down to row 915.
 */
final class SyntheticLeg {

    private SyntheticLeg() {
    }

    static byte[] labels(int dx, int dy) {
        int w = LegCrop.WIDTH;
        int h = LegCrop.HEIGHT;
        byte[] l = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int u = x - dx;
                int v = y - dy;
                if (femur(u, v)) {
                    l[y * w + x] = BoneMask.FEMUR;
                } else if (tibia(u, v)) {
                    l[y * w + x] = BoneMask.TIBIA;
                }
            }
        }
        return l;
    }

    static BoneMask mask(int dx, int dy) {
        return BoneMask.of(LegCrop.WIDTH, LegCrop.HEIGHT, labels(dx, dy));
    }

    private static boolean femur(int x, int y) {
        boolean head = sq(x - 80) + sq(y - 150) <= 18 * 18;
        boolean neck = y >= 150 && y <= 185 && x >= 50 && x <= 80 && Math.abs((y - 150) - (80 - x) * 0.8) < 9;
        boolean trochanter = x >= 35 && x <= 60 && y >= 160 && y <= 210;
        boolean shaft = y >= 185 && y <= 520 && Math.abs(x - (52 + (y - 185) * 10.0 / 335)) <= 11;
        boolean distal = x >= 43 && x <= 87 && y >= 500 && y <= 548;
        boolean condyles = sq(x - 55) + sq(y - 548) <= 144 || sq(x - 75) + sq(y - 548) <= 144;
        return head || neck || trochanter || shaft || distal || condyles;
    }

    private static boolean tibia(int x, int y) {
        boolean plateau = x >= 44 && x <= 86 && y >= 566 && y <= 600;
        boolean shaft = x >= 56 && x <= 74 && y > 600 && y < 860;
        boolean distal = x >= 50 && x <= 80 && y >= 860 && y <= 900;
        boolean malleolus = x >= 75 && x <= 80 && y > 900 && y <= 915;
        return plateau || shaft || distal || malleolus;
    }

    private static int sq(int v) {
        return v * v;
    }
}
