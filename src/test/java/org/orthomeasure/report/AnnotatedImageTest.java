package org.orthomeasure.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.overlay.Overlay;
import org.orthomeasure.core.overlay.OverlayBuilder;
import org.orthomeasure.core.overlay.OverlayGroup;
import org.orthomeasure.core.overlay.OverlayRole;

/** The annotated picture: framing, scale and the overlay drawn where the landmarks are. */
class AnnotatedImageTest {

    @TempDir
    Path dir;

    static Overlay overlay(LandmarkSet set) {
        return OverlayBuilder.build(set, ReportFixtures.measure(set, Calibration.none(null)));
    }

    static boolean near(int rgb, Color c) {
        Color p = new Color(rgb);
        return Math.abs(p.getRed() - c.getRed()) < 40 && Math.abs(p.getGreen() - c.getGreen()) < 40
                && Math.abs(p.getBlue() - c.getBlue()) < 40;
    }

    @Test
    void wholeFilmIsScaledDownAndAxesAreDrawnOnTheirPixels() {
        FilmView film = FilmView.of(ReportFixtures.film(Calibration.none(null), ReportFixtures.header()));
        LandmarkSet set = ReportFixtures.bothLegs();
        BufferedImage img = AnnotatedImage.render(Optional.of(film), List.of(AnnotatedImage.Layer.standard(overlay(set))),
                AnnotatedImage.Framing.WHOLE_FILM, 550, EnumSet.of(OverlayGroup.MECHANICAL_AXES)).orElseThrow();
        // 1100 x 1000 scaled to a longer side of 550: factor 0.5.
        assertEquals(550, img.getWidth());
        assertEquals(500, img.getHeight());
        // The left femoral axis runs from H (800,150) to K (805,550): at y = 350 it is at x = 802.5 -> (401, 175).
        Color axis = Palette.standard().colour(OverlayRole.AXIS);
        assertTrue(near(img.getRGB(401, 175), axis), Integer.toHexString(img.getRGB(401, 175)));
        // Far from every line the film shows through (grey, not the axis colour).
        assertTrue(!near(img.getRGB(275, 25), axis));
    }

    @Test
    void cropFollowsTheLandmarksWithAMargin() {
        FilmView film = FilmView.of(ReportFixtures.film(Calibration.none(null), ReportFixtures.header()));
        LandmarkSet oneKnee = LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.KNEE_CENTER, Point2.of(500, 500))
                .withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(500, 900));
        BufferedImage img = AnnotatedImage.render(Optional.of(film), List.of(AnnotatedImage.Layer.standard(overlay(oneKnee))),
                AnnotatedImage.Framing.AROUND_LANDMARKS, 4000).orElseThrow();
        // Box 500..500 x 500..900 (the tibia-length label is anchored on K-A), margin max(40, 8 % of 400 = 32) = 40.
        assertEquals(80, img.getWidth());
        assertEquals(940 - 460, img.getHeight());
        // Near the film's edge the crop is clipped to the film.
        LandmarkSet edge = oneKnee.map(p -> Point2.of(p.x(), p.y() + 80));
        BufferedImage clipped = AnnotatedImage.render(Optional.of(film),
                List.of(AnnotatedImage.Layer.standard(overlay(edge))), AnnotatedImage.Framing.AROUND_LANDMARKS, 4000)
                .orElseThrow();
        assertEquals(1000 - 540, clipped.getHeight());
    }

    @Test
    void withoutFilmTheAnnotationsAreDrawnOnBlackAndNothingGivesNothing() throws Exception {
        BufferedImage img = AnnotatedImage.render(Optional.empty(),
                List.of(AnnotatedImage.Layer.standard(overlay(ReportFixtures.bothLegs()))),
                AnnotatedImage.Framing.WHOLE_FILM, 2000).orElseThrow();
        assertEquals(Color.BLACK.getRGB(), img.getRGB(img.getWidth() / 2, 5));
        assertTrue(AnnotatedImage.render(Optional.empty(), List.of(AnnotatedImage.Layer.standard(Overlay.empty())),
                AnnotatedImage.Framing.WHOLE_FILM, 2000).isEmpty());
        Path png = dir.resolve("a.png");
        AnnotatedImage.writePng(img, png);
        assertEquals(img.getWidth(), ImageIO.read(png.toFile()).getWidth());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList());
        }
        assertThrows(IllegalArgumentException.class, () -> AnnotatedImage.render(Optional.empty(), List.of(),
                AnnotatedImage.Framing.WHOLE_FILM, 4));
    }

    @Test
    void printSizeFitsTheBoxAtAbout216Dpi() {
        FilmView film = FilmView.of(ReportFixtures.film(Calibration.none(null), ReportFixtures.header()));
        AnnotatedImage.Printed p = AnnotatedImage.renderForPrint(Optional.of(film),
                List.of(AnnotatedImage.Layer.standard(overlay(ReportFixtures.bothLegs()))),
                AnnotatedImage.Framing.WHOLE_FILM, 220, 400, EnumSet.allOf(OverlayGroup.class)).orElseThrow();
        // 1100 x 1000 into 220 x 400 pt: width-bound, 220 x 200 pt, 660 x 600 px.
        assertEquals(220, p.widthPt(), 1e-3);
        assertEquals(200, p.heightPt(), 1e-3);
        assertEquals(660, p.image().getWidth());
        assertEquals(600, p.image().getHeight());
    }
}
