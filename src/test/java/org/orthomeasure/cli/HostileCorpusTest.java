package org.orthomeasure.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.io.dicom.DicomImageWriter;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 13: a seeded corpus of hostile inputs, generated here, run in-process through the command line's own
 * entry point ({@link CommandLine#run}: {@code info}, {@code render}, {@code measure}, {@code measure --auto
 * spine}), each with the outcome its class must have: refused with exactly one line on stderr (exit 1, or 2 for
 * wrong usage), naming the file and what is wrong, never "internal error" (exit 3), never a trace; or accepted
 * (exit 0) with the right values. Classes: DICOM nested sequences, lying element lengths, Rows/Columns that
 * disagree with the pixel data, truncation, empty and damaged compressed data, random bit flips, absurd Pixel
 * Spacing, High Bit, empty Photometric Interpretation; plain JPEG and TIFF cut short or with a lying frame
 * header; landmark files with absurd spacing, coordinates, near-coincident or far-away points; mistyped commands
 * and options; file names with line breaks. Every case's outcome class is counted and printed.
 */
@Timeout(120)
class HostileCorpusTest extends CommandLineHarness {

    private static final long SEED = 20261201L;
    private static final Map<String, int[]> TALLY = new java.util.TreeMap<>();

    @TempDir
    Path dir;

    private final SplittableRandom random = new SplittableRandom(SEED);
    private int serial;

    // ---- outcomes ----

    /** Runs {@code args}; it must be refused with one line containing {@code fragment}. */
    private String refused(String kind, int exit, String fragment, String... args) {
        resetStreams();
        int code = run(args);
        String e = err();
        String what = kind + " " + String.join(" ", args);
        if (code != exit) {
            fail(what + ": exit " + code + " (expected " + exit + "); stderr: " + e + "; stdout: " + cut(out()));
        }
        if (e.strip().contains("\n") || e.strip().isEmpty() || !e.endsWith("\n")) {
            fail(what + ": not exactly one line on stderr: " + e);
        }
        if (e.contains("internal error") || e.contains("Exception") || e.contains("\tat ")) {
            fail(what + ": internal detail in the refusal: " + e);
        }
        if (!e.contains(fragment)) {
            fail(what + ": the refusal does not say '" + fragment + "': " + e);
        }
        tally(kind, 0);
        return e.strip();
    }

    /** Runs {@code args}; it must succeed. */
    private String accepted(String kind, String... args) {
        resetStreams();
        int code = run(args);
        if (code != 0) {
            fail(kind + " " + String.join(" ", args) + ": exit " + code + ", stderr: " + err());
        }
        tally(kind, 1);
        return out();
    }

    /** Random damage: refused with one line, or accepted with the declared size; never an internal error. */
    private void refusedOrDeclaredSize(String kind, Path file, int width, int height) throws Exception {
        resetStreams();
        int code = run("info", file.toString());
        if (code == 0) {
            JsonNode j = new ObjectMapper().readTree(out());
            assertEquals(width, j.get("columns").asInt(), kind);
            assertEquals(height, j.get("rows").asInt(), kind);
            tally(kind, 1);
            return;
        }
        assertEquals(1, code, kind + ": " + err());
        String e = err().strip();
        assertTrue(!e.contains("\n") && !e.contains("internal error") && !e.contains("Exception"), kind + ": " + e);
        assertTrue(e.startsWith("orthomeasure info: " + file.getFileName() + ": "), e);
        tally(kind, 0);
    }

    private static synchronized void tally(String kind, int acceptedIndex) {
        TALLY.computeIfAbsent(kind, k -> new int[2])[acceptedIndex]++;
    }

    @AfterAll
    static void printTally() {
        StringBuilder sb = new StringBuilder("Hostile corpus (seed " + SEED + "): refused / accepted per class\n");
        TALLY.forEach((k, v) -> sb.append(String.format("  %-34s %4d / %d%n", k, v[0], v[1])));
        System.out.print(sb);
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve((serial++) + "-" + name), bytes);
    }

    // ---- DICOM building blocks ----

    private static short[] ramp(int w, int h) {
        short[] p = new short[w * h];
        for (int i = 0; i < p.length; i++) {
            p[i] = (short) (i * 37 % 4096);
        }
        return p;
    }

    private byte[] dicom(int w, int h, Map<String, String> extra, DicomImageWriter.Encoding enc) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("SOPClassUID", "1.2.840.10008.5.1.4.1.1.1.1",
                "SOPInstanceUID", "2.25." + (1000 + serial), "Modality", "DX"));
        a.putAll(extra);
        Path p = dir.resolve((serial++) + "-base.dcm");
        DicomImageWriter.writeGrey(p, w, h, ramp(w, h), 12, a, enc);
        return Files.readAllBytes(p);
    }

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
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(file, 0, at);
        o.writeBytes(what);
        o.write(file, at, file.length - at);
        return o.toByteArray();
    }

    private static void le16(ByteArrayOutputStream o, int v) {
        o.write(v & 0xFF);
        o.write(v >>> 8 & 0xFF);
    }

    private static void le32(ByteArrayOutputStream o, long v) {
        le16(o, (int) (v & 0xFFFF));
        le16(o, (int) (v >>> 16 & 0xFFFF));
    }

    private static byte[] nested(int depth) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            le16(o, 0x0008);
            le16(o, 0x1115);
            o.writeBytes("SQ".getBytes(StandardCharsets.US_ASCII));
            le16(o, 0);
            le32(o, 0xFFFFFFFFL);
            le16(o, 0xFFFE);
            le16(o, 0xE000);
            le32(o, 0xFFFFFFFFL);
        }
        for (int i = 0; i < depth; i++) {
            le16(o, 0xFFFE);
            le16(o, 0xE00D);
            le32(o, 0);
            le16(o, 0xFFFE);
            le16(o, 0xE0DD);
            le32(o, 0);
        }
        return o.toByteArray();
    }

    private static int pixelDataTag(byte[] file) {
        byte[] pd = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0};
        for (int i = file.length - pd.length; i >= 0; i--) {
            if (Arrays.equals(Arrays.copyOfRange(file, i, i + pd.length), pd)) {
                return i;
            }
        }
        throw new AssertionError("no encapsulated pixel data");
    }

    private static byte[] withFragments(byte[] file, byte[]... fragments) {
        int at = pixelDataTag(file);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(file, 0, at + 8);
        le32(o, 0xFFFFFFFFL);
        le16(o, 0xFFFE);
        le16(o, 0xE000);
        le32(o, 0);
        for (byte[] f : fragments) {
            le16(o, 0xFFFE);
            le16(o, 0xE000);
            le32(o, f.length);
            o.writeBytes(f);
        }
        le16(o, 0xFFFE);
        le16(o, 0xE0DD);
        le32(o, 0);
        return o.toByteArray();
    }

    private static byte[] withTransferSyntax(byte[] file, String from, String to) {
        String latin = new String(file, 0, Math.min(1024, file.length), StandardCharsets.ISO_8859_1);
        int at = latin.indexOf(from);
        byte[] patched = file.clone();
        System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, patched, at, to.length());
        return patched;
    }

    // ---- the corpus ----

    @Test
    void dicomStructureAndGeometry() throws Exception {
        byte[] base = dicom(40, 30, Map.of("PixelSpacing", "0.2\\0.2"), DicomImageWriter.Encoding.EXPLICIT_LITTLE_ENDIAN);
        JsonNode ok = new ObjectMapper().readTree(accepted("dicom intact", "info", file("ok.dcm", base).toString()));
        assertEquals(40, ok.get("columns").asInt());
        assertEquals(0.2, ok.get("calibration").get("rowMm").asDouble(), 0);
        for (int i = 0; i < 6; i++) {
            int depth = random.nextInt(1000, 10_001);
            Path p = file("nested.dcm", insert(base, dataSetStart(base), nested(depth)));
            refused("dicom nested sequences", 1, "sequences nested more than 32 levels deep", "info", p.toString());
            refused("dicom nested sequences", 1, "sequences nested more than 32 levels deep", "render", p.toString(),
                    dir.resolve("x.png").toString());
        }
        for (int i = 0; i < 6; i++) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            le16(o, 0x0008);
            le16(o, 0x0001 + i);
            o.writeBytes("UT".getBytes(StandardCharsets.US_ASCII));
            le16(o, 0);
            le32(o, random.nextLong(base.length, 0xFFFFFFFEL));
            Path p = file("liar.dcm", insert(base, dataSetStart(base), o.toByteArray()));
            refused("dicom element longer than file", 1, "corrupt or truncated DICOM file", "info", p.toString());
        }
        for (int i = 0; i < 6; i++) {
            int rows = random.nextInt(1, 30);
            Path p = file("rows.dcm", dicom(40, 30, Map.of("Rows", "" + rows), DicomImageWriter.Encoding.EXPLICIT_LITTLE_ENDIAN));
            refused("dicom rows smaller than data", 1, "pixel data longer than declared", "info", p.toString());
            int cols = random.nextInt(41, 400);
            Path q = file("cols.dcm", dicom(40, 30, Map.of("Columns", "" + cols), DicomImageWriter.Encoding.IMPLICIT_LITTLE_ENDIAN));
            refused("dicom columns larger than data", 1, "pixel data shorter than declared", "info", q.toString());
        }
        for (int i = 0; i < 10; i++) {
            int cut = random.nextInt(140, base.length - 1);
            Path p = file("cut.dcm", Arrays.copyOf(base, cut));
            refused("dicom truncated", 1, p.getFileName() + ": ", "info", p.toString());
        }
        Path hb = file("hb.dcm", dicom(8, 8, Map.of("HighBit", "12"), DicomImageWriter.Encoding.EXPLICIT_BIG_ENDIAN));
        refused("dicom high bit = bits stored", 1, "High Bit 12 with Bits Stored 12", "info", hb.toString());
        Path pi = file("pi.dcm", dicom(8, 8, Map.of("PhotometricInterpretation", ""), DicomImageWriter.Encoding.EXPLICIT_LITTLE_ENDIAN));
        JsonNode piJson = new ObjectMapper().readTree(accepted("dicom empty photometric", "info", pi.toString()));
        assertEquals("MONOCHROME2", piJson.get("photometricInterpretation").asText());
        assertTrue(piJson.get("notes").toString().contains("no Photometric Interpretation in the file"), piJson.toString());
    }

    @Test
    void dicomCompressedData() throws Exception {
        byte[] jpll = dicom(48, 32, Map.of(), DicomImageWriter.Encoding.JPEG_LOSSLESS);
        JsonNode ok = new ObjectMapper().readTree(accepted("jpeg lossless intact", "info", file("jpll.dcm", jpll).toString()));
        assertEquals(32, ok.get("rows").asInt());
        refused("compressed pixel data empty", 1, "pixel data is empty", "info",
                file("empty.dcm", withFragments(jpll, new byte[0])).toString());
        byte[] j2k = withTransferSyntax(jpll, "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90");
        refused("compressed pixel data empty", 1, "pixel data is empty", "info",
                file("empty-j2k.dcm", withFragments(j2k, new byte[0])).toString());
        refused("compressed data in the wrong codec", 1, "pixel data is damaged", "info", file("j2k.dcm", j2k).toString());
        int at = pixelDataTag(jpll) + 8 + 4 + 8 + 8; // value, BOT item, fragment item header
        for (int i = 0; i < 40; i++) {
            byte[] m = jpll.clone();
            int flips = random.nextInt(1, 8);
            for (int f = 0; f < flips; f++) {
                int pos = random.nextInt(at, m.length - 8);
                m[pos] ^= (byte) (1 << random.nextInt(8));
            }
            refusedOrDeclaredSize("jpeg lossless bit flips", file("flip.dcm", m), 48, 32);
        }
        for (int i = 0; i < 10; i++) {
            byte[] garbage = new byte[random.nextInt(1, 200)];
            random.nextBytes(garbage);
            Path p = file("garbage.dcm", withFragments(random.nextBoolean() ? jpll : j2k, garbage));
            refusedOrDeclaredSize("compressed fragment garbage", p, 48, 32);
        }
    }

    @Test
    void absurdPixelSpacingIsNotCalibration() throws Exception {
        for (String bad : List.of("1e308\\1", "1e-300\\1e-300", "100\\100", "1\u0000\\1", "0.001\\0.001")) {
            Path p = file("ps.dcm", dicom(16, 16, Map.of("PixelSpacing", bad), DicomImageWriter.Encoding.EXPLICIT_LITTLE_ENDIAN));
            JsonNode j = new ObjectMapper().readTree(accepted("dicom absurd pixel spacing", "info", p.toString()));
            assertTrue(j.get("calibration").isNull(), bad + ": " + j.get("calibration"));
            String notes = j.get("notes").toString();
            assertTrue(notes.contains("lengths are in px"), bad + ": " + notes);
        }
        Path sane = file("ps.dcm", dicom(16, 16, Map.of("PixelSpacing", "0.139\\0.139"), DicomImageWriter.Encoding.EXPLICIT_LITTLE_ENDIAN));
        JsonNode j = new ObjectMapper().readTree(accepted("dicom sane pixel spacing", "info", sane.toString()));
        assertEquals(0.139, j.get("calibration").get("rowMm").asDouble(), 0);
    }

    private static byte[] jpeg(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        SplittableRandom r = new SplittableRandom(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (x * y + r.nextInt(30)) & 255);
            }
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", o);
        return o.toByteArray();
    }

    @Test
    void plainImagesCutShortOrLying() throws Exception {
        byte[] jpg = jpeg(160, 240);
        Path ok = file("ok.jpg", jpg);
        JsonNode j = new ObjectMapper().readTree(accepted("jpeg intact", "info", ok.toString()));
        assertEquals(240, j.get("rows").asInt());
        Path png = dir.resolve("ok.png");
        accepted("jpeg intact", "render", ok.toString(), png.toString(), "--max-size", "120");
        BufferedImage rendered = ImageIO.read(png.toFile());
        assertEquals(80, rendered.getWidth());
        assertEquals(120, rendered.getHeight());
        for (int i = 0; i < 10; i++) {
            int cut = (int) (jpg.length * random.nextDouble(0.15, 0.95));
            Path p = file("cut.jpg", Arrays.copyOf(jpg, cut));
            refused("jpeg truncated", 1, "truncated JPEG file", "info", p.toString());
            refused("jpeg truncated", 1, "truncated JPEG file", "render", p.toString(), dir.resolve("x.png").toString());
        }
        for (int i = 0; i < 8; i++) {
            int rows = random.nextBoolean() ? random.nextInt(8, 200) : random.nextInt(300, 2000);
            byte[] c = jpg.clone();
            for (int k = 0; k < c.length - 9; k++) {
                if ((c[k] & 0xFF) == 0xFF && (c[k + 1] & 0xFF) == 0xC0) {
                    c[k + 5] = (byte) (rows >> 8);
                    c[k + 6] = (byte) rows;
                    break;
                }
            }
            refused("jpeg frame header rows lie", 1, "JPEG file (", "info", file("rows.jpg", c).toString());
        }
        BufferedImage grey = new BufferedImage(120, 90, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 120; x++) {
                grey.getRaster().setSample(x, y, 0, (x * 400 + y * 7) & 0xFFFF);
            }
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ImageIO.write(grey, "tiff", o);
        byte[] tif = o.toByteArray();
        for (int i = 0; i < 6; i++) {
            int cut = (int) (tif.length * random.nextDouble(0.2, 0.98));
            refused("tiff truncated", 1, "truncated TIFF file", "info", file("cut.tif", Arrays.copyOf(tif, cut)).toString());
        }
    }

    private static final String LEG = "\"R.femoralHeadCenter\": [100, 100], \"R.kneeCenter\": [90, 500],"
            + " \"R.ankleCenter\": [100, 900], \"R.femoralCondyleMedial\": [120, 495],"
            + " \"R.femoralCondyleLateral\": [60, 495], \"R.tibialPlateauMedial\": [120, 505],"
            + " \"R.tibialPlateauLateral\": [60, 505]";

    private Path landmarks(String top, String leg) throws Exception {
        return file("l.json", ("{\"format\": \"orthomeasure-landmarks/1\"," + top + " \"landmarks\": {" + leg + "}}")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void landmarkFilesWithNumbersNoFilmHas() throws Exception {
        JsonNode m = new ObjectMapper().readTree(accepted("landmarks sane", "measure", "--landmarks",
                landmarks("\"pixelSpacingMm\": [0.2, 0.2],", LEG).toString(), "--json", "-")).get("measurements");
        assertEquals(-2.864, m.get("R.HKA").get("value").asDouble(), 0);
        assertEquals(2.0, m.get("R.MAD").get("value").asDouble(), 1e-9);
        for (int i = 0; i < 10; i++) {
            double s = random.nextBoolean() ? Math.pow(10, -random.nextInt(3, 308)) : Math.pow(10, random.nextInt(1, 308));
            refused("landmarks absurd spacing", 1, "mm per pixel is outside the 0.02-2 mm per pixel", "measure",
                    "--landmarks", landmarks("\"pixelSpacingMm\": [" + s + ", " + s + "],", LEG).toString());
        }
        for (int i = 0; i < 10; i++) {
            double v = Math.pow(10, random.nextInt(5, 309)) * (random.nextBoolean() ? 1 : -1);
            refused("landmarks absurd coordinate", 1, "coordinates beyond 50000 px", "measure", "--landmarks",
                    landmarks("", LEG.replace("[100, 900]", "[" + v + ", 900]")).toString(), "--json", "-");
        }
        for (int i = 0; i < 10; i++) {
            double eps = Math.pow(10, -random.nextInt(1, 12));
            refused("landmarks near-coincident", 1, "two different landmarks cannot be within 1 px", "measure",
                    "--landmarks", landmarks("", LEG.replace("\"R.kneeCenter\": [90, 500]",
                            "\"R.kneeCenter\": [" + (100 + eps) + ", 100]")).toString());
        }
        for (int i = 0; i < 6; i++) {
            int far = random.nextInt(2000, 49_000);
            refused("landmarks far outside the film", 1, "lies far outside the 200x1000 film", "measure", "--landmarks",
                    landmarks("\"imageSize\": [200, 1000],", LEG.replace("[100, 900]", "[100, " + far + "]")).toString());
        }
        refused("landmarks calibrated span", 1, "more than any radiograph shows", "measure", "--landmarks",
                landmarks("\"pixelSpacingMm\": [1.5, 1.5],", LEG.replace("[100, 900]", "[100, 30000]")).toString());
    }

    @Test
    void commandLinesAndFileNames() throws Exception {
        Path ok = file("ok.dcm", dicom(16, 16, Map.of(), DicomImageWriter.Encoding.EXPLICIT_LITTLE_ENDIAN));
        String[] words = {"info", "render", "measure", "compare", "evaluate"};
        for (int i = 0; i < 12; i++) {
            char[] w = words[random.nextInt(words.length)].toCharArray();
            int at = random.nextInt(w.length);
            w[at] = (char) ('a' + (w[at] - 'a' + 1 + random.nextInt(24)) % 26);
            String typo = new String(w) + (random.nextBoolean() ? "o" : "");
            if (CommandLine.isSubcommand(typo)) {
                continue;
            }
            refused("mistyped command", 2, "is neither a command", typo, ok.toString());
            assertTrue(!CommandLine.startsWorkstation(new String[] {typo, ok.toString()}), typo);
        }
        refused("unknown option", 2, "'--bogus'", "--bogus");
        refused("unknown option", 2, "unknown option", "render", ok.toString(), dir.resolve("o.png").toString(), "--bogus");
        refused("unknown option", 2, "unknown option", "measure", "--landmarks", "x.json", "--bogus");
        List<String> odd = new ArrayList<>(List.of("two\nlines.dcm", "cr\rlf.dcm", "tab\there.dcm"));
        for (String name : odd) {
            Path p;
            try {
                p = Files.write(dir.resolve(name), new byte[] {1, 2, 3, 4, 5});
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                continue; // a file system that refuses the name cannot produce the case
            }
            String e = refused("file name with a line break", 1, "not a DICOM, PNG, JPEG or TIFF file", "info", p.toString());
            assertTrue(e.contains(name.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")), e);
        }
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            refused("device", 1, "is not a regular file", "info", zero.toString());
            refused("device", 1, "is not a regular file", "measure", "--landmarks", zero.toString());
        }
    }

    @Test
    void autoSpineRefusesHostileFilmsWithOneLine() throws Exception {
        byte[] base = dicom(40, 30, Map.of(), DicomImageWriter.Encoding.EXPLICIT_LITTLE_ENDIAN);
        Path nestedFile = file("nested.dcm", insert(base, dataSetStart(base), nested(5000)));
        refused("auto spine hostile film", 1, "sequences nested more than 32 levels deep", "measure", "--auto", "spine",
                nestedFile.toString(), "--json", "-");
        Path rows = file("rows.dcm", dicom(40, 30, Map.of("Rows", "7"), DicomImageWriter.Encoding.EXPLICIT_LITTLE_ENDIAN));
        refused("auto spine hostile film", 1, "pixel data longer than declared", "measure", "--auto", "spine",
                rows.toString(), "--json", "-");
        byte[] jpg = jpeg(160, 240);
        Path cut = file("cut.jpg", Arrays.copyOf(jpg, jpg.length / 3));
        refused("auto spine hostile film", 1, "truncated JPEG file", "measure", "--auto", "spine", cut.toString(),
                "--json", "-");
    }
}
