package org.orthomeasure.detect.longleg;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * A label image of one leg in network geometry: per pixel {@link #BACKGROUND}, {@link #FEMUR} or
 * {@link #TIBIA}, row-major, width × height. Pixel (x, y) has its centre at the continuous coordinate
 * (x, y). Immutable.
 */
public final class BoneMask {

    public static final byte BACKGROUND = 0;
    public static final byte FEMUR = 1;
    public static final byte TIBIA = 2;

    private final int width;
    private final int height;
    private final byte[] labels;

    private BoneMask(int width, int height, byte[] labels) {
        this.width = width;
        this.height = height;
        this.labels = labels;
    }

    /** A mask from row-major labels (copied); every label must be 0, 1 or 2. */
    public static BoneMask of(int width, int height, byte[] labels) {
        Objects.requireNonNull(labels, "labels");
        if (width < 1 || height < 1 || labels.length != width * height) {
            throw new IllegalArgumentException("mask of " + width + " x " + height + " needs " + width * height
                    + " labels, got " + labels.length);
        }
        for (byte b : labels) {
            if (b < 0 || b > 2) {
                throw new IllegalArgumentException("mask label must be 0, 1 or 2, got " + b);
            }
        }
        return new BoneMask(width, height, labels.clone());
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The label at (x, y); outside the mask: background. */
    public byte label(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? BACKGROUND : labels[y * width + x];
    }

    /** Number of pixels with {@code label}. */
    public int count(byte label) {
        int n = 0;
        for (byte b : labels) {
            n += b == label ? 1 : 0;
        }
        return n;
    }

    /**
     * This mask with only the largest 4-connected component of each bone kept (the rest set to
     * background): a segmentation's stray islands are not part of the bone.
     */
    public BoneMask largestComponents() {
        byte[] out = new byte[labels.length];
        for (byte bone : new byte[] {FEMUR, TIBIA}) {
            int[] comp = new int[labels.length];
            Arrays.fill(comp, -1);
            int best = -1;
            int bestSize = 0;
            int next = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int start = 0; start < labels.length; start++) {
                if (labels[start] != bone || comp[start] >= 0) {
                    continue;
                }
                int id = next++;
                int size = 0;
                comp[start] = id;
                queue.add(start);
                while (!queue.isEmpty()) {
                    int p = queue.poll();
                    size++;
                    int x = p % width;
                    int y = p / width;
                    int[] nb = {x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1,
                        y < height - 1 ? p + width : -1};
                    for (int q : nb) {
                        if (q >= 0 && labels[q] == bone && comp[q] < 0) {
                            comp[q] = id;
                            queue.add(q);
                        }
                    }
                }
                if (size > bestSize) {
                    bestSize = size;
                    best = id;
                }
            }
            for (int p = 0; p < labels.length; p++) {
                if (comp[p] == best && best >= 0) {
                    out[p] = bone;
                }
            }
        }
        return new BoneMask(width, height, out);
    }

    /** This mask mirrored left-right. */
    public BoneMask mirrored() {
        byte[] out = new byte[labels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = labels[y * width + width - 1 - x];
            }
        }
        return new BoneMask(width, height, out);
    }
}
