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
        // the rest of the DX IOD (PS3.3 A.26), so that dciodvfy reports no error
        a.put("StudyTime", "090000");
        a.put("ReferringPhysicianName", "");
        a.put("StudyID", "1");
        a.put("SeriesNumber", "1");
        a.put("InstanceNumber", "1");
        a.put("PatientOrientation", "L\\F");                 // AP: columns toward the patient's left, rows toward the feet
        a.put("PixelIntensityRelationship", "LIN");
        a.put("PixelIntensityRelationshipSign", "-1");      // higher values: less X-ray intensity (bone is bright)
        a.put("RescaleIntercept", "0");
        a.put("RescaleSlope", "1");
        a.put("RescaleType", "US");
        a.put("PresentationLUTShape", "IDENTITY");
        a.put("LossyImageCompression", "00");
        a.put("DetectorType", "");
        a.put("PositionerType", "");
        a.put("AcquisitionContextSequence", "");
        return a;
    }
}
