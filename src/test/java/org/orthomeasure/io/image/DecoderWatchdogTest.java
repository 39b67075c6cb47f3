package org.orthomeasure.io.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watchdog around decoders: failures of any kind, a stall, a runaway allocation, each one line. */
@Timeout(30)
class DecoderWatchdogTest {

    private static final DecoderWatchdog ROOMY = DecoderWatchdog.of(Duration.ofSeconds(10), 1L << 30);

    private static String refusal(DecoderWatchdog w, DecoderWatchdog.Decode<?> d) {
        return assertThrows(ImageReadException.class, () -> w.run("f.dcm", "JPEG 2000", d)).getMessage();
    }

    @Test
    void theResultComesBack() throws Exception {
        assertEquals("ok", ROOMY.run("f.dcm", "DICOM", () -> "ok"));
    }

    @Test
    void anImageReadExceptionPassesUnchanged() {
        ImageReadException own = new ImageReadException("f.dcm: pixel data shorter than declared");
        ImageReadException e = assertThrows(ImageReadException.class, () -> ROOMY.run("f.dcm", "DICOM", () -> {
            throw own;
        }));
        assertSame(own, e);
    }

    @Test
    void errorsOfAnyKindBecomeOneLineInTheUsersTerms() {
        assertEquals("f.dcm: the JPEG 2000 image data is damaged and cannot be decoded", refusal(ROOMY, () -> {
            throw new Error("IO Error when reading tile 0 x 0");
        }));
        assertEquals("f.dcm: the JPEG 2000 image data is damaged and cannot be decoded", refusal(ROOMY, () -> {
            throw new NullPointerException();
        }));
        assertEquals("f.dcm: the JPEG 2000 file is nested too deeply to be read (damaged or hostile)",
                refusal(ROOMY, DecoderWatchdogTest::recurse));
        assertEquals("f.dcm: the JPEG 2000 file declares more image data than memory can hold", refusal(ROOMY, () -> {
            throw new OutOfMemoryError("Java heap space");
        }));
    }

    private static Object recurse() {
        return recurse().toString();
    }

    @Test
    void aSpinningDecoderIsStoppedAtTheTimeLimit() {
        long start = System.nanoTime();
        String m = refusal(DecoderWatchdog.of(Duration.ofMillis(300), 1L << 30), () -> {
            long x = 0;
            while (x >= 0) {
                x++; // ignores interrupts, as a stuck decoder loop does
            }
            return x;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        // stopped by its processor time, or on a very busy machine by the wall clock (10 x the limit) first
        assertTrue(m.startsWith("f.dcm: decoding the JPEG 2000 file took longer than 0.3 s"), m);
        assertTrue(m.endsWith(": stopped (the file is damaged or built to stall a decoder)"), m);
        assertTrue(seconds < 30, "took " + seconds + " s"); // 0.3 s of processor time, on a busy machine
    }

    @Test
    void aBlockedDecoderIsStoppedByTheWallClock() {
        String m = refusal(DecoderWatchdog.of(Duration.ofMillis(100), 1L << 30), () -> {
            long end = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(50); // uses no processor time, and ignores interrupts like a stuck read
                } catch (InterruptedException ignored) {
                    // keep waiting
                }
            }
            return null;
        });
        assertEquals("f.dcm: decoding the JPEG 2000 file took longer than 0.1 s: stopped (the file is damaged or built"
                + " to stall a decoder)", m);
    }

    @Test
    void aRunawayAllocationIsStoppedAtTheBudget() {
        String m = refusal(DecoderWatchdog.of(Duration.ofSeconds(20), 64L << 20), () -> {
            List<byte[]> keep = new ArrayList<>();
            while (true) {
                keep.add(new byte[1 << 20]);
                if (keep.size() > 32) {
                    keep.remove(0); // garbage counts too: the budget is cumulative
                }
            }
        });
        assertEquals("f.dcm: decoding the JPEG 2000 file needed more than 64 MB: stopped (the file declares more"
                + " than it holds)", m);
    }

    @Test
    void theBudgetGrowsWithTheFileAndTheDeclaredImage() {
        assertEquals(256L << 20, DecoderWatchdog.budgetFor(0, 0));
        assertEquals((256L << 20) + 128 * (1000 + 2000), DecoderWatchdog.budgetFor(1000, 2000));
    }
}
