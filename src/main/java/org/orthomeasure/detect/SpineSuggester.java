package org.orthomeasure.detect;

import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.io.image.Radiograph;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the vertebra detector off the caller's thread, for the UI's "Suggest landmarks": the model is loaded
 * once, in the background, when the suggester is created; each {@link #suggest} returns at once and completes
 * on a single worker thread (about 0.3 s to load, well under 1 s per film). Close it when the window closes.
 */
public final class SpineSuggester implements AutoCloseable {

    private final ExecutorService worker;
    private final CompletableFuture<SpineLandmarkDetector> detector;

    private SpineSuggester(ExecutorService worker) {
        this.worker = worker;
        this.detector = CompletableFuture.supplyAsync(() -> {
            try {
                return SpineLandmarkDetector.loadDefault();
            } catch (DetectorException e) {
                throw new CompletionException(e);
            }
        }, worker);
    }

    /** A suggester with its own daemon worker thread; starts loading the model now. */
    public static SpineSuggester start() {
        return new SpineSuggester(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "spine-landmark-detector");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Detects the vertebrae on {@code film} in the background. The future fails with a
     * {@link DetectorException} (wrapped in a {@link CompletionException}) when the model cannot run.
     */
    public CompletableFuture<SpineDetection> suggest(Radiograph film) {
        Objects.requireNonNull(film, "film");
        return detector.thenApplyAsync(d -> {
            try {
                return d.detect(GreyImage.fromRadiograph(film));
            } catch (DetectorException e) {
                throw new CompletionException(e);
            }
        }, worker);
    }

    /**
     * {@link #suggest(Radiograph)} for a film that shows only the levels {@code top..bottom}
     * ({@link SpineLandmarkDetector#detect(GreyImage, SpineLevel, SpineLevel)}).
     */
    public CompletableFuture<SpineDetection> suggest(Radiograph film, SpineLevel top, SpineLevel bottom) {
        Objects.requireNonNull(film, "film");
        return detector.thenApplyAsync(d -> {
            try {
                return d.detect(GreyImage.fromRadiograph(film), top, bottom);
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
