package org.orthomeasure.io.image;

import org.junit.jupiter.api.Test;
import org.orthomeasure.io.radiograph.RadiographReader;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PNG, JPEG and TIFF radiographs open by content, keep their bit depth, and are uncalibrated. */
class StandardImageReaderTest {

    @TempDir
    Path dir;

    private static Radiograph read(Path p) throws ImageReadException {
        return RadiographReader.withToolSearchPath("").open(p);
    }

    @Test
    void sixteenBitPngKeepsItsValues() throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(3, 4, 0, 40000);
        img.getRaster().setSample(5, 6, 0, 123);
        Path p = dir.resolve("film.dat"); // the name does not matter, the content does
        ImageIO.write(img, "png", p.toFile());
        Radiograph r = read(p);
        assertEquals(40, r.width());
        assertEquals(30, r.height());
        assertEquals(16, r.bitsStored());
        assertEquals(40000, r.storedValue(3, 4));
        assertEquals(123, r.modalityValue(5, 6), 0);
        assertFalse(r.isColor());
        assertFalse(r.calibration().isCalibrated());
        assertTrue(r.calibration().warning().orElseThrow().contains("px"));
        assertEquals("PNG", r.formatInfo().format());
        assertTrue(r.formatInfo().transferSyntaxUid().isEmpty());
    }

    @Test
    void eightBitGreyJpegIsGreyAndNotedLossy() throws Exception {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.getRaster().setSample(x, y, 0, x * 4);
            }
        }
        Path p = dir.resolve("spine.jpg");
        ImageIO.write(img, "jpeg", p.toFile());
        Radiograph r = read(p);
        assertEquals(8, r.bitsStored());
        assertFalse(r.isColor());
        assertTrue(Math.abs(r.storedValue(40, 10) - 160) <= 4);
        assertTrue(r.notes().contains("lossy compression (JPEG)"));
    }

    @Test
    void colourPngIsColourAndGreyRgbIsGrey() throws Exception {
        BufferedImage colour = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        colour.setRGB(0, 0, 0xFF0000);
        colour.setRGB(1, 0, 0x00FF00);
        Path c = dir.resolve("c.png");
        ImageIO.write(colour, "png", c.toFile());
        Radiograph rc = read(c);
        assertTrue(rc.isColor());
        assertEquals(0x00FF00, rc.storedValue(1, 0));
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        grey.setRGB(0, 0, 0x101010);
        grey.setRGB(1, 0, 0xF0F0F0);
        Path g = dir.resolve("g.png");
        ImageIO.write(grey, "png", g.toFile());
        Radiograph rg = read(g);
        assertFalse(rg.isColor());
        assertEquals(0xF0, rg.storedValue(1, 0));
    }

    @Test
    void dualPersonalityReferenceReadsTheSameAsTiffAndAsDicom() throws Exception {
        // RG2_reference.tif is both a TIFF (magic at 0) and a DICOM file (DICM at 128): DICOM is preferred
        Path tif = org.orthomeasure.SharedData.require("dicom", "wg04", "RG2_reference.tif");
        Radiograph asDicom = read(tif);
        assertEquals("DICOM", asDicom.formatInfo().format());
        Radiograph asTiff = StandardImageReader.read(tif, "TIFF");
        assertEquals("TIFF", asTiff.formatInfo().format());
        assertEquals(1760, asTiff.width());
        assertEquals(2140, asTiff.height());
        assertFalse(asTiff.isColor());
        for (int y = 0; y < asTiff.height(); y++) {
            for (int x = 0; x < asTiff.width(); x++) {
                if (asTiff.storedValue(x, y) != asDicom.storedValue(x, y)) {
                    throw new AssertionError("TIFF and DICOM personalities differ at (" + x + ", " + y + ")");
                }
            }
        }
    }
}
