/**
 * Radiographs, format-independent: {@code org.orthomeasure.io.radiograph.RadiographReader} picks
 * DICOM ({@code io.dicom}) or PNG/JPEG/TIFF ({@link org.orthomeasure.io.image.StandardImageReader}) by
 * content and returns an immutable
 * {@link org.orthomeasure.io.image.Radiograph} (stored pixels, modality transform, window presets,
 * polarity, calibration, report header, notes), or throws
 * {@link org.orthomeasure.io.image.ImageReadException} with one line for the user.
 *
 * <p>Display: {@code renderTo} (full resolution), {@code renderRegion}/{@code renderFit} (box
 * filtered), and {@code preview(maxSize)} whose {@code render} re-windows a screen-sized copy in
 * under a millisecond for a window/level drag. Readout: {@code storedValue(x, y)} and
 * {@code modalityValue(x, y)}. Grey levels follow DICOM PS3.3 C.11 (modality LUT or rescale, VOI
 * window or LUT, MONOCHROME1 / Presentation LUT Shape INVERSE shown inverted).
 */
package org.orthomeasure.io.image;
