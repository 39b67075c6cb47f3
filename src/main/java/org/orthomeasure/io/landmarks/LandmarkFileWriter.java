package org.orthomeasure.io.landmarks;

import org.orthomeasure.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.geometry.Segment2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.Vertebra;

/**
 * Writes a {@link LandmarkDocument} as {@code orthomeasure-landmarks/1} JSON. Writing a file is atomic:
 * the JSON goes to a temporary file in the target's directory, is flushed to disk, and is then moved
 * over the target with {@link StandardCopyOption#ATOMIC_MOVE}, so a crash never leaves a half-written
 * session behind. What {@link #toJson} writes, {@link LandmarkFileReader} reads back to an equal document.
 */
public final class LandmarkFileWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectMapper mapper = new ObjectMapper();

    /** The document as pretty-printed JSON, points written inline as [x, y]. */
    public String toJson(LandmarkDocument doc) {
        ObjectNode root = NODES.objectNode();
        root.put("format", LandmarkDocument.FORMAT);
        doc.protocol().ifPresent(p -> root.put("protocol", p.id()));
        doc.pixelSpacing().ifPresent(s -> root.set("pixelSpacingMm", NODES.arrayNode().add(s.rowMm()).add(s.columnMm())));
        doc.imageSize().ifPresent(s -> root.set("imageSize", NODES.arrayNode().add(s.width()).add(s.height())));
        doc.calibration().ifPresent(c -> root.set("calibration", calibration(c)));
        putLandmarks(root, doc.landmarks());
        if (!doc.suggested().isEmpty()) {
            ArrayNode s = NODES.arrayNode();
            doc.suggested().forEach(s::add);
            root.set("suggested", s);
        }
        doc.reference().ifPresent(r -> {
            ObjectNode o = NODES.objectNode();
            o.put("name", r.name());
            o.put("revealed", r.revealed());
            putLandmarks(o, r.landmarks());
            root.set("reference", o);
        });
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance)
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withArrayValueSpacing(Separators.Spacing.AFTER)
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        try {
            return mapper.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** Writes {@code set} into {@code root} as "landmarks" (points and rims), "vertebrae" and "cobbLines". */
    private static void putLandmarks(ObjectNode root, LandmarkSet set) {
        ObjectNode landmarks = NODES.objectNode();
        for (Map.Entry<LandmarkKey, Point2> e : set.points().entrySet()) {
            landmarks.set(e.getKey().id(), point(e.getValue()));
        }
        for (Side side : Side.values()) {
            List<Point2> rim = set.headRim(side);
            if (!rim.isEmpty()) {
                ArrayNode a = NODES.arrayNode();
                rim.forEach(p -> a.add(point(p)));
                landmarks.set(side.prefix() + "femoralHeadRim", a);
            }
        }
        if (!landmarks.isEmpty()) {
            root.set("landmarks", landmarks);
        }
        if (!set.vertebrae().isEmpty()) {
            ArrayNode vs = NODES.arrayNode();
            for (Vertebra v : set.vertebrae().values()) {
                ObjectNode o = NODES.objectNode();
                o.put("level", v.level().name());
                o.set("corners", NODES.arrayNode().add(point(v.topLeft())).add(point(v.topRight()))
                        .add(point(v.bottomLeft())).add(point(v.bottomRight())));
                vs.add(o);
            }
            root.set("vertebrae", vs);
        }
        set.cobbLines().ifPresent(c -> root.set("cobbLines",
                NODES.arrayNode().add(segment(c.upper())).add(segment(c.lower()))));
    }

    /** Writes {@code doc} to {@code file} atomically (temp file in the same folder, then ATOMIC_MOVE). */
    public void write(Path file, LandmarkDocument doc) throws LandmarkFileException {
        try {
            AtomicFiles.write(file, toJson(doc).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LandmarkFileException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The {@code "calibration"} record of the landmark file: source id, row/column spacing in mm when
     * calibrated, detail and warning when present. The command line's JSON output reuses it.
     */
    public static ObjectNode calibration(Calibration c) {
        ObjectNode o = NODES.objectNode();
        o.put("source", c.source().id());
        c.spacing().ifPresent(s -> {
            o.put("rowMm", s.rowMm());
            o.put("columnMm", s.columnMm());
        });
        if (!c.detail().isEmpty()) {
            o.put("detail", c.detail());
        }
        c.warning().ifPresent(w -> o.put("warning", w));
        return o;
    }

    private static ArrayNode point(Point2 p) {
        return NODES.arrayNode().add(p.x()).add(p.y());
    }

    private static ArrayNode segment(Segment2 s) {
        return NODES.arrayNode().add(point(s.start())).add(point(s.end()));
    }
}
