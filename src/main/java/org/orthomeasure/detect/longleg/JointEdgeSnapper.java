package org.orthomeasure.detect.longleg;

import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.detect.GreyImage;

/**
 * Moves a click on a joint-surface landmark onto the cortical edge of the articular surface, on any film and
 * without the model.
 *
 * <p>A standing AP film shows each joint line roughly across the film, bone on one side, the dark joint space
 * on the other: the condyles and the plafond have the bone above the edge, the tibial plateau below it
 * ({@link Bone}). The grey profile down the film through the click (the mean of the columns within
 * ±{@code max(1, range / 6)} px, smoothed with sigma {@code max(1, range / 8)} px) is searched within
 * ±{@code range} px for changes from bone to joint space (bright to dark away from the bone) that border a
 * joint space ({@link #bordersJointSpace}: a dark valley with the other bone beyond it); of those local
 * maxima at least {@link #STRONG_SHARE} of the strongest there, the one nearest the click is taken, refined
 * to a fraction of a pixel by a parabola. Only the click's height changes: where along the joint line the point
 * lies stays the user's choice. A click with no such edge near it (the strongest change under
 * {@link #MIN_CONTRAST} grey levels per px) stays where it is.
 */
public final class JointEdgeSnapper {

    /** Weakest edge snapped to, grey levels (0..255 display scale) per px. */
    static final double MIN_CONTRAST = 1.0;

    /** An edge counts as strong at this share of the strongest change within the range. */
    static final double STRONG_SHARE = 0.5;

    /** Which side of the edge the bone lies on, down the film. */
    public enum Bone {
        /** Bone above the edge, joint space below: femoral condyles, tibial plafond. */
        ABOVE,
        /** Bone below the edge, joint space above: tibial plateau. */
        BELOW
    }

    private JointEdgeSnapper() {
    }

    /** The side of the edge the bone lies on for a landmark snapped to a joint edge; empty for the others. */
    public static Optional<Bone> boneSide(LimbLandmark landmark) {
        return switch (landmark) {
            case FEMORAL_CONDYLE_MEDIAL, FEMORAL_CONDYLE_LATERAL, PLAFOND_MEDIAL, PLAFOND_LATERAL -> Optional.of(Bone.ABOVE);
            case TIBIAL_PLATEAU_MEDIAL, TIBIAL_PLATEAU_LATERAL -> Optional.of(Bone.BELOW);
            default -> Optional.empty();
        };
    }

    /** {@link #snap(GreyImage, Point2, Bone, double, double)} with a joint space no wider than the range. */
    public static Point2 snap(GreyImage film, Point2 click, Bone bone, double range) {
        return snap(film, click, bone, range, range);
    }

    /**
     * The point on the joint edge at the click's column, or the click itself when there is no edge within
     * {@code range} px (film px, at least 2) next to a joint space of up to {@code jointSpace} px.
     */
    public static Point2 snap(GreyImage film, Point2 click, Bone bone, double range, double jointSpace) {
        Objects.requireNonNull(film, "film");
        Objects.requireNonNull(click, "click");
        Objects.requireNonNull(bone, "bone");
        double reach = Math.max(2, range);
        int halfWidth = (int) Math.max(1, Math.round(reach / 6));
        double sigma = Math.max(1, reach / 8);
        int valley = (int) Math.ceil(Math.max(reach, jointSpace));
        int pad = (int) Math.ceil(3 * sigma) + 2 + 2 * valley; // room for the joint space beyond
        int y0 = (int) Math.floor(click.y() - reach) - pad;
        int y1 = (int) Math.ceil(click.y() + reach) + pad;
        int x = (int) Math.floor(click.x());
        if (x < 0 || x >= film.width() || click.y() < 0 || click.y() >= film.height()) {
            return click;
        }
        int n = y1 - y0 + 1;
        double[] profile = new double[n];
        for (int i = 0; i < n; i++) {
            int y = Math.max(0, Math.min(film.height() - 1, y0 + i));
            double s = 0;
            int count = 0;
            for (int dx = -halfWidth; dx <= halfWidth; dx++) {
                int xx = x + dx;
                if (xx >= 0 && xx < film.width()) {
                    s += film.value(xx, y);
                    count++;
                }
            }
            profile[i] = s / count;
        }
        double[] smooth = gaussian(profile, sigma);
        // change from bone to joint space at each row: for bone above, the fall going down
        double[] change = new double[n];
        for (int i = 1; i < n - 1; i++) {
            double down = (smooth[i - 1] - smooth[i + 1]) / 2;
            change[i] = bone == Bone.ABOVE ? down : -down;
        }
        double strongest = 0;
        for (int i = pad; i < n - pad; i++) {
            if (Math.abs(y0 + i + 0.5 - click.y()) <= reach && change[i] > strongest
                    && bordersJointSpace(smooth, i, bone, valley)) {
                strongest = change[i];
            }
        }
        if (strongest < MIN_CONTRAST) {
            return click;
        }
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = pad; i < n - pad; i++) {
            double d = Math.abs(y0 + i + 0.5 - click.y());
            boolean peak = change[i] >= change[i - 1] && change[i] >= change[i + 1];
            if (d <= reach && peak && change[i] >= STRONG_SHARE * strongest && d < bestDistance
                    && bordersJointSpace(smooth, i, bone, valley)) {
                bestDistance = d;
                best = i;
            }
        }
        if (best < 0) {
            return click;
        }
        double a = change[best - 1];
        double b = change[best];
        double c = change[best + 1];
        double den = a - 2 * b + c;
        double offset = den < 0 ? 0.5 * (a - c) / den : 0;
        // the profile's row i samples the pixel centre y0 + i + 0.5
        return Point2.of(click.x(), y0 + best + offset + 0.5);
    }

    /**
     * Whether the edge at {@code i} borders a joint space: beyond it, away from the bone, the profile falls to
     * a minimum within {@code reach} px (the larger of the snapping range and the joint space's expected
     * width) and rises again (the other bone) by at least a quarter of that fall within
     * {@code reach} px more. An edge inside one bone (the subchondral band's inner side) has no such
     * valley.
     */
    static boolean bordersJointSpace(double[] smooth, int i, Bone bone, int reach) {
        int dir = bone == Bone.ABOVE ? 1 : -1;
        int m = i;
        for (int k = 1; k <= reach; k++) {
            int j = i + dir * k;
            if (j < 0 || j >= smooth.length) {
                return false;
            }
            if (smooth[j] < smooth[m]) {
                m = j;
            }
        }
        double top = smooth[i];
        for (int k = 1; k <= reach && i - dir * k >= 0 && i - dir * k < smooth.length; k++) {
            top = Math.max(top, smooth[i - dir * k]);
        }
        double fall = top - smooth[m];
        double rise = 0;
        for (int k = 1; k <= reach; k++) {
            int j = m + dir * k;
            if (j < 0 || j >= smooth.length) {
                break;
            }
            rise = Math.max(rise, smooth[j] - smooth[m]);
        }
        return fall > 0 && rise >= Math.max(MIN_CONTRAST, 0.25 * fall);
    }

    private static double[] gaussian(double[] v, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = 0;
            for (int j = -r; j <= r; j++) {
                s += k[j + r] * v[Math.max(0, Math.min(v.length - 1, i + j))];
            }
            out[i] = s / sum;
        }
        return out;
    }
}
