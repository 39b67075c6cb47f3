package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FloatDoubleAttribute;
import com.pixelmed.dicom.FloatSingleAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One content item of a structured report (PS3.3 C.17.3) with its children, turned into DICOM
 * attributes by {@link #writeInto}. Value types: CONTAINER, TEXT, CODE, NUM, PNAME, UIDREF, SCOORD,
 * IMAGE. The root has no relationship type.
 */
final class SrNode {

    private final String relationship;
    private final String valueType;
    private final DicomCode concept;
    private final AttributeList values = new AttributeList();
    private final List<SrNode> children = new ArrayList<>();

    private SrNode(String relationship, String valueType, DicomCode concept) {
        this.relationship = relationship;
        this.valueType = valueType;
        this.concept = concept;
    }

    /** The root CONTAINER of a document built from template {@code templateId} (DCMR). */
    static SrNode root(DicomCode title, String templateId) throws DicomException {
        SrNode n = new SrNode(null, "CONTAINER", title);
        DerivedObject.put(n.values, TagFromName.ContinuityOfContent, "SEPARATE");
        AttributeList template = new AttributeList();
        DerivedObject.put(template, TagFromName.MappingResource, "DCMR");
        DerivedObject.put(template, TagFromName.TemplateIdentifier, templateId);
        SequenceAttribute sq = new SequenceAttribute(TagFromName.ContentTemplateSequence);
        sq.addItem(template);
        n.values.put(sq);
        return n;
    }

    SrNode container(String rel, DicomCode name) throws DicomException {
        SrNode n = add(new SrNode(rel, "CONTAINER", name));
        DerivedObject.put(n.values, TagFromName.ContinuityOfContent, "SEPARATE");
        return n;
    }

    SrNode text(String rel, DicomCode name, String text) throws DicomException {
        SrNode n = add(new SrNode(rel, "TEXT", name));
        DerivedObject.put(n.values, TagFromName.TextValue, text);
        return n;
    }

    SrNode code(String rel, DicomCode name, DicomCode value) {
        SrNode n = add(new SrNode(rel, "CODE", name));
        n.values.put(DerivedObject.codeSequence(TagFromName.ConceptCodeSequence, value));
        return n;
    }

    SrNode personName(String rel, DicomCode name, String dicomName) throws DicomException {
        SrNode n = add(new SrNode(rel, "PNAME", name));
        DerivedObject.put(n.values, TagFromName.PersonName, dicomName);
        return n;
    }

    SrNode uid(String rel, DicomCode name, String uid) throws DicomException {
        SrNode n = add(new SrNode(rel, "UIDREF", name));
        DerivedObject.put(n.values, TagFromName.UID, uid);
        return n;
    }

    /** A NUM: Numeric Value as a decimal string of at most 16 characters, and the exact double (Floating Point Value). */
    SrNode number(String rel, DicomCode name, double value, DicomCode unit) throws DicomException {
        SrNode n = add(new SrNode(rel, "NUM", name));
        AttributeList mv = new AttributeList();
        DerivedObject.put(mv, TagFromName.NumericValue, decimalString(value));
        FloatDoubleAttribute fd = new FloatDoubleAttribute(TagFromName.FloatingPointValue);
        fd.addValue(value);
        mv.put(fd);
        mv.put(DerivedObject.codeSequence(TagFromName.MeasurementUnitsCodeSequence, unit));
        SequenceAttribute sq = new SequenceAttribute(TagFromName.MeasuredValueSequence);
        sq.addItem(mv);
        n.values.put(sq);
        return n;
    }

    /** A SCOORD in image pixel coordinates (column, row pairs; 0,0 the top-left corner of the top-left pixel). */
    SrNode scoord(String rel, DicomCode name, String graphicType, double[] xy) throws DicomException {
        SrNode n = add(new SrNode(rel, "SCOORD", name));
        DerivedObject.put(n.values, TagFromName.GraphicType, graphicType);
        FloatSingleAttribute data = new FloatSingleAttribute(TagFromName.GraphicData);
        for (double v : xy) {
            data.addValue((float) v);
        }
        n.values.put(data);
        return n;
    }

    /** An IMAGE reference; no concept name. */
    SrNode image(String rel, String sopClassUid, String sopInstanceUid) throws DicomException {
        SrNode n = add(new SrNode(rel, "IMAGE", null));
        AttributeList ref = new AttributeList();
        DerivedObject.put(ref, TagFromName.ReferencedSOPClassUID, sopClassUid);
        DerivedObject.put(ref, TagFromName.ReferencedSOPInstanceUID, sopInstanceUid);
        SequenceAttribute sq = new SequenceAttribute(TagFromName.ReferencedSOPSequence);
        sq.addItem(ref);
        n.values.put(sq);
        return n;
    }

    private SrNode add(SrNode child) {
        children.add(child);
        return child;
    }

    /** Puts this item's attributes and its Content Sequence into {@code list}. */
    void writeInto(AttributeList list) throws DicomException {
        if (relationship != null) {
            DerivedObject.put(list, TagFromName.RelationshipType, relationship);
        }
        DerivedObject.put(list, TagFromName.ValueType, valueType);
        if (concept != null) {
            list.put(DerivedObject.codeSequence(TagFromName.ConceptNameCodeSequence, concept));
        }
        list.putAll(values);
        if (!children.isEmpty()) {
            SequenceAttribute content = new SequenceAttribute(TagFromName.ContentSequence);
            for (SrNode c : children) {
                AttributeList item = new AttributeList();
                c.writeInto(item);
                content.addItem(item);
            }
            list.put(content);
        }
    }

    /** {@code v} as a DICOM decimal string (DS): at most 16 characters, as many significant digits as fit. */
    static String decimalString(double v) {
        String s = Double.toString(v);
        if (s.length() <= 16) {
            return s;
        }
        for (int digits = 15; digits > 0; digits--) {
            s = new BigDecimal(v).round(new MathContext(digits)).toString();
            if (s.length() <= 16) {
                return s;
            }
        }
        throw new IllegalArgumentException("cannot write " + v + " as a decimal string");
    }
}
