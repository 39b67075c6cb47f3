/**
 * Opening a radiograph file of any supported kind: {@link org.orthomeasure.io.radiograph.RadiographReader}
 * sniffs the content and hands DICOM to {@code io.dicom} and PNG/JPEG/TIFF to {@code io.image}. It is the
 * one place that knows both, so {@code io.image} and {@code io.dicom} do not form a cycle.
 */
package org.orthomeasure.io.radiograph;
