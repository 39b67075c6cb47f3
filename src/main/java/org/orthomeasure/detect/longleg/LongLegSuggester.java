package org.orthomeasure.detect.longleg;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.orthomeasure.detect.DetectorException;
import org.orthomeasure.detect.GreyImage;
import org.orthomeasure.io.image.Radiograph;

/**
 * Runs the long-leg detector off the caller's thread, for the workstation's "Suggest landmarks": the model
 * is loaded once, in the background, when the suggester is created; each {@link #suggest} returns at once
 * and completes on a single worker thread ({@code LongLegInferenceBenchmark}: about 0.1–0.15 s per film).
 * Close it when the window closes.
 */
public final class LongLegSuggester implements AutoCloseable {

    private final ExecutorService worker;
    private final CompletableFuture<LongLegDetector> detector;

    private LongLegSuggester(ExecutorService worker) {
        this.worker = worker;
        this.detector = CompletableFuture.supplyAsync(() -> {
            try {
                return LongLegDetector.loadDefault();
            } catch (DetectorException e) {
                throw new CompletionException(e);
            }
        }, worker);
    }

    /** A suggester with its own daemon worker thread; starts loading the model now. */
    public static LongLegSuggester start() {
        return new LongLegSuggester(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "long-leg-landmark-detector");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Suggests the landmarks of the legs {@code layout} says {@code film} shows, in the background. The
     * future fails with a {@link DetectorException} (wrapped in a {@link CompletionException}) when the
     * model cannot run.
     */
    public CompletableFuture<LongLegDetection> suggest(Radiograph film, LegLayout layout) {
        Objects.requireNonNull(film, "film");
        Objects.requireNonNull(layout, "layout");
        return detector.thenApplyAsync(d -> {
            try {
                return d.detect(GreyImage.fromRadiograph(film), layout);
            } catch (DetectorException e) {
                throw new CompletionException(e);
            }
        }, worker);
    }

    @Override
    public void close() {
        worker.shutdown();
        detector.thenAccept(d -> {
            try {
                d.close();
            } catch (DetectorException e) {
                // closing a native session at shutdown: nothing left to do with the failure
            }
        });
    }
}
