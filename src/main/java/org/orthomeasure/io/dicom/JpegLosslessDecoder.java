package org.orthomeasure.io.dicom;

/**
 * A fast decoder for the JPEG Lossless streams of DICOM transfer syntaxes 1.2.840.10008.1.2.4.57 and
 * .70 (ITU-T T.81 process 14, Huffman coded, Annex H) with one component: all seven predictors,
 * point transform and restart intervals. It exists because PixelMed's decoder needs about a second
 * for a 2140x1760 film on a 2-core machine; this one decodes with a table lookup per code. Anything
 * else (several components, arithmetic coding, hierarchical or DCT frames, several scans) is refused
 * with {@link UnsupportedOperationException} so the caller can fall back to PixelMed.
 */
final class JpegLosslessDecoder {

    /** Decoded samples, row-major, {@code 0 .. 2^precision - 1}. */
    record Image(int width, int height, int precision, short[] samples) {
    }

    private final byte[] data;
    private int pos;
    private final HuffmanTable[] tables = new HuffmanTable[4];
    private int restartInterval;
    private int width;
    private int height;
    private int precision;

    private JpegLosslessDecoder(byte[] data) {
        this.data = data;
    }

    /**
     * @throws UnsupportedOperationException for JPEG variants this decoder does not handle
     * @throws IllegalArgumentException      for a corrupt stream
     */
    static Image decode(byte[] jpeg) {
        return new JpegLosslessDecoder(jpeg).run();
    }

    private Image run() {
        if (u8() != 0xFF || u8() != 0xD8) {
            throw new IllegalArgumentException("not a JPEG stream (no SOI)");
        }
        boolean frame = false;
        while (true) {
            int marker = nextMarker();
            switch (marker) {
                case 0xC3 -> {
                    frameHeader();
                    frame = true;
                }
                case 0xC4 -> huffmanTables();
                case 0xDD -> {
                    u16();
                    restartInterval = u16();
                }
                case 0xDA -> {
                    if (!frame) {
                        throw new IllegalArgumentException("scan before frame header");
                    }
                    return scan();
                }
                case 0xD9 -> throw new IllegalArgumentException("no scan in the JPEG stream");
                default -> {
                    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                        throw new UnsupportedOperationException("JPEG frame type 0x" + Integer.toHexString(marker));
                    }
                    if (marker == 0xCC) {
                        throw new UnsupportedOperationException("arithmetic coding");
                    }
                    skipSegment();
                }
            }
        }
    }

    private int nextMarker() {
        int b = u8();
        while (b != 0xFF) {
            b = u8();
        }
        int m = u8();
        while (m == 0xFF) {
            m = u8();
        }
        return m;
    }

    private void frameHeader() {
        int length = u16();
        precision = u8();
        height = u16();
        width = u16();
        int components = u8();
        if (components != 1) {
            throw new UnsupportedOperationException(components + " components");
        }
        if (precision < 2 || precision > 16 || width < 1 || height < 1) {
            throw new IllegalArgumentException("bad frame header " + width + "x" + height + " at " + precision + " bits");
        }
        pos += length - 8;
    }

    private void huffmanTables() {
        int end = pos + u16();
        while (pos < end) {
            int tcth = u8();
            if ((tcth >> 4) != 0 || (tcth & 0xF) > 3) {
                throw new UnsupportedOperationException("Huffman table class/id 0x" + Integer.toHexString(tcth));
            }
            int[] counts = new int[17];
            int total = 0;
            for (int i = 1; i <= 16; i++) {
                counts[i] = u8();
                total += counts[i];
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = u8();
            }
            tables[tcth & 0xF] = new HuffmanTable(counts, symbols);
        }
    }

    private void skipSegment() {
        int length = u16();
        pos += length - 2;
        if (pos > data.length) {
            throw new IllegalArgumentException("truncated JPEG segment");
        }
    }

    private Image scan() {
        u16();
        int ns = u8();
        if (ns != 1) {
            throw new UnsupportedOperationException(ns + " components in the scan");
        }
        u8(); // component selector
        HuffmanTable table = tables[u8() >> 4];
        int predictor = u8();
        u8(); // Se
        int pointTransform = u8() & 0xF;
        if (table == null || predictor < 1 || predictor > 7) {
            throw new IllegalArgumentException("bad scan header (table or predictor " + predictor + ")");
        }
        short[] out = new short[width * height];
        BitReader bits = new BitReader(data, pos);
        int mask = 0xFFFF;
        int initial = 1 << (precision - pointTransform - 1);
        int[] prev = new int[width];
        int[] cur = new int[width];
        int sinceRestart = 0;
        boolean restartRow = true; // the first row (of the scan or after a restart) predicts from the left
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (restartInterval > 0 && sinceRestart == restartInterval) {
                    bits.restart();
                    sinceRestart = 0;
                    restartRow = true;
                    if (x != 0) {
                        throw new UnsupportedOperationException("restart interval not a whole number of rows");
                    }
                }
                int pred;
                if (restartRow && x == 0) {
                    pred = initial;
                } else if (restartRow) {
                    pred = cur[x - 1];
                } else if (x == 0) {
                    pred = prev[0];
                } else {
                    int ra = cur[x - 1];
                    int rb = prev[x];
                    int rc = prev[x - 1];
                    pred = switch (predictor) {
                        case 1 -> ra;
                        case 2 -> rb;
                        case 3 -> rc;
                        case 4 -> ra + rb - rc;
                        case 5 -> ra + ((rb - rc) >> 1);
                        case 6 -> rb + ((ra - rc) >> 1);
                        default -> (ra + rb) >> 1;
                    };
                }
                int ssss = table.decode(bits);
                int diff;
                if (ssss == 0) {
                    diff = 0;
                } else if (ssss == 16) {
                    diff = 32768;
                } else if (ssss > 16) {
                    throw new IllegalArgumentException("bad difference category " + ssss);
                } else {
                    int v = bits.read(ssss);
                    diff = v < (1 << (ssss - 1)) ? v - (1 << ssss) + 1 : v;
                }
                int value = (pred + diff) & mask;
                cur[x] = value;
                out[y * width + x] = (short) (value << pointTransform);
                sinceRestart++;
            }
            restartRow = false;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        if (bits.overrun()) {
            throw new IllegalArgumentException("JPEG data ends before the image is complete");
        }
        return new Image(width, height, precision, out);
    }

    private int u8() {
        if (pos >= data.length) {
            throw new IllegalArgumentException("truncated JPEG stream");
        }
        return data[pos++] & 0xFF;
    }

    private int u16() {
        return u8() << 8 | u8();
    }

    /** MSB-first bits with 0xFF00 unstuffing; a marker or the end yields zero bits (and is noted). */
    private static final class BitReader {
        private final byte[] data;
        private int pos;
        private long buffer;
        private int count;
        private int zeros;

        BitReader(byte[] data, int pos) {
            this.data = data;
            this.pos = pos;
        }

        private void fill() {
            while (count <= 56) {
                int b;
                if (pos < data.length) {
                    b = data[pos] & 0xFF;
                    if (b == 0xFF) {
                        int next = pos + 1 < data.length ? data[pos + 1] & 0xFF : -1;
                        if (next == 0) {
                            pos += 2;
                        } else {
                            b = 0; // a marker: feed zeros, stay before it
                            zeros++;
                        }
                    } else {
                        pos++;
                    }
                } else {
                    b = 0;
                    zeros++;
                }
                buffer |= (long) b << (56 - count);
                count += 8;
            }
        }

        int peek16() {
            if (count < 16) {
                fill();
            }
            return (int) (buffer >>> 48);
        }

        void skip(int n) {
            buffer <<= n;
            count -= n;
        }

        int read(int n) {
            if (count < n) {
                fill();
            }
            int v = (int) (buffer >>> (64 - n));
            skip(n);
            return v;
        }

        /** Byte-aligns, consumes an RSTn marker and clears the buffer. */
        void restart() {
            buffer = 0;
            count = 0;
            while (pos + 1 < data.length && !((data[pos] & 0xFF) == 0xFF && (data[pos + 1] & 0xF8) == 0xD0)) {
                pos++;
            }
            pos += 2;
            zeros = 0;
        }

        /** True when more zero bytes were fed than the 8 of look-ahead (plus padding) a complete stream can need. */
        boolean overrun() {
            return zeros > 10;
        }
    }

    /** Canonical Huffman table (T.81 C.2) with a 16-bit lookup for codes of up to 16 bits. */
    private static final class HuffmanTable {
        /** Index: the next 16 bits; value: (length << 8) | symbol, 0 for an invalid code. */
        private final int[] lookup = new int[1 << 16];

        HuffmanTable(int[] counts, int[] symbols) {
            int code = 0;
            int k = 0;
            for (int len = 1; len <= 16; len++) {
                for (int i = 0; i < counts[len]; i++) {
                    int first = code << (16 - len);
                    int n = 1 << (16 - len);
                    int entry = len << 8 | symbols[k++];
                    for (int j = 0; j < n; j++) {
                        lookup[first + j] = entry;
                    }
                    code++;
                }
                code <<= 1;
            }
        }

        int decode(BitReader bits) {
            int e = lookup[bits.peek16()];
            if (e == 0) {
                throw new IllegalArgumentException("invalid Huffman code in the JPEG data");
            }
            bits.skip(e >> 8);
            return e & 0xFF;
        }
    }
}
