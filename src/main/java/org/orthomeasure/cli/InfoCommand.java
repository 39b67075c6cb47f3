package org.orthomeasure.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.io.image.ImageFormatInfo;
import org.orthomeasure.io.image.ImageReadException;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;
import org.orthomeasure.io.image.StudyHeader;
import org.orthomeasure.io.image.WindowPreset;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code info FILE}: prints what the image file says as JSON: {@code rows, columns, bitsStored,
 * photometricInterpretation, transferSyntaxUid, modality, frames, windows, calibration, header},
 * plus {@code format}, {@code invertedByDefault} and {@code notes}.
 */
public final class InfoCommand implements Subcommand {

    @Override
    public String help() {
        return String.join("\n",
                "usage: info FILM",
                "",
                "  prints the film's facts as JSON: size, bits, photometric interpretation, window presets,",
                "  calibration with its source and warning, and the report header (patient and study details)");
    }

    @Override
    public String summary() {
        return "image facts, window presets, calibration and report header as JSON (FILE)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, InputException {
        if (args.length != 1 || args[0].startsWith("-")) {
            throw new UsageException("usage: info FILE");
        }
        Radiograph r = open(args[0]);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(r)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return 0;
    }

    static Radiograph open(String file) throws InputException {
        try {
            return RadiographReader.read(Path.of(file));
        } catch (ImageReadException e) {
            throw new InputException(e.getMessage(), e);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException("'" + file + "' is not a valid file name");
        }
    }

    static ObjectNode toJson(Radiograph r) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        ImageFormatInfo f = r.formatInfo();
        o.put("rows", f.rows());
        o.put("columns", f.columns());
        o.put("bitsStored", f.bitsStored());
        o.put("photometricInterpretation", f.photometricInterpretation());
        put(o, "transferSyntaxUid", f.transferSyntaxUid());
        put(o, "modality", f.modality());
        o.put("frames", f.frames());
        ArrayNode windows = o.putArray("windows");
        for (WindowPreset p : r.windowPresets()) {
            ObjectNode w = windows.addObject();
            w.put("name", p.name());
            w.put("center", p.center());
            w.put("width", p.width());
            w.put("voiLut", p.voiLut().isPresent());
        }
        o.set("calibration", calibrationJson(r.calibration(), m));
        StudyHeader h = r.header();
        ObjectNode header = o.putObject("header");
        put(header, "patientName", h.patientName());
        put(header, "patientId", h.patientId());
        put(header, "birthDate", h.birthDate());
        put(header, "sex", h.sex());
        put(header, "studyDate", h.studyDate());
        put(header, "accessionNumber", h.accessionNumber());
        put(header, "bodyPart", h.bodyPart());
        put(header, "viewPosition", h.viewPosition());
        put(header, "institution", h.institution());
        o.put("format", f.format());
        o.put("invertedByDefault", r.invertedByDefault());
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        if (!r.calibration().isCalibrated()) {
            r.calibration().warning().ifPresent(notes::add);
        }
        return o;
    }

    /** {@code {"rowMm", "columnMm", "source", "detail", "warning"}}, or JSON null when uncalibrated. */
    static com.fasterxml.jackson.databind.JsonNode calibrationJson(Calibration c, ObjectMapper m) {
        if (!c.isCalibrated()) {
            return m.nullNode();
        }
        ObjectNode cal = m.createObjectNode();
        cal.put("rowMm", c.spacing().orElseThrow().rowMm());
        cal.put("columnMm", c.spacing().orElseThrow().columnMm());
        cal.put("source", c.source().label());
        cal.put("detail", c.detail());
        put(cal, "warning", c.warning());
        return cal;
    }

    private static void put(ObjectNode o, String key, Optional<String> value) {
        if (value.isPresent()) {
            o.put(key, value.get());
        } else {
            o.putNull(key);
        }
    }
}
