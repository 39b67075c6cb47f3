package org.orthomeasure.phantom;

import java.util.LinkedHashMap;
import java.util.Map;

/** DICOM attributes shared by the phantom films: fixed UIDs (2.25 roots derived from the seed), dates, labels. */
final class PhantomDicom {

    private PhantomDicom() {
    }

    static Map<String, String> commonAttributes(String kind, long seed) {
        long base = Math.abs((kind.hashCode() * 1_000_003L) ^ seed) % 1_000_000_000_000L;
        Map<String, String> a = new LinkedHashMap<>();
        a.put("SOPClassUID", "1.2.840.10008.5.1.4.1.1.1.1");        // Digital X-Ray Image Storage - For Presentation
        a.put("SOPInstanceUID", "2.25." + (base * 10 + 1));
        a.put("StudyInstanceUID", "2.25." + (base * 10 + 2));
        a.put("SeriesInstanceUID", "2.25." + (base * 10 + 3));
        a.put("Modality", "DX");
        a.put("PresentationIntentType", "FOR PRESENTATION");
        a.put("ImageType", "DERIVED\\PRIMARY");
        a.put("PatientBirthDate", "19700101");
        a.put("PatientSex", "O");
        a.put("StudyDate", "20260101");
        a.put("AccessionNumber", "SYNTH-" + kind.toUpperCase(java.util.Locale.ROOT));
        a.put("InstitutionName", "OrthoMeasure synthetic phantom (not a patient)");
        a.put("Manufacturer", "OrthoMeasure phantom generator");
        a.put("BurnedInAnnotation", "NO");
        return a;
    }
}
