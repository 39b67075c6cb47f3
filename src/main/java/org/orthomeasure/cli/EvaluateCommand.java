package org.orthomeasure.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.orthomeasure.io.AtomicFiles;
import org.orthomeasure.detect.AasceDataset;
import org.orthomeasure.detect.DetectorException;
import org.orthomeasure.detect.FilmScore;
import org.orthomeasure.detect.SpineEvaluator;
import org.orthomeasure.detect.SpineLandmarkDetector;
import org.orthomeasure.detect.SpineScore;
import org.orthomeasure.detect.longleg.OaiLegsDataset;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code evaluate DIR [--files LIST] [--limit N] [--json OUT|-]}: runs the vertebra detector on a labelled
 * folder in the AASCE format and prints SMAPE, the mean absolute error per curve and the mean corner
 * distance (spec: measurements.md, spine). {@code --files} restricts to the names listed one per line
 * (lines starting with # ignored), e.g. {@code training/validation-files.txt}.
 */
public final class EvaluateCommand implements Subcommand {

    @Override
    public String help() {
        return String.join("\n",
                "usage: evaluate AASCE_DIR [--files LIST.txt] [--limit N] [--json OUT.json|-]",
                "       evaluate OAI_DIR [--part test|train] [--limit N] [--overlays OUT_DIR] [--json OUT.json|-]",
                "",
                "  AASCE_DIR              a labelled spine folder in the AASCE layout (SMAPE, error per curve, corner px)",
                "  OAI_DIR                the OAI long-leg crops with their outlines (HKA and angle errors, landmark px)",
                "  --files LIST.txt       (spine) only the films named in LIST.txt, one per line",
                "  --part test|train      (long-leg) which part of the crops (default test)",
                "  --limit N              at most N films",
                "  --overlays OUT_DIR     (long-leg) write each crop with both readings drawn into OUT_DIR",
                "  --json OUT.json|-      the figures as JSON to a file or '-' (stdout)");
    }

    @Override
    public String summary() {
        return "score a detector on a labelled folder: AASCE spine (SMAPE, MAE per curve, corner px) or OAI long-leg crops (HKA and angle MAE, landmark px)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, InputException {
        if (args.length > 0 && !args[0].startsWith("--") && OaiLegsDataset.looksLike(Path.of(args[0]))) {
            return new LongLegEvaluate().run(args, out);
        }
        Path dir = null;
        Path files = null;
        Path json = null;
        boolean jsonStdout = false;
        int limit = Integer.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--files" -> files = Path.of(OptionValue.at(args, ++i, a));
                case "--json" -> {
                    String v = OptionValue.at(args, ++i, a);
                    if (v.equals("-")) {
                        jsonStdout = true;
                    } else {
                        json = Path.of(v);
                    }
                }
                case "--limit" -> limit = OptionValue.positiveIntAt(args, ++i, a);
                default -> {
                    if (a.startsWith("--")) {
                        throw new UsageException("unknown option " + a
                                + " (usage: evaluate DIR [--files LIST] [--limit N] [--json OUT|-])");
                    }
                    if (dir != null) {
                        throw new UsageException("one folder only, got '" + dir + "' and '" + a + "'");
                    }
                    dir = Path.of(a);
                }
            }
        }
        if (dir == null) {
            throw new UsageException("missing the labelled folder (usage: evaluate DIR [--files LIST] [--limit N] [--json OUT|-])");
        }
        List<AasceDataset.Entry> entries = select(dir, files, limit);
        List<FilmScore> scores = new ArrayList<>();
        try (SpineLandmarkDetector detector = SpineLandmarkDetector.loadDefault()) {
            SpineEvaluator evaluator = new SpineEvaluator(detector);
            for (AasceDataset.Entry e : entries) {
                try {
                    scores.add(evaluator.score(e));
                } catch (IOException ex) {
                    throw new InputException(ex.getMessage(), ex);
                }
            }
        } catch (DetectorException e) {
            throw new InputException(e.getMessage(), e);
        }
        SpineScore s = SpineScore.of(scores);
        if (json != null || jsonStdout) {
            String text = toJson(s, scores);
            if (jsonStdout) {
                out.println(text);
            } else {
                try {
                    AtomicFiles.write(json, (text + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new InputException("cannot write " + json + ": " + e.getMessage(), e);
                }
            }
        }
        if (!jsonStdout) {
            out.printf(Locale.ROOT, "films scored        %d (flagged low confidence: %d)%n", s.films(), s.lowConfidenceFilms());
            out.printf(Locale.ROOT, "SMAPE               %.2f %%%n", s.smapePercent());
            out.printf(Locale.ROOT, "MAE major curve     %.2f deg%n", s.maeMajorDeg());
            out.printf(Locale.ROOT, "MAE upper curve     %.2f deg%n", s.maeUpperDeg());
            out.printf(Locale.ROOT, "MAE lower curve     %.2f deg%n", s.maeLowerDeg());
            out.printf(Locale.ROOT, "mean corner error   %.1f px%n", s.meanCornerDistancePx());
        }
        return 0;
    }

    private static List<AasceDataset.Entry> select(Path dir, Path files, int limit) throws InputException {
        AasceDataset data;
        try {
            data = AasceDataset.read(dir);
        } catch (IOException e) {
            throw new InputException(e.getMessage(), e);
        }
        List<AasceDataset.Entry> chosen = new ArrayList<>();
        if (files == null) {
            chosen.addAll(data.entries());
        } else {
            Set<String> wanted = new LinkedHashSet<>();
            try {
                for (String line : Files.readAllLines(files, StandardCharsets.UTF_8)) {
                    String t = line.trim();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        wanted.add(t);
                    }
                }
            } catch (IOException e) {
                throw new InputException("cannot read the file list " + files + ": " + e.getMessage(), e);
            }
            for (AasceDataset.Entry e : data.entries()) {
                if (wanted.remove(e.name())) {
                    chosen.add(e);
                }
            }
            if (!wanted.isEmpty()) {
                throw new InputException(files + " names " + wanted.size() + " film(s) not in " + dir
                        + ", e.g. '" + wanted.iterator().next() + "'");
            }
        }
        if (chosen.isEmpty()) {
            throw new InputException("no films to score in " + dir);
        }
        return chosen.subList(0, Math.min(limit, chosen.size()));
    }

    private static String toJson(SpineScore s, List<FilmScore> scores) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("films", s.films());
        root.put("smapePercent", s.smapePercent());
        ObjectNode mae = root.putObject("maeDeg");
        mae.put("cobb.major", s.maeMajorDeg());
        mae.put("cobb.upper", s.maeUpperDeg());
        mae.put("cobb.lower", s.maeLowerDeg());
        root.put("meanCornerDistancePx", s.meanCornerDistancePx());
        root.put("lowConfidenceFilms", s.lowConfidenceFilms());
        ArrayNode per = root.putArray("perFilm");
        for (FilmScore f : scores) {
            ObjectNode o = per.addObject();
            o.put("name", f.name());
            ArrayNode r = o.putArray("reference");
            ArrayNode p = o.putArray("predicted");
            for (int i = 0; i < 3; i++) {
                r.add(f.reference()[i]);
                p.add(f.predicted()[i]);
            }
            o.put("smapePercent", f.smapePercent());
            o.put("meanCornerDistancePx", f.meanCornerDistancePx());
            o.put("lowConfidence", f.lowConfidence());
        }
        return root.toString();
    }
}
