package org.orthomeasure.io.dicom;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Keeps PixelMed's own console output away from the user. PixelMed prints some parse problems
 * straight to {@code System.err} (for example "Error: Incorrectly terminated encapsulated pixel
 * data ..."); the DICOM adapter already turns every such failure into one clear message, so these
 * raw lines would only repeat it less clearly. Its SLF4J logging is silenced by the NOP binding.
 *
 * <p>{@link #install()} wraps {@code System.err} once, at start-up: a write is dropped only when a
 * {@code com.pixelmed} frame is on the writing thread's stack, so everything else still reaches stderr.
 */
public final class PixelMedConsole {

    private static final String PIXELMED = "com.pixelmed.";

    private PixelMedConsole() {
    }

    /** Wraps {@code System.err} (idempotent). Called by the launcher before anything else runs. */
    public static synchronized void install() {
        if (!(System.err instanceof Filtered)) {
            System.setErr(new Filtered(System.err));
        }
    }

    /** True when PixelMed code is on the current thread's stack. */
    static boolean calledFromPixelMed() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith(PIXELMED)));
    }

    /** {@code System.err} without PixelMed's lines. */
    static final class Filtered extends PrintStream {
        Filtered(PrintStream target) {
            super(new FilterOutputStream(target) {
                @Override
                public void write(int b) throws IOException {
                    if (!calledFromPixelMed()) {
                        out.write(b);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (!calledFromPixelMed()) {
                        out.write(b, off, len);
                    }
                }
            }, true);
        }
    }
}
