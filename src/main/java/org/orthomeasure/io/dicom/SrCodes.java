package org.orthomeasure.io.dicom;

import java.util.Locale;
import java.util.Optional;
import org.orthomeasure.core.calibration.CalibrationSource;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.measure.MeasurementId;
import org.orthomeasure.core.measure.Unit;

/**
 * The coded concepts of OrthoMeasure's measurement report: DICOM (DCM), SNOMED CT (SCT) and UCUM
 * codes where the standard has one, else the private scheme {@value #PRIVATE} documented in
 * {@code docs/dicom-sr.md}.
 */
final class SrCodes {

    /** The private coding scheme designator ("99" prefix: private, PS3.16 8.2). */
    static final String PRIVATE = "99ORTHOMEASURE";

    static final DicomCode REPORT = dcm("126000", "Imaging Measurement Report");
    static final DicomCode LANGUAGE = dcm("121049", "Language of Content Item and Descendants");
    static final DicomCode ENGLISH_US = DicomCode.of("en-US", "RFC5646", "English (United States)");
    static final DicomCode OBSERVER_TYPE = dcm("121005", "Observer Type");
    static final DicomCode PERSON = dcm("121006", "Person");
    static final DicomCode PERSON_OBSERVER_NAME = dcm("121008", "Person Observer Name");
    static final DicomCode PROCEDURE_REPORTED = dcm("121058", "Procedure reported");
    static final DicomCode PLAIN_RADIOGRAPHY = sct("168537006", "Plain radiography");
    static final DicomCode IMAGE_LIBRARY = dcm("111028", "Image Library");
    static final DicomCode IMAGE_LIBRARY_GROUP = dcm("126200", "Image Library Group");
    static final DicomCode IMAGING_MEASUREMENTS = dcm("126010", "Imaging Measurements");
    static final DicomCode MEASUREMENT_GROUP = dcm("125007", "Measurement Group");
    static final DicomCode TRACKING_ID = dcm("112039", "Tracking Identifier");
    static final DicomCode TRACKING_UID = dcm("112040", "Tracking Unique Identifier");
    static final DicomCode ALGORITHM_NAME = dcm("111001", "Algorithm Name");
    static final DicomCode ALGORITHM_VERSION = dcm("111003", "Algorithm Version");
    static final DicomCode ALGORITHM_PARAMETERS = dcm("111002", "Algorithm Parameters");
    static final DicomCode HORIZONTAL_PIXEL_SPACING = dcm("111026", "Horizontal Pixel Spacing");
    static final DicomCode VERTICAL_PIXEL_SPACING = dcm("111066", "Vertical Pixel Spacing");
    static final DicomCode LATERALITY = sct("272741003", "Laterality");
    static final DicomCode RIGHT = sct("24028007", "Right");
    static final DicomCode LEFT = sct("7771000", "Left");
    static final DicomCode LENGTH = sct("410668003", "Length");
    static final DicomCode DISTANCE = dcm("121206", "Distance");
    static final DicomCode COBB_ANGLE = sct("285285000", "Cobb angle");

    static final DicomCode DEGREE = DicomCode.of("deg", "UCUM", "degree");
    static final DicomCode MILLIMETRE = DicomCode.of("mm", "UCUM", "millimeter");
    static final DicomCode PIXELS = DicomCode.of("{pixels}", "UCUM", "pixels");

    static final DicomCode MEASUREMENT = own("measurement", "OrthoMeasure measurement");
    static final DicomCode CALIBRATION_METHOD = own("calibration", "Calibration method");
    static final DicomCode CALIBRATION_DETAIL = own("calDetail", "Calibration detail");
    static final DicomCode CALIBRATION_WARNING = own("calWarning", "Calibration warning");
    static final DicomCode UPPER_END_VERTEBRA = own("upperEnd", "Upper end vertebra");
    static final DicomCode LOWER_END_VERTEBRA = own("lowerEnd", "Lower end vertebra");
    static final DicomCode MEASUREMENT_NOTE = own("note", "Note");
    static final DicomCode LANDMARK_DOCUMENT = own("landmarkDoc", "OrthoMeasure landmark document");

    private SrCodes() {
    }

    static DicomCode dcm(String value, String meaning) {
        return DicomCode.of(value, "DCM", meaning);
    }

    static DicomCode sct(String value, String meaning) {
        return DicomCode.of(value, "SCT", meaning);
    }

    static DicomCode own(String value, String meaning) {
        return DicomCode.of(value, PRIVATE, meaning);
    }

    static DicomCode laterality(Side side) {
        return side == Side.R ? RIGHT : LEFT;
    }

    /** The UCUM unit of a measurement value. */
    static DicomCode unit(Unit unit) {
        return switch (unit) {
            case DEG -> DEGREE;
            case MM -> MILLIMETRE;
            case PX -> PIXELS;
            case NONE -> throw new IllegalArgumentException("a value without unit is not a NUM");
        };
    }

    /** The private code that identifies the measurement exactly: its id ("R.HKA", "cobb.major"). */
    static DicomCode measurementId(MeasurementId id) {
        return own(id.id(), meaning(id.description()));
    }

    /**
     * The concept name of a measurement's NUM: Cobb angle (SCT), Length (SCT) for the bone and leg
     * lengths, Distance (DCM) for MAD, else the private code of the measurement kind ("HKA", "LLD").
     */
    static DicomCode concept(MeasurementId id) {
        if (id.id().startsWith("cobb")) {
            return COBB_ANGLE;
        }
        String kind = id.limbMeasure().map(m -> m.id()).orElse(id.id());
        return switch (kind) {
            case "femurLength", "tibiaLength", "legLength" -> LENGTH;
            case "MAD" -> DISTANCE;
            default -> own(kind, meaning(id.limbMeasure().map(m -> m.description()).orElse(id.description())));
        };
    }

    /** The private code of a calibration method: "cal." and the source id shortened to fit 16 characters. */
    static DicomCode calibration(CalibrationSource source) {
        String v = switch (source) {
            case PIXEL_SPACING -> "cal.pixelSpacing";
            case DETECTOR_PLANE -> "cal.detector";
            case MAGNIFICATION_CORRECTED -> "cal.magnified";
            case CALIBRATED -> "cal.inFile";
            case USER_LINE -> "cal.userLine";
            case CALIBRATION_BALL -> "cal.ball";
            case NONE -> "cal.none";
        };
        return own(v, meaning(source.label()));
    }

    /** The calibration source coded by {@link #calibration}, if {@code code} is one. */
    static Optional<CalibrationSource> calibrationSource(String codeValue) {
        for (CalibrationSource s : CalibrationSource.values()) {
            if (calibration(s).value().equals(codeValue)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A limb landmark: side and abbreviation ("R.FCm"), meaning "Right femoral condyle medial". */
    static DicomCode landmark(LandmarkKey key) {
        return own(key.side().prefix() + key.landmark().abbreviation(),
                meaning(key.side().word() + " " + words(key.landmark().id())));
    }

    static DicomCode headRim(Side side) {
        return own(side.prefix() + "headRim", meaning(side.word() + " femoral head rim points"));
    }

    static DicomCode vertebra(SpineLevel level) {
        return own(level.name(), level.name() + " vertebral body corners (TL, TR, BL, BR)");
    }

    static DicomCode cobbLine(boolean upper) {
        return upper ? own("cobbLineUpper", "Upper Cobb endplate line") : own("cobbLineLower", "Lower Cobb endplate line");
    }

    /** "femoralHeadCenter" as "femoral head center". */
    static String words(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** A code meaning: ASCII, at most 64 characters, first letter capital. */
    static String meaning(String text) {
        String ascii = text.replace("°", " deg").replace("\\", "/").replaceAll("[^\\x20-\\x7E]", "?");
        String m = ascii.length() > 64 ? ascii.substring(0, 61) + "..." : ascii;
        return m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }
}
