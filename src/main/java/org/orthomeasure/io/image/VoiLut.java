package org.orthomeasure.io.image;

import java.util.Arrays;

/**
 * A VOI LUT from the file (VOI LUT Sequence, PS3.3 C.11.2): modality value {@code v} maps to
 * {@code table[clamp(v - firstMapped)]}, output in {@code 0 .. 2^bits - 1}.
 */
public final class VoiLut {
    private final int firstMapped;
    private final int[] table;
    private final int bits;

    private VoiLut(int firstMapped, int[] table, int bits) {
        this.firstMapped = firstMapped;
        this.table = table;
        this.bits = bits;
    }

    /**
     * @param firstMapped the first modality value mapped
     * @param table       the output values, at least one entry
     * @param bits        bits per output entry, 1..16
     */
    public static VoiLut of(int firstMapped, int[] table, int bits) {
        if (table.length == 0 || bits < 1 || bits > 16) {
            throw new IllegalArgumentException("VOI LUT needs at least one entry and 1..16 bits, got "
                    + table.length + " entries, " + bits + " bits");
        }
        return new VoiLut(firstMapped, table.clone(), bits);
    }

    /** Display fraction 0..1 of modality value {@code v}. */
    public double fraction(double v) {
        long i = Math.round(Math.floor(v)) - firstMapped;
        int idx = (int) Math.max(0, Math.min(table.length - 1, i));
        double max = (1 << bits) - 1;
        return Math.max(0, Math.min(1, table[idx] / max));
    }

    public int firstMapped() {
        return firstMapped;
    }

    public int entries() {
        return table.length;
    }

    /** The linear window covering this LUT's input range, used when the user starts dragging. */
    public WindowLevel approximateWindow() {
        return WindowLevel.spanning(firstMapped, firstMapped + table.length - 1.0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoiLut other && other.firstMapped == firstMapped && other.bits == bits
                && Arrays.equals(other.table, table);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * firstMapped + bits) + Arrays.hashCode(table);
    }
}
