package org.orthomeasure.io.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.radiograph.RadiographReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input gives one line naming the file and the fault, quickly, without a huge allocation. */
@Timeout(20)
class BadInputTest {

    @TempDir
    Path dir;

    private String message(Path p) {
        ImageReadException e = assertThrows(ImageReadException.class, () -> RadiographReader.withToolSearchPath("").open(p));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith(p.getFileName() + ": "), m);
        return m;
    }

    @Test
    void zeroBytes() throws Exception {
        assertEquals("empty.dcm: is empty (0 bytes)", message(Files.createFile(dir.resolve("empty.dcm"))));
    }

    @Test
    void directory() throws Exception {
        assertEquals("sub: is a directory, not an image file", message(Files.createDirectory(dir.resolve("sub"))));
    }

    @Test
    void missingFile() {
        assertEquals("nope.dcm: no such file", message(dir.resolve("nope.dcm")));
    }

    @Test
    void notAnImage() throws Exception {
        Path p = Files.writeString(dir.resolve("notes.dcm"), "hello, this is not DICOM\n".repeat(20));
        assertEquals("notes.dcm: not a DICOM, PNG, JPEG or TIFF file", message(p));
    }

    @Test
    void dicmMagicFollowedByGarbage() throws Exception {
        byte[] b = new byte[4096];
        new SplittableRandom(3).nextBytes(b);
        Arrays.fill(b, 0, 128, (byte) 0);
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, b, 128, 4);
        Path p = Files.write(dir.resolve("garbage.dcm"), b);
        String m = message(p);
        assertTrue(m.contains("DICOM"), m);
    }

    @Test
    void truncatedCompressedFile() throws Exception {
        byte[] all = Files.readAllBytes(Wg04Files.file("RG2_JPLL.dcm"));
        Path p = Files.write(dir.resolve("cut.dcm"), Arrays.copyOf(all, all.length / 2));
        String m = message(p);
        assertTrue(m.contains("truncated") || m.contains("cannot decode"), m);
    }

    @Test
    void truncatedUncompressedFileSaysPixelDataShorter() throws Exception {
        short[] px = new short[200 * 100];
        Path full = TestDicom.grey(200, 100, px, 12, "MONOCHROME2").write(dir.resolve("full.dcm"));
        byte[] all = Files.readAllBytes(full);
        Path p = Files.write(dir.resolve("short.dcm"), Arrays.copyOf(all, all.length - 1000));
        assertTrue(message(p).contains("pixel data shorter than declared"));
    }

    @Test
    void absurdDimensionsAreRefusedBeforeAllocating() throws Exception {
        TestDicom t = TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2");
        t.set("Rows", "65535").set("Columns", "65535");
        String m = message(t.write(dir.resolve("huge.dcm")));
        assertTrue(m.contains("absurd dimensions 65535x65535"), m);
        TestDicom frames = TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2");
        frames.set("Rows", "10000").set("Columns", "10000").set("NumberOfFrames", "500");
        assertTrue(message(frames.write(dir.resolve("frames.dcm"))).contains("more than the"));
    }

    @Test
    void pixelDataShorterThanDeclared() throws Exception {
        TestDicom t = TestDicom.grey(10, 10, new short[100], 12, "MONOCHROME2");
        t.set("Rows", "1000");
        assertTrue(message(t.write(dir.resolve("lying.dcm"))).contains("pixel data shorter than declared"));
    }

    @Test
    void noPixelData() throws Exception {
        TestDicom t = TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2");
        t.list.remove(com.pixelmed.dicom.TagFromName.PixelData);
        String m = message(t.write(dir.resolve("nopix.dcm")));
        assertTrue(m.contains("no pixel data"), m);
    }

    @Test
    void noImageAtAll() throws Exception {
        TestDicom t = TestDicom.grey(2, 2, new short[4], 12, "MONOCHROME2");
        t.remove("Rows").remove("Columns").list.remove(com.pixelmed.dicom.TagFromName.PixelData);
        assertTrue(message(t.write(dir.resolve("sr.dcm"))).contains("without an image"));
    }

    @Test
    void unsupportedCompressionIsNamed() throws Exception {
        byte[] all = Files.readAllBytes(Wg04Files.file("RG2_JPLL.dcm"));
        String latin = new String(all, 0, 1024, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("1.2.840.10008.1.2.4.70");
        byte[] patched = all.clone();
        System.arraycopy("1.2.840.10008.1.2.4.92".getBytes(StandardCharsets.US_ASCII), 0, patched, at, 22);
        Path p = Files.write(dir.resolve("j2k2.dcm"), patched);
        assertEquals("j2k2.dcm: unsupported compression JPEG 2000 Part 2 multi-component lossless (1.2.840.10008.1.2.4.92)",
                message(p));
    }

    @Test
    void corruptPngSaysSo() throws Exception {
        byte[] b = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2};
        assertTrue(message(Files.write(dir.resolve("bad.png"), b)).contains("not a readable PNG image"));
    }
}
