package org.orthomeasure.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Suggests the 17 vertebrae T1..L5 (4 corners each) on an AP spine film with the bundled ONNX network
 * ({@code spine-landmarks.onnx}, trained by {@code training/train_spine.py}). Pre-processing
 * ({@link SpinePreprocessor}) and decoding ({@link SpineDecoder}) match training; corners are returned in
 * the film's pixel coordinates with a confidence ({@link SpineConfidence}). One instance holds one ONNX
 * Runtime session (thread-safe for concurrent {@link #detect} calls); close it when done.
 */
public final class SpineLandmarkDetector implements AutoCloseable {

    /** Classpath location of the model and its sidecar note. */
    public static final String MODEL_RESOURCE = "spine-landmarks.onnx";
    public static final String NOTE_RESOURCE = "spine-landmarks.json";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelSpec spec;

    private SpineLandmarkDetector(OrtEnvironment env, OrtSession session, ModelSpec spec) {
        this.env = env;
        this.session = session;
        this.spec = spec;
    }

    /** Loads the bundled model (about 0.3 s). */
    public static SpineLandmarkDetector loadDefault() throws DetectorException {
        ModelSpec spec;
        byte[] model;
        try (InputStream note = SpineLandmarkDetector.class.getResourceAsStream(NOTE_RESOURCE);
             InputStream onnx = SpineLandmarkDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (note == null || onnx == null) {
                throw new DetectorException("the spine landmark model is missing from the application");
            }
            spec = ModelSpec.read(note);
            model = onnx.readAllBytes();
        } catch (IOException e) {
            throw new DetectorException("cannot read the spine landmark model: " + e.getMessage(), e);
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                return new SpineLandmarkDetector(env, env.createSession(model, options), spec);
            }
        } catch (OrtException e) {
            throw new DetectorException("cannot start ONNX Runtime for the spine model: " + e.getMessage(), e);
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Detects the 17 vertebrae on {@code image}; always 17 ordered levels, with a confidence. */
    public SpineDetection detect(GreyImage image) throws DetectorException {
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
        }
    }

    /** The two network outputs, row-major. */
    record Outputs(float[] heat, float[] offsets) {
    }
}
