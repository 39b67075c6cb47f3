package org.orthomeasure.ui.viewer;

import org.orthomeasure.core.geometry.Point2;

/**
 * How the image is shown in the viewport: zoom, pan, quarter-turn rotation and flips. Immutable;
 * every operation returns a new transform. Rotation and flips change the display only, never the
 * landmark coordinates (which stay in image pixels: x right, y down).
 *
 * <p>Mapping: {@code screen = centre + scale * M * (p - imageCentre)}, where {@code M} is the 2x2
 * orthogonal matrix of the display orientation: first a flip (horizontal mirrors x, vertical mirrors
 * y, in image axes), then {@code quarterTurns} clockwise rotations of 90 degrees.
 * Scale is screen pixels per image pixel.
 *
 * @param imageWidth   image width in px (&gt; 0)
 * @param imageHeight  image height in px (&gt; 0)
 * @param scale        screen px per image px, within [{@link #MIN_SCALE}, {@link #MAX_SCALE}]
 * @param centreX      screen x where the image centre is drawn
 * @param centreY      screen y where the image centre is drawn
 * @param quarterTurns clockwise quarter turns, 0..3
 * @param flipH        mirror left-right (in image axes, before rotation)
 * @param flipV        mirror top-bottom (in image axes, before rotation)
 */
public record ViewTransform(int imageWidth, int imageHeight, double scale, double centreX, double centreY,
                            int quarterTurns, boolean flipH, boolean flipV) {

    /** Smallest zoom: 1 screen px shows 100 image px. */
    public static final double MIN_SCALE = 0.01;
    /** Largest zoom: 1 image px covers 64 screen px. */
    public static final double MAX_SCALE = 64;
    /** Fraction of the viewport used by {@link #fit}. */
    private static final double FIT_MARGIN = 0.98;

    public ViewTransform {
        if (imageWidth <= 0 || imageHeight <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + imageWidth + "x" + imageHeight);
        }
        if (!(Double.isFinite(scale) && scale > 0)) {
            throw new IllegalArgumentException("scale must be finite and positive, got " + scale);
        }
        if (!Double.isFinite(centreX) || !Double.isFinite(centreY)) {
            throw new IllegalArgumentException("centre must be finite");
        }
        quarterTurns = Math.floorMod(quarterTurns, 4);
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
    }

    /** The whole image fitted into a viewport of the given size, upright and unflipped. */
    public static ViewTransform fit(int imageWidth, int imageHeight, double viewWidth, double viewHeight) {
        return new ViewTransform(imageWidth, imageHeight, 1, 0, 0, 0, false, false).fit(viewWidth, viewHeight);
    }

    /** Orientation matrix element m00 (screen x from image x). */
    public int m00() {
        int fx = flipH ? -1 : 1;
        return switch (quarterTurns) { case 0 -> fx; case 2 -> -fx; default -> 0; };
    }

    /** Orientation matrix element m01 (screen x from image y). */
    public int m01() {
        int fy = flipV ? -1 : 1;
        return switch (quarterTurns) { case 1 -> -fy; case 3 -> fy; default -> 0; };
    }

    /** Orientation matrix element m10 (screen y from image x). */
    public int m10() {
        int fx = flipH ? -1 : 1;
        return switch (quarterTurns) { case 1 -> fx; case 3 -> -fx; default -> 0; };
    }

    /** Orientation matrix element m11 (screen y from image y). */
    public int m11() {
        int fy = flipV ? -1 : 1;
        return switch (quarterTurns) { case 0 -> fy; case 2 -> -fy; default -> 0; };
    }

    /** Affine x translation: screen x = mxx*x + mxy*y + tx. */
    public double tx() {
        double cx = imageWidth / 2.0;
        double cy = imageHeight / 2.0;
        return centreX - scale * (m00() * cx + m01() * cy);
    }

    /** Affine y translation: screen y = myx*x + myy*y + ty. */
    public double ty() {
        double cx = imageWidth / 2.0;
        double cy = imageHeight / 2.0;
        return centreY - scale * (m10() * cx + m11() * cy);
    }

    /** Image point (px) to screen point. */
    public Point2 toScreen(Point2 image) {
        double dx = image.x() - imageWidth / 2.0;
        double dy = image.y() - imageHeight / 2.0;
        return Point2.of(centreX + scale * (m00() * dx + m01() * dy), centreY + scale * (m10() * dx + m11() * dy));
    }

    /** Screen point to image point (px); the inverse of {@link #toScreen}: M is orthogonal, so M⁻¹ = Mᵀ. */
    public Point2 toImage(double screenX, double screenY) {
        double sx = (screenX - centreX) / scale;
        double sy = (screenY - centreY) / scale;
        return Point2.of(imageWidth / 2.0 + m00() * sx + m10() * sy, imageHeight / 2.0 + m01() * sx + m11() * sy);
    }

    /** Width of the image on screen, after rotation. */
    public double displayedWidth() {
        return scale * (quarterTurns % 2 == 0 ? imageWidth : imageHeight);
    }

    /** Height of the image on screen, after rotation. */
    public double displayedHeight() {
        return scale * (quarterTurns % 2 == 0 ? imageHeight : imageWidth);
    }

    /** The whole image centred in the viewport, keeping rotation and flips. */
    public ViewTransform fit(double viewWidth, double viewHeight) {
        double w = quarterTurns % 2 == 0 ? imageWidth : imageHeight;
        double h = quarterTurns % 2 == 0 ? imageHeight : imageWidth;
        double s = viewWidth > 0 && viewHeight > 0 ? FIT_MARGIN * Math.min(viewWidth / w, viewHeight / h) : 1;
        return new ViewTransform(imageWidth, imageHeight, s, viewWidth / 2, viewHeight / 2, quarterTurns, flipH, flipV);
    }

    /** Zoom by {@code factor}, keeping the image point under the screen anchor (the cursor) fixed. */
    public ViewTransform zoomAt(double factor, double anchorX, double anchorY) {
        if (!(Double.isFinite(factor) && factor > 0)) {
            throw new IllegalArgumentException("zoom factor must be finite and positive, got " + factor);
        }
        double newScale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double f = newScale / scale;
        // screen - centre scales by f for every image point, so the anchor stays fixed when
        // newCentre = anchor - (anchor - centre) * f
        return new ViewTransform(imageWidth, imageHeight, newScale,
                anchorX - (anchorX - centreX) * f, anchorY - (anchorY - centreY) * f, quarterTurns, flipH, flipV);
    }

    /** One image pixel per screen pixel, zoomed about the screen anchor (usually the viewport centre). */
    public ViewTransform oneToOne(double anchorX, double anchorY) {
        return zoomAt(1 / scale, anchorX, anchorY);
    }

    /** Move the image by a screen displacement. */
    public ViewTransform panBy(double dx, double dy) {
        return new ViewTransform(imageWidth, imageHeight, scale, centreX + dx, centreY + dy, quarterTurns, flipH, flipV);
    }

    /** Rotate the display 90 degrees clockwise (or counter-clockwise) about the screen anchor. */
    public ViewTransform rotate(boolean clockwise, double anchorX, double anchorY) {
        Point2 kept = toImage(anchorX, anchorY);
        ViewTransform turned = new ViewTransform(imageWidth, imageHeight, scale, centreX, centreY,
                quarterTurns + (clockwise ? 1 : 3), flipH, flipV);
        return turned.keeping(kept, anchorX, anchorY);
    }

    /**
     * Mirror the display left-right as the user sees it, about the screen anchor. With an odd number
     * of quarter turns the screen's horizontal axis is the image's vertical one.
     */
    public ViewTransform flipHorizontal(double anchorX, double anchorY) {
        Point2 kept = toImage(anchorX, anchorY);
        boolean odd = quarterTurns % 2 == 1;
        ViewTransform flipped = new ViewTransform(imageWidth, imageHeight, scale, centreX, centreY,
                quarterTurns, odd ? flipH : !flipH, odd ? !flipV : flipV);
        return flipped.keeping(kept, anchorX, anchorY);
    }

    /** Mirror the display top-bottom as the user sees it, about the screen anchor. */
    public ViewTransform flipVertical(double anchorX, double anchorY) {
        Point2 kept = toImage(anchorX, anchorY);
        boolean odd = quarterTurns % 2 == 1;
        ViewTransform flipped = new ViewTransform(imageWidth, imageHeight, scale, centreX, centreY,
                quarterTurns, odd ? !flipH : flipH, odd ? flipV : !flipV);
        return flipped.keeping(kept, anchorX, anchorY);
    }

    /** Upright, unflipped, keeping zoom and the image point at the anchor. */
    public ViewTransform resetOrientation(double anchorX, double anchorY) {
        Point2 kept = toImage(anchorX, anchorY);
        return new ViewTransform(imageWidth, imageHeight, scale, centreX, centreY, 0, false, false)
                .keeping(kept, anchorX, anchorY);
    }

    /** This transform panned so that the image point lands on the screen point. */
    public ViewTransform keeping(Point2 image, double screenX, double screenY) {
        Point2 now = toScreen(image);
        return panBy(screenX - now.x(), screenY - now.y());
    }
}
