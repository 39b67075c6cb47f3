package org.orthomeasure.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/**
 * The geometry of the landmark network, read from its sidecar note ({@code spine-landmarks.json}) so the
 * Java pre-processing and decoding follow the exported model: input {@code 1 x 1 x inputHeight x inputWidth},
 * outputs at 1/{@code stride} (17 heat-map channels, 8 offset channels in units of {@code offsetScale} px);
 * the final centre and corners are decoded within {@code decodeWindow} cells of each level's global centre
 * (0: over the whole map); with {@code testTimeFlip} the mirrored film is decoded too and the two averaged.
 * The vertebrae are found with the film letterboxed at {@code inputFill} of the larger fit ({@link #letterbox}):
 * the share of the input the training films filled on average (1 when the note does not say); the locator's
 * looks, whose sharpness the confidence limits were set on, have the film fill the input.
 */
public record ModelSpec(int inputWidth, int inputHeight, int stride, double offsetScale, int decodeWindow,
                        boolean testTimeFlip, double inputFill, String codeCommit, int epochs) {

    public ModelSpec {
        if (inputWidth <= 0 || inputHeight <= 0 || stride <= 0 || inputWidth % stride != 0
                || inputHeight % stride != 0 || !(offsetScale > 0) || decodeWindow < 0
                || !(inputFill > 0 && inputFill <= 1)) {
            throw new IllegalArgumentException("inconsistent model geometry " + inputWidth + "x" + inputHeight
                    + " stride " + stride + " offset scale " + offsetScale + " fill " + inputFill);
        }
    }

    /** How a {@code width} x {@code height} film is placed into the input: centred at {@link #inputFill}. */
    public Letterbox letterbox(int width, int height) {
        return Letterbox.fit(width, height, inputWidth, inputHeight, inputFill);
    }

    public int outputWidth() {
        return inputWidth / stride;
    }

    public int outputHeight() {
        return inputHeight / stride;
    }

    /** Input px of the centre of output cell {@code index} (same along x and y). */
    public double cellCentre(int index) {
        return stride * index + (stride - 1) / 2.0;
    }

    /** Parses the sidecar note. */
    public static ModelSpec read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode shape = root.path("input").path("shape");
        JsonNode out = root.path("outputs");
        if (shape.size() != 4 || !out.has("stride") || !out.has("offset_scale_px")) {
            throw new IOException("model note lacks input.shape, outputs.stride or outputs.offset_scale_px");
        }
        return new ModelSpec(shape.get(3).asInt(), shape.get(2).asInt(), out.get("stride").asInt(),
                out.get("offset_scale_px").asDouble(), out.path("decode_window_cells").asInt(0),
                out.path("test_time_flip").asBoolean(false), root.path("input").path("fill").asDouble(1),
                root.path("code_commit").asText(""),
                root.path("epochs").asInt(0));
    }
}
