package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;

import java.io.IOException;
import java.nio.file.Path;

/** Builds small DICOM files attribute by attribute for tests (PixelMed allowed here: package io.dicom; public for the command-line tests). */
public final class TestDicom {

    final AttributeList list = new AttributeList();
    private SpecificCharacterSet charset;

    public static TestDicom grey(int w, int h, short[] pixels, int bitsStored, String photometric) throws DicomException {
        TestDicom t = new TestDicom();
        t.set("SOPClassUID", "1.2.840.10008.5.1.4.1.1.1.1").set("SOPInstanceUID", "2.25.42")
                .set("Modality", "DX")
                .set("Rows", "" + h).set("Columns", "" + w).set("SamplesPerPixel", "1")
                .set("PhotometricInterpretation", photometric).set("BitsAllocated", "16")
                .set("BitsStored", "" + bitsStored).set("HighBit", "" + (bitsStored - 1)).set("PixelRepresentation", "0");
        OtherWordAttribute pd = new OtherWordAttribute(TagFromName.PixelData);
        pd.setValues(pixels);
        t.list.put(pd);
        return t;
    }

    static TestDicom rgb(int w, int h, byte[] samples, int planar) throws DicomException {
        TestDicom t = new TestDicom();
        t.set("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7").set("SOPInstanceUID", "2.25.43")
                .set("Rows", "" + h).set("Columns", "" + w).set("SamplesPerPixel", "3")
                .set("PhotometricInterpretation", "RGB").set("BitsAllocated", "8").set("BitsStored", "8")
                .set("HighBit", "7").set("PixelRepresentation", "0").set("PlanarConfiguration", "" + planar);
        OtherByteAttribute pd = new OtherByteAttribute(TagFromName.PixelData);
        pd.setValues(samples);
        t.list.put(pd);
        return t;
    }

    TestDicom charset(String term) throws DicomException {
        set("SpecificCharacterSet", term);
        charset = new SpecificCharacterSet(new String[]{term});
        return this;
    }

    public TestDicom set(String keyword, String value) throws DicomException {
        AttributeTag tag = DicomDictionary.StandardDictionary.getTagFromName(keyword);
        if (tag == null) {
            throw new IllegalArgumentException(keyword);
        }
        Attribute a = AttributeFactory.newAttribute(tag, DicomDictionary.StandardDictionary.getValueRepresentationFromTag(tag), charset);
        for (String v : value.split("\\\\", -1)) {
            a.addValue(v);
        }
        list.put(a);
        return this;
    }

    TestDicom remove(String keyword) {
        list.remove(DicomDictionary.StandardDictionary.getTagFromName(keyword));
        return this;
    }

    /** Adds a LUT item (descriptor entries\first\bits, data as OW) to a sequence such as (0028,3000) or VOILUTSequence. */
    TestDicom lutItem(AttributeTag sequenceTag, int firstMapped, int bits, int[] table, String explanation)
            throws DicomException {
        SequenceAttribute seq = list.get(sequenceTag) instanceof SequenceAttribute s ? s : new SequenceAttribute(sequenceTag);
        AttributeList item = new AttributeList();
        Attribute desc = AttributeFactory.newAttribute(TagFromName.LUTDescriptor, new byte[]{'U', 'S'});
        desc.addValue(table.length);
        desc.addValue(firstMapped);
        desc.addValue(bits);
        item.put(desc);
        OtherWordAttribute data = new OtherWordAttribute(TagFromName.LUTData);
        short[] s = new short[table.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) table[i];
        }
        data.setValues(s);
        item.put(data);
        if (explanation != null) {
            Attribute e = AttributeFactory.newAttribute(TagFromName.LUTExplanation, new byte[]{'L', 'O'});
            e.addValue(explanation);
            item.put(e);
        }
        seq.addItem(item);
        list.put(seq);
        return this;
    }

    Path write(Path file, String transferSyntax) throws IOException, DicomException {
        list.remove(TagFromName.TransferSyntaxUID);
        FileMetaInformation.addFileMetaInformation(list, transferSyntax, "TEST");
        list.write(file.toFile(), transferSyntax, true, true);
        return file;
    }

    public Path write(Path file) throws IOException, DicomException {
        return write(file, "1.2.840.10008.1.2.1");
    }
}
