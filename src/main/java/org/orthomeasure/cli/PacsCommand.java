package org.orthomeasure.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orthomeasure.io.AtomicFiles;
import org.orthomeasure.io.dicom.DicomFilm;
import org.orthomeasure.io.dicom.MeasurementReportReader;
import org.orthomeasure.io.dicom.net.Outbox;
import org.orthomeasure.io.dicom.net.Pacs;
import org.orthomeasure.io.dicom.net.PacsException;
import org.orthomeasure.io.dicom.net.PacsNode;
import org.orthomeasure.io.dicom.net.PixelMedPacs;
import org.orthomeasure.io.dicom.net.SendResult;
import org.orthomeasure.io.dicom.net.StorageListener;
import org.orthomeasure.io.dicom.net.StudyMatch;
import org.orthomeasure.io.dicom.net.StudyQuery;

/**
 * {@code pacs echo|find|get|send}: the DICOM network from the command line. Every command names the
 * PACS ({@code --pacs AET@HOST:PORT}) and our AE title ({@code --aet OURS}); {@code --timeout S}
 * (default 30) bounds each operation. A failure is one line on stderr and exit code 1. Objects that
 * {@code send} could not deliver are copied to the outbox ({@code --outbox DIR}, default
 * {@code ~/.orthomeasure/outbox}) and sent again with {@code send --resend}.
 */
final class PacsCommand implements Subcommand {

    static final String USAGE = "usage: pacs echo --pacs AET@HOST:PORT --aet OURS"
            + " | pacs find --pacs ... --aet ... [--patient-id X] [--patient-name N] [--accession Y] [--study-date D]"
            + " [--modality CR] [--json OUT|-]"
            + " | pacs get STUDY_UID --pacs ... --aet ... --out DIR [--port P [--listen ADDRESS]]"
            + " | pacs send FILE... --pacs ... --aet ... [--outbox DIR] | pacs send --resend --pacs ... --aet ... [--outbox DIR]"
            + " (all: [--timeout SECONDS])";

    /** Makes the {@link Pacs} for a node; tests may substitute their own. */
    interface Connector {
        Pacs connect(PacsNode node, String ourAeTitle, Duration timeout);
    }

    private final Connector connector;

    PacsCommand() {
        this(PixelMedPacs::new);
    }

    PacsCommand(Connector connector) {
        this.connector = connector;
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: pacs echo --pacs AET@HOST:PORT --aet OURS",
                "       pacs find --pacs AET@HOST:PORT --aet OURS [--patient-id ID] [--patient-name NAME] [--accession NUMBER]",
                "                 [--study-date YYYYMMDD[-YYYYMMDD]] [--modality CR] [--json OUT.json|-]",
                "       pacs get STUDY_UID --pacs AET@HOST:PORT --aet OURS --out OUT_DIR [--port PORT [--listen ADDRESS]]",
                "       pacs send FILE.dcm... --pacs AET@HOST:PORT --aet OURS [--outbox OUTBOX_DIR]",
                "       pacs send --resend --pacs AET@HOST:PORT --aet OURS [--outbox OUTBOX_DIR]",
                "",
                "  --pacs AET@HOST:PORT   the PACS: its AE title, host and port",
                "  --aet OURS             our AE title",
                "  --patient-id, --patient-name, --accession, --study-date, --modality: find keys (* wildcards)",
                "  --json OUT.json|-      (find) the studies as JSON to a file or '-' (stdout)",
                "  --out OUT_DIR          (get) where the retrieved files go",
                "  --port PORT            (get) retrieve by C-MOVE to our listener on PORT instead of C-GET",
                "  --listen ADDRESS       (get --port) the address the listener binds (default 127.0.0.1)",
                "  --outbox OUTBOX_DIR    (send) where unsent objects wait (default ~/.orthomeasure/outbox)",
                "  --resend               (send) send what waits in the outbox",
                "  --timeout SECONDS      (all) network timeout, default 30");
    }

    @Override
    public String summary() {
        return "DICOM network: echo, find, get, send (--pacs AET@HOST:PORT --aet OURS)";
    }

    /** The parsed arguments after the verb. */
    private static final class Options {
        PacsNode node;
        String aet;
        Duration timeout = Duration.ofSeconds(30);
        StudyQuery query = StudyQuery.all();
        String json;
        Path out;
        Path outbox;
        boolean resend;
        Integer port;
        String listen = "127.0.0.1";
        final List<String> positional = new ArrayList<>();
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, InputException {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE);
            return 0;
        }
        String verb = args[0];
        if (!List.of("echo", "find", "get", "send").contains(verb)) {
            throw new UsageException("unknown pacs command '" + verb + "' (" + USAGE + ")");
        }
        Options o = parse(args);
        if (o.node == null || o.aet == null) {
            throw new UsageException(verb + " needs --pacs AET@HOST:PORT and --aet OURS");
        }
        Pacs pacs = connector.connect(o.node, o.aet, o.timeout);
        try {
            return switch (verb) {
                case "echo" -> echo(o, pacs, out);
                case "find" -> find(o, pacs, out);
                case "get" -> get(o, pacs, out);
                default -> send(o, pacs, out, err);
            };
        } catch (PacsException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    private static Options parse(String[] args) throws UsageException {
        Options o = new Options();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            try {
                switch (a) {
                    case "--pacs" -> o.node = PacsNode.parse(OptionValue.at(args, ++i, a));
                    case "--aet" -> o.aet = PacsNode.checkAeTitle(OptionValue.at(args, ++i, a));
                    case "--timeout" -> o.timeout = timeout(OptionValue.at(args, ++i, a));
                    case "--patient-id" -> o.query = o.query.withPatientId(OptionValue.at(args, ++i, a));
                    case "--patient-name" -> o.query = o.query.withPatientName(OptionValue.at(args, ++i, a));
                    case "--accession" -> o.query = o.query.withAccessionNumber(OptionValue.at(args, ++i, a));
                    case "--study-date" -> o.query = o.query.withStudyDate(OptionValue.at(args, ++i, a));
                    case "--modality" -> o.query = o.query.withModality(OptionValue.at(args, ++i, a));
                    case "--json" -> o.json = OptionValue.at(args, ++i, a);
                    case "--out" -> o.out = Path.of(OptionValue.at(args, ++i, a));
                    case "--outbox" -> o.outbox = Path.of(OptionValue.at(args, ++i, a));
                    case "--resend" -> o.resend = true;
                    case "--port" -> o.port = port(OptionValue.at(args, ++i, a));
                    case "--listen" -> o.listen = OptionValue.at(args, ++i, a);
                    default -> {
                        if (a.startsWith("--")) {
                            throw new UsageException("unknown option '" + a + "' (" + USAGE + ")");
                        }
                        o.positional.add(a);
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return o;
    }

    private static int port(String s) throws UsageException {
        try {
            int p = Integer.parseInt(s);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException("--port takes 1..65535, got '" + s + "'");
        }
    }

    private static Duration timeout(String s) throws UsageException {
        try {
            double v = Double.parseDouble(s);
            if (!(v > 0) || v > 3600) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(v * 1000));
        } catch (NumberFormatException e) {
            throw new UsageException("--timeout takes seconds (0 < S <= 3600), got '" + s + "'");
        }
    }

    private int echo(Options o, Pacs pacs, PrintStream out) throws PacsException, UsageException {
        noPositional(o, "echo");
        long t0 = System.nanoTime();
        pacs.echo();
        out.printf(Locale.ROOT, "%s answered C-ECHO from %s (%d ms)%n", o.node, o.aet, (System.nanoTime() - t0) / 1_000_000);
        return 0;
    }

    private int find(Options o, Pacs pacs, PrintStream out) throws PacsException, UsageException, InputException {
        noPositional(o, "find");
        List<StudyMatch> studies = pacs.findStudies(o.query);
        if (o.json == null) {
            out.printf(Locale.ROOT, "%d stud%s on %s%n", studies.size(), studies.size() == 1 ? "y" : "ies", o.node);
            for (StudyMatch s : studies) {
                out.printf(Locale.ROOT, "%s  %-8s  %-16s  %-24s  %-16s  %-10s  %s%n", s.studyInstanceUid(), s.studyDate(),
                        s.patientId(), s.patientName(), s.accessionNumber(), s.modalities(),
                        s.instances() < 0 ? "" : s.instances() + " instance(s)");
            }
            return 0;
        }
        String text = json(studies);
        if (o.json.equals("-")) {
            out.print(text);
        } else {
            try {
                AtomicFiles.write(Path.of(o.json), text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InputException("cannot write " + o.json + " (" + e.getMessage() + ")", e);
            }
        }
        return 0;
    }

    static String json(List<StudyMatch> studies) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (StudyMatch s : studies) {
            ObjectNode n = a.addObject();
            n.put("studyInstanceUid", s.studyInstanceUid());
            n.put("patientId", s.patientId());
            n.put("patientName", s.patientName());
            n.put("studyDate", s.studyDate());
            n.put("accessionNumber", s.accessionNumber());
            n.put("studyDescription", s.description());
            ArrayNode m = n.putArray("modalities");
            for (String x : s.modalities().split("\\\\")) {
                if (!x.isBlank()) {
                    m.add(x.strip());
                }
            }
            if (s.instances() >= 0) {
                n.put("instances", s.instances());
            }
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(a) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int get(Options o, Pacs pacs, PrintStream out) throws PacsException, UsageException {
        if (o.positional.size() != 1) {
            throw new UsageException("get takes one STUDY_UID (" + USAGE + ")");
        }
        if (o.out == null) {
            throw new UsageException("get needs --out DIR");
        }
        List<Path> files = o.port == null ? pacs.retrieveStudy(o.positional.get(0), o.out) : move(o, pacs);
        out.println("retrieved " + files.size() + " object(s) of study " + o.positional.get(0) + " into " + o.out
                + (o.port == null ? "" : " (C-MOVE to " + o.aet + " on " + o.listen + ":" + o.port + ")"));
        files.forEach(f -> out.println("  " + f));
        return 0;
    }

    /**
     * C-MOVE to our own storage listener, open on {@code --listen} (default the loopback address) and
     * {@code --port} only while the retrieval runs.
     */
    private static List<Path> move(Options o, Pacs pacs) throws PacsException, UsageException {
        java.net.InetAddress address;
        try {
            address = java.net.InetAddress.getByName(o.listen);
        } catch (java.net.UnknownHostException e) {
            throw new UsageException("--listen needs an address of this machine, got '" + o.listen + "'");
        }
        try (StorageListener listener = StorageListener.start(address, o.port, o.aet, o.out)) {
            pacs.moveStudy(o.positional.get(0), o.aet);
            try {
                listener.awaitIdle(o.timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Path> files = new ArrayList<>(listener.received());
            if (files.isEmpty()) {
                throw new PacsException("move: " + o.node + " sent no object of study " + o.positional.get(0));
            }
            java.util.Collections.sort(files);
            return files;
        }
    }

    private int send(Options o, Pacs pacs, PrintStream out, PrintStream err) throws UsageException, InputException {
        Outbox outbox = o.outbox == null ? Outbox.inUserHome() : new Outbox(o.outbox);
        List<Path> files = new ArrayList<>();
        try {
            if (o.resend) {
                files.addAll(outbox.waiting());
                if (files.isEmpty()) {
                    out.println("the outbox " + outbox.folder() + " is empty: nothing to send");
                    return 0;
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot read the outbox " + outbox.folder() + " (" + e.getMessage() + ")", e);
        }
        o.positional.forEach(p -> files.add(Path.of(p)));
        if (files.isEmpty()) {
            throw new UsageException("send needs FILE... or --resend (" + USAGE + ")");
        }
        SendResult result;
        try {
            result = pacs.send(files);
        } catch (PacsException e) {
            int kept = keep(outbox, files, Map.of());
            throw new InputException(e.getMessage() + "; " + kept + " object(s) kept in the outbox " + outbox.folder()
                    + " (resend with: pacs send --resend ...)", e);
        }
        for (Path p : result.sent()) {
            try {
                outbox.sent(p);
            } catch (IOException e) {
                err.println("sent, but cannot remove " + p + " from the outbox (" + e.getMessage() + ")");
            }
        }
        out.println("sent " + result.sent().size() + " object(s) to " + o.node);
        if (result.allSent()) {
            return 0;
        }
        int kept = keep(outbox, new ArrayList<>(result.refused().keySet()), result.refused());
        StringBuilder why = new StringBuilder();
        result.refused().forEach((p, reason) -> why.append(why.length() == 0 ? "" : "; ").append(p.getFileName()).append(": ").append(reason));
        throw new InputException(result.refused().size() + " object(s) not sent (" + why + "); " + kept
                + " kept in the outbox " + outbox.folder() + " (resend with: pacs send --resend ...)");
    }

    /** Copies the DICOM files among {@code files} to the outbox; returns how many are there. */
    private static int keep(Outbox outbox, List<Path> files, Map<Path, String> reasons) throws InputException {
        int kept = 0;
        for (Path f : files) {
            String reason = reasons.getOrDefault(f, "");
            if (reason.equals("no such file") || reason.equals("not a DICOM file") || reason.equals("unreadable DICOM header")
                    || !MeasurementReportReader.looksLikeDicom(f)) {
                continue;
            }
            try {
                String name = DicomFilm.sopInstanceUid(f).map(u -> u + ".dcm").orElse(String.valueOf(f.getFileName()));
                outbox.keep(f, name.replaceAll("[^A-Za-z0-9._-]", "_"));
                kept++;
            } catch (IOException | RuntimeException e) {
                throw new InputException("could not send " + f + " and cannot keep it in the outbox " + outbox.folder()
                        + " (" + e.getMessage() + ")", e);
            }
        }
        return kept;
    }

    private static void noPositional(Options o, String verb) throws UsageException {
        if (!o.positional.isEmpty()) {
            throw new UsageException(verb + " takes no argument '" + o.positional.get(0) + "' (" + USAGE + ")");
        }
    }
}
