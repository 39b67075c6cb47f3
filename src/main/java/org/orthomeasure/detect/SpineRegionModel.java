package org.orthomeasure.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * The spine locator network ({@code spine-region.onnx}, trained by {@code training/train_locator.py} on the
 * training films framed every way the issue lists): where the spine column is on a film, and which levels the
 * film shows ({@link SpineRegion}). The film's uniform padding is cut first ({@link FilmBorders}, as for the
 * landmark network), the content averaged down by the smallest integer factor that brings its larger side to
 * at most {@value #MAX_SIDE} px ({@link FilmFrame}), then letterboxed into the
 * {@code size x size} input exactly as the landmark network's input ({@link SpinePreprocessor}). The box is that
 * of the largest 8-connected group of output cells with probability over 0.5, each cell {@code stride} input px
 * wide (as {@code locator_common.region_box}). About 10-20 ms a film; thread-safe; close it when done.
 */
public final class SpineRegionModel implements AutoCloseable {

    public static final String MODEL_RESOURCE = "spine-region.onnx";
    public static final String NOTE_RESOURCE = "spine-region.json";
    static final int MAX_SIDE = 1024;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final int size;
    private final int stride;

    private SpineRegionModel(OrtEnvironment env, OrtSession session, int size, int stride) {
        this.env = env;
        this.session = session;
        this.size = size;
        this.stride = stride;
    }

    /** Loads the bundled model. */
    public static SpineRegionModel loadDefault() throws DetectorException {
        try {
            Optional<byte[]> note = OnnxSessions.resource(NOTE_RESOURCE);
            Optional<byte[]> onnx = OnnxSessions.resource(MODEL_RESOURCE);
            if (note.isEmpty() || onnx.isEmpty()) {
                throw new DetectorException("the spine locator model is missing from the application");
            }
            JsonNode root = new ObjectMapper().readTree(new ByteArrayInputStream(note.get()));
            JsonNode shape = root.path("input").path("shape");
            int stride = root.path("outputs").path("stride").asInt(0);
            if (shape.size() != 4 || shape.get(2).asInt() != shape.get(3).asInt() || stride <= 0
                    || shape.get(2).asInt() % stride != 0) {
                throw new DetectorException("the spine locator note lacks a square input shape or a stride");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            return new SpineRegionModel(env, OnnxSessions.open(env, onnx.get()), shape.get(2).asInt(), stride);
        } catch (IOException e) {
            throw new DetectorException("cannot read the spine locator model: " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new DetectorException("cannot start ONNX Runtime for the spine locator: " + e.getMessage(), e);
        }
    }

    /** Side of the square input, px. */
    public int size() {
        return size;
    }

    /** What the network sees on {@code film} (see the class); the box in {@code film}'s px. */
    public SpineRegion find(GreyImage film) throws DetectorException {
        FilmBorders.Content content = FilmBorders.content(film);
        int f = Math.max(1, (int) Math.ceil(Math.max(content.width(), content.height()) / (double) MAX_SIDE));
        FilmFrame frame = new FilmFrame(content.x0(), content.y0(), content.width() / f, content.height() / f, f,
                false);
        GreyImage small = frame.extract(film);
        Letterbox box = Letterbox.fit(small.width(), small.height(), size, size);
        Outputs out = run(SpinePreprocessor.toInput(small, box, size, size));
        double[] shown = new double[out.levels().length];
        for (int k = 0; k < shown.length; k++) {
            shown[k] = sigmoid(out.levels()[k]);
        }
        Optional<SpineRegion.Box> filmBox = cellBox(out.region(), size / stride).flatMap(c -> {
            // cell rectangle -> input px -> small-frame px (edges) -> film px (edges)
            double ix0 = c[0] * stride;
            double iy0 = c[1] * stride;
            double ix1 = (c[2] + 1) * stride;
            double iy1 = (c[3] + 1) * stride;
            double sx0 = (ix0 - box.offsetX()) / box.scale();
            double sy0 = (iy0 - box.offsetY()) / box.scale();
            double sx1 = (ix1 - box.offsetX()) / box.scale();
            double sy1 = (iy1 - box.offsetY()) / box.scale();
            double x0 = clamp(content.x0() + sx0 * f, film.width());
            double y0 = clamp(content.y0() + sy0 * f, film.height());
            double x1 = clamp(content.x0() + sx1 * f, film.width());
            double y1 = clamp(content.y0() + sy1 * f, film.height());
            // cells wholly in the letterbox padding clamp to an edge of the film: no box there
            return x1 > x0 && y1 > y0 ? Optional.of(new SpineRegion.Box(x0, y0, x1, y1)) : Optional.empty();
        });
        return new SpineRegion(filmBox, shown);
    }

    private static double clamp(double v, int max) {
        return Math.min(max, Math.max(0, v));
    }

    /**
     * The cell rectangle {u0, v0, u1, v1} (inclusive) of the largest 8-connected group of cells whose logit is
     * over 0 (probability over 0.5) in the row-major {@code n x n} map; empty when none.
     */
    static Optional<int[]> cellBox(float[] logits, int n) {
        boolean[] seen = new boolean[n * n];
        int bestSize = 0;
        int[] best = null;
        Deque<Integer> stack = new ArrayDeque<>();
        for (int start = 0; start < n * n; start++) {
            if (seen[start] || !(logits[start] > 0)) {
                continue;
            }
            int[] r = {n, n, -1, -1};
            int count = 0;
            seen[start] = true;
            stack.push(start);
            while (!stack.isEmpty()) {
                int c = stack.pop();
                int u = c % n;
                int v = c / n;
                count++;
                r[0] = Math.min(r[0], u);
                r[1] = Math.min(r[1], v);
                r[2] = Math.max(r[2], u);
                r[3] = Math.max(r[3], v);
                for (int dv = -1; dv <= 1; dv++) {
                    for (int du = -1; du <= 1; du++) {
                        int a = u + du;
                        int b = v + dv;
                        if (a >= 0 && a < n && b >= 0 && b < n && !seen[b * n + a] && logits[b * n + a] > 0) {
                            seen[b * n + a] = true;
                            stack.push(b * n + a);
                        }
                    }
                }
            }
            if (count > bestSize) {
                bestSize = count;
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Raw outputs for one pre-processed input, for tests. */
    Outputs run(float[] input) throws DetectorException {
        long[] shape = {1, 1, size, size};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of("image", tensor))) {
            return new Outputs(OnnxSessions.floats(result, "region", "spine locator"),
                    OnnxSessions.floats(result, "levels", "spine locator"));
        } catch (OrtException e) {
            throw new DetectorException("the spine locator failed to run: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws DetectorException {
        try {
            session.close();
        } catch (OrtException e) {
            throw new DetectorException("cannot close the spine locator session: " + e.getMessage(), e);
        }
    }

    /** The two outputs, row-major: region logits ({@code size/stride} square) and the 17 level logits. */
    record Outputs(float[] region, float[] levels) {
    }
}
