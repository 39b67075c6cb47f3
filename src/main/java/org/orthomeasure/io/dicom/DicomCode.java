package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.util.Objects;

/**
 * A DICOM coded concept (Code Value, Coding Scheme Designator, Code Meaning), e.g.
 * {@code (126000, DCM, "Imaging Measurement Report")}. The meaning is at most 64 characters (LO).
 */
public record DicomCode(String value, String scheme, String meaning) {

    public DicomCode {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(meaning, "meaning");
        if (value.isBlank() || scheme.isBlank() || meaning.isBlank()) {
            throw new IllegalArgumentException("a code needs a value, a scheme and a meaning");
        }
        if (meaning.length() > 64 || value.length() > 16 || scheme.length() > 16 || meaning.contains("\\")) {
            throw new IllegalArgumentException("code too long for DICOM: " + value + "^" + scheme + "^" + meaning);
        }
    }

    public static DicomCode of(String value, String scheme, String meaning) {
        return new DicomCode(value, scheme, meaning);
    }

    /** As PixelMed's sequence item. */
    CodedSequenceItem toItem() {
        try {
            return new CodedSequenceItem(value, scheme, meaning);
        } catch (DicomException e) {
            throw new IllegalArgumentException("invalid code " + this + " (" + e.getMessage() + ")", e);
        }
    }

    /** The item's attributes (Code Value, Coding Scheme Designator, Code Meaning), strings in UTF-8. */
    AttributeList toAttributeList() {
        AttributeList l = new AttributeList();
        try {
            DerivedObject.put(l, TagFromName.CodeValue, value);
            DerivedObject.put(l, TagFromName.CodingSchemeDesignator, scheme);
            DerivedObject.put(l, TagFromName.CodeMeaning, meaning);
        } catch (DicomException e) {
            throw new IllegalArgumentException("invalid code " + this + " (" + e.getMessage() + ")", e);
        }
        return l;
    }

    /** True when {@code item} carries this code's value and scheme (the meaning may be worded differently). */
    boolean matches(CodedSequenceItem item) {
        return item != null && value.equals(item.getCodeValue()) && scheme.equals(item.getCodingSchemeDesignator());
    }

    @Override
    public String toString() {
        return "(" + value + ", " + scheme + ", \"" + meaning + "\")";
    }
}
