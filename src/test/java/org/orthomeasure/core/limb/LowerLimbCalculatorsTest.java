package org.orthomeasure.core.limb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.Side;

/** Worked numbers 1, 2 and 7 of measurements.md, and the mirror rule for the left leg. */
class LowerLimbCalculatorsTest {

    private static final double EPS = 5e-4; // the spec gives 3 decimals

    private static final Point2 H = Point2.of(100, 100);
    private static final Point2 K = Point2.of(90, 500);
    private static final Point2 A = Point2.of(100, 900);
    // Right leg: medial is +x. Horizontal joint lines through the knee.
    private static final Point2 FCM = Point2.of(120, 495);
    private static final Point2 FCL = Point2.of(60, 495);
    private static final Point2 TPM = Point2.of(120, 505);
    private static final Point2 TPL = Point2.of(60, 505);

    @Test
    void workedNumber1() {
        double hka = LowerLimbCalculators.hkaDeviation(Side.R, H, K, A);
        assertEquals(-2.864, hka, EPS);
        assertEquals(177.136, 180 + hka, EPS);
        double mldfa = LowerLimbCalculators.mldfa(H, K, FCM, FCL);
        double mpta = LowerLimbCalculators.mpta(K, A, TPM, TPL);
        assertEquals(91.432, mldfa, EPS);
        assertEquals(88.568, mpta, EPS);
        assertEquals(0.0, LowerLimbCalculators.jlca(Side.R, FCM, FCL, TPM, TPL), 1e-12);
        assertEquals(-2.864, LowerLimbCalculators.arithmeticHka(mpta, mldfa), EPS);
        assertEquals(180.000, LowerLimbCalculators.jointLineObliquity(mpta, mldfa), EPS);
        assertEquals(CpakType.IV, CpakType.fromAngles(mpta, mldfa, false));
        // MAD 10 px, positive: the line H-A passes medial of K.
        assertEquals(10.0, LowerLimbCalculators.mad(Side.R, H, K, A), 1e-12);
        assertEquals(400.125, LowerLimbCalculators.length(H, K), 1e-3);
    }

    @Test
    void workedNumber2PlateauRotatedSoTheLinesConvergeMedially() {
        // Rotate the plateau line 2° about its centre so that its medial end rises towards the condyles.
        double t = Math.toRadians(2);
        Point2 c = TPM.midpoint(TPL);
        double half = 30;
        Point2 tpm = Point2.of(c.x() + half * Math.cos(t), c.y() - half * Math.sin(t));
        Point2 tpl = Point2.of(c.x() - half * Math.cos(t), c.y() + half * Math.sin(t));
        double mldfa = LowerLimbCalculators.mldfa(H, K, FCM, FCL);
        double mpta = LowerLimbCalculators.mpta(K, A, tpm, tpl);
        double jlca = LowerLimbCalculators.jlca(Side.R, FCM, FCL, tpm, tpl);
        assertEquals(90.568, mpta, EPS);
        assertEquals(-0.864, LowerLimbCalculators.arithmeticHka(mpta, mldfa), EPS);
        assertEquals(CpakType.V, CpakType.fromAngles(mpta, mldfa, false)); // aHKA neutral, JLO 182
        assertEquals(2.0, jlca, 1e-9);
        double hka = LowerLimbCalculators.hkaDeviation(Side.R, H, K, A);
        assertEquals(-2.864, hka, EPS);
        // identity mHKA = MPTA - mLDFA - JLCA
        assertEquals(hka, mpta - mldfa - jlca, 1e-9);
    }

    @Test
    void leftLegIsTheMirrorImage() {
        // Mirror x about 1000: the left leg's medial is -x. Same knee, same numbers.
        Point2 h = mirror(H), k = mirror(K), a = mirror(A);
        assertEquals(-2.864, LowerLimbCalculators.hkaDeviation(Side.L, h, k, a), EPS);
        assertEquals(91.432, LowerLimbCalculators.mldfa(h, k, mirror(FCM), mirror(FCL)), EPS);
        assertEquals(88.568, LowerLimbCalculators.mpta(k, a, mirror(TPM), mirror(TPL)), EPS);
        assertEquals(10.0, LowerLimbCalculators.mad(Side.L, h, k, a), 1e-12);
        // Read with the wrong side, the same film gives a valgus knee: the side decides medial.
        assertEquals(2.864, LowerLimbCalculators.hkaDeviation(Side.R, h, k, a), EPS);
        assertEquals(-10.0, LowerLimbCalculators.mad(Side.R, h, k, a), 1e-12);
    }

    @Test
    void valgusKneeIsPositiveAndTheLinePassesLateral() {
        Point2 k = Point2.of(110, 500);
        assertEquals(2.864, LowerLimbCalculators.hkaDeviation(Side.R, H, k, A), EPS);
        assertEquals(-10.0, LowerLimbCalculators.mad(Side.R, H, k, A), 1e-12);
    }

    @Test
    void straightLimb() {
        Point2 k = Point2.of(100, 500);
        assertEquals(0.0, LowerLimbCalculators.hkaDeviation(Side.R, H, k, A), 0);
        assertEquals(0.0, LowerLimbCalculators.mad(Side.R, H, k, A), 0);
    }

    @Test
    void coincidentPointsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LowerLimbCalculators.hkaDeviation(Side.R, H, H, A));
        assertThrows(IllegalArgumentException.class, () -> LowerLimbCalculators.mad(Side.R, H, K, H));
        assertThrows(IllegalArgumentException.class, () -> LowerLimbCalculators.mldfa(H, K, FCM, FCM));
    }

    private static Point2 mirror(Point2 p) {
        return Point2.of(2000 - p.x(), p.y());
    }

    @Test
    void workedNumber7ExtendedSetOnTheRightAndMirroredLeftLeg() {
        for (Side side : Side.values()) {
            java.util.function.UnaryOperator<Point2> m = p -> side == Side.R ? p : Point2.of(1000 - p.x(), p.y());
            Point2 h = m.apply(H);
            Point2 k = m.apply(K);
            Point2 a = m.apply(A);
            Point2 gt = m.apply(Point2.of(30, 110));
            Point2 fcm = m.apply(Point2.of(120, 500));
            Point2 fcl = m.apply(Point2.of(60, 500));
            Point2 tpm = m.apply(Point2.of(120, 510));
            Point2 tpl = m.apply(Point2.of(60, 510));
            Point2 fp = m.apply(Point2.of(70, 200));
            Point2 fd = m.apply(Point2.of(85, 420));
            Point2 tp = m.apply(Point2.of(92, 600));
            Point2 td = m.apply(Point2.of(98, 820));
            Point2 plm = m.apply(Point2.of(115, 895));
            Point2 pll = m.apply(Point2.of(85, 895));
            assertEquals(80.438, LowerLimbCalculators.mlpfa(h, k, gt), EPS, side.name());
            assertEquals(94.230, LowerLimbCalculators.ampfa(fp, fd, gt, h), EPS, side.name());
            assertEquals(86.100, LowerLimbCalculators.aldfa(fp, fd, fcm, fcl), EPS, side.name());
            assertEquals(5.333, LowerLimbCalculators.ama(h, k, fp, fd), EPS, side.name());
            assertEquals(88.438, LowerLimbCalculators.ampta(tp, td, tpm, tpl), EPS, side.name());
            assertEquals(88.568, LowerLimbCalculators.mldta(k, a, plm, pll), EPS, side.name());
            assertEquals(88.438, LowerLimbCalculators.aldta(tp, td, plm, pll), EPS, side.name());
            assertEquals(2.338, LowerLimbCalculators.atfa(side, fp, fd, tp, td), EPS, side.name());
            assertEquals(825.0, LowerLimbCalculators.fullLegLength(m.apply(Point2.of(100, 75)), a), 1e-12);
            // the wrong side's sign flips aTFA: the side comes from the landmark id, never the image
            assertEquals(-2.338, LowerLimbCalculators.atfa(side.opposite(), fp, fd, tp, td), EPS, side.name());
        }
        // coincident shaft points: no axis, rejected rather than a number
        assertThrows(IllegalArgumentException.class, () -> LowerLimbCalculators.ama(H, K, Point2.of(70, 200),
                Point2.of(70, 200)));
    }
}
