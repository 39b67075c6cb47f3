package org.orthomeasure.io.dicom;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.radiograph.RadiographReader;
import org.orthomeasure.io.landmarks.LandmarkDocument;
import org.orthomeasure.io.landmarks.LandmarkFileReader;

/** A sample film of {@code sample-dicom/} with its true landmarks, measured with the film's calibration. */
public record SampleReading(DicomFilm film, LandmarkDocument doc, MeasurementSet set) {

    public static SampleReading of(String name) throws Exception {
        Path film = Path.of("sample-dicom", name + ".dcm");
        LandmarkDocument doc = new LandmarkFileReader().read(Path.of("sample-dicom", name + ".landmarks.json"));
        Radiograph r = RadiographReader.withToolSearchPath("").open(film);
        MeasurementSet set = MeasurementEngine.measure(doc.landmarks(), r.calibration(),
                new MeasurementOptions(false, OptionalDouble.of(r.height())));
        return new SampleReading(DicomFilm.read(film), doc, set);
    }
}
