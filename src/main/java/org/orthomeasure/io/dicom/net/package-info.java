/**
 * The DICOM network side: a PACS node ({@link org.orthomeasure.io.dicom.net.PacsNode}), the operations
 * the app uses behind a small interface ({@link org.orthomeasure.io.dicom.net.Pacs}: C-ECHO, study
 * C-FIND, C-GET of a study, C-STORE), their PixelMed implementation, and the outbox that keeps what
 * could not be sent. Every failure is a {@link org.orthomeasure.io.dicom.net.PacsException} with a
 * one-line message.
 */
package org.orthomeasure.io.dicom.net;
