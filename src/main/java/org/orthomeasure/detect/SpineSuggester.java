package org.orthomeasure.detect;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.io.image.Radiograph;

/**
 * Runs the vertebra detector off the caller's thread, for the UI's "Suggest landmarks": the model is loaded
 * once, in the background, when the suggester is created; each {@link #suggest} returns at once and completes
 * on a single worker thread ({@link ModelWorker}; about 0.3 s to load, well under 1 s per film). Close it when
 * the window closes.
 */
public final class SpineSuggester implements AutoCloseable {

    private final ModelWorker<SpineLandmarkDetector> worker;

    private SpineSuggester(ModelWorker<SpineLandmarkDetector> worker) {
        this.worker = worker;
    }

    /** A suggester with its own daemon worker thread; starts loading the model now. */
    public static SpineSuggester start() {
        return new SpineSuggester(ModelWorker.start("spine-landmark-detector", SpineLandmarkDetector::loadDefault,
                SpineLandmarkDetector::close));
    }

    /**
     * Detects the vertebrae on {@code film} in the background. The future fails with a
     * {@link DetectorException} (wrapped in a {@link CompletionException}) when the model cannot run.
     */
    public CompletableFuture<SpineDetection> suggest(Radiograph film) {
        Objects.requireNonNull(film, "film");
        return worker.submit(d -> d.detect(GreyImage.fromRadiograph(film)));
    }

    /**
     * {@link #suggest(Radiograph)} for a film that shows only the levels {@code top..bottom}
     * ({@link SpineLandmarkDetector#detect(GreyImage, SpineLevel, SpineLevel)}).
     */
    public CompletableFuture<SpineDetection> suggest(Radiograph film, SpineLevel top, SpineLevel bottom) {
        Objects.requireNonNull(film, "film");
        return worker.submit(d -> d.detect(GreyImage.fromRadiograph(film), top, bottom));
    }

    /** What the locator network sees on {@code film} ({@link SpineLandmarkDetector#region}), in the background. */
    public CompletableFuture<SpineRegion> region(Radiograph film) {
        Objects.requireNonNull(film, "film");
        return worker.submit(d -> d.region(GreyImage.fromRadiograph(film)));
    }

    @Override
    public void close() {
        worker.close();
    }
}
