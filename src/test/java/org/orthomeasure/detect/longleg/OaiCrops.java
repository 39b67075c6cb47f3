package org.orthomeasure.detect.longleg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.detect.GreyImage;

/** The OAI test crops from ../shared, for tests that need real films (skipped, saying so, without ../shared). */
final class OaiCrops {

    static final Path DIR = Path.of(System.getProperty("orthomeasure.shared", "../shared"), "data", "oai-legs-seg");

    private OaiCrops() {
    }

    static List<OaiLegsDataset.Crop> test() throws IOException {
        assumeTrue(Files.isDirectory(DIR.resolve("test")), "needs ../shared/data/oai-legs-seg (real OAI crops) beside the checkout");
        return OaiLegsDataset.crops(DIR, "test");
    }

    static GreyImage grey(OaiLegsDataset.Crop c) throws IOException {
        BufferedImage img = ImageIO.read(c.image().toFile());
        return GreyImage.fromBufferedImage(img);
    }

    /** Row-major values of a grey image. */
    static float[] values(GreyImage g) {
        float[] v = new float[g.width() * g.height()];
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                v[y * g.width() + x] = g.value(x, y);
            }
        }
        return v;
    }

    /** A bilateral film: {@code right} as it is on the image's left, {@code left} mirrored on the image's right. */
    static GreyImage bilateral(GreyImage right, GreyImage left) {
        int w = right.width();
        int h = right.height();
        float[] v = new float[2 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * 2 * w + x] = right.value(x, y);
                v[y * 2 * w + 2 * w - 1 - x] = left.value(x, y);
            }
        }
        return GreyImage.of(2 * w, h, v);
    }

    /** {@code g} enlarged {@code k} times by pixel replication (each pixel a k × k block). */
    static GreyImage enlarged(GreyImage g, int k) {
        int w = g.width() * k;
        int h = g.height() * k;
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = g.value(x / k, y / k);
            }
        }
        return GreyImage.of(w, h, v);
    }

    /** The HKA (degrees, varus negative) of a suggested leg, measured by the engine from its landmarks. */
    static double hka(LegSuggestion leg) {
        LandmarkSet set = SuggestedLandmarks.of(LandmarkSet.empty(), List.of(leg)).landmarks();
        MeasurementSet ms = MeasurementEngine.measure(set, Calibration.none("test"), MeasurementOptions.defaults());
        return ms.get(leg.side().prefix() + "HKA").orElseThrow(() -> new AssertionError("no HKA: " + ms.missing())).value();
    }
}
