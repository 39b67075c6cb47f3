package org.orthomeasure.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.orthomeasure.core.geometry.Point2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second stage of the spine detector ({@code vertebra-corners.onnx}, trained by
 * {@code training/train_refine.py}; reference {@code training/refine_common.py, refine_chain}): for each
 * vertebra a patch at about twice the first stage's resolution ({@link VertebraPatch}) goes through the network
 * (with its mirror image too when the sidecar asks for test-time flip), and the corners are decoded
 * ({@link VertebraHeatDecoder}) and mapped back to film px. The first pass walks down the spine from T1, each
 * patch placed from the vertebra found just above ({@link #chain}); each further pass (sidecar {@code passes})
 * re-centres all patches on the previous pass's corner means, in one batch. One instance holds
 * one ONNX Runtime session (thread-safe for concurrent {@link #refine} calls); close it when done.
 */
public final class VertebraRefiner implements AutoCloseable {

    /** Classpath location of the model and its sidecar note. */
    public static final String MODEL_RESOURCE = "vertebra-corners.onnx";
    public static final String NOTE_RESOURCE = "vertebra-corners.json";
    static final String INPUT = "patches";
    static final String OUTPUT = "heat";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final RefineSpec spec;

    private VertebraRefiner(OrtEnvironment env, OrtSession session, RefineSpec spec) {
        this.env = env;
        this.session = session;
        this.spec = spec;
    }

    /** Loads the bundled model (about 0.2 s). */
    public static VertebraRefiner loadDefault() throws DetectorException {
        return load(MODEL_RESOURCE, NOTE_RESOURCE);
    }

    /** Loads the model and note stored as resources {@code model} and {@code note} beside this class. */
    static VertebraRefiner load(String model, String note) throws DetectorException {
        RefineSpec spec;
        byte[] onnx;
        try {
            Optional<byte[]> noteBytes = OnnxSessions.resource(note);
            Optional<byte[]> modelBytes = OnnxSessions.resource(model);
            if (noteBytes.isEmpty() || modelBytes.isEmpty()) {
                throw new DetectorException("the vertebra corner model (" + (modelBytes.isEmpty() ? model : note)
                        + ") is missing from the application");
            }
            spec = RefineSpec.read(new ByteArrayInputStream(noteBytes.get()));
            onnx = modelBytes.get();
        } catch (IOException e) {
            throw new DetectorException("cannot read the vertebra corner model: " + e.getMessage(), e);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try {
            session = OnnxSessions.open(env, onnx);
        } catch (OrtException e) {
            throw new DetectorException("cannot start ONNX Runtime for the vertebra corner model: " + e.getMessage(), e);
        }
        if (!session.getInputNames().contains(INPUT) || !session.getOutputNames().contains(OUTPUT)) {
            String found = session.getInputNames() + " -> " + session.getOutputNames();
            closeQuietly(session);
            throw new DetectorException("the vertebra corner model has inputs/outputs " + found + ", expected ["
                    + INPUT + "] -> [" + OUTPUT + "]");
        }
        return new VertebraRefiner(env, session, spec);
    }

    public RefineSpec spec() {
        return spec;
    }

    /**
     * The corners (TL, TR, BL, BR; film px) of the 17 vertebrae whose first-stage centres are {@code centres}
     * (top to bottom), found by {@link #chain walking down the spine} and then {@code spec().passes() - 1}
     * batched passes ({@code training/refine_common.py, refine_chain}).
     *
     * @throws IllegalArgumentException when fewer than 2 centres are given or most of them coincide
     *                                  ({@link VertebraPatch#spacings})
     */
    public List<List<Point2>> refine(GreyImage film, List<Point2> centres) throws DetectorException {
        return refine(film, centres, spec);
    }

    /**
     * {@link #refine} with another pass count or test-time flip than the sidecar's ({@code variant}'s geometry
     * must be this model's), for tests and diagnostics.
     */
    List<List<Point2>> refine(GreyImage film, List<Point2> centres, RefineSpec variant) throws DetectorException {
        if (variant.patchPx() != spec.patchPx() || variant.stride() != spec.stride()) {
            throw new IllegalArgumentException("a variant of the vertebra model must keep its patch and stride");
        }
        return chain(film, centres, variant, (f, patches) -> cornersAt(f, patches, variant.testTimeFlip()));
    }

    /** What finds the corners of the vertebra at the centre of each patch (film px, TL, TR, BL, BR). */
    @FunctionalInterface
    interface CornerFinder {
        List<List<Point2>> cornersAt(GreyImage film, List<VertebraPatch> patches) throws DetectorException;
    }

    /**
     * The second stage's sequence of patches ({@code refine_chain}), with first-stage centres c_0..c_(n-1) and
     * their {@link VertebraPatch#spacings spacings} s_k:
     * <ol>
     *   <li>the walk, one patch at a time: level 0's patch centred on c_0, level k's on
     *   r_(k-1) + (c_k - c_(k-1)) where r_(k-1) is the mean of the corners just found for level k-1; side
     *   {@code sideFactor} x s_k (first-stage spacings throughout). Each level thus lands on the vertebra below
     *   the one found for the level above, where independent patches let two levels settle on one vertebra
     *   when a first-stage centre sits between two;</li>
     *   <li>{@code passes - 1} more passes, each with all patches at the previous corner means and sides from
     *   the spacings of those means, in one batch.</li>
     * </ol>
     * Degenerate case: when the corner means of a pass coincide (no spacing to size the next patches by), the
     * further passes are skipped and that pass's corners returned; they fail the plausibility rules of
     * {@link SpineConfidence}, so the detector keeps the first stage.
     *
     * @throws IllegalArgumentException when fewer than 2 centres are given or the first-stage centres coincide
     */
    static List<List<Point2>> chain(GreyImage film, List<Point2> centres, RefineSpec spec, CornerFinder finder)
            throws DetectorException {
        double[] s = VertebraPatch.spacings(centres);
        List<List<Point2>> corners = new ArrayList<>(centres.size());
        for (int k = 0; k < centres.size(); k++) {
            Point2 start = centres.get(0);
            if (k > 0) {
                Point2 found = SpineDetection.centreOf(corners.get(k - 1));
                start = found.plus(centres.get(k - 1).vectorTo(centres.get(k)));
            }
            VertebraPatch patch = new VertebraPatch(start, spec.sideFactor() * s[k], spec.patchPx());
            corners.add(finder.cornersAt(film, List.of(patch)).get(0));
        }
        List<List<Point2>> out = Collections.unmodifiableList(corners);
        for (int pass = 1; pass < spec.passes(); pass++) {
            List<Point2> c = means(out);
            if (!VertebraPatch.hasSpacing(c)) {
                break;
            }
            out = finder.cornersAt(film, VertebraPatch.around(c, spec));
        }
        return out;
    }

    /**
     * The corners (film px) of the vertebra at the centre of each patch: every patch (and its mirror image with
     * {@code flip}, mapped back and averaged) in one batched run.
     */
    List<List<Point2>> cornersAt(GreyImage film, List<VertebraPatch> patches, boolean flip) throws DetectorException {
        int n = patches.size();
        int p = spec.patchPx();
        int pixels = p * p;
        float[] input = new float[(flip ? 2 * n : n) * pixels];
        for (int k = 0; k < n; k++) {
            float[] patch = patches.get(k).sample(film);
            System.arraycopy(patch, 0, input, k * pixels, pixels);
            if (flip) {
                System.arraycopy(SpineLandmarkDetector.mirrored(patch, p, p), 0, input, (n + k) * pixels, pixels);
            }
        }
        float[] heat = run(input, flip ? 2 * n : n);
        int perPatch = VertebraHeatDecoder.CORNERS * spec.outputPx() * spec.outputPx();
        List<List<Point2>> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            double[] q = VertebraHeatDecoder.decode(spec, heat, k * perPatch);
            if (flip) {
                double[] mirrored = VertebraHeatDecoder.decode(spec, heat, (n + k) * perPatch);
                q = VertebraHeatDecoder.mean(q, VertebraHeatDecoder.mirroredBack(mirrored, p));
            }
            VertebraPatch patch = patches.get(k);
            List<Point2> quad = new ArrayList<>(VertebraHeatDecoder.CORNERS);
            for (int c = 0; c < VertebraHeatDecoder.CORNERS; c++) {
                quad.add(patch.toFilm(q[2 * c], q[2 * c + 1]));
            }
            out.add(Collections.unmodifiableList(quad));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * How sharp the second stage is on each vertebra of {@code corners} (film px): the patches around their corner
     * means (sides from their spacings, as a further pass) in one batched run without flip, each patch's
     * {@link VertebraHeatDecoder#spread} (patch px).
     *
     * @throws IllegalArgumentException when the corner means have no spacing ({@link VertebraPatch#spacings})
     */
    double[] cornerSpreads(GreyImage film, List<List<Point2>> corners) throws DetectorException {
        List<VertebraPatch> patches = VertebraPatch.around(means(corners), spec);
        int n = patches.size();
        int pixels = spec.patchPx() * spec.patchPx();
        float[] input = new float[n * pixels];
        for (int k = 0; k < n; k++) {
            System.arraycopy(patches.get(k).sample(film), 0, input, k * pixels, pixels);
        }
        float[] heat = run(input, n);
        int perPatch = VertebraHeatDecoder.CORNERS * spec.outputPx() * spec.outputPx();
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = VertebraHeatDecoder.spread(spec, heat, k * perPatch);
        }
        return out;
    }

    /** The centre of each quadrilateral: the mean of its corners. */
    static List<Point2> means(List<List<Point2>> quads) {
        List<Point2> out = new ArrayList<>(quads.size());
        for (List<Point2> q : quads) {
            out.add(SpineDetection.centreOf(q));
        }
        return Collections.unmodifiableList(out);
    }

    /** Raw heat maps (row-major n x 4 x O x O) for {@code n} row-major patches, for tests and diagnostics. */
    float[] run(float[] patches, int n) throws DetectorException {
        long[] shape = {n, 1, spec.patchPx(), spec.patchPx()};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(patches), shape);
             OrtSession.Result result = session.run(Map.of(INPUT, tensor))) {
            float[] a = OnnxSessions.floats(result, OUTPUT, "vertebra corner model");
            long expected = (long) n * VertebraHeatDecoder.CORNERS * spec.outputPx() * spec.outputPx();
            if (a.length != expected) {
                throw new DetectorException("the vertebra corner model gave " + a.length + " heat values for " + n
                        + " patches, expected " + expected + " (does its note match it?)");
            }
            return a;
        } catch (OrtException e) {
            throw new DetectorException("the vertebra corner model failed to run: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws DetectorException {
        try {
            session.close();
        } catch (OrtException e) {
            throw new DetectorException("cannot close the vertebra corner model session: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException e) {
            // already failing with a clearer message
        }
    }
}
