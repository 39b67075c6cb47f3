package org.orthomeasure.report;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.io.image.ImageFormatInfo;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.image.StudyHeader;

/** Test films and landmarks with known values (measurements.md, worked numbers). */
final class ReportFixtures {

    static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 3, 14, 9, 26, 0, 0, ZoneOffset.UTC);

    private ReportFixtures() {
    }

    /**
     * Right leg = worked number 1 shifted by (200, 50): HKA −2.864°, mLDFA 91.432°, MPTA 88.568°,
     * MAD 10 px medial, CPAK IV. Left leg (image right, medial −x): H (800,150), K (805,550), A (790,950),
     * horizontal joint lines.
     */
    static LandmarkSet bothLegs() {
        return LandmarkSet.empty()
                .withPoint(Side.R, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(300, 150))
                .withPoint(Side.R, LimbLandmark.KNEE_CENTER, Point2.of(290, 550))
                .withPoint(Side.R, LimbLandmark.ANKLE_CENTER, Point2.of(300, 950))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, Point2.of(325, 530))
                .withPoint(Side.R, LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(255, 530))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(325, 565))
                .withPoint(Side.R, LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(255, 565))
                .withPoint(Side.L, LimbLandmark.FEMORAL_HEAD_CENTER, Point2.of(800, 150))
                .withPoint(Side.L, LimbLandmark.KNEE_CENTER, Point2.of(805, 550))
                .withPoint(Side.L, LimbLandmark.ANKLE_CENTER, Point2.of(790, 950))
                .withPoint(Side.L, LimbLandmark.FEMORAL_CONDYLE_MEDIAL, Point2.of(770, 530))
                .withPoint(Side.L, LimbLandmark.FEMORAL_CONDYLE_LATERAL, Point2.of(840, 530))
                .withPoint(Side.L, LimbLandmark.TIBIAL_PLATEAU_MEDIAL, Point2.of(770, 565))
                .withPoint(Side.L, LimbLandmark.TIBIAL_PLATEAU_LATERAL, Point2.of(840, 565));
    }

    static MeasurementSet measure(LandmarkSet set, Calibration calibration) {
        return MeasurementEngine.measure(set, calibration, MeasurementOptions.defaults());
    }

    /** A 1100 × 1000 12-bit film: dark background, two bright "legs" along the mechanical axes. */
    static Radiograph film(Calibration calibration, StudyHeader header) {
        int w = 1100;
        int h = 1000;
        short[] px = new short[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 300 + 200 * Math.sin(x / 37.0) * Math.cos(y / 53.0);
                double dr = Math.abs(x - (300 - 10 * Math.sin(Math.PI * y / 1000.0)));
                double dl = Math.abs(x - 800);
                if (dr < 40 || dl < 40) {
                    v += 2500;
                }
                px[y * w + x] = (short) Math.max(0, Math.min(4095, v));
            }
        }
        return Radiograph.builder().grey(w, h, px, false, 12).calibration(calibration).header(header)
                .formatInfo(new ImageFormatInfo(h, w, 12, "MONOCHROME2", Optional.empty(), Optional.of("CR"), 1, "DICOM"))
                .build();
    }

    static StudyHeader header() {
        return StudyHeader.of("Müller-Lüdenscheidt^Zoë Ярослава 王", "PAT-0042", "19570412", "F", "20260310",
                "ACC-7", "LOWER LIMB", "AP", "Städtisches Klinikum");
    }

    static ReportContent content(LandmarkSet set, Calibration cal, boolean withFilm, boolean omitPatient) {
        Optional<FilmView> film = withFilm ? Optional.of(FilmView.of(film(cal, header()))) : Optional.empty();
        return new ReportContent(set, measure(set, cal), MeasurementOptions.defaults(), film,
                withFilm ? Optional.of(header()) : Optional.empty(), omitPatient, Optional.of("Dr. Ana Núñez"), WHEN,
                "0.1.0-test", "legs.json", withFilm ? Optional.of("legs.dcm") : Optional.empty(), List.of());
    }
}
