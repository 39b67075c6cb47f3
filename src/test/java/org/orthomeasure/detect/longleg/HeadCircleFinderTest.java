package org.orthomeasure.detect.longleg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Circle;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.detect.GreyImage;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;

/**
 * The head circle proposed from one click ({@link HeadCircleFinder}), on a real full-resolution hip film, on
 * the real OAI crops (8x downsampled) and on drawn images.
 */
class HeadCircleFinderTest {

    private static final Path WG04 = Path.of(System.getProperty("orthomeasure.shared", "../shared"), "dicom", "wg04");

    /**
     * The femoral head of the WG04 hip CR (RG2, 1760 x 2140 px at 0.2 mm, the patient's left hip): centre
     * (905, 875) px, radius 142 px (28 mm projected), read by eye on a 2.4x enlargement of the film with the
     * circle drawn over it (top, medial and inferior rim; the lateral rim where it leaves the neck).
     */
    private static final Circle RG2_HEAD = Circle.of(Point2.of(905, 875), 142);

    /** The WG04 hip film as the finder reads it, and the radii its calibration gives. */
    private record HipFilm(GreyImage grey, List<Double> radii) {
    }

    private static HipFilm hipFilm() throws Exception {
        assumeTrue(Files.isRegularFile(WG04.resolve("RG2_RLE.dcm")), "needs ../shared/dicom/wg04 beside the checkout");
        Radiograph film = RadiographReader.read(WG04.resolve("RG2_RLE.dcm"));
        GreyImage grey = GreyImage.fromRadiograph(film);
        return new HipFilm(grey, HeadCircleFinder.radiiToTry(film.calibration().spacing().map(s -> s.rowMm()), grey.height()));
    }

    @Test
    void aClickAnywhereInTheHeadOfARealHipFilmProposesItsRim() throws Exception {
        HipFilm hip = hipFilm();
        GreyImage grey = hip.grey();
        List<Double> radii = hip.radii();
        List<Double> uncalibrated = HeadCircleFinder.radiiToTry(Optional.empty(), grey.height());
        StringBuilder log = new StringBuilder();
        for (int k = 0; k <= 8; k++) {
            double t = 2 * Math.PI * k / 8;
            double d = k == 0 ? 0 : 0.5 * RG2_HEAD.radius();
            Point2 click = Point2.of(RG2_HEAD.center().x() + d * Math.cos(t), RG2_HEAD.center().y() + d * Math.sin(t));
            for (List<Double> r : List.of(radii, uncalibrated)) {
                Circle c = HeadCircleFinder.propose(grey, click, r).orElseThrow(() -> new AssertionError("no circle from " + click)).circle();
                log.append(String.format(Locale.ROOT, "%s -> %s%n", click, c));
                assertEquals(0, c.center().distanceTo(RG2_HEAD.center()), 0.05 * RG2_HEAD.radius(), log.toString());
                assertEquals(RG2_HEAD.radius(), c.radius(), 0.05 * RG2_HEAD.radius(), log.toString());
            }
        }
    }

    /**
     * The bundled long-leg phantom (1500 x 4400 px at 0.27 mm, true landmarks known): a click 18 px off each
     * femoral head's centre proposes a circle within 1.5 px of the true centre (measured 0.73 / 0.83 px); a
     * click 2 px above each true condyle point snaps to within 0.6 px of it (measured 0.38-0.45 px).
     */
    @Test
    void onTheLongLegPhantomTheAidsLandOnItsTrueLandmarks() throws Exception {
        Path phantom = Path.of("sample-dicom/longleg-phantom.dcm");
        Path truthFile = Path.of("sample-dicom/longleg-phantom.landmarks.json");
        assumeTrue(Files.isRegularFile(phantom) && Files.isRegularFile(truthFile), "sample film not present");
        Radiograph film = RadiographReader.read(phantom);
        GreyImage grey = GreyImage.fromRadiograph(film);
        var truth = new org.orthomeasure.io.landmarks.LandmarkFileReader().read(truthFile).landmarks();
        double spacing = film.calibration().spacing().orElseThrow().rowMm();
        for (var side : org.orthomeasure.core.landmarks.Side.values()) {
            Point2 h = truth.point(side, org.orthomeasure.core.landmarks.LimbLandmark.FEMORAL_HEAD_CENTER).orElseThrow();
            Circle c = HeadCircleFinder.propose(grey, Point2.of(h.x() + 15, h.y() - 10),
                    HeadCircleFinder.radiiToTry(Optional.of(spacing), grey.height())).orElseThrow().circle();
            assertEquals(0, c.center().distanceTo(h), 1.5, side + " head " + c);
            for (var l : List.of(org.orthomeasure.core.landmarks.LimbLandmark.FEMORAL_CONDYLE_MEDIAL,
                    org.orthomeasure.core.landmarks.LimbLandmark.FEMORAL_CONDYLE_LATERAL)) {
                Point2 t = truth.point(side, l).orElseThrow();
                Point2 s = JointEdgeSnapper.snap(grey, Point2.of(t.x(), t.y() - 2), JointEdgeSnapper.Bone.ABOVE, 2.5, 7 / spacing);
                assertEquals(t.y(), s.y(), 0.6, side + " " + l);
            }
        }
    }

    @Test
    void aClickOutsideTheHeadOrOnSoftTissueProposesNothing() throws Exception {
        HipFilm hip = hipFilm();
        GreyImage grey = hip.grey();
        List<Double> radii = hip.radii();
        // the thigh's soft tissue below the hip, and the black background beside the film
        for (Point2 click : List.of(Point2.of(700, 1800), Point2.of(1600, 1500))) {
            Optional<HeadCircleFinder.Proposal> p = HeadCircleFinder.propose(grey, click, radii);
            assertTrue(p.isEmpty() || p.get().circle().center().distanceTo(RG2_HEAD.center()) > 2 * RG2_HEAD.radius()
                    && p.get().support() < 0.6, click + " -> " + p);
        }
    }

    @Test
    void aDrawnDiscIsFoundExactlyFromAnOffCentreClick() {
        int w = 400;
        int h = 400;
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.hypot(x + 0.5 - 210, y + 0.5 - 190);
                // a bright disc of radius 60 over a dim ring (an acetabulum-like second edge at 75)
                v[y * w + x] = d < 60 ? 200 : d < 75 ? 60 : 120;
            }
        }
        GreyImage g = GreyImage.of(w, h, v);
        Circle c = HeadCircleFinder.propose(g, Point2.of(230, 170), 55.0).orElseThrow().circle();
        // the same disc drawn at a quarter of the size (radius 15 px) is too coarse: nothing proposed
        assertTrue(HeadCircleFinder.propose(g, Point2.of(230, 170), 14.0).isEmpty());
        assertEquals(210, c.center().x(), 1.0);
        assertEquals(190, c.center().y(), 1.0);
        assertEquals(60, c.radius(), 1.5);
    }

    @Test
    void aFlatFilmProposesNothing() {
        float[] v = new float[200 * 200];
        java.util.Arrays.fill(v, 120f);
        assertTrue(HeadCircleFinder.propose(GreyImage.of(200, 200, v), Point2.of(100, 100), 20.0).isEmpty());
    }

    @Test
    void radiiFollowTheCalibrationOrSpanLongLegAndHipFilms() {
        assertEquals(List.of(120.0), HeadCircleFinder.radiiToTry(Optional.of(0.2), 2000));
        List<Double> r = HeadCircleFinder.radiiToTry(Optional.empty(), 2000);
        assertEquals(30.0, r.get(0), 1e-9);
        assertTrue(r.get(r.size() - 1) >= 100 && r.get(r.size() - 1) <= 142, r.toString());
        // too coarse for a proposal: a head of 1 mm px film at 24 mm, or an 8x downsampled crop
        assertEquals(List.of(), HeadCircleFinder.radiiToTry(Optional.of(1.0), 1000));
        assertEquals(List.of(34.56), HeadCircleFinder.radiiToTry(Optional.empty(), 1024).stream()
                .map(x -> Math.round(x * 100) / 100.0).toList().subList(0, 1));
    }

    /**
     * Measured, not a gate: on the 25 OAI test crops (8x downsampled, CLAHE, head radius ~18 px, the head
     * overlapping the acetabulum and the rulers' grid) two clicks 0.3 r from the drawn head's centre. Prints
     * how many were proposed and how many within 0.2 r of the drawn circle's centre. Measured before the
     * {@link HeadCircleFinder#MIN_RADIUS_PX} floor: with four clicks per crop 99 of 100 proposed, 25 near; with
     * the rim-contrast rule, 15 of 50 proposed, 2 near. So such films get no proposal at all: asserted.
     */
    @Test
    void onTheDownsampledOaiCropsTheFiguresArePrinted() throws Exception {
        int tried = 0;
        int proposed = 0;
        int near = 0;
        for (OaiLegsDataset.Crop crop : OaiCrops.test()) {
            DerivedLeg drawn = LegGeometry.derive(OaiLegsDataset.readMask(crop.mask()), 1024);
            if (drawn.head().isEmpty()) {
                continue;
            }
            Circle truth = drawn.head().get();
            GreyImage g = OaiCrops.grey(crop);
            for (int k = 0; k < 2; k++) {
                double t = Math.PI * k + 0.4;
                Point2 click = Point2.of(truth.center().x() + 0.3 * truth.radius() * Math.cos(t),
                        truth.center().y() + 0.3 * truth.radius() * Math.sin(t));
                tried++;
                Optional<HeadCircleFinder.Proposal> p = HeadCircleFinder.propose(g, click,
                        HeadCircleFinder.radiiToTry(Optional.empty(), g.height()));
                if (p.isPresent()) {
                    proposed++;
                    if (p.get().circle().center().distanceTo(truth.center()) <= 0.2 * truth.radius()) {
                        near++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "OAI test crops: %d clicks, %d proposed, %d within 0.2 r of the drawn head%n",
                tried, proposed, near);
        assertTrue(tried >= 40, "clicks tried: " + tried);
        assertTrue(proposed <= 2, proposed + " wrong-resolution proposals");
    }
}
