package org.orthomeasure.io.image;

import java.util.Objects;
import java.util.Optional;

/**
 * What the file said about its pixels, for the {@code info} command.
 *
 * @param rows                      image height in pixels
 * @param columns                   image width in pixels
 * @param bitsStored                bits per sample actually used
 * @param photometricInterpretation e.g. MONOCHROME2, RGB; for PNG/JPEG/TIFF the equivalent DICOM term
 * @param transferSyntaxUid         the DICOM transfer syntax, empty for other formats
 * @param modality                  e.g. CR, DX; empty when absent
 * @param frames                    number of frames (the first is shown)
 * @param format                    "DICOM", "PNG", "JPEG", "TIFF"
 */
public record ImageFormatInfo(int rows, int columns, int bitsStored, String photometricInterpretation,
                              Optional<String> transferSyntaxUid, Optional<String> modality, int frames,
                              String format) {

    public ImageFormatInfo {
        Objects.requireNonNull(photometricInterpretation);
        Objects.requireNonNull(transferSyntaxUid);
        Objects.requireNonNull(modality);
        Objects.requireNonNull(format);
        if (rows < 1 || columns < 1 || bitsStored < 1 || frames < 1) {
            throw new IllegalArgumentException("image format values must be positive");
        }
    }
}
