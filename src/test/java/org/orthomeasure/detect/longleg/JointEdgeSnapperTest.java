package org.orthomeasure.detect.longleg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.detect.GreyImage;
import org.orthomeasure.detect.longleg.JointEdgeSnapper.Bone;
import org.orthomeasure.io.radiograph.RadiographReader;

/**
 * Joint-edge snapping ({@link JointEdgeSnapper}) on a real full-resolution ankle film, on the real OAI crops
 * against their hand-drawn outlines, and on drawn edges.
 */
class JointEdgeSnapperTest {

    private static final Path WG04 = Path.of(System.getProperty("orthomeasure.shared", "../shared"), "dicom", "wg04");

    /**
     * The tibial plafond of the WG04 ankle CR (RG3, 1760 x 1760 px, 0.2 mm): seen by eye on a 3x enlargement
     * with a 20 px grid as the fall from the subchondral bone to the joint space at y = 1398-1405 over
     * x = 790-860 (the talar dome's upper edge, the next edge below, at about y = 1420). The reference in
     * each column is where the raw grey (mean of 5 columns) crosses half-way from the brightest row of the
     * subchondral bone (y 1396-1404) to the darkest row of the joint space below it (12 rows): a different
     * edge rule from the snapper's (smoothed steepest change next to a joint space).
     */
    @Test
    void clicksAboveOrBelowTheAnklesPlafondOnARealFilmSnapOntoIt() throws Exception {
        assumeTrue(Files.isRegularFile(WG04.resolve("RG3_JPLL.dcm")), "needs ../shared/dicom/wg04 beside the checkout");
        GreyImage film = GreyImage.fromRadiograph(RadiographReader.read(WG04.resolve("RG3_JPLL.dcm")));
        StringBuilder log = new StringBuilder();
        for (int x = 790; x <= 860; x += 10) {
            double reference = halfWayCrossing(film, x);
            assertTrue(reference > 1399 && reference < 1408, "reference at x " + x + ": " + reference);
            for (double dy : new double[] {-12, -8, -4, 4, 8}) {
                Point2 click = Point2.of(x + 0.5, reference + dy);
                Point2 snapped = JointEdgeSnapper.snap(film, click, Bone.ABOVE, 15);
                log.append(String.format(Locale.ROOT, "x %d: edge %.1f, click %+.0f -> %+.1f%n", x, reference, dy, snapped.y() - reference));
                assertEquals(click.x(), snapped.x(), 0, "only the height changes");
                assertEquals(reference, snapped.y(), 2.0, log.toString());
            }
        }
    }

    private static double halfWayCrossing(GreyImage film, int x) {
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            double s = 0;
            for (int dx = -2; dx <= 2; dx++) {
                s += film.value(x + dx, 1385 + i);
            }
            v[i] = s / 5;
        }
        int bright = 11;
        for (int i = 11; i <= 19; i++) {
            bright = v[i] > v[bright] ? i : bright;
        }
        int dark = bright;
        for (int i = bright; i <= bright + 12; i++) {
            dark = v[i] < v[dark] ? i : dark;
        }
        double half = (v[bright] + v[dark]) / 2;
        for (int i = bright; i < dark; i++) {
            if (v[i] >= half && v[i + 1] < half) {
                // pixel centres at +0.5: the crossing between rows i and i + 1
                return 1385 + i + 0.5 + (v[i] - half) / (v[i] - v[i + 1]);
            }
        }
        return Double.NaN;
    }

    /**
     * On the 25 OAI test crops (about 1.3 mm per px): clicks 2 and 3 px (2.6-4 mm) above and below the drawn
     * condyle, plateau and plafond points, at their columns. The edge each should reach is the drawn bone's
     * boundary in that column. Prints the figures per landmark and asserts what they showed when measured
     * (mean distance 2.50 px before): plateau points end within half of it (measured 0.91-1.06 px), condyles
     * nearer (1.82-1.94 px), plafond ends no farther (2.14-2.24 px; at this resolution most plafond clicks
     * find no edge next to a joint space and stay).
     */
    @Test
    void onTheOaiCropsClicksBesideTheJointsMoveOntoTheDrawnBoneEdge() throws Exception {
        StringBuilder log = new StringBuilder();
        java.util.Map<String, Double> ratio = new java.util.HashMap<>();
        int nAll = 0;
        for (LegPoint point : new LegPoint[] {LegPoint.FEMORAL_CONDYLE_MEDIAL, LegPoint.FEMORAL_CONDYLE_LATERAL,
                LegPoint.TIBIAL_PLATEAU_MEDIAL, LegPoint.TIBIAL_PLATEAU_LATERAL, LegPoint.PLAFOND_MEDIAL, LegPoint.PLAFOND_LATERAL}) {
            Bone bone = JointEdgeSnapper.boneSide(LimbLandmark.valueOf(point.name())).orElseThrow();
            double before = 0;
            double after = 0;
            int n = 0;
            int better = 0;
            for (OaiLegsDataset.Crop crop : OaiCrops.test()) {
                BoneMask mask = OaiLegsDataset.readMask(crop.mask());
                Optional<Point2> drawn = LegGeometry.derive(mask, 1024).point(point);
                if (drawn.isEmpty()) {
                    continue;
                }
                GreyImage film = OaiCrops.grey(crop);
                int column = (int) Math.round(drawn.get().x());
                byte label = point.name().startsWith("FEMORAL") ? BoneMask.FEMUR : BoneMask.TIBIA;
                double edge = edgeRow(mask, column, label, bone, drawn.get().y());
                for (double dy : new double[] {-3, -2, 2, 3}) {
                    Point2 click = Point2.of(column + 0.5, edge + dy);
                    Point2 snapped = JointEdgeSnapper.snap(film, click, bone, 4);
                    double b = Math.abs(click.y() - edge);
                    double a = Math.abs(snapped.y() - edge);
                    before += b;
                    after += a;
                    better += a < b ? 1 : 0;
                    n++;
                }
            }
            log.append(String.format(Locale.ROOT, "%s: %d clicks, mean distance to the drawn edge %.2f -> %.2f px, closer %d%n",
                    point, n, before / n, after / n, better));
            String joint = point.name().substring(0, point.name().lastIndexOf('_'));
            ratio.merge(joint, after / before / 2, Double::sum);
            nAll += n;
        }
        System.out.print(log);
        assertTrue(nAll >= 500, "clicks: " + nAll);
        assertTrue(ratio.get("TIBIAL_PLATEAU") < 0.5, log.toString());
        assertTrue(ratio.get("FEMORAL_CONDYLE") < 0.85, log.toString());
        assertTrue(ratio.get("PLAFOND") <= 1.0, log.toString());
    }

    /**
     * The boundary of {@code label} in {@code column} nearest {@code nearY} (mask rows: pixel centres at
     * integers; returned in film coordinates, pixel centres at +0.5): for bone above, the bottom of a run of
     * the bone; for bone below, its top.
     */
    private static double edgeRow(BoneMask m, int column, byte label, Bone bone, double nearY) {
        double best = Double.NaN;
        for (int y = 1; y < m.height() - 1; y++) {
            boolean here = m.label(column, y) == label;
            double boundary = Double.NaN;
            if (bone == Bone.ABOVE && here && m.label(column, y + 1) != label) {
                boundary = y + 1.0;
            } else if (bone == Bone.BELOW && here && m.label(column, y - 1) != label) {
                boundary = y;
            }
            if (!Double.isNaN(boundary) && (Double.isNaN(best) || Math.abs(boundary - nearY) < Math.abs(best - nearY))) {
                best = boundary;
            }
        }
        return best;
    }

    @Test
    void aDrawnEdgeIsFoundToAFractionOfAPixelWithItsPolarity() {
        int w = 40;
        int h = 80;
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // femur (200) above row 40, joint space (40) rows 40-45, tibia (180) from row 46: edges at 40 and 46
                v[y * w + x] = y < 40 ? 200f : y < 46 ? 40f : 180f;
            }
        }
        GreyImage g = GreyImage.of(w, h, v);
        assertEquals(40.0, JointEdgeSnapper.snap(g, Point2.of(20.3, 35), Bone.ABOVE, 8).y(), 0.1);
        assertEquals(40.0, JointEdgeSnapper.snap(g, Point2.of(20.3, 44), Bone.ABOVE, 8).y(), 0.1);
        assertEquals(20.3, JointEdgeSnapper.snap(g, Point2.of(20.3, 44), Bone.ABOVE, 8).x(), 0);
        // the plateau (bone below): the tibia's edge, not the femur's
        assertEquals(46.0, JointEdgeSnapper.snap(g, Point2.of(20.3, 41), Bone.BELOW, 8).y(), 0.1);
        assertEquals(46.0, JointEdgeSnapper.snap(g, Point2.of(20.3, 50), Bone.BELOW, 8).y(), 0.1);
        // beyond the range: stays
        assertEquals(Point2.of(20.3, 20), JointEdgeSnapper.snap(g, Point2.of(20.3, 20), Bone.ABOVE, 8));
    }

    @Test
    void aStepWithNoJointSpaceBeyondItIsNotAJointEdge() {
        float[] v = new float[40 * 80];
        for (int i = 0; i < v.length; i++) {
            v[i] = i / 40 < 40 ? 200f : 40f; // bright above, dark to the bottom of the film: no bone beyond
        }
        assertEquals(Point2.of(20.3, 36), JointEdgeSnapper.snap(GreyImage.of(40, 80, v), Point2.of(20.3, 36), Bone.ABOVE, 8));
    }

    @Test
    void aFlatFilmOrAClickOffTheFilmStaysWhereItIs() {
        float[] v = new float[64 * 64];
        Arrays.fill(v, 80f);
        GreyImage g = GreyImage.of(64, 64, v);
        assertEquals(Point2.of(30.2, 31.7), JointEdgeSnapper.snap(g, Point2.of(30.2, 31.7), Bone.ABOVE, 6));
        assertEquals(Point2.of(-3, 31.7), JointEdgeSnapper.snap(g, Point2.of(-3, 31.7), Bone.ABOVE, 6));
    }

    @Test
    void onlyTheJointSurfaceLandmarksSnap() {
        assertEquals(Optional.of(Bone.ABOVE), JointEdgeSnapper.boneSide(LimbLandmark.FEMORAL_CONDYLE_LATERAL));
        assertEquals(Optional.of(Bone.ABOVE), JointEdgeSnapper.boneSide(LimbLandmark.PLAFOND_MEDIAL));
        assertEquals(Optional.of(Bone.BELOW), JointEdgeSnapper.boneSide(LimbLandmark.TIBIAL_PLATEAU_MEDIAL));
        assertEquals(Optional.empty(), JointEdgeSnapper.boneSide(LimbLandmark.KNEE_CENTER));
        assertEquals(Optional.empty(), JointEdgeSnapper.boneSide(LimbLandmark.FEMORAL_HEAD_CENTER));
    }
}
