package org.orthomeasure.io.dicom;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A JPEG Lossless (ITU-T T.81 process 14, Huffman coded) encoder for one grey component, as used by
 * the DICOM transfer syntax 1.2.840.10008.1.2.4.70 (first-order prediction, selection value 1). It
 * exists so that the phantom films are small without any native tool; decoding uses PixelMed.
 *
 * <p>Prediction (T.81 H.1.2.1): the first sample predicts {@code 2^(P-1)}, the rest of the first row
 * the sample to the left, the first column the sample above, all others the sample to the left
 * (selection value 1). Differences are taken modulo 2^16 and coded as category SSSS plus SSSS extra
 * bits; the Huffman table is optimal for the image, lengths limited to 16 bits (T.81 K.2).
 */
final class JpegLosslessEncoder {

    private JpegLosslessEncoder() {
    }

    /**
     * @param pixels    row-major samples, each in {@code 0 .. 2^precision - 1}
     * @param precision bits per sample, 2..16
     */
    static byte[] encode(short[] pixels, int width, int height, int precision) {
        if (precision < 2 || precision > 16 || (long) width * height != pixels.length || width > 65535 || height > 65535) {
            throw new IllegalArgumentException("cannot encode " + width + "x" + height + " at " + precision + " bits");
        }
        int[] categories = new int[pixels.length];
        int[] diffs = new int[pixels.length];
        long[] freq = new long[17];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int px = pixels[i] & 0xFFFF;
                int pred;
                if (x == 0 && y == 0) {
                    pred = 1 << (precision - 1);
                } else if (y == 0) {
                    pred = pixels[i - 1] & 0xFFFF;
                } else if (x == 0) {
                    pred = pixels[i - width] & 0xFFFF;
                } else {
                    pred = pixels[i - 1] & 0xFFFF;
                }
                int d = (px - pred) & 0xFFFF;
                if (d >= 0x8000) {
                    d -= 0x10000; // -32768 .. 32767
                }
                int ssss = d == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(d));
                if (d == -32768) {
                    ssss = 16;
                }
                categories[i] = ssss;
                diffs[i] = d;
                freq[ssss]++;
            }
        }
        int[] lengths = codeLengths(freq);
        int[] codes = canonicalCodes(lengths);

        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length);
        marker(out, 0xD8);
        // SOF3: lossless, Huffman
        marker(out, 0xC3);
        word(out, 11);
        out.write(precision);
        word(out, height);
        word(out, width);
        out.write(1);
        out.write(1);
        out.write(0x11);
        out.write(0);
        // DHT: DC table 0
        List<Integer> symbols = new ArrayList<>();
        int[] counts = new int[17];
        for (int len = 1; len <= 16; len++) {
            for (int s = 0; s <= 16; s++) {
                if (lengths[s] == len) {
                    symbols.add(s);
                    counts[len]++;
                }
            }
        }
        marker(out, 0xC4);
        word(out, 2 + 1 + 16 + symbols.size());
        out.write(0x00);
        for (int len = 1; len <= 16; len++) {
            out.write(counts[len]);
        }
        symbols.forEach(out::write);
        // SOS: one component, table 0, predictor 1, point transform 0
        marker(out, 0xDA);
        word(out, 8);
        out.write(1);
        out.write(1);
        out.write(0x00);
        out.write(1);
        out.write(0);
        out.write(0);
        BitWriter bits = new BitWriter(out);
        for (int i = 0; i < pixels.length; i++) {
            int ssss = categories[i];
            bits.write(codes[ssss], lengths[ssss]);
            if (ssss > 0 && ssss < 16) {
                int d = diffs[i];
                int extra = d > 0 ? d : d - 1;
                bits.write(extra & ((1 << ssss) - 1), ssss);
            }
        }
        bits.flush();
        marker(out, 0xD9);
        return out.toByteArray();
    }

    /**
     * Huffman code lengths for the 17 categories, at most 16 bits, with the all-ones code of the
     * longest length left unused (T.81 K.2 reserves it by a dummy symbol of frequency 1).
     */
    static int[] codeLengths(long[] freq) {
        int symbolsCount = 18; // 17 categories + the reserved dummy
        long[] f = Arrays.copyOf(freq, symbolsCount);
        f[17] = 1;
        int[] lengths = new int[symbolsCount];
        record Node(long weight, int[] members) {
        }
        PriorityQueue<Node> queue = new PriorityQueue<>((a, b) -> Long.compare(a.weight, b.weight));
        for (int s = 0; s < symbolsCount; s++) {
            if (f[s] > 0) {
                queue.add(new Node(f[s], new int[]{s}));
            }
        }
        if (queue.size() == 1) {
            lengths[queue.peek().members[0]] = 1;
        }
        while (queue.size() > 1) {
            Node a = queue.poll();
            Node b = queue.poll();
            int[] m = new int[a.members.length + b.members.length];
            System.arraycopy(a.members, 0, m, 0, a.members.length);
            System.arraycopy(b.members, 0, m, a.members.length, b.members.length);
            for (int s : m) {
                lengths[s]++;
            }
            queue.add(new Node(a.weight + b.weight, m));
        }
        limitTo16(lengths);
        // the dummy must hold the last (all-ones) code: give it the greatest length
        int max = Arrays.stream(lengths).max().orElse(1);
        if (lengths[17] != max) {
            for (int s = 0; s < 17; s++) {
                if (lengths[s] == max) {
                    lengths[s] = lengths[17];
                    lengths[17] = max;
                    break;
                }
            }
        }
        return Arrays.copyOf(lengths, 17);
    }

    /** T.81 K.3-style adjustment: moves codes longer than 16 bits up while keeping the Kraft sum. */
    private static void limitTo16(int[] lengths) {
        int[] bits = new int[64];
        for (int l : lengths) {
            if (l > 0) {
                bits[l]++;
            }
        }
        for (int i = 63; i > 16; i--) {
            while (bits[i] > 0) {
                int j = i - 2;
                while (bits[j] == 0) {
                    j--;
                }
                bits[i] -= 2;
                bits[i - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            }
        }
        // reassign lengths: symbols sorted by their old length keep their order
        Integer[] order = new Integer[lengths.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int la = lengths[a] == 0 ? Integer.MAX_VALUE : lengths[a];
            int lb = lengths[b] == 0 ? Integer.MAX_VALUE : lengths[b];
            return la != lb ? Integer.compare(la, lb) : Integer.compare(a, b);
        });
        int k = 0;
        int[] result = new int[lengths.length];
        for (int len = 1; len <= 16; len++) {
            for (int c = 0; c < bits[len]; c++) {
                result[order[k++]] = len;
            }
        }
        System.arraycopy(result, 0, lengths, 0, lengths.length);
    }

    /** Canonical codes (T.81 C.2): by length, then symbol value. */
    private static int[] canonicalCodes(int[] lengths) {
        int[] codes = new int[lengths.length];
        int code = 0;
        for (int len = 1; len <= 16; len++) {
            for (int s = 0; s < lengths.length; s++) {
                if (lengths[s] == len) {
                    codes[s] = code++;
                }
            }
            code <<= 1;
        }
        return codes;
    }

    private static void marker(ByteArrayOutputStream out, int m) {
        out.write(0xFF);
        out.write(m);
    }

    private static void word(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v & 0xFF);
    }

    /** MSB-first bit packing with 0xFF byte stuffing (T.81 F.1.2.3); padding with 1-bits. */
    private static final class BitWriter {
        private final ByteArrayOutputStream out;
        private long buffer;
        private int count;

        BitWriter(ByteArrayOutputStream out) {
            this.out = out;
        }

        void write(int value, int length) {
            buffer = (buffer << length) | (value & ((1L << length) - 1));
            count += length;
            while (count >= 8) {
                int b = (int) (buffer >> (count - 8)) & 0xFF;
                out.write(b);
                if (b == 0xFF) {
                    out.write(0);
                }
                count -= 8;
            }
        }

        void flush() {
            if (count > 0) {
                write((1 << (8 - count)) - 1, 8 - count);
            }
        }
    }
}
