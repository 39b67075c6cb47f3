package org.orthomeasure.io.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Writing then reading gives back every pixel, in every encoding the writer offers. */
class DicomImageWriterTest {

    static final Map<String, String> IDS = Map.of("SOPClassUID", "1.2.840.10008.5.1.4.1.1.1.1",
            "SOPInstanceUID", "2.25.1234567", "StudyInstanceUID", "2.25.1", "SeriesInstanceUID", "2.25.2",
            "Modality", "DX");

    @TempDir
    Path dir;

    static short[] pixels(int w, int h, int bits, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        short[] p = new short[w * h];
        int max = (1 << bits) - 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // smooth ramp + noise + a few extremes, so every Huffman category occurs
                int v = (x * 7 + y * 3) % (max + 1) + rnd.nextInt(-20, 21);
                if (rnd.nextInt(500) == 0) {
                    v = rnd.nextBoolean() ? 0 : max;
                }
                p[y * w + x] = (short) Math.max(0, Math.min(max, v));
            }
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(DicomImageWriter.Encoding.class)
    void roundTripIsExact(DicomImageWriter.Encoding encoding) throws IOException, ImageReadException {
        for (int bits : new int[]{8, 12, 16}) {
            int w = 97;
            int h = 61;
            short[] p = pixels(w, h, bits, bits);
            Path f = dir.resolve(encoding + "-" + bits + ".dcm");
            DicomImageWriter.writeGrey(f, w, h, p, bits, IDS, encoding);
            Radiograph r = RadiographReader.withToolSearchPath("").open(f);
            assertEquals(encoding.transferSyntaxUid(), r.formatInfo().transferSyntaxUid().orElseThrow());
            assertArrayEquals(p, stored(r), encoding + " at " + bits + " bits");
        }
    }

    @Test
    void jpegLosslessStreamIsReadByDcmtkToo() throws IOException, InterruptedException, ImageReadException {
        assumeTrue(Wg04Files.dcmtkPresent("dcmdjpeg"), "dcmtk absent");
        short[] p = pixels(64, 40, 12, 5);
        Path f = dir.resolve("jpll.dcm");
        Path raw = dir.resolve("raw.dcm");
        DicomImageWriter.writeGrey(f, 64, 40, p, 12, IDS, DicomImageWriter.Encoding.JPEG_LOSSLESS);
        Process proc = new ProcessBuilder("dcmdjpeg", f.toString(), raw.toString()).inheritIO().start();
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, proc.exitValue());
        assertArrayEquals(p, stored(RadiographReader.withToolSearchPath("").open(raw)));
    }

    @Test
    void rg2ReferenceThroughEveryUncompressedSyntaxEqualsReference() throws IOException, ImageReadException {
        Radiograph ref = Wg04Files.reference();
        short[] p = stored(ref);
        for (DicomImageWriter.Encoding e : DicomImageWriter.Encoding.values()) {
            Path f = dir.resolve("rg2-" + e + ".dcm");
            DicomImageWriter.writeGrey(f, ref.width(), ref.height(), p, 10, IDS, e);
            assertArrayEquals(p, stored(RadiographReader.withToolSearchPath("").open(f)), e.toString());
            Files.delete(f);
        }
    }

    static short[] stored(Radiograph r) {
        short[] s = new short[r.width() * r.height()];
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                s[y * r.width() + x] = (short) r.storedValue(x, y);
            }
        }
        return s;
    }
}
