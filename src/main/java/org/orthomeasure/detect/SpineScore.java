package org.orthomeasure.detect;

import java.util.List;

/**
 * Accuracy over a set of films (spec: measurements.md, spine, SMAPE): SMAPE = mean over films of
 * {@link FilmScore#smapePercent()}; mean absolute error per curve (major, upper, lower) in degrees; mean
 * corner distance in film px; the number of films flagged low confidence.
 */
public record SpineScore(int films, double smapePercent, double maeMajorDeg, double maeUpperDeg,
                         double maeLowerDeg, double meanCornerDistancePx, int lowConfidenceFilms) {

    /** Scores {@code films}; at least one is needed. */
    public static SpineScore of(List<FilmScore> films) {
        if (films.isEmpty()) {
            throw new IllegalArgumentException("no films to score");
        }
        double smape = 0;
        double[] mae = new double[3];
        double corner = 0;
        int low = 0;
        for (FilmScore f : films) {
            smape += f.smapePercent();
            double[] r = f.reference();
            double[] p = f.predicted();
            for (int i = 0; i < 3; i++) {
                mae[i] += Math.abs(r[i] - p[i]);
            }
            corner += f.meanCornerDistancePx();
            low += f.lowConfidence() ? 1 : 0;
        }
        int n = films.size();
        return new SpineScore(n, smape / n, mae[0] / n, mae[1] / n, mae[2] / n, corner / n, low);
    }
}
