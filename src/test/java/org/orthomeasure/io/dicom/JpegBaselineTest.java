package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JPEG Baseline (1.2.840.10008.1.2.4.50), grey and colour, decoded through PixelMed and ImageIO. */
class JpegBaselineTest {

    private static final String BASELINE = "1.2.840.10008.1.2.4.50";

    @TempDir
    Path dir;

    private static byte[] jpeg(BufferedImage img) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    @Test
    void greyBaselineIsCloseAndLossy() throws Exception {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                img.getRaster().setSample(x, y, 0, 2 * x + y);
            }
        }
        TestDicom t = TestDicom.grey(64, 48, new short[64 * 48], 8, "MONOCHROME2");
        t.set("BitsAllocated", "8").set("BitsStored", "8").set("HighBit", "7");
        t.list.put(new OtherByteAttributeMultipleCompressedFrames(TagFromName.PixelData, new byte[][]{jpeg(img)}));
        Radiograph r = RadiographReader.withToolSearchPath("").open(t.write(dir.resolve("grey.dcm"), BASELINE));
        assertFalse(r.isColor());
        assertTrue(Math.abs(r.storedValue(30, 20) - 80) <= 3, "value " + r.storedValue(30, 20));
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("lossy compression (JPEG Baseline")), r.notes().toString());
    }

    @Test
    void colourBaselineIsShownInColour() throws Exception {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                img.setRGB(x, y, x < 16 ? 0xC02020 : 0x2020C0);
            }
        }
        TestDicom t = TestDicom.rgb(32, 32, new byte[32 * 32 * 3], 0);
        t.set("PhotometricInterpretation", "YBR_FULL_422");
        t.list.put(new OtherByteAttributeMultipleCompressedFrames(TagFromName.PixelData, new byte[][]{jpeg(img)}));
        Radiograph r = RadiographReader.withToolSearchPath("").open(t.write(dir.resolve("colour.dcm"), BASELINE));
        assertTrue(r.isColor());
        int left = r.storedValue(4, 16);
        int right = r.storedValue(28, 16);
        assertTrue(((left >> 16) & 0xFF) > 150 && (left & 0xFF) < 80, Integer.toHexString(left));
        assertTrue((right & 0xFF) > 150 && ((right >> 16) & 0xFF) < 80, Integer.toHexString(right));
        assertEquals("YBR_FULL_422", r.formatInfo().photometricInterpretation());
    }
}
