/**
 * The PixelMed adapter, the only place that imports {@code com.pixelmed}: reading DICOM into a
 * {@link org.orthomeasure.io.image.Radiograph} (with a fast JPEG Lossless decoder and dcmtk's
 * {@code dcmdjpls}/{@code dcmdjpeg} for JPEG-LS and 12-bit lossy JPEG when installed), and writing
 * grey DICOM images (used by the phantom generator).
 */
package org.orthomeasure.io.dicom;
