package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UnsignedLongAttribute;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Arrays;

/** Writes a PDF report as an Encapsulated PDF instance in the film's patient and study, as a new series. */
public final class EncapsulatedPdfWriter {

    /** Encapsulated PDF Storage. */
    public static final String ENCAPSULATED_PDF = "1.2.840.10008.5.1.4.1.1.104.1";

    private EncapsulatedPdfWriter() {
    }

    private static SequenceAttribute sourceInstance(DicomFilm film) throws DicomException {
        AttributeList ref = new AttributeList();
        DerivedObject.put(ref, TagFromName.ReferencedSOPClassUID, film.sopClassUid());
        DerivedObject.put(ref, TagFromName.ReferencedSOPInstanceUID, film.sopInstanceUid());
        SequenceAttribute sq = new SequenceAttribute(new com.pixelmed.dicom.AttributeTag(0x0042, 0x0013)); // Source Instance Sequence
        sq.addItem(ref);
        return sq;
    }

    /**
     * @param identifiesPatient true when the PDF shows the patient's name or id (Burned In Annotation YES)
     * @return the SOP Instance UID of the new instance
     * @throws IOException when {@code pdf} is not a PDF or the file cannot be written
     */
    public static String write(Path out, DicomFilm film, byte[] pdf, String title, boolean identifiesPatient,
                               ZonedDateTime created, String softwareVersion) throws IOException {
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw new IOException("the report to encapsulate is not a PDF");
        }
        try {
            AttributeList l = DerivedObject.header(film, ENCAPSULATED_PDF, "DOC", 903,
                    "OrthoMeasure report (PDF)", created, softwareVersion);
            DerivedObject.put(l, TagFromName.ConversionType, "WSD");
            DerivedObject.put(l, TagFromName.AcquisitionDateTime, "");
            DerivedObject.put(l, TagFromName.BurnedInAnnotation, identifiesPatient ? "YES" : "NO");
            l.put(new SequenceAttribute(TagFromName.ConceptNameCodeSequence));
            DerivedObject.put(l, TagFromName.DocumentTitle, title);
            DerivedObject.put(l, TagFromName.MIMETypeOfEncapsulatedDocument, "application/pdf");
            l.put(sourceInstance(film));
            UnsignedLongAttribute length = new UnsignedLongAttribute(TagFromName.EncapsulatedDocumentLength);
            length.addValue(pdf.length);
            l.put(length);
            OtherByteAttribute doc = new OtherByteAttribute(TagFromName.EncapsulatedDocument);
            doc.setValues(pdf.length % 2 == 0 ? pdf : Arrays.copyOf(pdf, pdf.length + 1));
            l.put(doc);
            DerivedObject.write(l, out);
            return DerivedObject.value(l, TagFromName.SOPInstanceUID);
        } catch (DicomException e) {
            throw new IOException("cannot write the encapsulated PDF " + out.getFileName() + " (" + e.getMessage() + ")", e);
        }
    }
}
