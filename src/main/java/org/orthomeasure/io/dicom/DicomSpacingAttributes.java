package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

/**
 * The calibration attributes of a projection radiograph exactly as written in the file
 * (backslash-joined values, null when absent; the spacing values as their bytes are, see {@link #asWritten}), for the decision order in measurements.md
 * "Calibration of projection radiographs".
 */
record DicomSpacingAttributes(String pixelSpacing, String imagerPixelSpacing, String magnificationFactor,
                              String calibrationType, String calibrationDescription) {

    static DicomSpacingAttributes of(AttributeList l) {
        return new DicomSpacingAttributes(
                asWritten(l, TagFromName.PixelSpacing),
                asWritten(l, TagFromName.ImagerPixelSpacing),
                asWritten(l, TagFromName.EstimatedRadiographicMagnificationFactor),
                Attribute.getSingleStringValueOrNull(l, TagFromName.PixelSpacingCalibrationType),
                Attribute.getSingleStringValueOrNull(l, TagFromName.PixelSpacingCalibrationDescription));
    }

    /**
     * A Decimal String attribute's value bytes as they are in the file (PixelMed's string values drop NULs
     * and spaces, so "1&lt;NUL&gt;\1" would read as "1\1"); trailing NUL padding of the whole value is
     * removed, anything else is left for {@link org.orthomeasure.core.calibration.CalibrationRules} to judge. Null when absent.
     */
    static String asWritten(AttributeList l, com.pixelmed.dicom.AttributeTag tag) {
        Attribute a = l.get(tag);
        if (a == null) {
            return null;
        }
        byte[] raw;
        try {
            raw = a.getByteValues();
        } catch (com.pixelmed.dicom.DicomException | RuntimeException e) {
            raw = null;
        }
        if (raw == null) {
            return Attribute.getDelimitedStringValuesOrNull(l, tag);
        }
        int n = raw.length;
        while (n > 0 && raw[n - 1] == 0) {
            n--;
        }
        return new String(raw, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
