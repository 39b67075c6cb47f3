package org.orthomeasure.io.dicom;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The fast JPEG Lossless decoder against the project's encoder (every precision) and against
 * truncated data; the WG04 files (predictor 1, 10 bit) are covered by {@link Wg04DecodeTest}.
 */
class JpegLosslessDecoderTest {

    @Test
    void decodesWhatTheEncoderWrites() {
        for (int bits : new int[]{2, 8, 10, 12, 15, 16}) {
            short[] p = DicomImageWriterTest.pixels(131, 77, bits, bits * 31L);
            byte[] jpeg = JpegLosslessEncoder.encode(p, 131, 77, bits);
            JpegLosslessDecoder.Image img = JpegLosslessDecoder.decode(jpeg);
            assertArrayEquals(p, img.samples(), bits + " bits");
        }
    }

    @Test
    void extremeDifferencesIncludingCategory16() {
        short[] p = {0, (short) 65535, 0, (short) 32768, (short) 65535, 0, 1, (short) 65534};
        byte[] jpeg = JpegLosslessEncoder.encode(p, 4, 2, 16);
        assertArrayEquals(p, JpegLosslessDecoder.decode(jpeg).samples());
    }

    @Test
    void truncatedDataIsAnErrorNotGarbage() {
        short[] p = DicomImageWriterTest.pixels(200, 100, 12, 9);
        byte[] jpeg = JpegLosslessEncoder.encode(p, 200, 100, 12);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);
        assertThrows(IllegalArgumentException.class, () -> JpegLosslessDecoder.decode(cut));
        assertThrows(IllegalArgumentException.class, () -> JpegLosslessDecoder.decode(new byte[]{1, 2, 3}));
    }

    @Test
    void otherJpegProcessesAreLeftToPixelMed() {
        byte[] baseline = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0};
        assertThrows(UnsupportedOperationException.class, () -> JpegLosslessDecoder.decode(baseline));
    }
}
