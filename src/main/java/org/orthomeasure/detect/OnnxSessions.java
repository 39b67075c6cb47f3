package org.orthomeasure.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.Optional;

/** How the detector's bundled ONNX models are found and opened (one place for the session options). */
public final class OnnxSessions {

    private OnnxSessions() {
    }

    /** The bytes of a classpath resource beside this class, empty when the application lacks it. */
    public static Optional<byte[]> resource(String name) throws IOException {
        try (InputStream in = OnnxSessions.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }

    /** A session on {@code model} with all graph optimisations and up to 4 intra-op threads (the CPU count). */
    public static OrtSession open(OrtEnvironment env, byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return env.createSession(model, options);
        }
    }

    /**
     * The float values of output {@code name} of {@code result}, row-major; a {@link DetectorException} naming
     * {@code model} when the result lacks it.
     */
    public static float[] floats(OrtSession.Result result, String name, String model) throws DetectorException {
        var value = result.get(name)
                .orElseThrow(() -> new DetectorException("the " + model + " has no output " + name));
        FloatBuffer b = ((OnnxTensor) value).getFloatBuffer();
        float[] a = new float[b.remaining()];
        b.get(a);
        return a;
    }
}
