package org.orthomeasure.core.spine;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.orthomeasure.core.geometry.Angles;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;

/**
 * Major, upper and lower Cobb curves from the 17 vertebrae T1..L5, following the AASCE 2019 reference
 * evaluation step by step (spec: measurements.md, spine, "Automatic"):
 *
 * <ol start="0">
 *   <li>Each vertebra's mid-line runs from the midpoint of its left edge to the midpoint of its right
 *       edge; the angle between two mid-lines is {@code acos(clip(cos, 0, 1))}, 0..90°.</li>
 *   <li>Major curve: the largest angle over all pairs; with ties the first pair in (row, column) order,
 *       as the reference's argmax. Its vertebrae are the upper and lower end vertebrae.</li>
 *   <li>S-shape: the 34 endplate midpoints (superior, inferior per vertebra, top to bottom) are tested
 *       against the line from the first to the last of them. As in the reference, for each point i of
 *       the first 32 the normalised residual {@code r_i = (y_i − y_n)/(y_0 − y_n) − (x_i − x_n)/(x_0 − x_n)}
 *       is formed (n the last point); the spine is S-shaped when the residuals change sign, i.e. when
 *       {@code (Σ|r|)² − (Σr)² = 4·P·N} (P, N the sums of the positive and negative residuals' magnitudes)
 *       reaches {@value #S_SHAPE_TOLERANCE}. When the first and last points share an x or a y (a perfectly
 *       vertical spine) the normalised form would divide by zero; the residual is then the cross product
 *       of (P_i − P_n) with (P_0 − P_n) divided by |P_0 − P_n|², which has the same sign pattern.</li>
 *   <li>Not S-shaped: upper curve = angle(T1, upper end); lower curve = angle(L5, lower end).</li>
 *   <li>S-shaped and the end vertebrae in the upper half of the film (sum of the y of their inferior
 *       endplate midpoints &lt; film height; the inferior endplate is what the MATLAB reference's 1-based index
 *       2k picks, and it reproduces the data set's angles where the superior one misses 11 more films): upper curve = largest angle between the upper end vertebra
 *       and any vertebra above it (itself included); lower curve = largest angle between the lower end
 *       vertebra and any vertebra below it.</li>
 *   <li>S-shaped otherwise: upper curve as in 4; lower curve = largest angle between the upper curve's
 *       top vertebra and any vertebra above it.</li>
 * </ol>
 * A perfectly straight spine gives 0° everywhere without dividing by zero.
 *
 * <p>A film that shows fewer than 17 vertebrae (a thoracic-only or lumbar-only film) is evaluated the same way on
 * the run of consecutive levels it shows ({@link #evaluate}, at least {@value #MIN_VERTEBRAE}): the top and
 * bottom vertebrae of the run stand for T1 and L5 in step 3, and every pair, S-shape test and "above"/"below"
 * stays within the run. For all 17 levels this is the AASCE evaluation exactly; for a shorter run the curves are
 * those of the visible part of the spine (a curve whose end vertebra is off the film is measured only up to the
 * film's last vertebra), which {@link Result#from()} and {@link Result#to()} name.
 */
public final class SpineCurves {

    /** The reference's threshold on 4·P·N for the S-shape test. */
    public static final double S_SHAPE_TOLERANCE = 1e-4;

    /** The fewest consecutive vertebrae a curve evaluation runs on. */
    public static final int MIN_VERTEBRAE = 4;

    /** Which branch of steps 3-5 produced the upper and lower curves. */
    public enum Branch {
        /** Step 3. */
        NOT_S_SHAPED,
        /** Step 4. */
        S_SHAPED_UPPER_HALF,
        /** Step 5. */
        S_SHAPED_LOWER_HALF
    }

    /**
     * The three curves and how they were found.
     *
     * @param major  step 1
     * @param upper  steps 3-5
     * @param lower  steps 3-5
     * @param branch which of steps 3-5 applied
     * @param from   the top vertebra evaluated (T1 for the whole spine)
     * @param to     the bottom vertebra evaluated (L5 for the whole spine)
     */
    public record Result(Curve major, Curve upper, Curve lower, Branch branch, SpineLevel from, SpineLevel to) {
        public Result {
            Objects.requireNonNull(major, "major");
            Objects.requireNonNull(upper, "upper");
            Objects.requireNonNull(lower, "lower");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** Whether the evaluation ran on all 17 vertebrae T1..L5. */
        public boolean wholeSpine() {
            return from == SpineLevel.T1 && to == SpineLevel.L5;
        }
    }

    private SpineCurves() {
    }

    /**
     * Evaluates the 17 vertebrae, or the consecutive levels a partial film shows (see the class).
     *
     * @param vertebrae  consecutive levels in order, top to bottom, at least {@value #MIN_VERTEBRAE} (all 17 T1..L5
     *                   for the AASCE evaluation), in a Cartesian frame with y down (pixels, or mm when the
     *                   spacing is anisotropic)
     * @param filmHeight the film height in the same unit (step 4); when empty the labelled spine's vertical
     *                   extent stands in: the film is taken to span from the topmost to the bottommost corner
     */
    public static Result evaluate(List<Vertebra> vertebrae, OptionalDouble filmHeight) {
        Objects.requireNonNull(vertebrae, "vertebrae");
        Objects.requireNonNull(filmHeight, "filmHeight");
        int n = vertebrae.size();
        if (n < MIN_VERTEBRAE) {
            throw new IllegalArgumentException("the curve evaluation needs at least " + MIN_VERTEBRAE
                    + " consecutive vertebrae, got " + n);
        }
        int first = vertebrae.get(0).level().ordinal();
        for (int i = 0; i < n; i++) {
            if (vertebrae.get(i).level().ordinal() != first + i) {
                throw new IllegalArgumentException("vertebra " + i + " must be "
                        + (first + i < SpineLevel.COUNT ? SpineLevel.values()[first + i] : "beyond L5")
                        + " (consecutive levels), got " + vertebrae.get(i).level());
            }
        }
        SpineLevel from = vertebrae.get(0).level();
        SpineLevel to = vertebrae.get(n - 1).level();
        double[][] angles = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double a = Angles.clippedCosineDegrees(vertebrae.get(i).midLine(), vertebrae.get(j).midLine());
                angles[i][j] = a;
                angles[j][i] = a;
            }
        }
        // Step 1: row-wise maximum, then the first row holding the global maximum (argmax semantics).
        int[] rowArgMax = new int[n];
        double[] rowMax = new double[n];
        for (int i = 0; i < n; i++) {
            rowArgMax[i] = argMax(angles[i], 0, n - 1);
            rowMax[i] = angles[i][rowArgMax[i]];
        }
        int upperEnd = argMax(rowMax, 0, n - 1);
        int lowerEnd = rowArgMax[upperEnd];
        Curve major = Curve.between(rowMax[upperEnd], level(vertebrae, upperEnd), level(vertebrae, lowerEnd));

        // Step 2.
        boolean sShaped = isSShaped(vertebrae);
        if (!sShaped) {
            // Step 3.
            Curve upper = Curve.between(angles[0][upperEnd], from, level(vertebrae, upperEnd));
            Curve lower = Curve.between(angles[n - 1][lowerEnd], level(vertebrae, lowerEnd), to);
            return new Result(major, upper, lower, Branch.NOT_S_SHAPED, from, to);
        }
        int upperTop = argMax(angles[upperEnd], 0, upperEnd);
        Curve upper = Curve.between(angles[upperEnd][upperTop], level(vertebrae, upperTop),
                level(vertebrae, upperEnd));
        double ySum = vertebrae.get(upperEnd).bottomMid().y() + vertebrae.get(lowerEnd).bottomMid().y();
        double threshold = filmHeight.isPresent() ? filmHeight.getAsDouble() : spineTopPlusBottom(vertebrae);
        if (ySum < threshold) {
            // Step 4.
            int lowerBottom = argMax(angles[lowerEnd], lowerEnd, n - 1);
            Curve lower = Curve.between(angles[lowerEnd][lowerBottom], level(vertebrae, lowerEnd),
                    level(vertebrae, lowerBottom));
            return new Result(major, upper, lower, Branch.S_SHAPED_UPPER_HALF, from, to);
        }
        // Step 5.
        int top = argMax(angles[upperTop], 0, upperTop);
        Curve lower = Curve.between(angles[upperTop][top], level(vertebrae, top), level(vertebrae, upperTop));
        return new Result(major, upper, lower, Branch.S_SHAPED_LOWER_HALF, from, to);
    }

    /**
     * Step 2: true when the 34 endplate midpoints do not all lie on one side of the line from the first
     * to the last of them (see the class comment for the exact, reference-compatible test).
     */
    public static boolean isSShaped(List<Vertebra> vertebrae) {
        int count = vertebrae.size() * 2;
        Point2[] p = new Point2[count];
        for (int i = 0; i < vertebrae.size(); i++) {
            p[2 * i] = vertebrae.get(i).topMid();
            p[2 * i + 1] = vertebrae.get(i).bottomMid();
        }
        Point2 first = p[0];
        Point2 last = p[count - 1];
        double dy = first.y() - last.y();
        double dx = first.x() - last.x();
        boolean normalised = dx != 0 && dy != 0;
        double chordSquared = dx * dx + dy * dy;
        if (chordSquared == 0) {
            return false; // first and last midpoints coincide: no line to be on either side of
        }
        double positive = 0;
        double negative = 0;
        for (int i = 0; i < count - 2; i++) {
            double r;
            if (normalised) {
                r = (p[i].y() - last.y()) / dy - (p[i].x() - last.x()) / dx;
            } else {
                r = ((p[i].x() - last.x()) * dy - (p[i].y() - last.y()) * dx) / chordSquared;
            }
            if (r > 0) {
                positive += r;
            } else {
                negative -= r;
            }
        }
        return 4 * positive * negative >= S_SHAPE_TOLERANCE;
    }

    /** The film stand-in: top plus bottom of the labelled spine, so that "sum &lt; it" means upper half. */
    private static double spineTopPlusBottom(List<Vertebra> vertebrae) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Vertebra v : vertebrae) {
            for (Point2 c : List.of(v.topLeft(), v.topRight(), v.bottomLeft(), v.bottomRight())) {
                min = Math.min(min, c.y());
                max = Math.max(max, c.y());
            }
        }
        return min + max;
    }

    /** Index of the first maximum of {@code values[from..to]} (inclusive). */
    private static int argMax(double[] values, int from, int to) {
        int best = from;
        for (int i = from + 1; i <= to; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static SpineLevel level(List<Vertebra> vertebrae, int index) {
        return vertebrae.get(index).level();
    }
}
