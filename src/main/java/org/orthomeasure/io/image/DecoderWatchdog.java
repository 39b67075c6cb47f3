package org.orthomeasure.io.image;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one image decode on its own thread under a time limit and an allocation limit, and turns
 * whatever goes wrong inside (an exception, a {@code java.lang.Error} thrown by a decoder library, a
 * {@link StackOverflowError}, an {@link OutOfMemoryError}) into one {@link ImageReadException} line
 * in the user's terms. A decode that runs past its time or allocates more than its budget (counted
 * by the JVM per thread, {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}) is stopped
 * and refused. Time is the decoder thread's processor time where the JVM measures it, so a machine
 * busy with other work does not make a good file fail; wall-clock time is bounded too, at
 * {@link #WALL_CLOCK_FACTOR} times the limit, for a decoder blocked without computing. The budget is cumulative allocation, garbage included, so it is set generously
 * ({@link #budgetFor}): it exists to stop a runaway decoder, not to ration a normal one.
 *
 * <pre>{@code Radiograph r = DecoderWatchdog.standard().run("film.dcm", "DICOM", () -> decode(path)); }</pre>
 */
public final class DecoderWatchdog {

    /** Default processor-time limit for one file: decoding the largest accepted film takes a few seconds. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);
    /** Wall-clock limit as a multiple of the time limit. */
    public static final long WALL_CLOCK_FACTOR = 10;
    /** Fixed part of the allocation budget (bytes). */
    public static final long BASE_BUDGET_BYTES = 256L << 20;
    /**
     * Allocation budget per byte of input file and of declared decoded pixels. PixelMed's RLE decoder
     * allocates about 20 bytes per decoded byte once the JIT's optimising compiler has run, but about 90 before
     * (the real 1760 x 2140 WG04 RLE film: 200 MB, and 930 MB with the first-tier compiler only, measured with
     * -XX:TieredStopAtLevel=1); 8 per byte refused that film in a cold, loaded JVM.
     */
    public static final long BUDGET_PER_BYTE = 128;

    private static final long POLL_MILLIS = 20;

    /** One decode. */
    @FunctionalInterface
    public interface Decode<T> {
        T run() throws ImageReadException;
    }

    private final Duration timeLimit;
    private final long allocationBudget;

    private DecoderWatchdog(Duration timeLimit, long allocationBudget) {
        if (timeLimit.isNegative() || timeLimit.isZero() || allocationBudget <= 0) {
            throw new IllegalArgumentException("watchdog limits must be positive");
        }
        this.timeLimit = timeLimit;
        this.allocationBudget = allocationBudget;
    }

    /**
     * The budget for decoding a file of {@code fileBytes} bytes into {@code decodedBytes} bytes of pixels:
     * {@link #BASE_BUDGET_BYTES} + {@link #BUDGET_PER_BYTE} x (file + decoded). Decoded sizes are themselves
     * bounded by {@link ImageLimits} and by what the file can hold, so this bounds the whole read.
     */
    public static long budgetFor(long fileBytes, long decodedBytes) {
        return BASE_BUDGET_BYTES + BUDGET_PER_BYTE * (Math.max(0, fileBytes) + Math.max(0, decodedBytes));
    }

    /** A watchdog with the default time limit and {@link #budgetFor} these sizes. */
    public static DecoderWatchdog forDecode(long fileBytes, long decodedBytes) {
        return new DecoderWatchdog(DEFAULT_TIME_LIMIT, budgetFor(fileBytes, decodedBytes));
    }

    /** A watchdog with the given limits (tests use small ones). */
    public static DecoderWatchdog of(Duration timeLimit, long allocationBudgetBytes) {
        return new DecoderWatchdog(timeLimit, allocationBudgetBytes);
    }

    /**
     * Runs {@code decode} and returns its result.
     *
     * @param name   the file name that starts every message
     * @param format what is being decoded, in the user's words ("DICOM", "JPEG", ...)
     * @throws ImageReadException what the decode threw, or one line saying why it was stopped
     */
    public <T> T run(String name, String format, Decode<T> decode) throws ImageReadException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                result.set(decode.run());
            } catch (Throwable t) { // every kind, Errors included: reported as one line below
                failure.set(t);
            }
        }, "orthomeasure-decoder");
        worker.setDaemon(true);
        com.sun.management.ThreadMXBean threads = allocationCounter();
        long start = System.nanoTime();
        worker.start();
        long baseline = allocated(threads, worker);
        String stopped = null;
        try {
            while (worker.isAlive()) {
                worker.join(POLL_MILLIS);
                if (!worker.isAlive()) {
                    break;
                }
                long cpu = cpuTime(worker);
                boolean overCpu = cpu >= 0 && cpu > timeLimit.toNanos();
                boolean overWall = System.nanoTime() - start > (cpu >= 0 ? WALL_CLOCK_FACTOR : 1) * timeLimit.toNanos();
                if (overCpu || overWall) {
                    stopped = name + ": decoding the " + format + " file took longer than " + seconds(timeLimit)
                            + " s" + (overCpu ? " of processor time" : "")
                            + ": stopped (the file is damaged or built to stall a decoder)";
                } else if (threads != null && allocated(threads, worker) - baseline > allocationBudget) {
                    stopped = name + ": decoding the " + format + " file needed more than " + (allocationBudget >> 20)
                            + " MB: stopped (the file declares more than it holds)";
                }
                if (stopped != null) {
                    stop(worker);
                    break;
                }
            }
        } catch (InterruptedException e) {
            stop(worker);
            Thread.currentThread().interrupt();
            throw new ImageReadException(name + ": reading was interrupted");
        }
        if (stopped != null) {
            throw new ImageReadException(stopped);
        }
        Throwable t = failure.get();
        if (t == null) {
            return result.get();
        }
        if (t instanceof ImageReadException e) {
            throw e;
        }
        throw new ImageReadException(userTerms(name, format, t), t);
    }

    /** One line, in the user's terms, for a failure that escaped the decoder. */
    static String userTerms(String name, String format, Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return name + ": the " + format + " file declares more image data than memory can hold";
        }
        if (t instanceof StackOverflowError) {
            return name + ": the " + format + " file is nested too deeply to be read (damaged or hostile)";
        }
        return name + ": the " + format + " image data is damaged and cannot be decoded";
    }

    /** The thread's processor time in ns, or -1 where the JVM does not measure it. */
    private static long cpuTime(Thread t) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return -1;
        }
        try {
            if (!threads.isThreadCpuTimeEnabled()) {
                threads.setThreadCpuTimeEnabled(true);
            }
            return threads.getThreadCpuTime(t.getId());
        } catch (UnsupportedOperationException | SecurityException e) {
            return -1;
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            if (!t.isThreadAllocatedMemoryEnabled()) {
                t.setThreadAllocatedMemoryEnabled(true);
            }
            return t;
        }
        return null;
    }

    private static long allocated(com.sun.management.ThreadMXBean threads, Thread t) {
        if (threads == null) {
            return 0;
        }
        long b = threads.getThreadAllocatedBytes(t.getId());
        return Math.max(0, b);
    }

    /**
     * Stops the decoder thread. {@code Thread.stop} is the only way to end code that does not look at
     * interrupts; it is safe here because the thread owns nothing but its own decode. Where the JVM no
     * longer supports it the thread is left to end on its own (it is a daemon and its result is dropped).
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread worker) {
        worker.interrupt();
        try {
            worker.stop();
            worker.join(1000);
        } catch (UnsupportedOperationException | InterruptedException e) {
            // left to finish; nothing it produces is used
        }
    }
}
