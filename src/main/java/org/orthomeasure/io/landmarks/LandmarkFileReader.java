package org.orthomeasure.io.landmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.calibration.PixelSpacing;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Segment2;
import org.orthomeasure.core.landmarks.CobbLines;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkRules;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Protocol;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;

/**
 * Strict reader of the landmark file {@code orthomeasure-landmarks/1} (format in issue 2 and
 * {@link LandmarkDocument}). Anything it does not understand is an error with a one-line message naming
 * the file and the place in it: bad JSON (with line and column), duplicate or unknown keys, wrong types,
 * unknown landmark ids or levels, fewer than 3 or collinear femoral-head rim points, coincident
 * landmarks of one side, degenerate vertebrae and Cobb lines, suggestions naming nothing in the file.
 * The check-mode reference block ({@code "reference"}) is held to the same rules, with messages that
 * name it ("file: reference: vertebrae[2] (T3).corners: ...").
 */
public final class LandmarkFileReader {

    private static final List<String> TOP_KEYS = List.of("format", "protocol", "pixelSpacingMm", "imageSize",
            "calibration", "landmarks", "vertebrae", "cobbLines", "suggested", "reference");
    private static final List<String> REFERENCE_KEYS = List.of("name", "revealed", "landmarks", "vertebrae",
            "cobbLines");
    private static final String RIM = "femoralHeadRim";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads and validates {@code file}. */
    public LandmarkDocument read(Path file) throws LandmarkFileException {
        return parse(text(file), file.toString());
    }

    /** Largest landmark file read: a full session with a reference reading is a few tens of kB. */
    static final long MAX_FILE_BYTES = 16L << 20;

    /**
     * The file's text; refuses what is not a regular file (a device such as /dev/zero would never end)
     * and files above {@link #MAX_FILE_BYTES}, before reading them.
     */
    private static String text(Path file) throws LandmarkFileException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new LandmarkFileException(name + ": is a directory, not a landmark file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new LandmarkFileException(name + ": is not a regular file (a device, pipe or socket), not a landmark file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new LandmarkFileException(name + ": is " + size + " bytes, larger than the " + MAX_FILE_BYTES
                        + " bytes a landmark file may have");
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LandmarkFileException(name + ": no such file");
        } catch (IOException e) {
            throw new LandmarkFileException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads {@code file} as {@link #read} does but leaves its {@code "reference"} block out unread, so the
     * user's own reading can be rescued from a session whose reference block is damaged.
     */
    public LandmarkDocument readWithoutReference(Path file) throws LandmarkFileException {
        return parse(text(file), file.toString(), false);
    }

    /** Parses {@code json}; {@code sourceName} prefixes every message. */
    public LandmarkDocument parse(String json, String sourceName) throws LandmarkFileException {
        return parse(json, sourceName, true);
    }

    private LandmarkDocument parse(String json, String sourceName, boolean withReference)
            throws LandmarkFileException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage().split("\\R", 2)[0];
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new LandmarkFileException(sourceName + ": not valid JSON" + where + ": " + msg, e);
        }
        return new Parse(sourceName).document(root, withReference);
    }

    /** One parse with its source name for messages. */
    private static final class Parse {
        private final String source;

        Parse(String source) {
            this.source = source;
        }

        private LandmarkFileException error(String path, String message) {
            return new LandmarkFileException(source + ": " + (path.isEmpty() ? "" : path + ": ") + message);
        }

        LandmarkDocument document(JsonNode root, boolean withReference) throws LandmarkFileException {
            if (root == null || root.isMissingNode()) {
                throw error("", "the file is empty");
            }
            if (!root.isObject()) {
                throw error("", "expected a JSON object at the top level, got " + kind(root));
            }
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!TOP_KEYS.contains(key)) {
                    throw error("", "unknown key '" + key + "' (allowed: " + String.join(", ", TOP_KEYS) + ")");
                }
            }
            JsonNode format = root.get("format");
            if (format == null) {
                throw error("", "missing \"format\": \"" + LandmarkDocument.FORMAT + "\"");
            }
            if (!format.isTextual() || !format.asText().equals(LandmarkDocument.FORMAT)) {
                throw error("format", "expected \"" + LandmarkDocument.FORMAT + "\", got " + format);
            }
            LandmarkSet set = landmarkSet(root);
            Optional<PixelSpacing> spacing = Optional.empty();
            if (root.has("pixelSpacingMm")) {
                double[] v = positivePair(root.get("pixelSpacingMm"), "pixelSpacingMm", "[rowMm, columnMm]");
                spacing = Optional.of(PixelSpacing.of(v[0], v[1]));
            }
            Optional<ImageSize> size = Optional.empty();
            if (root.has("imageSize")) {
                size = Optional.of(imageSize(root.get("imageSize")));
                Optional<String> outside = LandmarkPlausibility.outsideFilm(set, size.get().width(), size.get().height());
                if (outside.isPresent()) {
                    throw error("landmarks", outside.get());
                }
            }
            Optional<Protocol> protocol = Optional.empty();
            if (root.has("protocol")) {
                JsonNode p = root.get("protocol");
                if (!p.isTextual() || Protocol.fromId(p.asText()).isEmpty()) {
                    throw error("protocol", "expected \"long-leg\" or \"spine\", got " + p);
                }
                protocol = Protocol.fromId(p.asText());
            }
            Optional<Calibration> calibration = Optional.empty();
            if (root.has("calibration")) {
                calibration = Optional.of(calibration(root.get("calibration")));
            }
            List<String> suggested = List.of();
            if (root.has("suggested")) {
                suggested = suggested(root.get("suggested"), set);
            }
            Optional<LandmarkDocument.Reference> reference = Optional.empty();
            if (withReference && root.has("reference")) {
                reference = Optional.of(reference(root.get("reference")));
                if (size.isPresent()) {
                    Optional<String> outside = LandmarkPlausibility.outsideFilm(reference.get().landmarks(),
                            size.get().width(), size.get().height());
                    if (outside.isPresent()) {
                        throw error("reference", outside.get());
                    }
                }
            }
            Optional<PixelSpacing> used = calibration.isPresent() ? calibration.get().spacing() : spacing;
            if (used.isPresent()) {
                Optional<String> span = LandmarkPlausibility.spanTooLarge(set, used.get());
                if (span.isPresent()) {
                    throw error("", span.get());
                }
            }
            return new LandmarkDocument(set, spacing, size, protocol, calibration, suggested, reference);
        }

        /** The landmarks, vertebrae and Cobb lines held by {@code node} (the top level or the reference block). */
        private LandmarkSet landmarkSet(JsonNode node) throws LandmarkFileException {
            LandmarkSet set = LandmarkSet.empty();
            if (node.has("landmarks")) {
                set = landmarks(node.get("landmarks"), set);
            }
            if (node.has("vertebrae")) {
                set = vertebrae(node.get("vertebrae"), set);
            }
            if (node.has("cobbLines")) {
                set = set.withCobbLines(cobbLines(node.get("cobbLines")));
            }
            return set;
        }

        /** The check-mode reference block: a name, whether it was revealed (default false), its landmarks. */
        private LandmarkDocument.Reference reference(JsonNode node) throws LandmarkFileException {
            if (!node.isObject()) {
                throw error("reference", "expected an object {\"name\", \"revealed\", \"landmarks\", \"vertebrae\", "
                        + "\"cobbLines\"}, got " + kind(node));
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!REFERENCE_KEYS.contains(k)) {
                    throw error("reference", "unknown key '" + k + "' (allowed: " + String.join(", ", REFERENCE_KEYS) + ")");
                }
            }
            JsonNode name = node.get("name");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                throw error("reference.name", "expected the name of the reference reading (a non-empty string), got "
                        + (name == null ? "nothing" : describe(name)));
            }
            boolean revealed = false;
            JsonNode r = node.get("revealed");
            if (r != null) {
                if (!r.isBoolean()) {
                    throw error("reference.revealed", "expected true or false, got " + describe(r));
                }
                revealed = r.booleanValue();
            }
            LandmarkSet set = new Parse(source + ": reference").landmarkSet(node);
            return new LandmarkDocument.Reference(name.asText(), revealed, set);
        }

        private LandmarkSet landmarks(JsonNode node, LandmarkSet set) throws LandmarkFileException {
            if (!node.isObject()) {
                throw error("landmarks", "expected an object of id: [x, y], got " + kind(node));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String id = e.getKey();
                String path = "landmarks." + id;
                if (id.equals("R." + RIM) || id.equals("L." + RIM)) {
                    Side side = id.charAt(0) == 'R' ? Side.R : Side.L;
                    set = set.withHeadRim(side, rim(e.getValue(), path));
                    continue;
                }
                LandmarkKey key;
                try {
                    key = LandmarkKey.parse(id);
                } catch (IllegalArgumentException ex) {
                    throw error("landmarks", ex.getMessage());
                }
                Point2 p = point(e.getValue(), path);
                Optional<String> clash = LandmarkRules.placementProblem(set, key, p);
                if (clash.isPresent()) {
                    throw error("landmarks", clash.get());
                }
                for (Map.Entry<LandmarkKey, Point2> other : set.points().entrySet()) {
                    if (other.getKey().side() == key.side() && LandmarkPlausibility.nearlyCoincide(other.getValue(), p)) {
                        throw error("landmarks", other.getKey().id() + " and " + id + " are " + other.getValue().distanceTo(p)
                                + " px apart at " + coords(p) + "; two different landmarks cannot be within "
                                + num(LandmarkPlausibility.MIN_SEPARATION_PX) + " px");
                    }
                }
                set = set.withPoint(key, p);
            }
            return set;
        }

        private List<Point2> rim(JsonNode node, String path) throws LandmarkFileException {
            if (!node.isArray()) {
                throw error(path, "expected a list of [x, y] rim points, got " + kind(node));
            }
            if (node.size() < LandmarkRules.MIN_RIM_POINTS) {
                throw error(path, LandmarkRules.tooFewRimPoints(node.size()));
            }
            List<Point2> pts = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                Point2 p = point(node.get(i), path + "[" + i + "]");
                if (pts.stream().anyMatch(q -> LandmarkPlausibility.nearlyCoincide(q, p))) {
                    throw error(path, "rim point " + i + " " + coords(p) + " repeats an earlier rim point (closer than "
                            + num(LandmarkPlausibility.MIN_SEPARATION_PX) + " px)");
                }
                pts.add(p);
            }
            Optional<String> problem = LandmarkRules.rimProblem(pts);
            if (problem.isPresent()) {
                throw error(path, problem.get());
            }
            return pts;
        }

        private LandmarkSet vertebrae(JsonNode node, LandmarkSet set) throws LandmarkFileException {
            if (!node.isArray()) {
                throw error("vertebrae", "expected a list of {\"level\", \"corners\"}, got " + kind(node));
            }
            EnumSet<SpineLevel> seen = EnumSet.noneOf(SpineLevel.class);
            for (int i = 0; i < node.size(); i++) {
                String path = "vertebrae[" + i + "]";
                JsonNode v = node.get(i);
                if (!v.isObject()) {
                    throw error(path, "expected {\"level\": \"T1\", \"corners\": [[x,y] x4]}, got " + kind(v));
                }
                for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!k.equals("level") && !k.equals("corners")) {
                        throw error(path, "unknown key '" + k + "' (allowed: level, corners)");
                    }
                }
                JsonNode levelNode = v.get("level");
                if (levelNode == null || !levelNode.isTextual()) {
                    throw error(path, "expected \"level\": one of T1..T12, L1..L5");
                }
                SpineLevel level = SpineLevel.fromName(levelNode.asText()).orElseThrow(() -> error(path,
                        "unknown level '" + levelNode.asText() + "' (expected T1..T12 or L1..L5)"));
                if (!seen.add(level)) {
                    throw error(path, "vertebra " + level + " is given twice");
                }
                JsonNode corners = v.get("corners");
                String cpath = path + " (" + level + ").corners";
                if (corners == null || !corners.isArray() || corners.size() != 4) {
                    throw error(cpath, "expected 4 corners [[x,y],[x,y],[x,y],[x,y]] in the order top-left, "
                            + "top-right, bottom-left, bottom-right");
                }
                Point2[] c = new Point2[4];
                String[] names = {"top-left", "top-right", "bottom-left", "bottom-right"};
                for (int j = 0; j < 4; j++) {
                    c[j] = point(corners.get(j), cpath + "[" + j + "]");
                    for (int k = 0; k < j; k++) {
                        if (LandmarkPlausibility.nearlyCoincide(c[k], c[j])) {
                            throw error(cpath, names[k] + " and " + names[j] + " corners coincide at " + coords(c[j])
                                    + (c[k].equals(c[j]) ? "" : " (closer than "
                                    + num(LandmarkPlausibility.MIN_SEPARATION_PX) + " px)"));
                        }
                    }
                }
                try {
                    set = set.withVertebra(Vertebra.of(level, c[0], c[1], c[2], c[3]));
                } catch (IllegalArgumentException ex) {
                    throw error(cpath, ex.getMessage());
                }
            }
            return set;
        }

        private CobbLines cobbLines(JsonNode node) throws LandmarkFileException {
            if (!node.isArray() || node.size() != 2) {
                throw error("cobbLines", "expected two lines [[[x1,y1],[x2,y2]], [[x3,y3],[x4,y4]]]");
            }
            Segment2[] lines = new Segment2[2];
            for (int i = 0; i < 2; i++) {
                String path = "cobbLines[" + i + "]";
                JsonNode l = node.get(i);
                if (!l.isArray() || l.size() != 2) {
                    throw error(path, "expected a line [[x1,y1],[x2,y2]], got " + kind(l));
                }
                Point2 a = point(l.get(0), path + "[0]");
                Point2 b = point(l.get(1), path + "[1]");
                if (LandmarkPlausibility.nearlyCoincide(a, b)) {
                    throw error(path, "the two end points coincide at " + coords(a) + (a.equals(b) ? "" : " (closer than "
                            + num(LandmarkPlausibility.MIN_SEPARATION_PX) + " px)") + ", the line is undefined");
                }
                lines[i] = Segment2.of(a, b);
            }
            return CobbLines.of(lines[0], lines[1]);
        }

        private ImageSize imageSize(JsonNode node) throws LandmarkFileException {
            if (!node.isArray() || node.size() != 2 || !node.get(0).canConvertToInt() || !node.get(1).canConvertToInt()
                    || !node.get(0).isIntegralNumber() || !node.get(1).isIntegralNumber()) {
                throw error("imageSize", "expected [width, height] in whole pixels, got " + node);
            }
            int w = node.get(0).intValue();
            int h = node.get(1).intValue();
            if (w <= 0 || h <= 0) {
                throw error("imageSize", "width and height must be positive, got " + node);
            }
            return ImageSize.of(w, h);
        }

        private Calibration calibration(JsonNode node) throws LandmarkFileException {
            List<String> allowed = List.of("source", "rowMm", "columnMm", "detail", "warning");
            if (!node.isObject()) {
                throw error("calibration", "expected an object {\"source\", \"rowMm\", \"columnMm\", \"detail\"}, got "
                        + kind(node));
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw error("calibration", "unknown key '" + k + "' (allowed: " + String.join(", ", allowed) + ")");
                }
            }
            JsonNode s = node.get("source");
            if (s == null || !s.isTextual() || CalibrationSource.fromId(s.asText()).isEmpty()) {
                throw error("calibration.source", "expected one of " + sourceIds() + ", got " + s);
            }
            CalibrationSource source = CalibrationSource.fromId(s.asText()).get();
            String detail = optionalText(node, "detail", "calibration.detail").orElse("");
            Optional<String> warning = optionalText(node, "warning", "calibration.warning");
            if (source == CalibrationSource.NONE) {
                if (node.has("rowMm") || node.has("columnMm")) {
                    throw error("calibration", "source \"none\" takes no rowMm/columnMm");
                }
                return new Calibration(Optional.empty(), source, detail, warning);
            }
            double row = plausible(positive(node.get("rowMm"), "calibration.rowMm"), "calibration.rowMm");
            double column = plausible(positive(node.get("columnMm"), "calibration.columnMm"), "calibration.columnMm");
            return new Calibration(Optional.of(PixelSpacing.of(row, column)), source, detail, warning);
        }

        private List<String> suggested(JsonNode node, LandmarkSet set) throws LandmarkFileException {
            if (!node.isArray()) {
                throw error("suggested", "expected a list of landmark ids, got " + kind(node));
            }
            List<String> present = set.presentIds();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode n = node.get(i);
                if (!n.isTextual()) {
                    throw error("suggested[" + i + "]", "expected a landmark id string, got " + kind(n));
                }
                if (!present.contains(n.asText())) {
                    throw error("suggested[" + i + "]", "'" + n.asText() + "' names no landmark in this file");
                }
                if (ids.contains(n.asText())) {
                    throw error("suggested[" + i + "]", "'" + n.asText() + "' is listed twice");
                }
                ids.add(n.asText());
            }
            return ids;
        }

        private Optional<String> optionalText(JsonNode node, String key, String path) throws LandmarkFileException {
            JsonNode v = node.get(key);
            if (v == null) {
                return Optional.empty();
            }
            if (!v.isTextual()) {
                throw error(path, "expected a string, got " + kind(v));
            }
            return Optional.of(v.asText());
        }

        private Point2 point(JsonNode node, String path) throws LandmarkFileException {
            if (node == null || !node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
                throw error(path, "expected a point [x, y] of two numbers, got " + (node == null ? "nothing" : describe(node)));
            }
            double x = node.get(0).doubleValue();
            double y = node.get(1).doubleValue();
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw error(path, "coordinates must be finite numbers, got " + node);
            }
            Optional<String> far = LandmarkPlausibility.coordinateProblem(x, y);
            if (far.isPresent()) {
                throw error(path, far.get());
            }
            return Point2.of(x, y);
        }

        private double[] positivePair(JsonNode node, String path, String shape) throws LandmarkFileException {
            if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
                throw error(path, "expected " + shape + " of two numbers, got " + describe(node));
            }
            return new double[] {plausible(positive(node.get(0), path + "[0]"), path + "[0]"),
                plausible(positive(node.get(1), path + "[1]"), path + "[1]")};
        }

        /** A spacing in the range a projection radiograph has ({@link PixelSpacing#isPlausible}). */
        private double plausible(double mm, String path) throws LandmarkFileException {
            if (!PixelSpacing.isPlausible(mm)) {
                throw error(path, mm + " mm per pixel is outside the " + PixelSpacing.plausibleRange()
                        + " a projection radiograph has");
            }
            return mm;
        }

        private double positive(JsonNode node, String path) throws LandmarkFileException {
            if (node == null) {
                throw error(path, "missing (expected a positive number of mm per pixel)");
            }
            if (!node.isNumber() || !(node.doubleValue() > 0) || !Double.isFinite(node.doubleValue())) {
                throw error(path, "expected a positive number of mm per pixel, got " + node);
            }
            return node.doubleValue();
        }

        private static String describe(JsonNode node) {
            String text = node.toString();
            return kind(node) + (text.length() <= 40 ? " " + text : "");
        }

        private static String kind(JsonNode node) {
            if (node.isObject()) {
                return "an object";
            }
            if (node.isArray()) {
                return "a list of " + node.size();
            }
            if (node.isTextual()) {
                return "a string";
            }
            if (node.isNumber()) {
                return "a number";
            }
            if (node.isBoolean()) {
                return "a boolean";
            }
            if (node.isNull()) {
                return "null";
            }
            return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }

        private static String coords(Point2 p) {
            return "[" + num(p.x()) + ", " + num(p.y()) + "]";
        }

        private static String num(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }

        private static String sourceIds() {
            StringBuilder sb = new StringBuilder();
            for (CalibrationSource s : CalibrationSource.values()) {
                sb.append(sb.length() == 0 ? "" : ", ").append('"').append(s.id()).append('"');
            }
            return sb.toString();
        }
    }
}
