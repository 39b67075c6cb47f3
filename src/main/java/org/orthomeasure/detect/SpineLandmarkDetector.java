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
        return SpineDetection.of(image.width(), image.height(), box, decoded);
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
