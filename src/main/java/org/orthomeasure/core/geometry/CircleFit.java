package org.orthomeasure.core.geometry;

import java.util.List;
import java.util.Objects;

/**
 * Least-squares circle through 3 or more points (femoral-head rim, calibration ball).
 * Spec: measurements.md, lower limb, {@code femoralHeadCenter}: "circle fitted to 3 or more rim points".
 *
 * <p>Method: the algebraic (Kasa) fit. With the points centred on their centroid (u, v) it solves the
 * 2x2 normal equations for the centre (a, b) minimising
 * {@code sum((u - a)^2 + (v - b)^2 - r^2)^2}; r^2 = a^2 + b^2 + mean(u^2 + v^2). Exact for points on a
 * circle; for noisy points on a short arc it is slightly biased towards smaller radii. Collinear
 * points (including coincident ones) have no circle and are rejected with a clear message.
 */
public final class CircleFit {

    /** Relative tolerance on the normal-equation determinant below which points count as collinear. */
    private static final double COLLINEAR_TOLERANCE = 1e-10;

    private CircleFit() {
    }

    /**
     * Fits a circle to {@code points}.
     *
     * @throws IllegalArgumentException when fewer than 3 points are given or they are (nearly) collinear
     */
    public static Circle fit(List<Point2> points) {
        Objects.requireNonNull(points, "points");
        int n = points.size();
        if (n < 3) {
            throw new IllegalArgumentException("a circle needs at least 3 rim points, got " + n);
        }
        double mx = 0;
        double my = 0;
        for (Point2 p : points) {
            mx += p.x();
            my += p.y();
        }
        mx /= n;
        my /= n;
        double suu = 0, svv = 0, suv = 0, suuu = 0, svvv = 0, suvv = 0, svuu = 0;
        for (Point2 p : points) {
            double u = p.x() - mx;
            double v = p.y() - my;
            suu += u * u;
            svv += v * v;
            suv += u * v;
            suuu += u * u * u;
            svvv += v * v * v;
            suvv += u * v * v;
            svuu += v * u * u;
        }
        double det = suu * svv - suv * suv;
        double scale = (suu + svv) * (suu + svv);
        if (scale == 0 || Math.abs(det) <= COLLINEAR_TOLERANCE * scale) {
            throw new IllegalArgumentException("the " + n + " rim points are collinear: no circle fits them");
        }
        double r1 = 0.5 * (suuu + suvv);
        double r2 = 0.5 * (svvv + svuu);
        double a = (r1 * svv - r2 * suv) / det;
        double b = (r2 * suu - r1 * suv) / det;
        double r = Math.sqrt(a * a + b * b + (suu + svv) / n);
        return new Circle(new Point2(a + mx, b + my), r);
    }
}
