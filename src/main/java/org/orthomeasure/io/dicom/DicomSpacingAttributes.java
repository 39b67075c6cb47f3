package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

/**
 * The calibration attributes of a projection radiograph exactly as written in the file
 * (backslash-joined values, null when absent), for the decision order in measurements.md
 * "Calibration of projection radiographs".
 */
record DicomSpacingAttributes(String pixelSpacing, String imagerPixelSpacing, String magnificationFactor,
                              String calibrationType, String calibrationDescription) {

    static DicomSpacingAttributes of(AttributeList l) {
        return new DicomSpacingAttributes(
                Attribute.getDelimitedStringValuesOrNull(l, TagFromName.PixelSpacing),
                Attribute.getDelimitedStringValuesOrNull(l, TagFromName.ImagerPixelSpacing),
                Attribute.getSingleStringValueOrNull(l, TagFromName.EstimatedRadiographicMagnificationFactor),
                Attribute.getSingleStringValueOrNull(l, TagFromName.PixelSpacingCalibrationType),
                Attribute.getSingleStringValueOrNull(l, TagFromName.PixelSpacingCalibrationDescription));
    }
}
