package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * Writes the annotated film as a Secondary Capture image (RGB, 8 bits per sample, uncompressed) in the
 * film's patient and study, as a new series; it refers to the film as its source image. It carries no
 * pixel spacing: it is a picture of the reading, not a film to measure on.
 */
public final class SecondaryCaptureWriter {

    /** Secondary Capture Image Storage. */
    public static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

    private SecondaryCaptureWriter() {
    }

    /**
     * @return the SOP Instance UID of the new image
     * @throws IOException when the file cannot be written
     */
    public static String write(Path out, DicomFilm film, BufferedImage image, ZonedDateTime created,
                               String softwareVersion) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        if ((long) w * h * 3 > Integer.MAX_VALUE - 16) {
            throw new IOException("the annotated image " + w + "x" + h + " is too large for a secondary capture");
        }
        try {
            AttributeList l = DerivedObject.header(film, SECONDARY_CAPTURE, "OT", 902,
                    "OrthoMeasure annotated film", created, softwareVersion);
            DerivedObject.put(l, TagFromName.ConversionType, "WSD");
            DerivedObject.put(l, TagFromName.PatientOrientation, "");
            DerivedObject.put(l, TagFromName.Laterality, "");
            DerivedObject.put(l, TagFromName.ImageType, "DERIVED\\SECONDARY");
            DerivedObject.put(l, TagFromName.DerivationDescription, "landmarks and measurements of OrthoMeasure drawn on the film");
            DerivedObject.put(l, TagFromName.BurnedInAnnotation, "NO");
            DerivedObject.put(l, TagFromName.LossyImageCompression, "00");
            l.put(sourceImage(film));
            DerivedObject.put(l, TagFromName.Rows, Integer.toString(h));
            DerivedObject.put(l, TagFromName.Columns, Integer.toString(w));
            DerivedObject.put(l, TagFromName.SamplesPerPixel, "3");
            DerivedObject.put(l, TagFromName.PhotometricInterpretation, "RGB");
            DerivedObject.put(l, TagFromName.PlanarConfiguration, "0");
            DerivedObject.put(l, TagFromName.BitsAllocated, "8");
            DerivedObject.put(l, TagFromName.BitsStored, "8");
            DerivedObject.put(l, TagFromName.HighBit, "7");
            DerivedObject.put(l, TagFromName.PixelRepresentation, "0");
            byte[] rgb = new byte[w * h * 3 + ((w * h * 3) % 2)];
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int i = (y * w + x) * 3;
                    rgb[i] = (byte) (row[x] >> 16);
                    rgb[i + 1] = (byte) (row[x] >> 8);
                    rgb[i + 2] = (byte) row[x];
                }
            }
            OtherByteAttribute pd = new OtherByteAttribute(TagFromName.PixelData);
            pd.setValues(rgb);
            l.put(pd);
            DerivedObject.write(l, out);
            return DerivedObject.value(l, TagFromName.SOPInstanceUID);
        } catch (DicomException e) {
            throw new IOException("cannot write the secondary capture " + out.getFileName() + " (" + e.getMessage() + ")", e);
        }
    }

    static SequenceAttribute sourceImage(DicomFilm film) throws DicomException {
        AttributeList ref = new AttributeList();
        DerivedObject.put(ref, TagFromName.ReferencedSOPClassUID, film.sopClassUid());
        DerivedObject.put(ref, TagFromName.ReferencedSOPInstanceUID, film.sopInstanceUid());
        SequenceAttribute sq = new SequenceAttribute(TagFromName.SourceImageSequence);
        sq.addItem(ref);
        return sq;
    }
}
