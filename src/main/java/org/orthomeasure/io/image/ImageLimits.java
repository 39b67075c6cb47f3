package org.orthomeasure.io.image;

/**
 * Bounds checked against the sizes a file declares before any pixel buffer is allocated, so a
 * corrupt or hostile header cannot exhaust memory. A 43x35 cm detector at 0.1 mm is 4300x3500 px;
 * stitched long-leg films reach about 4300x13000; the bounds leave room above both.
 */
public final class ImageLimits {

    /** Longest side in pixels. */
    public static final int MAX_SIDE = 40_000;
    /** Pixels over all frames. */
    public static final long MAX_PIXELS = 120_000_000L;
    /** Largest file read: above the 240-360 MB that {@link #MAX_PIXELS} of 16-bit grey or RGB can need. */
    public static final long MAX_FILE_BYTES = 512L << 20;

    private ImageLimits() {
    }

    /**
     * Checks declared dimensions.
     *
     * @throws ImageReadException naming the file and the absurd value
     */
    public static void checkDimensions(String fileName, long columns, long rows, long frames) throws ImageReadException {
        if (columns < 1 || rows < 1) {
            throw new ImageReadException(fileName + ": declares an empty image (" + columns + "x" + rows + " pixels)");
        }
        if (columns > MAX_SIDE || rows > MAX_SIDE) {
            throw new ImageReadException(fileName + ": declares absurd dimensions " + columns + "x" + rows
                    + " pixels (at most " + MAX_SIDE + " per side are accepted)");
        }
        if (frames < 1 || columns * rows * frames > MAX_PIXELS) {
            throw new ImageReadException(fileName + ": declares " + columns + "x" + rows + " pixels in " + frames
                    + " frame(s), more than the " + MAX_PIXELS + " pixels accepted");
        }
    }
}
