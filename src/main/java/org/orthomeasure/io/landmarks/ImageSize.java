package org.orthomeasure.io.landmarks;

/** Width and height of the film in pixels, both positive. */
public record ImageSize(int width, int height) {

    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + " x " + height);
        }
    }

    public static ImageSize of(int width, int height) {
        return new ImageSize(width, height);
    }
}
