/**
 * Synthetic radiographs with known truth: a bilateral standing long-leg film and a scoliotic AP
 * spine film, drawn from analytic bone shapes as X-ray path lengths, written as JPEG Lossless DICOM
 * into {@code sample-dicom/} with their landmark files. Regenerate with
 * {@code java -cp target/orthomeasure.jar org.orthomeasure.phantom.PhantomGenerator sample-dicom}.
 */
package org.orthomeasure.phantom;
