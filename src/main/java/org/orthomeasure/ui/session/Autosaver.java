package org.orthomeasure.ui.session;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Debounced background saving: {@link #changed} (FX thread) schedules a save {@code delayMs} after the
 * last change; the snapshot is taken when the change is reported (immutable, so it can be written on
 * the saver thread); {@link #flush} writes the pending snapshot now (on exit). Saves run one at a
 * time on one daemon thread, in order.
 */
public final class Autosaver implements AutoCloseable {

    /** One save: writes its snapshot and reports failure by throwing. */
    @FunctionalInterface
    public interface SaveJob {
        void save() throws Exception;
    }

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orthomeasure-autosave");
        t.setDaemon(true);
        return t;
    });
    private final long delayMs;
    private final Consumer<String> onResult;
    private ScheduledFuture<?> pending;
    private SaveJob pendingJob;

    /**
     * @param delayMs  quiet time before a save, ms
     * @param onResult called on the saver thread with null after a successful save, or the one-line
     *                 failure message
     */
    public Autosaver(long delayMs, Consumer<String> onResult) {
        this.delayMs = delayMs;
        this.onResult = onResult;
    }

    /** Schedules {@code job} (replacing a pending, not yet started one). */
    public synchronized void changed(SaveJob job) {
        if (executor.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pendingJob = job;
        pending = executor.schedule(this::runPending, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Writes the pending snapshot now and waits for it (at most 5 s). */
    public void flush() {
        ScheduledFuture<?> f;
        synchronized (this) {
            if (executor.isShutdown()) {
                return;
            }
            if (pending != null) {
                pending.cancel(false);
            }
            f = executor.schedule(this::runPending, 0, TimeUnit.MILLISECONDS);
        }
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            onResult.accept("autosave did not finish: " + e.getMessage());
        }
    }

    private void runPending() {
        SaveJob job;
        synchronized (this) {
            job = pendingJob;
            pendingJob = null;
            pending = null;
        }
        if (job == null) {
            return;
        }
        try {
            job.save();
            onResult.accept(null);
        } catch (Exception e) {
            onResult.accept(e.getMessage());
        }
    }

    @Override
    public void close() {
        flush();
        executor.shutdown();
    }
}
