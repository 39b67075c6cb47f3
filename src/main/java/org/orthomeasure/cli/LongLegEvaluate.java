package org.orthomeasure.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.orthomeasure.detect.DetectorException;
import org.orthomeasure.detect.longleg.LongLegDetector;
import org.orthomeasure.detect.longleg.LongLegEvaluator;
import org.orthomeasure.detect.longleg.OaiLegsDataset;
import org.orthomeasure.io.AtomicFiles;

/**
 * {@code evaluate OAI_DIR [--part test|train] [--limit N] [--overlays DIR] [--json OUT|-]}: the long-leg
 * detector on the OAI crops against the landmarks derived from their hand-drawn outlines: mean absolute error
 * per measurement (degrees; lengths in crop px), HKA within 1°, landmark error (crop px), Dice of the
 * segmentation, flagged crops.
 */
final class LongLegEvaluate {

    static final String USAGE = "usage: evaluate OAI_DIR [--part test|train] [--limit N] [--overlays DIR] [--json OUT|-]";

    int run(String[] args, PrintStream out) throws UsageException, InputException {
        Path dir = null;
        String part = "test";
        int limit = Integer.MAX_VALUE;
        Optional<Path> overlays = Optional.empty();
        String json = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--part" -> {
                    part = OptionValue.at(args, ++i, a);
                    if (!part.equals("test") && !part.equals("train")) {
                        throw new UsageException("--part takes test or train, got '" + part + "'");
                    }
                }
                case "--limit" -> limit = OptionValue.positiveIntAt(args, ++i, a);
                case "--overlays" -> overlays = Optional.of(Path.of(OptionValue.at(args, ++i, a)));
                case "--json" -> json = OptionValue.at(args, ++i, a);
                default -> {
                    if (a.startsWith("--") || dir != null) {
                        throw new UsageException("unexpected '" + a + "' (" + USAGE + ")");
                    }
                    dir = Path.of(a);
                }
            }
        }
        if (dir == null) {
            throw new UsageException(USAGE);
        }
        List<LongLegEvaluator.CropScore> scores = new ArrayList<>();
        try (LongLegDetector detector = LongLegDetector.loadDefault()) {
            LongLegEvaluator evaluator = new LongLegEvaluator(detector);
            List<OaiLegsDataset.Crop> crops = OaiLegsDataset.crops(dir, part);
            for (OaiLegsDataset.Crop c : crops.subList(0, Math.min(limit, crops.size()))) {
                scores.add(evaluator.score(c, overlays));
            }
        } catch (IOException e) {
            throw new InputException(e.getMessage(), e);
        } catch (DetectorException e) {
            throw new InputException(e.getMessage(), e);
        }
        Map<String, Object> summary = LongLegEvaluator.summary(scores);
        if (json != null) {
            Map<String, Object> all = new LinkedHashMap<>(summary);
            List<Map<String, Object>> per = new ArrayList<>();
            for (LongLegEvaluator.CropScore s : scores) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", s.name());
                m.put("values", s.values());
                m.put("lowConfidence", s.lowConfidence());
                m.put("reason", s.reason());
                per.add(m);
            }
            all.put("perCrop", per);
            try {
                String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all) + "\n";
                if (json.equals("-")) {
                    out.print(text);
                    return 0;
                }
                AtomicFiles.write(Path.of(json), text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InputException("cannot write " + json + ": " + e.getMessage(), e);
            }
        }
        print(summary, out);
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> s, PrintStream out) {
        out.printf(Locale.ROOT, "crops scored        %d (flagged low confidence: %d)%n", (Integer) s.get("crops"), (Long) s.get("lowConfidence"));
        out.printf(Locale.ROOT, "Dice femur / tibia  %.4f / %.4f%n", (Double) s.get("diceFemur"), (Double) s.get("diceTibia"));
        out.printf(Locale.ROOT, "HKA within 1 deg    %.1f %%%n", 100 * (Double) s.get("hkaWithin1deg"));
        ((Map<String, double[]>) s.get("mae")).forEach((id, v) ->
                out.printf(Locale.ROOT, "MAE %-16s %.3f (%d crops)%n", id, v[0], (int) v[1]));
        ((Map<String, Double>) s.get("landmarkErrorPx")).forEach((id, v) ->
                out.printf(Locale.ROOT, "landmark %-22s %.2f px%n", id, v));
    }
}
