package org.orthomeasure.detect.longleg;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.orthomeasure.detect.DetectorException;
import org.orthomeasure.detect.GreyImage;
import org.orthomeasure.detect.ModelWorker;
import org.orthomeasure.io.image.Radiograph;

/**
 * Runs the long-leg detector off the caller's thread, for the workstation's "Suggest landmarks": the model
 * is loaded once, in the background, when the suggester is created; each {@link #suggest} returns at once
 * and completes on a single worker thread ({@link ModelWorker}; {@code LongLegInferenceBenchmark}: about
 * 0.1–0.15 s per film). Close it when the window closes.
 */
public final class LongLegSuggester implements AutoCloseable {

    private final ModelWorker<LongLegDetector> worker;

    private LongLegSuggester(ModelWorker<LongLegDetector> worker) {
        this.worker = worker;
    }

    /** A suggester with its own daemon worker thread; starts loading the model now. */
    public static LongLegSuggester start() {
        return new LongLegSuggester(ModelWorker.start("long-leg-landmark-detector", LongLegDetector::loadDefault,
                LongLegDetector::close));
    }

    /**
     * Suggests the landmarks of the legs {@code layout} says {@code film} shows, in the background. The
     * future fails with a {@link DetectorException} (wrapped in a {@link CompletionException}) when the
     * model cannot run.
     */
    public CompletableFuture<LongLegDetection> suggest(Radiograph film, LegLayout layout) {
        Objects.requireNonNull(film, "film");
        Objects.requireNonNull(layout, "layout");
        return worker.submit(d -> d.detect(GreyImage.fromRadiograph(film), layout));
    }

    @Override
    public void close() {
        worker.close();
    }
}
