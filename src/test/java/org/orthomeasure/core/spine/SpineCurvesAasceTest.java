package org.orthomeasure.core.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;

/**
 * Strong validation of {@link SpineCurves} against the AASCE 2019 training labels: from the labelled
 * corners (normalised, multiplied by each image's real width and height, read from the JPEG header)
 * and the real image height for step 4, the three curves must reproduce {@code angles.csv} within
 * 0.01° for almost every image. Skipped when {@code ${orthomeasure.shared}/data/aasce-spine-train} is absent.
 */
class SpineCurvesAasceTest {

    private static final double TOLERANCE_DEG = 0.01;

    @Test
    void reproducesTheReferenceAnglesOfTheTrainingSet() throws IOException {
        Path dir = org.orthomeasure.SharedData.require("data", "aasce-spine-train");
        List<String> names = Files.readAllLines(dir.resolve("filenames.csv"));
        List<String> landmarks = Files.readAllLines(dir.resolve("landmarks.csv"));
        List<String> angles = Files.readAllLines(dir.resolve("angles.csv"));
        names.removeIf(String::isBlank);
        landmarks.removeIf(String::isBlank);
        angles.removeIf(String::isBlank);
        assertEquals(names.size(), landmarks.size());
        assertEquals(names.size(), angles.size());

        int matched = 0;
        List<String> mismatches = new ArrayList<>();
        List<double[]> truths = new ArrayList<>();
        List<double[]> predictions = new ArrayList<>();
        for (int row = 0; row < names.size(); row++) {
            int[] size = imageSize(dir.resolve("images").resolve(names.get(row).trim()));
            double[] v = numbers(landmarks.get(row));
            double[] expected = numbers(angles.get(row));
            List<Vertebra> vertebrae = new ArrayList<>();
            for (int k = 0; k < 17; k++) {
                Point2[] c = new Point2[4];
                for (int j = 0; j < 4; j++) {
                    int idx = 4 * k + j;
                    c[j] = Point2.of(v[idx] * size[0], v[68 + idx] * size[1]);
                }
                vertebrae.add(Vertebra.of(SpineLevel.values()[k], c[0], c[1], c[2], c[3]));
            }
            SpineCurves.Result r = SpineCurves.evaluate(vertebrae, OptionalDouble.of(size[1]));
            double[] got = {r.major().degrees(), r.upper().degrees(), r.lower().degrees()};
            truths.add(expected);
            predictions.add(got);
            boolean ok = true;
            for (int i = 0; i < 3; i++) {
                ok &= Math.abs(got[i] - expected[i]) <= TOLERANCE_DEG;
            }
            if (ok) {
                matched++;
            } else {
                // Every miss must be explained: either a reference major curve above 90° (the reference did
                // not clip the cosine at 0 for a few films whose corners are mislabelled; the spec clips), or a
                // rounding-level difference (landmarks.csv is stored normalised with limited digits).
                double worst = 0;
                for (int i = 0; i < 3; i++) {
                    worst = Math.max(worst, Math.abs(got[i] - expected[i]));
                }
                assertTrue(expected[0] > 90 || worst <= 0.02, names.get(row) + ": unexplained mismatch, expected "
                        + java.util.Arrays.toString(expected) + " got " + java.util.Arrays.toString(got));
                mismatches.add(String.format(java.util.Locale.ROOT, "%s: expected %.3f %.3f %.3f, got %.3f %.3f %.3f (%s)",
                        names.get(row), expected[0], expected[1], expected[2], got[0], got[1], got[2], r.branch()));
            }
        }
        System.out.println("AASCE reference reproduction: " + matched + " of " + names.size()
                + " images within " + TOLERANCE_DEG + " deg; SMAPE against angles.csv "
                + String.format(java.util.Locale.ROOT, "%.4f", Smape.percent(truths, predictions)) + " %");
        mismatches.forEach(m -> System.out.println("  mismatch " + m));
        assertTrue(Smape.percent(truths, predictions) < 0.2, "SMAPE of the reference reproduction");
        assertTrue(matched >= names.size() * 0.975, matched + " of " + names.size() + " match; " + mismatches);
    }

    private static double[] numbers(String line) {
        String[] parts = line.trim().split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i].trim());
        }
        return v;
    }

    /** Width and height from the image header only (no decoding). */
    private static int[] imageSize(Path image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertTrue(readers.hasNext(), "no reader for " + image);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }
}
