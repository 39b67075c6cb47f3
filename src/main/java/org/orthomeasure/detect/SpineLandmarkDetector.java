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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Suggests the 17 vertebrae T1..L5 (4 corners each) on an AP spine film in two stages, on the frame of the film
 * where {@link SpineLocator} finds the spine (padding cut, further frames tried when the first look is unsure;
 * the corners are mapped back to the film's px). Stage 1, the whole frame letterboxed into
 * {@code spine-landmarks.onnx} (trained by {@code training/train_spine.py}; pre-processing
 * {@link SpinePreprocessor}, decoding {@link SpineDecoder}), finds each vertebra and its heat-map spread and
 * peak. Stage 2, {@link VertebraRefiner} ({@code vertebra-corners.onnx}), looks again at each vertebra in a
 * patch at about twice the resolution, walking down the spine from the stage-1 T1 centre (the mean of its 4
 * corners) by the stage-1 steps between centres, and finds the corners there.
 * Corners are returned in the film's pixel coordinates with a confidence ({@link SpineConfidence}: stage-1
 * spread and peak, plausibility of the refined corners). One instance holds two ONNX Runtime sessions
 * (thread-safe for concurrent {@link #detect} calls); close it when done.
 */
public final class SpineLandmarkDetector implements AutoCloseable {

    /** Classpath location of the stage-1 model and its sidecar note. */
    public static final String MODEL_RESOURCE = "spine-landmarks.onnx";
    public static final String NOTE_RESOURCE = "spine-landmarks.json";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelSpec spec;
    private final VertebraRefiner refiner;

    private SpineLandmarkDetector(OrtEnvironment env, OrtSession session, ModelSpec spec, VertebraRefiner refiner) {
        this.env = env;
        this.session = session;
        this.spec = spec;
        this.refiner = refiner;
    }

    /** Loads both bundled models (about 0.5 s). */
    public static SpineLandmarkDetector loadDefault() throws DetectorException {
        ModelSpec spec;
        byte[] model;
        try {
            Optional<byte[]> note = OnnxSessions.resource(NOTE_RESOURCE);
            Optional<byte[]> onnx = OnnxSessions.resource(MODEL_RESOURCE);
            if (note.isEmpty() || onnx.isEmpty()) {
                throw new DetectorException("the spine landmark model is missing from the application");
            }
            spec = ModelSpec.read(new ByteArrayInputStream(note.get()));
            model = onnx.get();
        } catch (IOException e) {
            throw new DetectorException("cannot read the spine landmark model: " + e.getMessage(), e);
        }
        VertebraRefiner refiner = VertebraRefiner.loadDefault();
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            return new SpineLandmarkDetector(env, OnnxSessions.open(env, model), spec, refiner);
        } catch (OrtException e) {
            refiner.close();
            throw new DetectorException("cannot start ONNX Runtime for the spine model: " + e.getMessage(), e);
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The second-stage model's geometry. */
    public RefineSpec refineSpec() {
        return refiner.spec();
    }

    /**
     * Detects the 17 vertebrae on {@code image}: always 17 ordered levels in the film's px, with a confidence
     * assessed on the corners returned. The spine is first located ({@link #locate}: the frame of the film the
     * two stages then look at); the corners are the second stage's, found from the first stage's centres, except
     * when
     * <ul>
     *   <li>the first-stage centres coincide (no spacing to size the patches by; only a failed first stage
     *   gives that): the first stage's corners, whose confidence is then low;</li>
     *   <li>the second stage's corners fail the plausibility rules of {@link SpineConfidence} (order, spacing,
     *   height, tilt) that the first stage's pass (rare since the walk, which keeps two levels off one
     *   vertebra): the second stage made the suggestion worse, so the first stage's corners are kept.</li>
     * </ul>
     * {@link SpineDetection#refined()} tells which.
     */
    public SpineDetection detect(GreyImage image) throws DetectorException {
        SpineLocator.Located located = locate(image);
        SpineDetection first = located.firstStage();
        Optional<SpineDetection> refined = refine(located.image(), first);
        SpineDetection chosen = first;
        if (refined.isPresent() && !(refined.get().confidence().low() && !first.confidence().low())) {
            chosen = refined.get();
        }
        return chosen.inFilm(located.frame(), image.width(), image.height());
    }

    /**
     * Where the spine is on {@code image} ({@link SpineLocator}: padding cut, further frames tried when the
     * first is unsure or the spine small in it), with the first stage's detection there in frame px.
     */
    SpineLocator.Located locate(GreyImage image) throws DetectorException {
        return new SpineLocator(this::detectFirstStage, spec.inputWidth(), spec.inputHeight()).locate(image);
    }

    /**
     * The second stage on the centres (corner means) of a first-stage detection, whatever its plausibility;
     * empty when those centres coincide. For {@link #detect}, tests and diagnostics.
     */
    Optional<SpineDetection> refine(GreyImage image, SpineDetection first) throws DetectorException {
        List<Point2> centres = new ArrayList<>(SpineDecoder.LEVELS);
        for (int k = 0; k < SpineDecoder.LEVELS; k++) {
            centres.add(first.centre(k));
        }
        if (!VertebraPatch.hasSpacing(centres)) {
            return Optional.empty();
        }
        return Optional.of(first.withCorners(refiner.refine(image, centres)));
    }

    /** The first stage alone (whole film, coarse corners), for tests and diagnostics. */
    SpineDetection detectFirstStage(GreyImage image) throws DetectorException {
        Letterbox box = Letterbox.fit(image.width(), image.height(), spec.inputWidth(), spec.inputHeight());
        float[] input = SpinePreprocessor.toInput(image, box, spec.inputWidth(), spec.inputHeight());
        Outputs out = run(input);
        SpineDecoder.Decoded decoded = SpineDecoder.decode(spec, out.heat(), out.offsets());
        if (spec.testTimeFlip()) {
            Outputs flipped = run(mirrored(input, spec.inputWidth(), spec.inputHeight()));
            decoded = averageWithMirror(decoded, SpineDecoder.decode(spec, flipped.heat(), flipped.offsets()),
                    spec.inputWidth());
        }
        return SpineDetection.of(image.width(), image.height(), box, decoded);
    }

    /** The stage-2 refiner, for tests and diagnostics. */
    VertebraRefiner refiner() {
        return refiner;
    }

    /** The input mirrored left-right (the letterbox is centred, so this is the mirrored film's input). */
    static float[] mirrored(float[] input, int width, int height) {
        float[] m = new float[input.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                m[y * width + x] = input[y * width + width - 1 - x];
            }
        }
        return m;
    }

    /**
     * The mean of a decoding and that of the mirrored input mapped back: x becomes width - 1 - x and the
     * corners swap sides (TL with TR, BL with BR).
     */
    static SpineDecoder.Decoded averageWithMirror(SpineDecoder.Decoded a, SpineDecoder.Decoded mirrored, int width) {
        int[] swap = {1, 0, 3, 2};
        double[][] corners = new double[SpineDecoder.LEVELS][8];
        double[] spread = new double[SpineDecoder.LEVELS];
        double[] peak = new double[SpineDecoder.LEVELS];
        for (int k = 0; k < SpineDecoder.LEVELS; k++) {
            for (int c = 0; c < 4; c++) {
                int from = swap[c];
                corners[k][2 * c] = (a.corners()[k][2 * c] + (width - 1 - mirrored.corners()[k][2 * from])) / 2;
                corners[k][2 * c + 1] = (a.corners()[k][2 * c + 1] + mirrored.corners()[k][2 * from + 1]) / 2;
            }
            spread[k] = (a.spread()[k] + mirrored.spread()[k]) / 2;
            peak[k] = (a.peak()[k] + mirrored.peak()[k]) / 2;
        }
        return new SpineDecoder.Decoded(corners, spread, peak);
    }

    /** Raw network outputs for one pre-processed input (row-major), for tests and diagnostics. */
    Outputs run(float[] input) throws DetectorException {
        long[] shape = {1, 1, spec.inputHeight(), spec.inputWidth()};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of("image", tensor))) {
            return new Outputs(toArray(result, "heat"), toArray(result, "offsets"));
        } catch (OrtException e) {
            throw new DetectorException("the spine model failed to run: " + e.getMessage(), e);
        }
    }

    private static float[] toArray(OrtSession.Result result, String name) throws DetectorException {
        var value = result.get(name).orElseThrow(() -> new DetectorException("the spine model has no output " + name));
        FloatBuffer b = ((OnnxTensor) value).getFloatBuffer();
        float[] a = new float[b.remaining()];
        b.get(a);
        return a;
    }

    @Override
    public void close() throws DetectorException {
        try {
            session.close();
        } catch (OrtException e) {
            throw new DetectorException("cannot close the spine model session: " + e.getMessage(), e);
        } finally {
            refiner.close();
        }
    }

    /** The two network outputs, row-major. */
    record Outputs(float[] heat, float[] offsets) {
    }
}
