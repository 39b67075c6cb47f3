package org.orthomeasure.io;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.cli.CommandLine;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.io.dicom.DicomImageWriter;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileReader;
import org.orthomeasure.ui.session.Autosaver;
import org.orthomeasure.ui.session.SessionStore;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 13, nothing lost: a child JVM writes one file over and over, alternating two versions (the
 * autosaved session, and the JSON, PDF, PNG and DICOM the command line writes), and is killed with
 * SIGKILL ({@link Process#destroyForcibly}) at a random moment, {@link #KILLS} times per file. After
 * every kill the file must be one of the two versions, complete: byte-identical for JSON, the same
 * landmarks for the session, a PDF that loads, a PNG and a DICOM that decode to one version's size and
 * pixels. Seeded, so a failure repeats. The DICOM is 2 MB, so a kill often falls inside its write: with
 * a plain (non-atomic) write this test fails.
 */
@Timeout(300)
class SigkillDuringWriteTest {

    static final int KILLS = 4;
    private static final long SEED = 13;

    @TempDir
    Path dir;

    // ---- the child: writes forever ----

    /** Child entry point: {@code MODE DIR}; prints "ready" after its first complete write. */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path d = Path.of(args[1]);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Autosaver saver = mode.equals("session") ? new Autosaver(0, r -> { }) : null;
        SessionStore store = new SessionStore(d.resolve("fallback"), p -> true);
        for (long i = 0; ; i++) {
            int v = (int) (i % 2);
            switch (mode) {
                case "session" -> {
                    LandmarkDocument doc = document(v);
                    saver.changed(() -> store.save(d.resolve("film.dcm"), doc));
                    saver.flush();
                }
                case "json" -> check(CommandLine.run(new String[] {"measure", "--landmarks", landmarks(d, v).toString(),
                        "--json", d.resolve("out.json").toString()}, quiet, quiet));
                case "pdf" -> check(CommandLine.run(new String[] {"measure", "--landmarks", landmarks(d, v).toString(),
                        "--json", "-", "--pdf", d.resolve("out.pdf").toString()}, quiet, quiet));
                case "png" -> check(CommandLine.run(new String[] {"render", d.resolve("film.dcm").toString(),
                        d.resolve("out.png").toString(), "--max-size", v == 0 ? "40" : "24"}, quiet, quiet));
                case "dicom" -> {
                    int w = v == 0 ? 1024 : 1280;
                    int h = v == 0 ? 1024 : 768;
                    DicomImageWriter.writeGrey(d.resolve("out.dcm"), w, h, pixels(w, h, v), 12, Map.of("SOPClassUID",
                            "1.2.840.10008.5.1.4.1.1.1.1", "SOPInstanceUID", "2.25." + (100 + v), "Modality", "DX"),
                            DicomImageWriter.Encoding.EXPLICIT_LITTLE_ENDIAN);
                }
                default -> throw new IllegalArgumentException(mode);
            }
            if (i == 1) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }

    private static void check(int exit) {
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit);
        }
    }

    /** Version {@code v} of the session: the right leg, shifted by 10 px per version. */
    static LandmarkDocument document(int v) {
        double dx = 10 * v;
        LandmarkSet set = LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(100 + dx, 100))
                .withPoint(Side.R, LimbLandmark.KNEE_CENTER, Point2.of(90 + dx, 500))
                .withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(100 + dx, 900));
        return LandmarkDocument.of(set);
    }

    static Path landmarks(Path d, int v) {
        return d.resolve("landmarks" + v + ".json");
    }

    static short[] pixels(int w, int h, int v) {
        short[] p = new short[w * h];
        for (int i = 0; i < p.length; i++) {
            p[i] = (short) ((i * (v + 3)) % 4096);
        }
        return p;
    }

    // ---- the parent ----

    private void prepare() throws Exception {
        for (int v = 0; v < 2; v++) {
            double dx = 10 * v;
            Files.writeString(landmarks(dir, v), "{\"format\": \"orthomeasure-landmarks/1\", \"landmarks\": {"
                    + "\"R.femoralHeadCenter\": [" + (100 + dx) + ", 100], \"R.kneeCenter\": [90, 500],"
                    + " \"R.ankleCenter\": [100, 900], \"R.femoralCondyleMedial\": [120, 495],"
                    + " \"R.femoralCondyleLateral\": [60, 495], \"R.tibialPlateauMedial\": [120, 505],"
                    + " \"R.tibialPlateauLateral\": [60, 505]}}");
        }
        Files.copy(Path.of("sample-dicom", "spine-phantom.dcm"), dir.resolve("film.dcm"));
    }

    /** Runs the child, kills it {@link #KILLS} times at random moments, checks the file after each kill. */
    private void killRepeatedly(String mode, Path target, FileCheck check) throws Exception {
        prepare();
        SplittableRandom random = new SplittableRandom(SEED + mode.hashCode());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int k = 0; k < KILLS; k++) {
            Process p = new ProcessBuilder(java, "-Xmx256m", "-Djava.awt.headless=true", "-cp",
                    System.getProperty("java.class.path"), SigkillDuringWriteTest.class.getName(), mode, dir.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertEquals("ready", line, mode + ": the child did not start writing");
                Thread.sleep(random.nextInt(20, 400));
                p.destroyForcibly(); // SIGKILL on POSIX: no shutdown hook, no finally block runs
                assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the child did not die");
            } finally {
                p.destroyForcibly();
            }
            assertTrue(Files.isRegularFile(target), mode + " kill " + k + ": " + target + " is gone");
            check.complete(target, mode + " kill " + k);
        }
    }

    @FunctionalInterface
    private interface FileCheck {
        void complete(Path file, String what) throws Exception;
    }

    @Test
    void theAutosavedSessionIsAlwaysOneCompleteVersion() throws Exception {
        List<LandmarkSet> versions = List.of(document(0).landmarks(), document(1).landmarks());
        killRepeatedly("session", SessionStore.sessionFile(dir.resolve("film.dcm")), (file, what) -> {
            LandmarkSet read = new LandmarkFileReader().read(file).landmarks();
            assertTrue(versions.contains(read), what + ": neither version: " + read);
        });
    }

    @Test
    void theJsonIsAlwaysOneCompleteVersion() throws Exception {
        prepare();
        List<byte[]> versions = new ArrayList<>();
        for (int v = 0; v < 2; v++) {
            Path ref = dir.resolve("ref" + v + ".json");
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            assertEquals(0, CommandLine.run(new String[] {"measure", "--landmarks", landmarks(dir, v).toString(),
                    "--json", ref.toString()}, quiet, quiet));
            versions.add(Files.readAllBytes(ref));
        }
        assertTrue(!Arrays.equals(versions.get(0), versions.get(1)), "the two versions must differ");
        Files.delete(dir.resolve("film.dcm"));
        killRepeatedly("json", dir.resolve("out.json"), (file, what) -> {
            byte[] b = Files.readAllBytes(file);
            assertTrue(Arrays.equals(b, versions.get(0)) || Arrays.equals(b, versions.get(1)),
                    what + ": neither version (" + b.length + " bytes)");
        });
    }

    @Test
    void thePdfIsAlwaysComplete() throws Exception {
        killRepeatedly("pdf", dir.resolve("out.pdf"), (file, what) -> {
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                assertTrue(pdf.getNumberOfPages() >= 1, what);
            }
            String tail = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).stripTrailing();
            assertTrue(tail.endsWith("%%EOF"), what + ": the PDF does not end with %%EOF");
        });
    }

    @Test
    void thePngIsAlwaysOneCompleteVersion() throws Exception {
        killRepeatedly("png", dir.resolve("out.png"), (file, what) -> {
            BufferedImage img = ImageIO.read(file.toFile());
            assertTrue(img != null, what + ": not a PNG");
            int longer = Math.max(img.getWidth(), img.getHeight());
            assertTrue(longer == 40 || longer == 24, what + ": longer side " + longer);
        });
    }

    @Test
    void theDicomIsAlwaysOneCompleteVersion() throws Exception {
        killRepeatedly("dicom", dir.resolve("out.dcm"), (file, what) -> {
            Radiograph r = RadiographReader.withToolSearchPath("").open(file);
            int v = r.width() == 1024 ? 0 : 1;
            assertEquals(v == 0 ? 1024 : 1280, r.width(), what);
            assertEquals(v == 0 ? 1024 : 768, r.height(), what);
            short[] expected = pixels(r.width(), r.height(), v);
            for (int i : new int[] {0, 1, expected.length / 2, expected.length - 1}) {
                if (r.storedValue(i % r.width(), i / r.width()) != expected[i]) {
                    fail(what + ": pixel " + i + " is " + r.storedValue(i % r.width(), i / r.width()) + ", not "
                            + expected[i]);
                }
            }
        });
    }
}
