package org.orthomeasure.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/**
 * The geometry of the second-stage vertebra network, read from its sidecar note
 * ({@code vertebra-corners.json}) so the Java patch sampling and decoding follow the exported model
 * ({@code training/refine_common.py}): input {@code n x 1 x patchPx x patchPx}, a square patch of side
 * {@code sideFactor} x the local vertebra spacing (film px) around each vertebra's expected centre; output
 * {@code n x 4 x (patchPx/stride) x (patchPx/stride)} heat maps (TL, TR, BL, BR); with {@code testTimeFlip}
 * each patch is also run mirrored and the two averaged; {@code passes} passes: the first walks down the
 * spine level by level ({@link VertebraRefiner#refine}), each further one re-centres all patches on the previous
 * pass's corner means ({@code refine_chain}).
 */
public record RefineSpec(int patchPx, double sideFactor, int stride, boolean testTimeFlip, int passes,
                         String codeCommit, int epochs) {

    public RefineSpec {
        if (patchPx <= 0 || stride <= 0 || patchPx % stride != 0 || !(sideFactor > 0)
                || !Double.isFinite(sideFactor) || passes < 1) {
            throw new IllegalArgumentException("inconsistent vertebra model geometry: patch " + patchPx + " px, stride "
                    + stride + ", side factor " + sideFactor + ", " + passes + " pass(es)");
        }
    }

    /** Side of the square heat maps (cells). */
    public int outputPx() {
        return patchPx / stride;
    }

    /** Patch px of the centre of heat-map cell {@code index} (same along x and y): stride * index + (stride - 1) / 2. */
    public double cellCentre(int index) {
        return stride * index + (stride - 1) / 2.0;
    }

    /**
     * Parses the sidecar note: {@code input.patch_px}, {@code input.side_factor}, {@code outputs.stride},
     * {@code test_time_flip} and {@code passes} (an integer) are required, and {@code outputs.heat} must be
     * {@code [n, 4, patch_px/stride, patch_px/stride]} when present.
     *
     * @throws IOException naming the first missing or inconsistent entry
     */
    public static RefineSpec read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("the vertebra model note is not a JSON object");
        }
        JsonNode in = root.path("input");
        JsonNode out = root.path("outputs");
        int patch = required(in, "patch_px", "input.patch_px").asInt();
        double side = required(in, "side_factor", "input.side_factor").asDouble();
        int stride = required(out, "stride", "outputs.stride").asInt();
        boolean flip = required(root, "test_time_flip", "test_time_flip").asBoolean();
        JsonNode passNode = required(root, "passes", "passes");
        if (!passNode.canConvertToInt() || !passNode.isIntegralNumber()) {
            throw new IOException("the vertebra model note gives passes " + passNode + ", expected a whole number");
        }
        int passes = passNode.asInt();
        RefineSpec spec;
        try {
            spec = new RefineSpec(patch, side, stride, flip, passes, root.path("code_commit").asText(""),
                    root.path("epochs").asInt(0));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        JsonNode heat = out.path("heat");
        if (!heat.isMissingNode() && (heat.size() != 4 || heat.get(1).asInt() != 4
                || heat.get(2).asInt() != spec.outputPx() || heat.get(3).asInt() != spec.outputPx())) {
            throw new IOException("the vertebra model note gives heat maps " + heat + ", expected [n, 4, "
                    + spec.outputPx() + ", " + spec.outputPx() + "]");
        }
        return spec;
    }

    private static JsonNode required(JsonNode parent, String field, String name) throws IOException {
        JsonNode n = parent.get(field);
        if (n == null || !(n.isNumber() || n.isBoolean())) {
            throw new IOException("the vertebra model note lacks " + name);
        }
        return n;
    }
}
