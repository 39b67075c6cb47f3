package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import org.orthomeasure.io.image.ImageReadException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Walks the element structure of a DICOM file (tags and lengths only, no value decoded) before
 * PixelMed reads it, so that a hostile or corrupt file is refused with one line instead of making
 * the reader recurse without end or allocate what the file cannot hold:
 * <ul>
 *   <li>sequences nested deeper than {@link #MAX_SEQUENCE_DEPTH} levels are refused (a radiograph's
 *       deepest sequences, e.g. a VOI LUT or a referenced image inside a request, are 2-4 deep);</li>
 *   <li>every element must fit in what is left of its item or of the file, so no element can ask
 *       for more memory than the file has bytes (Pixel Data is only measured here: the reader
 *       says "shorter than declared" itself);</li>
 *   <li>at most {@link #MAX_ELEMENTS} elements and items (a radiograph header has a few hundred;
 *       each one costs the reader an object, so this bounds memory for files of tiny elements).</li>
 * </ul>
 * The walk is iterative (an explicit stack), linear in the file size, and reads through a
 * memory-mapped view. Deflated data sets cannot be walked without inflating them and are left to
 * the reader (and its watchdog, {@link DecoderWatchdog}).
 */
final class DicomStructure {

    /** Deepest sequence nesting accepted. */
    static final int MAX_SEQUENCE_DEPTH = 32;
    /** Most data elements and items accepted in one file (encapsulated pixel data fragments not counted). */
    static final int MAX_ELEMENTS = 200_000;

    private static final int PIXEL_DATA = 0x7FE00010;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");

    /**
     * What the walk found about the top-level Pixel Data.
     *
     * @param present          true when the data set has a top-level (7FE0,0010)
     * @param encapsulated     true for undefined-length (compressed, fragment) pixel data
     * @param valueLength      the declared value length of native pixel data (-1 when encapsulated or absent)
     * @param availableBytes   bytes of the file from the start of the value to its end
     * @param fragmentBytes    total bytes in the fragments of encapsulated pixel data (basic offset table excluded)
     * @param fragments        number of fragments (basic offset table excluded)
     */
    record PixelDataFacts(boolean present, boolean encapsulated, long valueLength, long availableBytes,
                          long fragmentBytes, int fragments) {
    }

    private DicomStructure() {
    }

    /**
     * Walks {@code path}.
     *
     * @throws ImageReadException naming the file and what is wrong with its structure
     */
    static PixelDataFacts check(Path path, String name) throws ImageReadException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            return new Walk(map, name).run();
        } catch (IOException e) {
            throw new ImageReadException(name + ": cannot be read (" + DicomRadiographReader.oneLine(e) + ")", e);
        }
    }

    /** One walk over one file. */
    private static final class Walk {
        private final ByteBuffer buf;
        private final String name;
        private final long size;
        private int elements;

        Walk(ByteBuffer buf, String name) {
            this.buf = buf;
            this.name = name;
            this.size = buf.limit();
        }

        /** One open container: a sequence or an item, with its end (or -1 when it ends at a delimiter). */
        private record Container(boolean item, long end, boolean explicit) {
        }

        PixelDataFacts run() throws ImageReadException {
            long pos = 0;
            if (size >= 132 && buf.get(128) == 'D' && buf.get(129) == 'I' && buf.get(130) == 'C' && buf.get(131) == 'M') {
                pos = 132;
            }
            boolean explicit = true;
            boolean littleEndian = true;
            String ts = null;
            // File Meta Information (group 0002): always explicit VR little endian (PS3.10 7.1)
            buf.order(ByteOrder.LITTLE_ENDIAN);
            if (size - pos >= 8 && (buf.getShort((int) pos) & 0xFFFF) == 0x0002) {
                while (size - pos >= 8 && (buf.getShort((int) pos) & 0xFFFF) == 0x0002) {
                    int tag = tag(pos);
                    String vr = vr(pos + 4);
                    long header = LONG_VRS.contains(vr) ? 12 : 8;
                    if (size - pos < header) {
                        throw truncated();
                    }
                    long length = header == 12 ? uint32(pos + 8) : (buf.getShort((int) pos + 6) & 0xFFFF);
                    if (length == UNDEFINED || length > size - pos - header) {
                        throw corrupt(tag, length, size - pos - header);
                    }
                    if (tag == 0x00020010) {
                        byte[] v = new byte[(int) length];
                        buf.get((int) (pos + header), v);
                        ts = new String(v, StandardCharsets.US_ASCII).replace('\0', ' ').strip();
                    }
                    count();
                    pos += header + length;
                }
            } else if (size - pos >= 8) {
                // no meta information: implicit VR little endian unless the first element names a VR
                explicit = Character.isUpperCase(buf.get((int) pos + 4)) && Character.isUpperCase(buf.get((int) pos + 5));
            }
            if (ts != null) {
                if (ts.equals("1.2.840.10008.1.2.1.99")) {
                    return new PixelDataFacts(false, false, -1, 0, 0, 0); // deflated: left to the reader
                }
                explicit = !ts.equals("1.2.840.10008.1.2");
                littleEndian = !ts.equals("1.2.840.10008.1.2.2");
            }
            buf.order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            return dataSet(pos, explicit);
        }

        private PixelDataFacts dataSet(long start, boolean topExplicit) throws ImageReadException {
            Deque<Container> open = new ArrayDeque<>();
            long pos = start;
            int depth = 0; // sequences open
            while (true) {
                Container c = open.peek();
                long end = c != null && c.end() >= 0 ? c.end() : size;
                if (c != null && c.end() >= 0 && pos >= c.end()) {
                    open.pop();
                    if (!c.item()) {
                        depth--;
                    }
                    continue;
                }
                if (pos >= size) {
                    if (c != null) {
                        throw truncated();
                    }
                    return new PixelDataFacts(false, false, -1, 0, 0, 0);
                }
                if (end - pos < 8) {
                    if (c == null) {
                        return new PixelDataFacts(false, false, -1, 0, 0, 0); // a few trailing bytes: the reader decides
                    }
                    throw truncated();
                }
                boolean explicit = c == null ? topExplicit : c.explicit();
                int tag = tag(pos);
                if (tag == ITEM_END || tag == SEQUENCE_END) {
                    if (c == null || c.item() != (tag == ITEM_END)) {
                        throw new ImageReadException(name + ": corrupt DICOM file (a sequence delimiter where none belongs)");
                    }
                    open.pop();
                    if (!c.item()) {
                        depth--;
                    }
                    pos += 8;
                    continue;
                }
                count();
                if (tag == ITEM) {
                    if (c == null || c.item()) {
                        throw new ImageReadException(name + ": corrupt DICOM file (an item outside a sequence)");
                    }
                    long length = uint32(pos + 4);
                    pos += 8;
                    if (length == UNDEFINED) {
                        open.push(new Container(true, -1, explicit));
                    } else {
                        if (length > end - pos) {
                            throw corrupt(tag, length, end - pos);
                        }
                        open.push(new Container(true, pos + length, explicit));
                    }
                    continue;
                }
                String vr;
                long header;
                long length;
                if (explicit) {
                    vr = vr(pos + 4);
                    header = LONG_VRS.contains(vr) ? 12 : 8;
                    if (end - pos < header) {
                        throw truncated();
                    }
                    length = header == 12 ? uint32(pos + 8) : (buf.getShort((int) pos + 6) & 0xFFFF);
                } else {
                    vr = dictionaryVr(tag);
                    header = 8;
                    length = uint32(pos + 4);
                }
                long valueStart = pos + header;
                if (c == null && tag == PIXEL_DATA) {
                    return pixelData(valueStart, length);
                }
                if (tag == PIXEL_DATA && length == UNDEFINED) {
                    pos = fragments(valueStart).end(); // an icon's compressed pixel data inside a sequence
                    continue;
                }
                boolean sequence = vr.equals("SQ") || (length == UNDEFINED && (vr.equals("UN") || !explicit));
                if (sequence) {
                    if (++depth > MAX_SEQUENCE_DEPTH) {
                        throw new ImageReadException(name + ": sequences nested more than " + MAX_SEQUENCE_DEPTH
                                + " levels deep (a radiograph needs a few): refused as corrupt");
                    }
                    // undefined-length UN holds implicit VR little endian (PS3.5 6.2.2)
                    boolean innerExplicit = explicit && !vr.equals("UN");
                    if (length == UNDEFINED) {
                        open.push(new Container(false, -1, innerExplicit));
                    } else {
                        if (length > end - valueStart) {
                            throw corrupt(tag, length, end - valueStart);
                        }
                        open.push(new Container(false, valueStart + length, innerExplicit));
                    }
                    pos = valueStart;
                    continue;
                }
                if (length == UNDEFINED) {
                    throw new ImageReadException(name + ": corrupt DICOM file (element " + tagText(tag)
                            + " has an undefined length)");
                }
                if (length > end - valueStart) {
                    throw corrupt(tag, length, end - valueStart);
                }
                pos = valueStart + length;
            }
        }

        /** The top-level Pixel Data: native (measured only) or encapsulated (fragments walked). */
        private PixelDataFacts pixelData(long valueStart, long length) throws ImageReadException {
            if (length != UNDEFINED) {
                return new PixelDataFacts(true, false, length, Math.max(0, size - valueStart), 0, 0);
            }
            Fragments f = fragments(valueStart);
            return new PixelDataFacts(true, true, -1, Math.max(0, size - valueStart), f.bytes(), f.count());
        }

        /** Encapsulated pixel data walked: fragment bytes and count (offset table excluded), and where it ends. */
        private record Fragments(long bytes, int count, long end) {
        }

        private Fragments fragments(long valueStart) throws ImageReadException {
            long pos = valueStart;
            long bytes = 0;
            int fragments = -1; // the first item is the basic offset table
            while (true) {
                if (size - pos < 8) {
                    throw new ImageReadException(name + ": truncated DICOM file (ends inside the compressed pixel data)");
                }
                int tag = tag(pos);
                long itemLength = uint32(pos + 4);
                pos += 8;
                if (tag == SEQUENCE_END) {
                    return new Fragments(bytes, Math.max(0, fragments), pos);
                }
                if (tag != ITEM || itemLength == UNDEFINED) {
                    throw new ImageReadException(name + ": corrupt compressed pixel data (expected a fragment, found "
                            + tagText(tag) + ")");
                }
                if (itemLength > size - pos) {
                    throw new ImageReadException(name + ": truncated DICOM file (a compressed fragment of " + itemLength
                            + " bytes, only " + (size - pos) + " left in the file)");
                }
                if (fragments >= 0) {
                    bytes += itemLength;
                }
                fragments++;
                pos += itemLength;
            }
        }

        private void count() throws ImageReadException {
            if (++elements > MAX_ELEMENTS) {
                throw new ImageReadException(name + ": more than " + MAX_ELEMENTS
                        + " data elements (a radiograph has a few hundred): refused as corrupt");
            }
        }

        private int tag(long pos) {
            int group = buf.getShort((int) pos) & 0xFFFF;
            int element = buf.getShort((int) pos + 2) & 0xFFFF;
            return group << 16 | element;
        }

        private long uint32(long pos) {
            return buf.getInt((int) pos) & 0xFFFFFFFFL;
        }

        private String vr(long pos) {
            return new String(new byte[] {buf.get((int) pos), buf.get((int) pos + 1)}, StandardCharsets.ISO_8859_1);
        }

        private static String dictionaryVr(int tag) {
            byte[] vr = DicomDictionary.StandardDictionary.getValueRepresentationFromTag(
                    new AttributeTag(tag >>> 16, tag & 0xFFFF));
            return vr == null || vr.length < 2 ? "UN" : new String(vr, 0, 2, StandardCharsets.ISO_8859_1);
        }

        private ImageReadException truncated() {
            return new ImageReadException(name + ": truncated DICOM file (ends inside the data)");
        }

        private ImageReadException corrupt(int tag, long length, long left) {
            return new ImageReadException(name + ": corrupt or truncated DICOM file (element " + tagText(tag)
                    + " declares " + length + " bytes, only " + Math.max(0, left) + " follow)");
        }

        private static String tagText(int tag) {
            return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
        }
    }
}
