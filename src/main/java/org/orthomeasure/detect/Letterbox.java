package org.orthomeasure.detect;

import org.orthomeasure.core.geometry.Point2;

/**
 * How a film is placed into the network input: scaled by {@code scale} (aspect kept, the larger fit, times a
 * fill share), centred, the rest padded. Pixel-centre convention on both sides:
 * {@code x_in = scale * (x + 0.5) - 0.5 + offsetX}, likewise for y (input and source in px).
 */
public record Letterbox(double scale, double offsetX, double offsetY) {

    public Letterbox {
        if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(offsetX) || !Double.isFinite(offsetY)) {
            throw new IllegalArgumentException("letterbox needs a positive scale and finite offsets");
        }
    }

    /** The letterbox of a {@code width} x {@code height} film into an {@code inWidth} x {@code inHeight} input. */
    public static Letterbox fit(int width, int height, int inWidth, int inHeight) {
        return fit(width, height, inWidth, inHeight, 1);
    }

    /**
     * The letterbox scaled down to {@code fill} of the larger fit, centred:
     * {@code scale = fill * min(inHeight / height, inWidth / width)}, the margins equal on opposite sides.
     *
     * @throws IllegalArgumentException unless 0 < fill <= 1
     */
    public static Letterbox fit(int width, int height, int inWidth, int inHeight, double fill) {
        if (!(fill > 0 && fill <= 1)) {
            throw new IllegalArgumentException("a letterbox fill is a share in (0, 1], not " + fill);
        }
        double s = fill * Math.min((double) inHeight / height, (double) inWidth / width);
        return new Letterbox(s, (inWidth - s * width) / 2.0, (inHeight - s * height) / 2.0);
    }

    /** Source x (px) sampled by input column {@code xIn}. */
    public double sourceX(double xIn) {
        return (xIn + 0.5 - offsetX) / scale - 0.5;
    }

    /** Source y (px) sampled by input row {@code yIn}. */
    public double sourceY(double yIn) {
        return (yIn + 0.5 - offsetY) / scale - 0.5;
    }

    /** An input-space point mapped back to source pixels. */
    public Point2 toSource(double xIn, double yIn) {
        return new Point2(sourceX(xIn), sourceY(yIn));
    }
}
