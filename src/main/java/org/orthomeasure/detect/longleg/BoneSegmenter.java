package org.orthomeasure.detect.longleg;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import org.orthomeasure.detect.DetectorException;
import org.orthomeasure.detect.OnnxSessions;

/**
 * The femur/tibia segmentation network ({@code bone-segmentation.onnx}, trained by
 * {@code training/train_longleg.py}) on one {@link LegCrop}: input the crop's 8-bit grey values after CLAHE
 * (clip 1.0, 8 × 8 tiles, {@link Clahe}), divided by 255 and standardised over the crop,
 * {@code (v − mean) / max(std, 1e-6)}; output per pixel the label of the largest logit and its softmax
 * probability. Thread-safe (one ONNX Runtime session).
 */
final class BoneSegmenter implements AutoCloseable {

    /** The labels and, per pixel, the softmax probability of the chosen label. */
    record Segmentation(BoneMask mask, float[] confidence) {
    }

    private final OrtEnvironment env;
    private final OrtSession session;

    BoneSegmenter(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
    }

    /** The network input for crop grey values 0..255 (row-major {@link LegCrop#WIDTH} × {@link LegCrop#HEIGHT}). */
    static float[] toInput(float[] crop) {
        int[] grey = new int[crop.length];
        for (int i = 0; i < crop.length; i++) {
            grey[i] = (int) Math.max(0, Math.min(255, Math.rint(crop[i])));
        }
        int[] eq = Clahe.apply(grey, LegCrop.WIDTH, LegCrop.HEIGHT, 1.0, 8);
        float[] in = new float[eq.length];
        double sum = 0;
        for (int i = 0; i < eq.length; i++) {
            in[i] = eq[i] / 255f;
            sum += in[i];
        }
        double mean = sum / in.length;
        double var = 0;
        for (float v : in) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.max(Math.sqrt(var / in.length), 1e-6);
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) ((in[i] - mean) / std);
        }
        return in;
    }

    /** Raw logits (3 × H × W, row-major per class) for a prepared input. */
    float[] logits(float[] input) throws DetectorException {
        long[] shape = {1, 1, LegCrop.HEIGHT, LegCrop.WIDTH};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of("image", tensor))) {
            float[] a = OnnxSessions.floats(result, "logits", "long-leg model");
            if (a.length != 3 * LegCrop.WIDTH * LegCrop.HEIGHT) {
                throw new DetectorException("the long-leg model gave " + a.length + " values, expected "
                        + 3 * LegCrop.WIDTH * LegCrop.HEIGHT);
            }
            return a;
        } catch (OrtException e) {
            throw new DetectorException("the long-leg model failed to run: " + e.getMessage(), e);
        }
    }

    /** Labels and confidences of crop grey values 0..255. */
    Segmentation segment(float[] crop) throws DetectorException {
        return decode(logits(toInput(crop)));
    }

    static Segmentation decode(float[] logits) {
        int n = LegCrop.WIDTH * LegCrop.HEIGHT;
        byte[] labels = new byte[n];
        float[] conf = new float[n];
        for (int i = 0; i < n; i++) {
            float a = logits[i];
            float b = logits[n + i];
            float c = logits[2 * n + i];
            float max = Math.max(a, Math.max(b, c));
            double ea = Math.exp(a - max);
            double eb = Math.exp(b - max);
            double ec = Math.exp(c - max);
            // ties go to background, then femur
            labels[i] = a == max ? BoneMask.BACKGROUND : b == max ? BoneMask.FEMUR : BoneMask.TIBIA;
            conf[i] = (float) (1.0 / (ea + eb + ec));
        }
        return new Segmentation(BoneMask.of(LegCrop.WIDTH, LegCrop.HEIGHT, labels), conf);
    }

    @Override
    public void close() throws DetectorException {
        try {
            session.close();
        } catch (OrtException e) {
            throw new DetectorException("cannot close the long-leg model session: " + e.getMessage(), e);
        }
    }
}
