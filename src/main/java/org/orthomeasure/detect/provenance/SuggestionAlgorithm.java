package org.orthomeasure.detect.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.detect.ModelSpec;
import org.orthomeasure.detect.OnnxSessions;
import org.orthomeasure.detect.RefineSpec;
import org.orthomeasure.detect.SpineLandmarkDetector;
import org.orthomeasure.detect.VertebraRefiner;
import org.orthomeasure.detect.longleg.LongLegDetector;

/**
 * The algorithm behind suggested landmarks, as a measurement report names it (DICOM TID 4019:
 * algorithm name, version and parameters): vertebrae ("T1".."L5") come from the bundled spine detector,
 * lower-limb landmarks ("R.kneeCenter", "L.femoralHeadRim") from the bundled long-leg bone segmentation;
 * the model text names each bundled network with its code commit and training epochs, read from the
 * model notes shipped beside it.
 *
 * @param name    the detector's name (both, joined by " + ", when both kinds are suggested)
 * @param version OrthoMeasure's version for the spine detector, the model's version for the long-leg one
 * @param model   the networks with their notes
 */
public record SuggestionAlgorithm(String name, String version, String model) {

    public static final String SPINE_NAME = "OrthoMeasure spine landmark detector";

    /** The algorithm(s) behind {@code suggestedIds} (landmark-file ids); empty when nothing is suggested. */
    public static Optional<SuggestionAlgorithm> forSuggested(Collection<String> suggestedIds, String appVersion) {
        if (suggestedIds.isEmpty()) {
            return Optional.empty();
        }
        boolean vertebrae = suggestedIds.stream().anyMatch(SuggestionAlgorithm::isVertebra);
        boolean limbs = suggestedIds.stream().anyMatch(id -> !isVertebra(id));
        List<SuggestionAlgorithm> parts = new ArrayList<>();
        if (vertebrae) {
            parts.add(spine(appVersion));
        }
        if (limbs) {
            parts.add(longLeg(appVersion));
        }
        if (parts.size() == 1) {
            return Optional.of(parts.get(0));
        }
        return Optional.of(new SuggestionAlgorithm(parts.get(0).name() + " + " + parts.get(1).name(),
                parts.get(0).version() + " + " + parts.get(1).version(), parts.get(0).model() + " + " + parts.get(1).model()));
    }

    private static boolean isVertebra(String id) {
        return Arrays.stream(SpineLevel.values()).anyMatch(l -> l.name().equals(id));
    }

    /** The two-stage spine detector: its networks with code commit and epochs. */
    static SuggestionAlgorithm spine(String appVersion) {
        String model = "spine-landmarks.onnx + vertebra-corners.onnx";
        try (InputStream a = SpineLandmarkDetector.class.getResourceAsStream(SpineLandmarkDetector.NOTE_RESOURCE);
             InputStream b = SpineLandmarkDetector.class.getResourceAsStream(VertebraRefiner.NOTE_RESOURCE)) {
            if (a != null && b != null) {
                ModelSpec s = ModelSpec.read(a);
                RefineSpec r = RefineSpec.read(b);
                model = "spine-landmarks.onnx (code " + s.codeCommit() + ", " + s.epochs() + " epochs) + vertebra-corners.onnx (code "
                        + r.codeCommit() + ", " + r.epochs() + " epochs)";
            }
        } catch (IOException e) {
            model += " (model notes unreadable: " + e.getMessage() + ")";
        }
        return new SuggestionAlgorithm(SPINE_NAME, appVersion, model);
    }

    /** The long-leg bone segmentation: name and version from its notes, the network with code commit and epochs. */
    static SuggestionAlgorithm longLeg(String appVersion) {
        String name = "OrthoMeasure long-leg bone segmentation";
        String version = "OrthoMeasure " + appVersion;
        String model = "bone-segmentation.onnx";
        try {
            Optional<byte[]> note = OnnxSessions.resource(LongLegDetector.NOTE_RESOURCE);
            if (note.isPresent()) {
                JsonNode n = new ObjectMapper().readTree(note.get());
                name = n.path("name").asText(name);
                version = "model " + n.path("version").asText("?") + ", OrthoMeasure " + appVersion;
                model = "bone-segmentation.onnx (code " + n.path("code_commit").asText("?") + ", "
                        + n.path("epochs").asInt() + " epochs)";
            }
        } catch (IOException e) {
            model += " (model notes unreadable: " + e.getMessage() + ")";
        }
        return new SuggestionAlgorithm(name, version, model);
    }
}
