package org.orthomeasure.io.image;

import org.junit.jupiter.api.Test;
import org.orthomeasure.io.radiograph.RadiographReader;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13: a cut JPEG or TIFF, or a JPEG whose frame header lies about its rows, is refused, not filled in. */
class TruncatedImageTest {

    @TempDir
    Path dir;

    private static BufferedImage film(int type) {
        BufferedImage img = new BufferedImage(300, 400, type);
        SplittableRandom r = new SplittableRandom(1);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 300; x++) {
                img.getRaster().setSample(x, y, 0, (x * y + r.nextInt(40)) & 255);
            }
        }
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private String refusal(Path p) {
        return assertThrows(ImageReadException.class, () -> RadiographReader.withToolSearchPath("").open(p)).getMessage();
    }

    /** The JPEG with its frame header (SOF0) declaring {@code rows} rows. */
    private static byte[] withRows(byte[] jpeg, int rows) {
        byte[] c = jpeg.clone();
        for (int i = 0; i < c.length - 9; i++) {
            if ((c[i] & 0xFF) == 0xFF && (c[i + 1] & 0xFF) == 0xC0) {
                c[i + 5] = (byte) (rows >> 8);
                c[i + 6] = (byte) rows;
                return c;
            }
        }
        throw new AssertionError("no SOF0");
    }

    @Test
    void theIntactFilesOpenWithTheirSize() throws Exception {
        byte[] jpg = encode(film(BufferedImage.TYPE_BYTE_GRAY), "jpeg");
        Radiograph r = RadiographReader.withToolSearchPath("").open(Files.write(dir.resolve("full.jpg"), jpg));
        assertEquals(300, r.width());
        assertEquals(400, r.height());
        Radiograph t = RadiographReader.withToolSearchPath("").open(
                Files.write(dir.resolve("full.tif"), encode(film(BufferedImage.TYPE_USHORT_GRAY), "tiff")));
        assertEquals(400, t.height());
    }

    @Test
    void aJpegCutAtAThirdIsRefused() throws Exception {
        byte[] jpg = encode(film(BufferedImage.TYPE_BYTE_GRAY), "jpeg");
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpg, jpg.length / 3));
        assertEquals("cut.jpg: truncated JPEG file (the image data ends before the image does)", refusal(cut));
    }

    @Test
    void aFrameHeaderWithFewerOrMoreRowsThanTheDataIsRefused() throws Exception {
        byte[] jpg = encode(film(BufferedImage.TYPE_BYTE_GRAY), "jpeg");
        Path fewer = Files.write(dir.resolve("rows77.jpg"), withRows(jpg, 77));
        assertEquals("rows77.jpg: damaged JPEG file (its header declares a smaller image than its data holds)",
                refusal(fewer));
        Path more = Files.write(dir.resolve("rows900.jpg"), withRows(jpg, 900));
        assertEquals("rows900.jpg: truncated JPEG file (the image data ends before the image does)", refusal(more));
    }

    @Test
    void aCutTiffIsRefused() throws Exception {
        byte[] tif = encode(film(BufferedImage.TYPE_USHORT_GRAY), "tiff");
        for (int part : new int[] {3, 2}) {
            Path cut = Files.write(dir.resolve("cut" + part + ".tif"), Arrays.copyOf(tif, tif.length * (part - 1) / part));
            // refused by the JDK reader's own bounds check (reported as truncated) or by its warning while decoding
            String m = refusal(cut);
            assertTrue(m.startsWith("cut" + part + ".tif: truncated TIFF file ("), m);
        }
    }
}
