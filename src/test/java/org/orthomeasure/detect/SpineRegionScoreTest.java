package org.orthomeasure.detect;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.SpineLevel;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the locator network ({@link SpineRegionModel}) sees on validation films framed as other films come
 * ({@link FramedFilms}), against the labels: the box of its spine column against the box of the labelled corners
 * (intersection over union), and the levels it reads as shown. Whole films must never be read as partial
 * ({@link SpineRegion#partialRun}), which would drop levels from a suggestion. The first {@value #FILMS}
 * validation films by default, {@code -Dorthomeasure.regionFilms=57} for all (figures in training/README.md,
 * "Spine locator").
 */
class SpineRegionScoreTest {

    static final int FILMS = 10;
    /** Films (of {@value #FILMS}) whose box overlaps the labelled one by at least 0.5, at least. */
    static final int WHOLE_BOX_MIN = 9;
    static final int THIRD_BOX_MIN = 7;
    /**
     * Cut films whose levels shown are read within a level at both ends, at least (thoracic-only T1-T12,
     * lumbar-only T12-L5). Measured on the first 10: whole 10, grey square 10, third of the height 8 boxes; cuts
     * within a level 7 and 7 (exactly 5 and 4), read as partial 10 and 9.
     */
    static final int[] RUN_NEAR_MIN = {6, 6};

    private static SpineRegionModel model;

    @BeforeAll
    static void load() throws Exception {
        model = SpineRegionModel.loadDefault();
    }

    @AfterAll
    static void close() throws Exception {
        model.close();
    }

    /** The box of the labelled corners of levels {@code from..to} on variant {@code v}. */
    private static SpineRegion.Box truth(AasceDataset.Entry e, GreyImage film, FramedFilms.Variant v, int from, int to) {
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int k = 4 * from; k < 4 * (to + 1); k++) {
            double[] r = e.cornerPx(k, film.width(), film.height());
            Point2 p = v.map(new Point2(r[0], r[1]));
            x0 = Math.min(x0, p.x());
            y0 = Math.min(y0, p.y());
            x1 = Math.max(x1, p.x());
            y1 = Math.max(y1, p.y());
        }
        return new SpineRegion.Box(x0, y0, x1, y1);
    }

    private static double iou(SpineRegion r, SpineRegion.Box truth) {
        return r.box().map(b -> b.iou(truth)).orElse(0.0);
    }

    private static String run(SpineRegion r) {
        return r.shownRun().map(a -> a[0] + "-" + a[1]).orElse("none") + (r.partialRun().isPresent() ? " (partial)" : "");
    }

    @Test
    void theSpineIsFoundAndTheLevelsShownAreRead() throws Exception {
        Path data = org.orthomeasure.SharedData.require("data", "aasce-spine-train");
        int films = Integer.getInteger("orthomeasure.regionFilms", FILMS);
        Set<String> wanted = FramedFilms.validationFiles(films);
        int n = 0;
        int wholeBox = 0;
        int thirdBox = 0;
        int squareBox = 0;
        int[] exact = new int[2];
        int[] near = new int[2];
        int[] sure = new int[2];
        int wholeRead = 0;
        StringBuilder partialWhole = new StringBuilder();
        for (AasceDataset.Entry e : AasceDataset.read(data).entries()) {
            if (!wanted.contains(e.name())) {
                continue;
            }
            n++;
            GreyImage film = FilmReader.read(e.image());
            double[] cy = PartialFilmScoreTest.centresY(e, film.width(), film.height());
            FramedFilms.Variant whole = FramedFilms.original(film);
            SpineRegion r = model.find(film);
            double iouWhole = iou(r, truth(e, film, whole, 0, 16));
            wholeBox += iouWhole >= 0.5 ? 1 : 0;
            wholeRead += r.shownRun().map(a -> a[0] == SpineLevel.T1 && a[1] == SpineLevel.L5).orElse(false) ? 1 : 0;
            if (r.partialRun().isPresent()) {
                partialWhole.append(e.name()).append(' ').append(run(r)).append("; ");
            }
            FramedFilms.Variant third = FramedFilms.thirdOfHeight(film);
            SpineRegion rt = model.find(third.image());
            double iouThird = iou(rt, truth(e, film, third, 0, 16));
            thirdBox += iouThird >= 0.5 ? 1 : 0;
            FramedFilms.Variant square = FramedFilms.padToSquare(film, 128f, 512, "grey-square-512");
            SpineRegion rs = model.find(square.image());
            squareBox += iou(rs, truth(e, film, square, 0, 16)) >= 0.5 ? 1 : 0;
            if (rs.partialRun().isPresent()) {
                partialWhole.append(e.name()).append(" (square) ").append(run(rs)).append("; ");
            }
            FramedFilms.Variant[] cuts = {FramedFilms.thoracicOnly(film, cy), FramedFilms.lumbarOnly(film, cy)};
            SpineLevel[][] levels = {{SpineLevel.T1, SpineLevel.T12}, {SpineLevel.T12, SpineLevel.L5}};
            String[] read = new String[2];
            for (int i = 0; i < 2; i++) {
                SpineRegion rc = model.find(cuts[i].image());
                SpineLevel[] want = levels[i];
                boolean ok = rc.shownRun().map(a -> a[0] == want[0] && a[1] == want[1]).orElse(false);
                exact[i] += ok ? 1 : 0;
                near[i] += rc.shownRun().map(a -> Math.abs(a[0].ordinal() - want[0].ordinal()) <= 1
                        && Math.abs(a[1].ordinal() - want[1].ordinal()) <= 1).orElse(false) ? 1 : 0;
                sure[i] += rc.partialRun().isPresent() ? 1 : 0;
                read[i] = run(rc);
            }
            System.out.printf(Locale.ROOT, "%-40s whole IoU %.2f %s | third IoU %.2f | thoracic %s | lumbar %s%n",
                    e.name(), iouWhole, run(r), iouThird, read[0], read[1]);
        }
        System.out.printf(Locale.ROOT, "films %d: whole box>=0.5 %d, read T1-L5 %d; grey square box %d; third-of-height"
                + " box %d; thoracic read exactly %d, within a level %d (read as partial %d); lumbar %d, %d (%d)%n", n,
                wholeBox, wholeRead, squareBox, thirdBox, exact[0], near[0], sure[0], exact[1], near[1], sure[1]);
        assertTrue(partialWhole.isEmpty(), "whole films read as partial: " + partialWhole);
        assertTrue(wholeBox >= WHOLE_BOX_MIN * n / FILMS, "whole films with the spine's box found: " + wholeBox);
        assertTrue(squareBox >= WHOLE_BOX_MIN * n / FILMS, "grey squares with the spine's box found: " + squareBox);
        assertTrue(thirdBox >= THIRD_BOX_MIN * n / FILMS, "cluttered films with the spine's box found: " + thirdBox);
        for (int i = 0; i < 2; i++) {
            assertTrue(near[i] >= RUN_NEAR_MIN[i] * n / FILMS, "cut " + i + " read within a level: " + near[i]);
        }
    }

    @Test
    void noiseAndABlankShowNoSpine() throws Exception {
        java.util.Random rnd = new java.util.Random(3);
        float[] v = new float[700 * 1200];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(256);
        }
        assertFalse(model.find(GreyImage.of(700, 1200, v)).spineSeen(), "noise");
        assertFalse(model.find(GreyImage.of(700, 1200, new float[700 * 1200])).spineSeen(), "blank");
    }
}
