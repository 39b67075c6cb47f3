package org.orthomeasure.io.landmarks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Protocol;

/**
 * The content of a landmark file ({@code orthomeasure-landmarks/1}): the landmarks and, optionally,
 * the pixel spacing ({@code pixelSpacingMm}), the film size ({@code imageSize}), the protocol, a
 * calibration record (the UI's session calibration, which takes precedence over {@code pixelSpacingMm}),
 * the ids of landmarks that are still unconfirmed suggestions ({@code suggested}) and a second reading
 * of the same film kept for check mode ({@code reference}). Files without the later keys stay valid.
 */
public record LandmarkDocument(LandmarkSet landmarks, Optional<PixelSpacing> pixelSpacing,
                               Optional<ImageSize> imageSize, Optional<Protocol> protocol,
                               Optional<Calibration> calibration, List<String> suggested,
                               Optional<Reference> reference) {

    /**
     * The check-mode reference reading a session carries ({@code "reference": {"name", "revealed",
     * "landmarks", "vertebrae", "cobbLines"}}): someone else's landmarks of the same film, what it is
     * called (its file name, or "OrthoMeasure suggestion ..."), and whether the user has revealed it.
     *
     * @param name      how the reference is called; not blank
     * @param revealed  false while the user's reading is still blind to it
     * @param landmarks its landmarks, validated like the document's own
     */
    public record Reference(String name, boolean revealed, LandmarkSet landmarks) {

        public Reference {
            Objects.requireNonNull(landmarks, "landmarks");
            if (Objects.requireNonNull(name, "name").isBlank()) {
                throw new IllegalArgumentException("a reference reading needs a name");
            }
        }
    }

    /** The format tag every file carries. */
    public static final String FORMAT = "orthomeasure-landmarks/1";

    public LandmarkDocument {
        Objects.requireNonNull(landmarks, "landmarks");
        Objects.requireNonNull(pixelSpacing, "pixelSpacing");
        Objects.requireNonNull(imageSize, "imageSize");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(calibration, "calibration");
        suggested = List.copyOf(suggested);
        Objects.requireNonNull(reference, "reference");
    }

    /** A document holding only landmarks. */
    public static LandmarkDocument of(LandmarkSet landmarks) {
        return new LandmarkDocument(landmarks, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty());
    }

    public LandmarkDocument withLandmarks(LandmarkSet l) {
        return new LandmarkDocument(l, pixelSpacing, imageSize, protocol, calibration, suggested, reference);
    }

    public LandmarkDocument withPixelSpacing(PixelSpacing s) {
        return new LandmarkDocument(landmarks, Optional.of(s), imageSize, protocol, calibration, suggested, reference);
    }

    public LandmarkDocument withImageSize(ImageSize s) {
        return new LandmarkDocument(landmarks, pixelSpacing, Optional.of(s), protocol, calibration, suggested, reference);
    }

    public LandmarkDocument withProtocol(Protocol p) {
        return new LandmarkDocument(landmarks, pixelSpacing, imageSize, Optional.of(p), calibration, suggested, reference);
    }

    public LandmarkDocument withCalibration(Calibration c) {
        return new LandmarkDocument(landmarks, pixelSpacing, imageSize, protocol, Optional.of(c), suggested, reference);
    }

    public LandmarkDocument withSuggested(List<String> ids) {
        return new LandmarkDocument(landmarks, pixelSpacing, imageSize, protocol, calibration, ids, reference);
    }

    /** With the check-mode reference reading; empty removes it. */
    public LandmarkDocument withReference(Optional<Reference> r) {
        return new LandmarkDocument(landmarks, pixelSpacing, imageSize, protocol, calibration, suggested, r);
    }
}
