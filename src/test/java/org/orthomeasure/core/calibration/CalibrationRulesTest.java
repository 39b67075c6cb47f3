package org.orthomeasure.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.CircleFit;
import org.orthomeasure.core.geometry.Point2;

/** The decision order of measurements.md, "Calibration of projection radiographs", and worked number 5. */
class CalibrationRulesTest {

    @Test
    void workedNumber5MagnificationCorrected() {
        Calibration c = CalibrationRules.fromDicom(null, "0.148\\0.148", "1.2", null, null);
        assertEquals(CalibrationSource.MAGNIFICATION_CORRECTED, c.source());
        assertEquals(0.12333, c.spacing().orElseThrow().rowMm(), 1e-5);
        assertEquals(0.12333, c.spacing().orElseThrow().columnMm(), 1e-5);
        assertEquals("Imager Pixel Spacing 0.148 mm / magnification 1.2", c.detail());
        assertTrue(c.warning().isEmpty());
        assertEquals("mm, magnification corrected", c.unitLabel());
    }

    @Test
    void workedNumber5CalibrationBall() {
        Calibration c = CalibrationRules.calibrationBall(25, 200);
        assertEquals(CalibrationSource.CALIBRATION_BALL, c.source());
        assertEquals(0.125, c.spacing().orElseThrow().rowMm(), 1e-12);
        assertEquals("ball 25 mm, measured 200.0 px", c.detail());
        assertTrue(c.warning().orElseThrow().contains("level of the bone"));
    }

    @Test
    void ballFromAFittedCircle() {
        // A ball of radius 100 px: diameter 200 px → 0.125 mm/px.
        Calibration c = CalibrationRules.calibrationBall(25, CircleFit.fit(List.of(
                Point2.of(400, 300), Point2.of(500, 200), Point2.of(600, 300), Point2.of(500, 400))));
        assertEquals(0.125, c.spacing().orElseThrow().columnMm(), 1e-12);
    }

    @Test
    void rule1OnlyPixelSpacing() {
        Calibration c = CalibrationRules.fromDicom("0.2\\0.2", null, null, null, null);
        assertEquals(CalibrationSource.PIXEL_SPACING, c.source());
        assertEquals(PixelSpacing.isotropic(0.2), c.spacing().orElseThrow());
        assertEquals("mm, pixel spacing, source unknown", c.unitLabel());
    }

    @Test
    void rule2ImagerPixelSpacingWithoutFactorIsDetectorPlaneAndWarned() {
        Calibration c = CalibrationRules.fromDicom(null, "0.148\\0.150", null, null, null);
        assertEquals(CalibrationSource.DETECTOR_PLANE, c.source());
        assertEquals(PixelSpacing.of(0.148, 0.150), c.spacing().orElseThrow());
        assertTrue(c.warning().orElseThrow().contains("detector plane"));
        assertEquals("Imager Pixel Spacing 0.148 x 0.15 mm", c.detail());
    }

    @Test
    void rule2InvalidFactorIsIgnoredWithAWarning() {
        Calibration c = CalibrationRules.fromDicom(null, "0.148\\0.148", "0", null, null);
        assertEquals(CalibrationSource.DETECTOR_PLANE, c.source());
        assertTrue(c.warning().orElseThrow().contains("magnification factor '0' is invalid"));
    }

    @Test
    void rule3BothEqualIsDetectorPlane() {
        Calibration c = CalibrationRules.fromDicom("0.143\\0.143", "0.143\\0.143", null, null, null);
        assertEquals(CalibrationSource.DETECTOR_PLANE, c.source());
        assertTrue(c.warning().isPresent());
    }

    @Test
    void rule4DifferentWithTypeOrDescriptionIsCalibrated() {
        Calibration geometry = CalibrationRules.fromDicom("0.12\\0.12", "0.143\\0.143", null, "GEOMETRY", null);
        assertEquals(CalibrationSource.CALIBRATED, geometry.source());
        assertEquals(PixelSpacing.isotropic(0.12), geometry.spacing().orElseThrow());
        assertEquals("Pixel Spacing 0.12 mm, calibration type GEOMETRY", geometry.detail());
        Calibration described = CalibrationRules.fromDicom("0.12\\0.12", "0.143\\0.143", null, "FIDUCIAL", "ball 25 mm");
        assertEquals("Pixel Spacing 0.12 mm, calibration type FIDUCIAL: ball 25 mm", described.detail());
        Calibration unexplained = CalibrationRules.fromDicom("0.12\\0.12", "0.143\\0.143", null, null, " ");
        assertEquals(CalibrationSource.PIXEL_SPACING, unexplained.source());
        assertTrue(unexplained.warning().orElseThrow().contains("differs"));
    }

    @Test
    void rule6InvalidSpacingIsUncalibratedAndSaysSo() {
        for (String bad : List.of("0\\0", "-0.1\\0.1", "abc", "0.1", "0.1\\0.1\\0.1", "NaN\\0.1", "Infinity\\1")) {
            Calibration c = CalibrationRules.fromDicom(bad, null, null, null, null);
            assertFalse(c.isCalibrated(), bad);
            assertEquals(CalibrationSource.NONE, c.source());
            assertTrue(c.warning().orElseThrow().startsWith("Pixel Spacing '" + bad + "' is invalid"), c.warning().get());
            assertEquals("px", c.lengthUnit());
        }
        Calibration ips = CalibrationRules.fromDicom(null, "0\\0.1", "1.1", null, null);
        assertFalse(ips.isCalibrated());
        assertTrue(ips.warning().orElseThrow().contains("Imager Pixel Spacing '0\\0.1' is invalid"));
    }

    @Test
    void spacingsNoRadiographHasAreInvalidWithANote() {
        for (String bad : List.of("1e308\\1", "1e-300\\1e-300", "100\\100", "0.019\\0.1", "0.1\\2.001")) {
            Calibration c = CalibrationRules.fromDicom(bad, null, null, "GEOMETRY", null);
            assertFalse(c.isCalibrated(), bad);
            assertEquals("px", c.lengthUnit());
            assertEquals("Pixel Spacing '" + bad + "' is outside the 0.02-2 mm per pixel a projection radiograph has:"
                    + " treated as invalid, lengths are in px", c.warning().orElseThrow());
        }
        assertFalse(CalibrationRules.fromDicom(null, "1e308\\1e308", null, null, null).isCalibrated());
        // the corrected spacing is held to the same range
        Calibration corrected = CalibrationRules.fromDicom(null, "0.1\\0.1", "0.001", null, null);
        assertFalse(corrected.isCalibrated());
        assertTrue(corrected.warning().orElseThrow().startsWith("Imager Pixel Spacing 0.1 mm / magnification 0.001 is"
                + " outside the 0.02-2 mm per pixel"), corrected.warning().get());
        // the range ends are accepted
        assertEquals(PixelSpacing.of(0.02, 2.0), CalibrationRules.fromDicom("0.02\\2", null, null, null, null).spacing()
                .orElseThrow());
    }

    @Test
    void aNulInsideADecimalStringMakesItUnparsable() {
        Calibration c = CalibrationRules.fromDicom("1\u0000\\1", null, null, null, null);
        assertFalse(c.isCalibrated());
        assertEquals("Pixel Spacing '1\\u0000\\1' is invalid (zero, negative or unparsable): lengths are in px",
                c.warning().orElseThrow());
        assertEquals(PixelSpacing.isotropic(0.5), CalibrationRules.fromDicom(" 0.5 \\.5", null, null, null, null)
                .spacing().orElseThrow(), "space padding is DICOM's and allowed");
        assertFalse(CalibrationRules.fromDicom("0x1p-1\\0.5", null, null, null, null).isCalibrated(), "hex is not DS");
    }

    @Test
    void nothingPresentIsUncalibrated() {
        Calibration c = CalibrationRules.fromDicom(null, "", null, null, null);
        assertFalse(c.isCalibrated());
        assertEquals("px (uncalibrated)", c.unitLabel());
    }

    @Test
    void userLine() {
        Calibration c = CalibrationRules.userLine(Point2.of(100, 100), Point2.of(100, 500), 50);
        assertEquals(CalibrationSource.USER_LINE, c.source());
        assertEquals(0.125, c.spacing().orElseThrow().rowMm(), 1e-12);
        assertEquals("line 50 mm over 400.0 px", c.detail());
        assertThrows(IllegalArgumentException.class, () -> CalibrationRules.userLine(Point2.of(1, 1), Point2.of(1, 1), 50));
        assertThrows(IllegalArgumentException.class, () -> CalibrationRules.userLine(Point2.of(1, 1), Point2.of(2, 1), 0));
    }

    @Test
    void sourceIdsRoundTrip() {
        for (CalibrationSource s : CalibrationSource.values()) {
            assertEquals(s, CalibrationSource.fromId(s.id()).orElseThrow());
        }
        assertEquals("detector-plane", CalibrationSource.DETECTOR_PLANE.id());
    }
}
