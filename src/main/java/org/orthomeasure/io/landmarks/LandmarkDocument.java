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
 * calibration record (the UI's session calibration, which takes precedence over {@code pixelSpacingMm})
 * and the ids of landmarks that are still unconfirmed suggestions ({@code suggested}).
 */
public record LandmarkDocument(LandmarkSet landmarks, Optional<PixelSpacing> pixelSpacing,
                               Optional<ImageSize> imageSize, Optional<Protocol> protocol,
                               Optional<Calibration> calibration, List<String> suggested) {

    /** The format tag every file carries. */
    public static final String FORMAT = "orthomeasure-landmarks/1";

    public LandmarkDocument {
        Objects.requireNonNull(landmarks, "landmarks");
        Objects.requireNonNull(pixelSpacing, "pixelSpacing");
        Objects.requireNonNull(imageSize, "imageSize");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(calibration, "calibration");
        suggested = List.copyOf(suggested);
    }

    /** A document holding only landmarks. */
    public static LandmarkDocument of(LandmarkSet landmarks) {
        return new LandmarkDocument(landmarks, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
    }

    public LandmarkDocument withLandmarks(LandmarkSet l) {
        return new LandmarkDocument(l, pixelSpacing, imageSize, protocol, calibration, suggested);
    }

    public LandmarkDocument withPixelSpacing(PixelSpacing s) {
        return new LandmarkDocument(landmarks, Optional.of(s), imageSize, protocol, calibration, suggested);
    }

    public LandmarkDocument withImageSize(ImageSize s) {
        return new LandmarkDocument(landmarks, pixelSpacing, Optional.of(s), protocol, calibration, suggested);
    }

    public LandmarkDocument withProtocol(Protocol p) {
        return new LandmarkDocument(landmarks, pixelSpacing, imageSize, Optional.of(p), calibration, suggested);
    }

    public LandmarkDocument withCalibration(Calibration c) {
        return new LandmarkDocument(landmarks, pixelSpacing, imageSize, protocol, Optional.of(c), suggested);
    }

    public LandmarkDocument withSuggested(List<String> ids) {
        return new LandmarkDocument(landmarks, pixelSpacing, imageSize, protocol, calibration, ids);
    }
}
