package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.io.landmarks.ImageSize;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileWriter;

/**
 * Writes a reading as a DICOM Comprehensive SR following TID 1500 "Measurement Report", in the
 * film's patient and study, as a new series (modality SR). Layout (docs/dicom-sr.md):
 * <ul>
 *   <li>root: language, observer (person name), procedure reported (plain radiography);</li>
 *   <li>Image Library: the film (its SOP Class and Instance UIDs);</li>
 *   <li>Imaging Measurements, group "OrthoMeasure measurements": the calibration method, spacing
 *       and detail, then each measurement as a NUM (UCUM units, the exact value also as Floating Point
 *       Value) with its identifying code, laterality and end vertebrae; the CPAK type as TEXT;</li>
 *   <li>group "OrthoMeasure landmarks" (placed or confirmed by the observer) and, when there are
 *       unconfirmed suggestions, group "OrthoMeasure suggested landmarks" with the algorithm's name,
 *       version and model (TID 4019): each landmark a SCOORD selected from the film, in pixel
 *       coordinates (0,0 the top-left corner of the top-left pixel, as OrthoMeasure's own);</li>
 *   <li>the landmark document ({@code orthomeasure-landmarks/1} JSON) as TEXT, so that reading the
 *       SR back restores the reading exactly (SCOORD values are 32-bit floats).</li>
 * </ul>
 */
public final class MeasurementReportWriter {

    /** Comprehensive SR Storage. */
    public static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";
    static final String TRACKING_MEASUREMENTS = "OrthoMeasure measurements";
    static final String TRACKING_LANDMARKS = "OrthoMeasure landmarks";
    static final String TRACKING_SUGGESTED = "OrthoMeasure suggested landmarks (unconfirmed)";

    private MeasurementReportWriter() {
    }

    /**
     * Writes the report on {@code film} to {@code out} (atomically).
     *
     * @return the SOP Instance UID of the new SR
     * @throws IOException when the file cannot be written
     */
    public static String write(Path out, DicomFilm film, MeasurementReport report) throws IOException {
        try {
            AttributeList l = DerivedObject.header(film, COMPREHENSIVE_SR, "SR", 901,
                    "OrthoMeasure measurement report", report.created(), report.softwareVersion());
            l.put(new SequenceAttribute(TagFromName.ReferencedPerformedProcedureStepSequence));
            DerivedObject.put(l, TagFromName.CompletionFlag, "COMPLETE");
            DerivedObject.put(l, TagFromName.VerificationFlag, "UNVERIFIED");
            l.put(new SequenceAttribute(TagFromName.PerformedProcedureCodeSequence));
            l.put(evidence(film));
            l.put(codingSchemes());
            content(film, report).writeInto(l);
            DerivedObject.write(l, out);
            return DerivedObject.value(l, TagFromName.SOPInstanceUID);
        } catch (DicomException e) {
            throw new IOException("cannot write the SR " + out.getFileName() + " (" + e.getMessage() + ")", e);
        }
    }

    private static SrNode content(DicomFilm film, MeasurementReport report) throws DicomException {
        SrNode root = SrNode.root(SrCodes.REPORT, "1500");
        root.code("HAS CONCEPT MOD", SrCodes.LANGUAGE, SrCodes.ENGLISH_US);
        root.code("HAS OBS CONTEXT", SrCodes.OBSERVER_TYPE, SrCodes.PERSON);
        root.personName("HAS OBS CONTEXT", SrCodes.PERSON_OBSERVER_NAME, report.observer());
        root.code("HAS CONCEPT MOD", SrCodes.PROCEDURE_REPORTED, SrCodes.PLAIN_RADIOGRAPHY);
        root.container("CONTAINS", SrCodes.IMAGE_LIBRARY)
                .container("CONTAINS", SrCodes.IMAGE_LIBRARY_GROUP)
                .image("CONTAINS", film.sopClassUid(), film.sopInstanceUid());
        SrNode measurements = root.container("CONTAINS", SrCodes.IMAGING_MEASUREMENTS);

        SrNode values = group(measurements, TRACKING_MEASUREMENTS);
        calibration(values, report.measurements().calibration());
        for (Measurement m : report.measurements().measurements()) {
            measurement(values, m);
        }
        for (String note : report.measurements().notes()) {
            values.text("CONTAINS", SrCodes.MEASUREMENT_NOTE, note);
        }

        LandmarkDocument doc = report.document();
        List<Landmark> all = landmarks(doc.landmarks());
        List<Landmark> confirmed = all.stream().filter(x -> !doc.suggested().contains(x.id())).toList();
        List<Landmark> suggested = all.stream().filter(x -> doc.suggested().contains(x.id())).toList();
        if (!confirmed.isEmpty()) {
            SrNode g = group(measurements, TRACKING_LANDMARKS);
            for (Landmark x : confirmed) {
                x.writeInto(g, film);
            }
        }
        if (!suggested.isEmpty()) {
            SrNode g = group(measurements, TRACKING_SUGGESTED);
            if (report.algorithm().isPresent()) {
                MeasurementReport.Algorithm a = report.algorithm().get();
                g.text("HAS CONCEPT MOD", SrCodes.ALGORITHM_NAME, a.name());
                g.text("HAS CONCEPT MOD", SrCodes.ALGORITHM_VERSION, a.version());
                g.text("HAS CONCEPT MOD", SrCodes.ALGORITHM_PARAMETERS, a.model());
            }
            for (Landmark x : suggested) {
                x.writeInto(g, film);
            }
        }
        // the reading itself: a check-mode reference (someone else's blind reading) is not part of it
        LandmarkDocument stored = doc.withCalibration(report.measurements().calibration()).withReference(Optional.empty());
        if (stored.imageSize().isEmpty()) {
            stored = stored.withImageSize(ImageSize.of(film.columns(), film.rows()));
        }
        root.text("CONTAINS", SrCodes.LANDMARK_DOCUMENT, new LandmarkFileWriter().toJson(stored));
        return root;
    }

    private static SrNode group(SrNode parent, String trackingId) throws DicomException {
        SrNode g = parent.container("CONTAINS", SrCodes.MEASUREMENT_GROUP);
        g.text("HAS OBS CONTEXT", SrCodes.TRACKING_ID, trackingId);
        g.uid("HAS OBS CONTEXT", SrCodes.TRACKING_UID, DerivedObject.newUid());
        return g;
    }

    private static void calibration(SrNode group, Calibration c) throws DicomException {
        group.code("CONTAINS", SrCodes.CALIBRATION_METHOD, SrCodes.calibration(c.source()));
        if (c.spacing().isPresent()) {
            group.number("CONTAINS", SrCodes.HORIZONTAL_PIXEL_SPACING, c.spacing().get().columnMm(), SrCodes.MILLIMETRE);
            group.number("CONTAINS", SrCodes.VERTICAL_PIXEL_SPACING, c.spacing().get().rowMm(), SrCodes.MILLIMETRE);
        }
        if (!c.detail().isBlank()) {
            group.text("CONTAINS", SrCodes.CALIBRATION_DETAIL, c.detail());
        }
        if (c.warning().isPresent()) {
            group.text("CONTAINS", SrCodes.CALIBRATION_WARNING, c.warning().get());
        }
    }

    private static void measurement(SrNode group, Measurement m) throws DicomException {
        SrNode item = m.number().isPresent()
                ? group.number("CONTAINS", SrCodes.concept(m.id()), m.value(), SrCodes.unit(m.unit()))
                : group.text("CONTAINS", SrCodes.concept(m.id()), m.text().orElseThrow());
        item.code("HAS CONCEPT MOD", SrCodes.MEASUREMENT, SrCodes.measurementId(m.id()));
        if (m.id().side().isPresent()) {
            item.code("HAS CONCEPT MOD", SrCodes.LATERALITY, SrCodes.laterality(m.id().side().get()));
        }
        if (m.from().isPresent()) {
            item.text("HAS PROPERTIES", SrCodes.UPPER_END_VERTEBRA, m.from().get().name());
            item.text("HAS PROPERTIES", SrCodes.LOWER_END_VERTEBRA, m.to().orElseThrow().name());
        }
        if (m.note().isPresent()) {
            item.text("HAS PROPERTIES", SrCodes.MEASUREMENT_NOTE, m.note().get());
        }
    }

    /** One landmark as a SCOORD: its id in the landmark file, its concept, its graphic type and points. */
    private record Landmark(String id, DicomCode concept, String graphicType, List<Point2> points) {
        void writeInto(SrNode group, DicomFilm film) throws DicomException {
            double[] xy = new double[points.size() * 2];
            for (int i = 0; i < points.size(); i++) {
                xy[2 * i] = points.get(i).x();
                xy[2 * i + 1] = points.get(i).y();
            }
            group.scoord("CONTAINS", concept, graphicType, xy)
                    .image("SELECTED FROM", film.sopClassUid(), film.sopInstanceUid());
        }
    }

    private static List<Landmark> landmarks(LandmarkSet set) {
        List<Landmark> out = new ArrayList<>();
        for (Map.Entry<LandmarkKey, Point2> e : set.points().entrySet()) {
            out.add(new Landmark(e.getKey().id(), SrCodes.landmark(e.getKey()), "POINT", List.of(e.getValue())));
        }
        for (Side s : Side.values()) {
            if (!set.headRim(s).isEmpty()) {
                out.add(new Landmark(s.prefix() + "femoralHeadRim", SrCodes.headRim(s), "MULTIPOINT", set.headRim(s)));
            }
        }
        for (Vertebra v : set.vertebrae().values()) {
            out.add(new Landmark(v.level().name(), SrCodes.vertebra(v.level()), "MULTIPOINT",
                    List.of(v.topLeft(), v.topRight(), v.bottomLeft(), v.bottomRight())));
        }
        set.cobbLines().ifPresent(c -> {
            out.add(new Landmark("cobbLines", SrCodes.cobbLine(true), "POLYLINE", List.of(c.upper().start(), c.upper().end())));
            out.add(new Landmark("cobbLines", SrCodes.cobbLine(false), "POLYLINE", List.of(c.lower().start(), c.lower().end())));
        });
        return out;
    }

    private static SequenceAttribute evidence(DicomFilm film) throws DicomException {
        AttributeList sop = new AttributeList();
        DerivedObject.put(sop, TagFromName.ReferencedSOPClassUID, film.sopClassUid());
        DerivedObject.put(sop, TagFromName.ReferencedSOPInstanceUID, film.sopInstanceUid());
        SequenceAttribute sops = new SequenceAttribute(TagFromName.ReferencedSOPSequence);
        sops.addItem(sop);
        AttributeList series = new AttributeList();
        DerivedObject.put(series, TagFromName.SeriesInstanceUID, film.seriesInstanceUid());
        series.put(sops);
        SequenceAttribute seriesSeq = new SequenceAttribute(TagFromName.ReferencedSeriesSequence);
        seriesSeq.addItem(series);
        AttributeList study = new AttributeList();
        DerivedObject.put(study, TagFromName.StudyInstanceUID, film.studyInstanceUid());
        study.put(seriesSeq);
        SequenceAttribute evidence = new SequenceAttribute(TagFromName.CurrentRequestedProcedureEvidenceSequence);
        evidence.addItem(study);
        return evidence;
    }

    private static SequenceAttribute codingSchemes() throws DicomException {
        AttributeList item = new AttributeList();
        DerivedObject.put(item, TagFromName.CodingSchemeDesignator, SrCodes.PRIVATE);
        DerivedObject.put(item, TagFromName.CodingSchemeName, "OrthoMeasure measurements and landmarks");
        DerivedObject.put(item, TagFromName.CodingSchemeResponsibleOrganization, "OrthoMeasure project (docs/dicom-sr.md)");
        SequenceAttribute sq = new SequenceAttribute(TagFromName.CodingSchemeIdentificationSequence);
        sq.addItem(item);
        return sq;
    }
}
