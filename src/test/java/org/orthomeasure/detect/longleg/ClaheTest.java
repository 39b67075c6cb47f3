package org.orthomeasure.detect.longleg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The Java CLAHE against OpenCV's output (written by training/export_longleg_onnx.py). */
class ClaheTest {

    private static int[] grey(String resource, int[] size) throws IOException {
        try (InputStream in = ClaheTest.class.getResourceAsStream(resource)) {
            BufferedImage img = ImageIO.read(in);
            size[0] = img.getWidth();
            size[1] = img.getHeight();
            int[] v = new int[size[0] * size[1]];
            img.getRaster().getPixels(0, 0, size[0], size[1], v);
            return v;
        }
    }

    @Test
    void reproducesOpenCvExactlyOnTheCropGeometry() throws IOException {
        int[] size = new int[2];
        int[] in = grey("clahe-input.png", size);
        int[] expected = grey("clahe-output.png", new int[2]);
        assertEquals(128, size[0]);
        assertArrayEquals(expected, Clahe.apply(in, size[0], size[1], 1.0, 8));
    }

    @Test
    void reproducesOpenCvOnASizeThatIsNoMultipleOfTheTiles() throws IOException {
        int[] size = new int[2];
        int[] in = grey("clahe-odd-input.png", size);
        int[] expected = grey("clahe-odd-output.png", new int[2]);
        assertEquals(100, size[0]);
        assertEquals(777, size[1]);
        assertArrayEquals(expected, Clahe.apply(in, size[0], size[1], 1.0, 8));
    }

    @Test
    void aFlatImageStaysFlat() {
        int[] flat = new int[64 * 64];
        java.util.Arrays.fill(flat, 90);
        int[] out = Clahe.apply(flat, 64, 64, 1.0, 8);
        for (int v : out) {
            assertEquals(out[0], v);
        }
    }
}
