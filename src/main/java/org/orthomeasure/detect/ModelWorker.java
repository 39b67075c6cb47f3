package org.orthomeasure.detect;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One model on its own daemon worker thread, for the UI's suggesters: the model is loaded in the background
 * as soon as the worker starts, every job runs on that one thread after the load, and closing shuts the
 * thread down and closes the model after the jobs already given.
 *
 * @param <M> the loaded model (a detector holding a native session)
 */
public final class ModelWorker<M> implements AutoCloseable {

    /** Loads the model (on the worker thread). */
    @FunctionalInterface
    public interface Loader<M> {
        M load() throws DetectorException;
    }

    /** One use of the model (on the worker thread). */
    @FunctionalInterface
    public interface Job<M, R> {
        R run(M model) throws DetectorException;
    }

    /** Closes the model. */
    @FunctionalInterface
    public interface Closer<M> {
        void close(M model) throws DetectorException;
    }

    private final ExecutorService worker;
    private final CompletableFuture<M> model;
    private final Closer<M> closer;

    private ModelWorker(ExecutorService worker, Loader<M> loader, Closer<M> closer) {
        this.worker = worker;
        this.closer = closer;
        this.model = CompletableFuture.supplyAsync(() -> {
            try {
                return loader.load();
            } catch (DetectorException e) {
                throw new CompletionException(e);
            }
        }, worker);
    }

    /** A worker thread called {@code threadName} that starts loading the model now. */
    public static <M> ModelWorker<M> start(String threadName, Loader<M> loader, Closer<M> closer) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(closer, "closer");
        return new ModelWorker<>(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }), loader, closer);
    }

    /**
     * Runs {@code job} on the loaded model in the background. The future fails with the
     * {@link DetectorException} (wrapped in a {@link CompletionException}) of the load or of the job.
     */
    public <R> CompletableFuture<R> submit(Job<M, R> job) {
        Objects.requireNonNull(job, "job");
        return model.thenApplyAsync(m -> {
            try {
                return job.run(m);
            } catch (DetectorException e) {
                throw new CompletionException(e);
            }
        }, worker);
    }

    @Override
    public void close() {
        worker.shutdown();
        model.thenAccept(m -> {
            try {
                closer.close(m);
            } catch (DetectorException e) {
                // closing a native session at shutdown: nothing left to do with the failure
            }
        });
    }
}
