package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import org.orthomeasure.io.image.ModalityTransform;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.image.VoiLut;
import org.orthomeasure.io.image.WindowPreset;

import java.util.Locale;

/**
 * The grey-level pipeline from the file (PS3.3 C.11): Modality LUT Sequence or Rescale
 * Slope/Intercept, Window Center/Width pairs and VOI LUT Sequence items (each a preset),
 * MONOCHROME1 or Presentation LUT Shape INVERSE (shown inverted). Invalid values are skipped with a
 * note rather than failing the image.
 */
final class DicomGreyLevels {

    /** (0028,3000) Modality LUT Sequence (not named in PixelMed's TagFromName). */
    private static final AttributeTag MODALITY_LUT_SEQUENCE = new AttributeTag(0x0028, 0x3000);

    private DicomGreyLevels() {
    }

    static void apply(AttributeList l, String photometric, boolean signed, Radiograph.Builder b) {
        b.modality(modality(l, signed, b));
        windows(l, b);
        voiLuts(l, signed, b);
        String shape = Attribute.getSingleStringValueOrEmptyString(l, TagFromName.PresentationLUTShape).strip();
        boolean inverse = shape.equalsIgnoreCase("INVERSE");
        // MONOCHROME1 means "minimum is white"; a Presentation LUT Shape INVERSE says the same thing
        // (PS3.3 C.8.11.6.1.2 requires INVERSE with MONOCHROME1), so the two never invert twice.
        b.invertedByDefault(photometric.equals("MONOCHROME1") || inverse);
        String function = Attribute.getSingleStringValueOrEmptyString(l, TagFromName.VOILUTFunction).strip();
        if (!function.isEmpty() && !function.equalsIgnoreCase("LINEAR")) {
            b.addNote("VOI LUT Function " + function + " shown as LINEAR");
        }
    }

    private static ModalityTransform modality(AttributeList l, boolean signed, Radiograph.Builder b) {
        Attribute seq = l.get(MODALITY_LUT_SEQUENCE);
        if (seq instanceof SequenceAttribute s && s.getNumberOfItems() > 0) {
            try {
                LutItem item = LutItem.of(s.getItem(0).getAttributeList(), signed);
                return ModalityTransform.lut(item.firstMapped, item.table);
            } catch (DicomException | RuntimeException e) {
                b.addNote("Modality LUT Sequence unreadable, ignored (" + e.getMessage() + ")");
            }
        }
        String slope = Attribute.getSingleStringValueOrNull(l, TagFromName.RescaleSlope);
        String intercept = Attribute.getSingleStringValueOrNull(l, TagFromName.RescaleIntercept);
        if (slope == null && intercept == null) {
            return ModalityTransform.identity();
        }
        try {
            double s = slope == null || slope.isBlank() ? 1 : Double.parseDouble(slope.strip());
            double i = intercept == null || intercept.isBlank() ? 0 : Double.parseDouble(intercept.strip());
            return ModalityTransform.linear(s, i);
        } catch (RuntimeException e) {
            b.addNote("invalid Rescale Slope/Intercept '" + slope + "'/'" + intercept + "' ignored: stored values shown");
            return ModalityTransform.identity();
        }
    }

    private static void windows(AttributeList l, Radiograph.Builder b) {
        String[] centers = strings(l.get(TagFromName.WindowCenter));
        String[] widths = strings(l.get(TagFromName.WindowWidth));
        String[] explanations = strings(l.get(TagFromName.WindowCenterWidthExplanation));
        int n = Math.min(centers.length, widths.length);
        for (int i = 0; i < n; i++) {
            String label = "File " + (i + 1) + (i < explanations.length && !explanations[i].isBlank()
                    ? ": " + explanations[i].strip() : "");
            try {
                double c = Double.parseDouble(centers[i].strip());
                double w = Double.parseDouble(widths[i].strip());
                b.addFilePreset(WindowPreset.linear(label, c, w));
            } catch (RuntimeException e) {
                b.addNote(String.format(Locale.ROOT, "window %d from the file (centre '%s', width '%s') is invalid and not offered",
                        i + 1, centers[i], widths[i]));
            }
        }
    }

    private static void voiLuts(AttributeList l, boolean signed, Radiograph.Builder b) {
        Attribute seq = l.get(TagFromName.VOILUTSequence);
        if (!(seq instanceof SequenceAttribute s)) {
            return;
        }
        for (int i = 0; i < s.getNumberOfItems(); i++) {
            try {
                AttributeList item = s.getItem(i).getAttributeList();
                LutItem lut = LutItem.of(item, signed);
                String expl = Attribute.getSingleStringValueOrEmptyString(item, TagFromName.LUTExplanation).strip();
                b.addFilePreset(WindowPreset.lut("File VOI LUT " + (i + 1) + (expl.isEmpty() ? "" : ": " + expl),
                        VoiLut.of(lut.firstMapped, lut.table, lut.bits)));
            } catch (DicomException | RuntimeException e) {
                b.addNote("VOI LUT " + (i + 1) + " unreadable, not offered (" + e.getMessage() + ")");
            }
        }
    }

    private static String[] strings(Attribute a) {
        if (a == null) {
            return new String[0];
        }
        try {
            String[] s = a.getStringValues();
            return s == null ? new String[0] : s;
        } catch (DicomException e) {
            return new String[0];
        }
    }

    /** One LUT item: LUT Descriptor (entries, first mapped, bits) and LUT Data. */
    private record LutItem(int firstMapped, int[] table, int bits) {
        static LutItem of(AttributeList item, boolean signedFirst) throws DicomException {
            Attribute desc = item.get(TagFromName.LUTDescriptor);
            Attribute data = item.get(TagFromName.LUTData);
            if (desc == null || data == null || desc.getVM() < 3) {
                throw new IllegalArgumentException("no LUT Descriptor/Data");
            }
            int[] d = desc.getIntegerValues();
            int entries = (d[0] & 0xFFFF) == 0 ? 65536 : d[0] & 0xFFFF;
            int bits = d[2];
            if (bits < 1 || bits > 16) {
                throw new IllegalArgumentException("LUT of " + bits + " bits");
            }
            int first = signedFirst ? (short) d[1] : d[1] & 0xFFFF;
            return new LutItem(first, LutData.values(data, entries, bits), bits);
        }
    }
}
