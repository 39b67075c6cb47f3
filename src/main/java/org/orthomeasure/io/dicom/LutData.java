package org.orthomeasure.io.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;

/** Reads LUT Data (US, SS, OW or OB) into unsigned entries (PS3.3 C.11.1.1). */
final class LutData {

    private LutData() {
    }

    /**
     * @param entries number of entries from the LUT Descriptor (0 there means 65536)
     * @param bits    bits per entry from the descriptor (8 entries may be packed two per 16-bit word)
     */
    static int[] values(Attribute data, int entries, int bits) throws DicomException {
        int[] out = new int[entries];
        if (data instanceof OtherByteAttribute) {
            byte[] b = data.getByteValues();
            for (int i = 0; i < entries && i < b.length; i++) {
                out[i] = b[i] & 0xFF;
            }
            return padded(out, Math.min(entries, b.length));
        }
        short[] w = data instanceof OtherWordAttribute ? data.getShortValues() : toShorts(data.getIntegerValues());
        if (bits <= 8 && w.length * 2 >= entries && w.length < entries) {
            // 8-bit entries packed two per word, low byte first
            for (int i = 0; i < entries; i++) {
                int word = w[i / 2] & 0xFFFF;
                out[i] = (i % 2 == 0) ? word & 0xFF : word >> 8;
            }
            return out;
        }
        int mask = bits >= 16 ? 0xFFFF : (1 << bits) - 1;
        for (int i = 0; i < entries && i < w.length; i++) {
            out[i] = w[i] & mask;
        }
        return padded(out, Math.min(entries, w.length));
    }

    private static short[] toShorts(int[] v) {
        short[] s = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = (short) v[i];
        }
        return s;
    }

    /** Entries beyond the data repeat the last value present. */
    private static int[] padded(int[] out, int present) {
        for (int i = Math.max(1, present); i < out.length; i++) {
            out[i] = out[present > 0 ? present - 1 : 0];
        }
        return out;
    }
}
