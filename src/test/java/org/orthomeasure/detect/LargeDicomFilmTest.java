package org.orthomeasure.detect;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.io.dicom.DicomImageWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A validation film as a large 16-bit DICOM (12 bits stored, MONOCHROME1, 3000 x 3000 with the film scaled up
 * 1.41 x and padded black on both sides), read as the app reads it ({@link FilmReader}: default window,
 * MONOCHROME1 shown bones-white): the vertebrae are found where they are labelled, in the DICOM's px, and the
 * major curve is as on the original film (sunhl-1th-10-Jan-2017-240 A AP.jpg: 49.6 deg against the labelled
 * 51.2, mean corner distance 13.3 px).
 */
class LargeDicomFilmTest {

    private static final String FILM = "sunhl-1th-10-Jan-2017-240 A AP.jpg";
    private static SpineLandmarkDetector detector;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        detector = SpineLandmarkDetector.loadDefault();
    }

    @AfterAll
    static void close() throws Exception {
        detector.close();
    }

    @Test
    void aLargeMonochrome1DicomIsMeasuredLikeTheOriginalFilm() throws Exception {
        Path data = Path.of(System.getProperty("orthomeasure.shared", "../shared"), "data", "aasce-spine-train");
        assumeTrue(Files.isDirectory(data), "../shared/data/aasce-spine-train is absent");
        AasceDataset.Entry entry = AasceDataset.read(data).entries().stream().filter(e -> e.name().equals(FILM))
                .findFirst().orElseThrow();
        GreyImage film = FilmReader.read(entry.image());
        FramedFilms.Variant v = FramedFilms.padToSquare(film, 0f, 3000, "black-square-3000");
        // MONOCHROME1: stored 0 is white; grey g (0..255, white 255) is stored as (255 - g) * 16
        short[] stored = new short[3000 * 3000];
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 3000; x++) {
                stored[y * 3000 + x] = (short) Math.round((255 - v.image().value(x, y)) * 16);
            }
        }
        Path dcm = dir.resolve("large.dcm");
        DicomImageWriter.writeGrey(dcm, 3000, 3000, stored, 12, Map.of("SOPClassUID", "1.2.840.10008.5.1.4.1.1.1.1",
                "SOPInstanceUID", "2.25.4242", "StudyInstanceUID", "2.25.1", "SeriesInstanceUID", "2.25.2",
                "Modality", "DX", "PhotometricInterpretation", "MONOCHROME1", "WindowCenter", "2040",
                "WindowWidth", "4080"), DicomImageWriter.Encoding.EXPLICIT_LITTLE_ENDIAN);

        GreyImage read = FilmReader.read(dcm);
        assertEquals(3000, read.width());
        // shown bones-white: the padding (stored 4080) is black
        assertEquals(0, read.value(10, 10), 1);
        SpineDetection d = detector.detect(read);
        assertFalse(d.confidence().low(), d.confidence().toString());
        assertEquals(3000, d.imageHeight());
        double dist = 0;
        for (int k = 0; k < SpineDecoder.LEVELS; k++) {
            for (SpineDetection.Corner c : SpineDetection.Corner.values()) {
                double[] ref = entry.cornerPx(4 * k + c.ordinal(), film.width(), film.height());
                dist += d.corner(k, c).distanceTo(v.map(new Point2(ref[0], ref[1]))) / v.scale();
            }
        }
        dist /= 4 * SpineDecoder.LEVELS;
        double major = SpineEvaluator.curves(d).orElseThrow()[0];
        System.out.printf("3000 x 3000 MONOCHROME1 DICOM: major %.1f deg (labelled %.1f), corner distance %.1f px"
                + " (original film px)%n", major, entry.angles()[0], dist);
        assertTrue(dist < 20, "corner distance " + dist);
        assertEquals(entry.angles()[0], major, 3.0);
    }
}
