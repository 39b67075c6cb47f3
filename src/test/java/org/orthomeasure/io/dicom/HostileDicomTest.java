package org.orthomeasure.io.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, DICOM: nesting, lying lengths, geometry that disagrees with the pixel data, empty or
 * damaged compressed data, High Bit and Photometric Interpretation. Every file is built here.
 */
@Timeout(60)
class HostileDicomTest {

    @TempDir
    Path dir;

    private static String message(Path p) {
        ImageReadException e = assertThrows(ImageReadException.class, () -> RadiographReader.withToolSearchPath("").open(p));
        String m = e.getMessage();
        assertFalse(m.contains("\n") || m.contains("\r"), m);
        assertTrue(m.startsWith(p.getFileName() + ": "), m);
        assertFalse(m.contains("Exception") || m.contains("Error") || m.contains("JJ2000"), "decoder internals: " + m);
        return m;
    }

    private static Radiograph open(Path p) throws ImageReadException {
        return RadiographReader.withToolSearchPath("").open(p);
    }

    private Path valid(String fileName) throws Exception {
        short[] px = new short[8 * 6];
        for (int i = 0; i < px.length; i++) {
            px[i] = (short) (i * 50);
        }
        return TestDicom.grey(8, 6, px, 12, "MONOCHROME2").write(dir.resolve(fileName));
    }

    /** Offset of the first data set element after the 132-byte preamble and the meta group. */
    private static int dataSetStart(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 132;
        while ((buf.getShort(pos) & 0xFFFF) == 0x0002) {
            String vr = new String(b, pos + 4, 2, StandardCharsets.US_ASCII);
            boolean longVr = vr.equals("OB") || vr.equals("UN") || vr.equals("UT") || vr.equals("SQ");
            pos += longVr ? 12 + buf.getInt(pos + 8) : 8 + (buf.getShort(pos + 6) & 0xFFFF);
        }
        return pos;
    }

    private static byte[] insert(byte[] file, int at, byte[] what) {
        byte[] out = new byte[file.length + what.length];
        System.arraycopy(file, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(file, at, out, at + what.length, file.length - at);
        return out;
    }

    private static void le16(ByteArrayOutputStream o, int v) {
        o.write(v & 0xFF);
        o.write(v >>> 8 & 0xFF);
    }

    private static void le32(ByteArrayOutputStream o, long v) {
        le16(o, (int) (v & 0xFFFF));
        le16(o, (int) (v >>> 16 & 0xFFFF));
    }

    private static void tag(ByteArrayOutputStream o, int group, int element) {
        le16(o, group);
        le16(o, element);
    }

    /** {@code depth} sequences (0008,1115) inside each other, explicit VR, undefined lengths. */
    private static byte[] nestedUndefined(int depth) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            tag(o, 0x0008, 0x1115);
            o.writeBytes("SQ".getBytes(StandardCharsets.US_ASCII));
            le16(o, 0);
            le32(o, 0xFFFFFFFFL);
            tag(o, 0xFFFE, 0xE000);
            le32(o, 0xFFFFFFFFL);
        }
        for (int i = 0; i < depth; i++) {
            tag(o, 0xFFFE, 0xE00D);
            le32(o, 0);
            tag(o, 0xFFFE, 0xE0DD);
            le32(o, 0);
        }
        return o.toByteArray();
    }

    /** The same with defined lengths, implicit VR (the tag's VR, SQ, comes from the dictionary). */
    private static byte[] nestedDefinedImplicit(int depth) {
        byte[] inner = new byte[0];
        for (int i = 0; i < depth; i++) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            tag(o, 0x0008, 0x1115);
            le32(o, inner.length + 8);
            tag(o, 0xFFFE, 0xE000);
            le32(o, inner.length);
            o.writeBytes(inner);
            inner = o.toByteArray();
        }
        return inner;
    }

    @Test
    void deeplyNestedSequencesAreOneLine() throws Exception {
        byte[] ok = Files.readAllBytes(valid("ok.dcm"));
        for (int depth : new int[] {1000, 10_000}) {
            Path p = Files.write(dir.resolve("nested" + depth + ".dcm"), insert(ok, dataSetStart(ok), nestedUndefined(depth)));
            assertEquals("nested" + depth + ".dcm: sequences nested more than 32 levels deep (a radiograph needs a few): "
                    + "refused as corrupt", message(p));
        }
        Path implicit = TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2").write(dir.resolve("imp.dcm"), "1.2.840.10008.1.2");
        byte[] b = Files.readAllBytes(implicit);
        Path p = Files.write(dir.resolve("nestedImplicit.dcm"), insert(b, dataSetStart(b), nestedDefinedImplicit(1000)));
        assertTrue(message(p).contains("sequences nested more than 32 levels deep"), message(p));
    }

    @Test
    void aFewNestedLevelsStillOpen() throws Exception {
        byte[] ok = Files.readAllBytes(valid("ok.dcm"));
        Path p = Files.write(dir.resolve("nested3.dcm"), insert(ok, dataSetStart(ok), nestedUndefined(3)));
        Radiograph r = open(p);
        assertEquals(8, r.width());
        assertEquals(6, r.height());
        assertEquals(5 * 50, r.storedValue(5, 0));
    }

    @Test
    void compressedIconPixelDataInsideASequenceIsWalkedAsFragments() throws Exception {
        byte[] ok = Files.readAllBytes(valid("ok.dcm"));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        tag(o, 0x0088, 0x0200); // Icon Image Sequence
        o.writeBytes("SQ".getBytes(StandardCharsets.US_ASCII));
        le16(o, 0);
        le32(o, 0xFFFFFFFFL);
        tag(o, 0xFFFE, 0xE000);
        le32(o, 0xFFFFFFFFL);
        tag(o, 0x7FE0, 0x0010);
        o.writeBytes("OB".getBytes(StandardCharsets.US_ASCII));
        le16(o, 0);
        le32(o, 0xFFFFFFFFL);
        tag(o, 0xFFFE, 0xE000);
        le32(o, 0);
        tag(o, 0xFFFE, 0xE000);
        le32(o, 6);
        o.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 0, 0}); // fragment bytes that are no element
        tag(o, 0xFFFE, 0xE0DD);
        le32(o, 0);
        tag(o, 0xFFFE, 0xE00D);
        le32(o, 0);
        tag(o, 0xFFFE, 0xE0DD);
        le32(o, 0);
        Path p = Files.write(dir.resolve("icon.dcm"), insert(ok, dataSetStart(ok), o.toByteArray()));
        DicomStructure.PixelDataFacts facts = DicomStructure.check(p, "icon.dcm");
        assertTrue(facts.present() && !facts.encapsulated());
        assertEquals(8 * 6 * 2, facts.valueLength());
    }

    @Test
    void anElementLongerThanTheFileIsRefusedBeforeAllocating() throws Exception {
        byte[] ok = Files.readAllBytes(valid("ok.dcm"));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        tag(o, 0x0008, 0x0001);
        o.writeBytes("UT".getBytes(StandardCharsets.US_ASCII));
        le16(o, 0);
        le32(o, 0x7FFFFFF0L);
        Path p = Files.write(dir.resolve("liar.dcm"), insert(ok, dataSetStart(ok), o.toByteArray()));
        long before = usedHeap();
        String m = message(p);
        assertTrue(m.startsWith("liar.dcm: corrupt or truncated DICOM file (element (0008,0001) declares 2147483632 bytes, only "),
                m);
        assertTrue(usedHeap() - before < 64L << 20, "allocated " + (usedHeap() - before));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void rowsOrColumnsSmallerThanThePixelDataAreRefused() throws Exception {
        Path rows = TestDicom.grey(8, 6, new short[48], 12, "MONOCHROME2").set("Rows", "3").write(dir.resolve("rows.dcm"));
        assertEquals("rows.dcm: pixel data longer than declared (96 bytes, 48 declared for 8x3x1 at 16 bits): "
                + "Rows, Columns or Number of Frames do not describe the data", message(rows));
        Path one = TestDicom.grey(8, 6, new short[48], 12, "MONOCHROME2").set("Rows", "1").set("Columns", "1")
                .write(dir.resolve("one.dcm"));
        assertTrue(message(one).contains("pixel data longer than declared (96 bytes, 2 declared for 1x1x1"), message(one));
        // larger than the data stays refused as before
        Path more = TestDicom.grey(8, 6, new short[48], 12, "MONOCHROME2").set("Columns", "9").write(dir.resolve("more.dcm"));
        assertTrue(message(more).contains("pixel data shorter than declared"), message(more));
    }

    private Path jpegLossless(String fileName) throws Exception {
        short[] px = new short[16 * 12];
        for (int i = 0; i < px.length; i++) {
            px[i] = (short) (i * 7 % 4096);
        }
        Path p = dir.resolve(fileName);
        DicomImageWriter.writeGrey(p, 16, 12, px, 12, Map.of("SOPClassUID", "1.2.840.10008.5.1.4.1.1.1.1",
                "SOPInstanceUID", "2.25.77", "Modality", "DX"), DicomImageWriter.Encoding.JPEG_LOSSLESS);
        return p;
    }

    /** The file with its encapsulated pixel data replaced by an empty offset table and these fragments. */
    private static byte[] withFragments(byte[] file, byte[]... fragments) {
        byte[] pd = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0};
        int at = -1;
        for (int i = file.length - pd.length; i >= 0; i--) {
            if (Arrays.equals(Arrays.copyOfRange(file, i, i + pd.length), pd)) {
                at = i;
                break;
            }
        }
        assertTrue(at > 0, "no pixel data tag");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(file, 0, at);
        o.writeBytes(pd);
        le32(o, 0xFFFFFFFFL);
        tag(o, 0xFFFE, 0xE000);
        le32(o, 0);
        for (byte[] f : fragments) {
            tag(o, 0xFFFE, 0xE000);
            le32(o, f.length);
            o.writeBytes(f);
        }
        tag(o, 0xFFFE, 0xE0DD);
        le32(o, 0);
        return o.toByteArray();
    }

    private static byte[] withTransferSyntax(byte[] file, String from, String to) {
        String latin = new String(file, 0, Math.min(1024, file.length), StandardCharsets.ISO_8859_1);
        int at = latin.indexOf(from);
        assertTrue(at > 0 && from.length() == to.length());
        byte[] patched = file.clone();
        System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, patched, at, to.length());
        return patched;
    }

    @Test
    void zeroLengthCompressedPixelDataIsOneLine() throws Exception {
        byte[] jpll = Files.readAllBytes(jpegLossless("jpll.dcm"));
        assertEquals(5 * 7, open(dir.resolve("jpll.dcm")).storedValue(5, 0), "the intact file decodes");
        Path empty = Files.write(dir.resolve("empty-jpll.dcm"), withFragments(jpll, new byte[0]));
        assertEquals("empty-jpll.dcm: the JPEG Lossless SV1 pixel data is empty (no compressed bytes)", message(empty));
        Path none = Files.write(dir.resolve("none-jpll.dcm"), withFragments(jpll));
        assertTrue(message(none).contains("pixel data is empty"), message(none));
        byte[] j2k = withTransferSyntax(jpll, "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90");
        Path emptyJ2k = Files.write(dir.resolve("empty-j2k.dcm"), withFragments(j2k, new byte[0]));
        assertEquals("empty-j2k.dcm: the JPEG 2000 lossless pixel data is empty (no compressed bytes)", message(emptyJ2k));
    }

    @Test
    void damagedCompressedPixelDataIsOneLineInTheUsersTerms() throws Exception {
        byte[] jpll = Files.readAllBytes(jpegLossless("jpll.dcm"));
        // JPEG Lossless bytes labelled JPEG 2000: the J2K decoder fails inside
        Path j2k = Files.write(dir.resolve("j2k.dcm"), withTransferSyntax(jpll, "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90"));
        String m = message(j2k);
        assertTrue(m.startsWith("j2k.dcm: the JPEG 2000 lossless pixel data is damaged"), m);
        byte[] garbage = new byte[64];
        new java.util.SplittableRandom(5).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        Path bad = Files.write(dir.resolve("bad-jpll.dcm"), withFragments(jpll, garbage));
        assertTrue(message(bad).contains("pixel data is damaged"), message(bad));
    }

    @Test
    void moreThanAThousandToOneIsRefused() throws Exception {
        byte[] jpll = Files.readAllBytes(jpegLossless("jpll.dcm"));
        // 4000 x 4000 x 16 bit declared over 10 compressed bytes
        byte[] big = withFragments(jpll, new byte[10]);
        Path p = dir.resolve("ratio.dcm");
        Files.write(p, big);
        com.pixelmed.dicom.AttributeList l = new com.pixelmed.dicom.AttributeList();
        l.read(p.toFile());
        assertEquals("16", com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(l, com.pixelmed.dicom.TagFromName.Columns));
        byte[] b = Files.readAllBytes(p);
        // Rows (0028,0010) US 2 bytes: patch 12 -> 4000 and Columns 16 -> 4000
        patchUs(b, 0x0010, 4000);
        patchUs(b, 0x0011, 4000);
        Files.write(p, b);
        assertEquals("ratio.dcm: declares 4000x4000x1 at 16 bits (32000000 bytes) in only 10 compressed bytes, "
                + "more than 1000:1: the file does not hold the image it declares", message(p));
    }

    private static void patchUs(byte[] b, int element, int value) {
        for (int i = 132; i + 10 <= b.length; i++) {
            if (b[i] == 0x28 && b[i + 1] == 0 && (b[i + 2] & 0xFF) == element && b[i + 3] == 0 && b[i + 4] == 'U'
                    && b[i + 5] == 'S' && b[i + 6] == 2 && b[i + 7] == 0) {
                b[i + 8] = (byte) (value & 0xFF);
                b[i + 9] = (byte) (value >>> 8);
                return;
            }
        }
        throw new AssertionError("no (0028," + element + ")");
    }

    @Test
    void highBitOtherThanBitsStoredMinusOneIsRefused() throws Exception {
        Path p = TestDicom.grey(2, 2, new short[] {1, 2, 3, 4}, 12, "MONOCHROME2").set("HighBit", "12")
                .write(dir.resolve("hb.dcm"));
        assertEquals("hb.dcm: High Bit 12 with Bits Stored 12: the stored bits do not end at bit 11 as the radiograph"
                + " IODs require (PS3.3 C.8.11.3.1); refused rather than guessed", message(p));
    }

    @Test
    void anEmptyPhotometricInterpretationIsShownAsMonochrome2WithANote() throws Exception {
        short[] px = {0, 1000, 2000, 4000};
        Radiograph mono1 = open(TestDicom.grey(2, 2, px, 12, "MONOCHROME1").write(dir.resolve("m1.dcm")));
        assertTrue(mono1.invertedByDefault());
        Radiograph blank = open(TestDicom.grey(2, 2, px, 12, "MONOCHROME1").set("PhotometricInterpretation", "")
                .write(dir.resolve("blank.dcm")));
        assertFalse(blank.invertedByDefault());
        assertEquals(4000, blank.storedValue(1, 1));
        assertTrue(blank.notes().contains("no Photometric Interpretation in the file: shown as MONOCHROME2 (low values"
                + " dark); invert if bone looks dark"), blank.notes().toString());
    }
}
