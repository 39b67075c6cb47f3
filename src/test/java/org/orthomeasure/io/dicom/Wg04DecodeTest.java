package org.orthomeasure.io.dicom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every RG2 transfer syntax decodes to the reference pixels (lossless) or close to them (lossy). */
class Wg04DecodeTest {

    private static Radiograph reference;

    @BeforeAll
    static void loadReference() throws ImageReadException {
        reference = Wg04Files.reference();
        assertEquals(2140, reference.height());
        assertEquals(1760, reference.width());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RG2_JPLL.dcm", "RG2_RLE.dcm", "RG2_J2KR.dcm"})
    void losslessInJavaEqualsReference(String file) throws ImageReadException {
        Radiograph r = RadiographReader.withToolSearchPath("").open(Wg04Files.file(file));
        assertPixelsEqual(r, file);
        assertEquals(10, r.bitsStored());
        assertFalse(r.invertedByDefault());
        assertTrue(r.notes().stream().noneMatch(n -> n.contains("lossy")), r.notes().toString());
    }

    @Test
    void jpegLsLosslessThroughDcmtkEqualsReference() throws ImageReadException {
        assumeTrue(Wg04Files.dcmtkPresent("dcmdjpls"), "dcmtk's dcmdjpls not installed");
        Radiograph r = RadiographReader.standard().open(Wg04Files.file("RG2_JLSL.dcm"));
        assertPixelsEqual(r, "RG2_JLSL.dcm");
        assertTrue(r.notes().contains("decoded by dcmtk (dcmdjpls)"), r.notes().toString());
    }

    @Test
    void lossyVariantsAreCloseAndSayLossy() throws ImageReadException {
        assertClose(RadiographReader.withToolSearchPath("").open(Wg04Files.file("RG2_J2KI.dcm")), "RG2_J2KI.dcm");
        if (Wg04Files.dcmtkPresent("dcmdjpls")) {
            assertClose(RadiographReader.standard().open(Wg04Files.file("RG2_JLSN.dcm")), "RG2_JLSN.dcm");
        }
        if (Wg04Files.dcmtkPresent("dcmdjpeg")) {
            assertClose(RadiographReader.standard().open(Wg04Files.file("RG2_JPLY.dcm")), "RG2_JPLY.dcm");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RG2_JLSL.dcm", "RG2_JLSN.dcm", "RG2_JPLY.dcm"})
    void withoutDcmtkTheMessageNamesCompressionAndTool(String file) {
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> RadiographReader.withToolSearchPath("").open(Wg04Files.file(file)));
        String tool = file.contains("JLS") ? "dcmdjpls" : "dcmdjpeg";
        String compression = file.contains("JLSL") ? "JPEG-LS lossless" : file.contains("JLSN")
                ? "JPEG-LS near-lossless" : "JPEG Extended (12-bit lossy)";
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(tool), e.getMessage());
        assertTrue(e.getMessage().contains(compression), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void fastJpegLosslessDecoderAloneEqualsReference() throws Exception {
        com.pixelmed.dicom.AttributeList l = new com.pixelmed.dicom.AttributeList();
        l.setDecompressPixelData(false);
        l.read(Wg04Files.file("RG2_JPLL.dcm").toFile());
        byte[] frame = ((com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames)
                l.get(com.pixelmed.dicom.TagFromName.PixelData)).getByteValuesForSelectedFrame(0);
        JpegLosslessDecoder.Image img = JpegLosslessDecoder.decode(frame);
        assertEquals(reference.width(), img.width());
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                if ((img.samples()[y * img.width() + x] & 0xFFFF) != reference.storedValue(x, y)) {
                    fail("fast decoder differs at (" + x + ", " + y + ")");
                }
            }
        }
    }

    @Test
    void rg3IsMonochrome1InvertedAndUncalibrated() throws ImageReadException {
        Radiograph r = RadiographReader.withToolSearchPath("").open(Wg04Files.file("RG3_JPLL.dcm"));
        assertTrue(r.invertedByDefault());
        assertFalse(r.calibration().isCalibrated());
        assertEquals("MONOCHROME1", r.formatInfo().photometricInterpretation());
    }

    private static void assertPixelsEqual(Radiograph r, String file) {
        assertEquals(reference.width(), r.width(), file);
        assertEquals(reference.height(), r.height(), file);
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                if (r.storedValue(x, y) != reference.storedValue(x, y)) {
                    fail(file + ": pixel (" + x + ", " + y + ") is " + r.storedValue(x, y) + ", reference "
                            + reference.storedValue(x, y));
                }
            }
        }
    }

    /** Lossy: mean absolute error under 1 % of the 10-bit range, and not identical. */
    private static void assertClose(Radiograph r, String file) {
        assertEquals(reference.width(), r.width(), file);
        long sum = 0;
        int max = 0;
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                int d = Math.abs(r.storedValue(x, y) - reference.storedValue(x, y));
                sum += d;
                max = Math.max(max, d);
            }
        }
        double mae = (double) sum / (r.width() * r.height());
        assertTrue(mae < 10.24, file + ": mean absolute error " + mae);
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("lossy compression")), file + " " + r.notes());
        System.out.printf("%s: mean abs error %.3f, max %d%n", file, mae, max);
    }
}
