package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;
import org.orthomeasure.io.image.WindowPreset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file's grey-level pipeline, colour, frames, header and calibration, on small crafted files. */
class DicomGreyLevelTest {

    @TempDir
    Path dir;

    private Radiograph read(TestDicom t) throws IOException, DicomException, ImageReadException {
        return RadiographReader.withToolSearchPath("").open(t.write(dir.resolve("t.dcm")));
    }

    private static short[] ramp(int n, int modulo) {
        short[] p = new short[n];
        for (int i = 0; i < n; i++) {
            p[i] = (short) (i % modulo);
        }
        return p;
    }

    @Test
    void rescaleSlopeInterceptGiveModalityValues() throws Exception {
        Radiograph r = read(TestDicom.grey(16, 16, ramp(256, 256), 12, "MONOCHROME2")
                .set("RescaleSlope", "0.5").set("RescaleIntercept", "-100"));
        assertEquals(0.5 * 20 - 100, r.modalityValue(4, 1), 1e-12);
        assertEquals(20, r.storedValue(4, 1));
    }

    @Test
    void modalityLutSequenceWinsOverRescale() throws Exception {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            table[i] = 1000 + 3 * i;
        }
        Radiograph r = read(TestDicom.grey(16, 16, ramp(256, 256), 8, "MONOCHROME2")
                .lutItem(new AttributeTag(0x0028, 0x3000), 10, 16, table, "test"));
        assertEquals(1000, r.modalityValue(5, 0), 0);            // stored 5 < first mapped 10
        assertEquals(1000 + 3 * 20, r.modalityValue(14, 1), 0);  // stored 30 -> entry 20
        assertTrue(r.modalityTransform().isLut());
    }

    @Test
    void everyWindowAndVoiLutIsOffered() throws Exception {
        int[] step = new int[100];
        for (int i = 0; i < 100; i++) {
            step[i] = i < 50 ? 0 : 4095;
        }
        Radiograph r = read(TestDicom.grey(16, 16, ramp(256, 256), 12, "MONOCHROME2")
                .set("WindowCenter", "100\\2000").set("WindowWidth", "200\\4000")
                .set("WindowCenterWidthExplanation", "SOFT\\BONE")
                .lutItem(TagFromName.VOILUTSequence, 20, 12, step, "STEP"));
        List<String> names = r.windowPresets().stream().map(WindowPreset::name).toList();
        assertEquals(List.of("File 1: SOFT", "File 2: BONE", "File VOI LUT 1: STEP", "Auto", "Full range"), names);
        assertEquals(100, r.defaultWindow().center());
        WindowPreset lut = r.windowPresets().get(2);
        assertTrue(lut.voiLut().isPresent());
        assertEquals(0, lut.fraction(69), 0);
        assertEquals(1, lut.fraction(70), 0);
    }

    @Test
    void invalidWindowIsSkippedWithANote() throws Exception {
        Radiograph r = read(TestDicom.grey(4, 4, ramp(16, 16), 12, "MONOCHROME2")
                .set("WindowCenter", "100\\50").set("WindowWidth", "0\\20"));
        assertEquals("File 2", r.defaultWindow().name());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("window 1 from the file")), r.notes().toString());
    }

    @Test
    void monochrome1AndInversePresentationShapeAreInvertedOnce() throws Exception {
        assertTrue(read(TestDicom.grey(4, 4, ramp(16, 16), 12, "MONOCHROME1")).invertedByDefault());
        assertTrue(read(TestDicom.grey(4, 4, ramp(16, 16), 12, "MONOCHROME2").set("PresentationLUTShape", "INVERSE"))
                .invertedByDefault());
        assertTrue(read(TestDicom.grey(4, 4, ramp(16, 16), 12, "MONOCHROME1").set("PresentationLUTShape", "INVERSE"))
                .invertedByDefault());
        assertFalse(read(TestDicom.grey(4, 4, ramp(16, 16), 12, "MONOCHROME2").set("PresentationLUTShape", "IDENTITY"))
                .invertedByDefault());
    }

    @Test
    void bitsAboveHighBitAreMaskedAndSignedValuesExtended() throws Exception {
        short[] p = {(short) 0xF123, 0x0FFF, 0x0800, 0x07FF};
        Radiograph u = read(TestDicom.grey(2, 2, p, 12, "MONOCHROME2"));
        assertEquals(0x123, u.storedValue(0, 0));
        Radiograph s = read(TestDicom.grey(2, 2, p, 12, "MONOCHROME2").set("PixelRepresentation", "1"));
        assertEquals(-1, s.storedValue(1, 0));
        assertEquals(-2048, s.storedValue(0, 1));
        assertEquals(2047, s.storedValue(1, 1));
    }

    @Test
    void multiFrameShowsFirstFrameWithANote() throws Exception {
        short[] p = new short[2 * 2 * 3];
        for (int i = 0; i < p.length; i++) {
            p[i] = (short) (i / 4 * 100 + i % 4);
        }
        Radiograph r = read(TestDicom.grey(2, 2, p, 12, "MONOCHROME2").set("NumberOfFrames", "3"));
        assertEquals(3, r.storedValue(1, 1));
        assertEquals(3, r.formatInfo().frames());
        assertTrue(r.notes().contains("multi-frame (3 frames): first frame shown"), r.notes().toString());
    }

    @Test
    void rgbInBothPlanarConfigurationsIsColour() throws Exception {
        byte[] interleaved = {(byte) 255, 0, 0, 0, (byte) 255, 0};
        byte[] planar = {(byte) 255, 0, 0, (byte) 255, 0, 0};
        for (int pc = 0; pc <= 1; pc++) {
            Radiograph r = read(TestDicom.rgb(2, 1, pc == 0 ? interleaved : planar, pc));
            assertTrue(r.isColor());
            assertEquals(0xFF0000, r.storedValue(0, 0), "planar " + pc);
            assertEquals(0x00FF00, r.storedValue(1, 0), "planar " + pc);
        }
    }

    @Test
    void paletteColourIsLookedUp() throws Exception {
        short[] idx = {0, 1, 2, 3};
        TestDicom t = TestDicom.grey(2, 2, idx, 8, "PALETTE COLOR");
        t.set("BitsAllocated", "8").set("BitsStored", "8").set("HighBit", "7");
        t.list.remove(TagFromName.PixelData);
        com.pixelmed.dicom.OtherByteAttribute pd = new com.pixelmed.dicom.OtherByteAttribute(TagFromName.PixelData);
        pd.setValues(new byte[]{0, 1, 2, 3});
        t.list.put(pd);
        String[] colours = {"Red", "Green", "Blue"};
        for (int c = 0; c < 3; c++) {
            com.pixelmed.dicom.Attribute d = com.pixelmed.dicom.AttributeFactory.newAttribute(
                    com.pixelmed.dicom.DicomDictionary.StandardDictionary.getTagFromName(colours[c] + "PaletteColorLookupTableDescriptor"),
                    new byte[]{'U', 'S'});
            d.addValue(4);
            d.addValue(0);
            d.addValue(16);
            t.list.put(d);
            com.pixelmed.dicom.OtherWordAttribute data = new com.pixelmed.dicom.OtherWordAttribute(
                    com.pixelmed.dicom.DicomDictionary.StandardDictionary.getTagFromName(colours[c] + "PaletteColorLookupTableData"));
            short[] table = new short[4];
            table[c] = (short) 0xFFFF; // entry c is pure colour c
            table[3] = (short) 0x8000;
            data.setValues(table);
            t.list.put(data);
        }
        Radiograph r = read(t);
        assertTrue(r.isColor());
        assertEquals(0xFF0000, r.storedValue(0, 0));
        assertEquals(0x00FF00, r.storedValue(1, 0));
        assertEquals(0x0000FF, r.storedValue(0, 1));
        assertEquals(0x808080, r.storedValue(1, 1));
    }

    @Test
    void headerIsReadInTheFilesCharacterSet() throws Exception {
        Radiograph r = read(TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2").charset("ISO_IR 192")
                .set("PatientName", "Øster^Ånne").set("PatientID", "P-17").set("PatientBirthDate", "19700203")
                .set("PatientSex", "F").set("StudyDate", "20240102").set("AccessionNumber", "A1")
                .set("BodyPartExamined", "LEG").set("ViewPosition", "AP").set("InstitutionName", "Clinique Génévoise"));
        var h = r.header();
        assertEquals("Øster, Ånne", h.patientName().orElseThrow());
        assertEquals("1970-02-03", h.birthDate().orElseThrow());
        assertEquals("F", h.sex().orElseThrow());
        assertEquals("2024-01-02", h.studyDate().orElseThrow());
        assertEquals("A1", h.accessionNumber().orElseThrow());
        assertEquals("LEG", h.bodyPart().orElseThrow());
        assertEquals("AP", h.viewPosition().orElseThrow());
        assertEquals("Clinique Génévoise", h.institution().orElseThrow());
    }

    @Test
    void orientationAndLateralityAreRead() throws Exception {
        var h = read(TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2").set("PatientOrientation", "R\\F")
                .set("ImageLaterality", "L").set("Laterality", "R")).header();
        assertEquals("R\\F", h.patientOrientation().orElseThrow());
        assertEquals("L", h.laterality().orElseThrow(), "Image Laterality first");
        assertEquals("R", read(TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2").set("Laterality", "R"))
                .header().laterality().orElseThrow(), "else the series' Laterality");
        assertTrue(read(TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2")).header().laterality().isEmpty());
    }

    @Test
    void latin1HeaderDecodes() throws Exception {
        Radiograph r = read(TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2").charset("ISO_IR 100")
                .set("PatientName", "Müller^Zoë"));
        assertEquals("Müller, Zoë", r.header().patientName().orElseThrow());
    }

    @Test
    void calibrationFollowsTheDecisionOrder() throws Exception {
        Radiograph ips = read(TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2")
                .set("ImagerPixelSpacing", "0.148\\0.148").set("EstimatedRadiographicMagnificationFactor", "1.2"));
        assertEquals(CalibrationSource.MAGNIFICATION_CORRECTED, ips.calibration().source());
        assertEquals(0.148 / 1.2, ips.calibration().spacing().orElseThrow().rowMm(), 1e-12);
        Radiograph detector = read(TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2")
                .set("ImagerPixelSpacing", "0.15\\0.15").set("PixelSpacing", "0.15\\0.15"));
        assertEquals(CalibrationSource.DETECTOR_PLANE, detector.calibration().source());
        assertTrue(detector.calibration().warning().isPresent());
        Radiograph calibrated = read(TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2")
                .set("ImagerPixelSpacing", "0.15\\0.15").set("PixelSpacing", "0.13\\0.13")
                .set("PixelSpacingCalibrationType", "GEOMETRY"));
        assertEquals(CalibrationSource.CALIBRATED, calibrated.calibration().source());
        Radiograph invalid = read(TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2").set("PixelSpacing", "0\\0"));
        assertFalse(invalid.calibration().isCalibrated());
        assertTrue(invalid.calibration().warning().orElseThrow().contains("invalid"));
    }
}
