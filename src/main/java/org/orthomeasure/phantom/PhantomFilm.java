package org.orthomeasure.phantom;

import org.orthomeasure.io.landmarks.LandmarkDocument;

import java.util.Map;

/**
 * A synthetic radiograph and its true landmarks.
 *
 * @param name       file stem, e.g. "longleg-phantom"
 * @param width      pixels
 * @param height     pixels
 * @param pixels     row-major stored values (MONOCHROME2)
 * @param bitsStored bits used per value
 * @param attributes DICOM attributes by keyword (calibration, header, ids)
 * @param landmarks  the landmarks the film was drawn from
 */
public record PhantomFilm(String name, int width, int height, short[] pixels, int bitsStored,
                          Map<String, String> attributes, LandmarkDocument landmarks) {
}
