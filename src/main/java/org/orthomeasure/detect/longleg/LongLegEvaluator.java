package org.orthomeasure.detect.longleg;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.orthomeasure.core.calibration.Calibration;
import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.measure.Measurement;
import org.orthomeasure.core.measure.MeasurementEngine;
import org.orthomeasure.core.measure.MeasurementOptions;
import org.orthomeasure.core.measure.MeasurementSet;
import org.orthomeasure.detect.DetectorException;
import org.orthomeasure.detect.GreyImage;

/**
 * Scores the long-leg detector on OAI crops ({@link OaiLegsDataset}): each crop is measured as a one-leg right
 * film, as users and the acceptance pass crops ({@code --side R}), and compared with the landmarks that
 * {@link LegGeometry} derives from the crop's hand-drawn outlines, measurement by measurement (every angle of
 * the engine that both give) and landmark by landmark (crop pixels). Optionally writes one overlay picture
 * per crop (reference points green, suggested red, suggested head circle cyan) to check by eye.
 */
public final class LongLegEvaluator {

    /** One crop: per measurement id (e.g. "R.HKA") the reference and suggested values; per landmark the distance. */
    public record CropScore(String name, Map<String, double[]> values, Map<LegPoint, Double> distancePx,
                            boolean lowConfidence, String reason, double diceFemur, double diceTibia) {
    }

    private final LongLegDetector detector;

    public LongLegEvaluator(LongLegDetector detector) {
        this.detector = detector;
    }

    /** Scores one crop; draws its overlay into {@code overlays} when present. */
    public CropScore score(OaiLegsDataset.Crop crop, Optional<Path> overlays) throws IOException, DetectorException {
        BufferedImage image = ImageIO.read(crop.image().toFile());
        if (image == null) {
            throw new IOException(crop.image() + ": not a readable image");
        }
        GreyImage grey = GreyImage.fromBufferedImage(image);
        BoneMask truth = OaiLegsDataset.readMask(crop.mask());
        LegCrop geometry = LegCrop.single(Side.R, grey.width(), grey.height());
        DerivedLeg reference = LegGeometry.derive(truth, geometry.contentHeight());
        float[] sampled = geometry.sample(grey);
        BoneSegmenter.Segmentation seg = detector.segment(sampled);
        DerivedLeg derived = LongLegDetector.derived(seg, geometry, sampled);
        LegSuggestion suggested = LongLegDetector.toFilm(geometry, derived, seg, sampled);
        LegSuggestion ref = LongLegDetector.toFilm(geometry, reference, seg, sampled);

        MeasurementSet refSet = measure(ref);
        MeasurementSet sugSet = measure(suggested);
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Measurement m : refSet.measurements()) {
            if (m.number().isPresent()) {
                sugSet.get(m.id()).filter(s -> s.number().isPresent())
                        .ifPresent(s -> values.put(m.id().id(), new double[] {m.value(), s.value()}));
            }
        }
        Map<LegPoint, Double> dist = new EnumMap<>(LegPoint.class);
        for (Map.Entry<LegPoint, Point2> e : ref.points().entrySet()) {
            Point2 s = suggested.points().get(e.getKey());
            if (s != null) {
                dist.put(e.getKey(), s.distanceTo(e.getValue()));
            }
        }
        double[] dice = dice(seg.mask(), truth);
        if (overlays.isPresent()) {
            drawOverlay(image, ref, suggested, overlays.get().resolve(crop.name() + ".png"));
        }
        return new CropScore(crop.name(), values, dist, suggested.low(), suggested.lowConfidenceReason().orElse(""),
                dice[0], dice[1]);
    }

    private static MeasurementSet measure(LegSuggestion leg) {
        LandmarkSet set = SuggestedLandmarks.of(LandmarkSet.empty(), List.of(leg)).landmarks();
        return MeasurementEngine.measure(set, Calibration.none("crop pixels"), MeasurementOptions.defaults());
    }

    private static double[] dice(BoneMask a, BoneMask b) {
        double[] out = new double[2];
        for (int c = 1; c <= 2; c++) {
            long inter = 0;
            long sum = 0;
            for (int y = 0; y < a.height(); y++) {
                for (int x = 0; x < a.width(); x++) {
                    boolean pa = a.label(x, y) == c;
                    boolean pb = b.label(x, y) == c;
                    inter += pa && pb ? 1 : 0;
                    sum += (pa ? 1 : 0) + (pb ? 1 : 0);
                }
            }
            out[c - 1] = sum == 0 ? 1 : 2.0 * inter / sum;
        }
        return out;
    }

    private static void drawOverlay(BufferedImage image, LegSuggestion ref, LegSuggestion sug, Path file) throws IOException {
        int s = 3;
        BufferedImage out = new BufferedImage(image.getWidth() * s, image.getHeight() * s, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        g.setStroke(new BasicStroke(1.5f));
        sug.head().ifPresent(c -> {
            g.setColor(Color.CYAN);
            double r = c.radius() * s;
            g.drawOval((int) ((c.center().x() + 0.5) * s - r), (int) ((c.center().y() + 0.5) * s - r), (int) (2 * r), (int) (2 * r));
        });
        for (LegSuggestion leg : List.of(ref, sug)) {
            g.setColor(leg == ref ? Color.GREEN : Color.RED);
            for (Point2 p : leg.points().values()) {
                int x = (int) Math.round((p.x() + 0.5) * s);
                int y = (int) Math.round((p.y() + 0.5) * s);
                g.drawLine(x - 4, y, x + 4, y);
                g.drawLine(x, y - 4, x, y + 4);
            }
        }
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
    }

    /** Summary figures over crops: per measurement MAE (deg or px), HKA within 1°, landmark error, flags. */
    public static Map<String, Object> summary(List<CropScore> scores) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("crops", scores.size());
        out.put("lowConfidence", scores.stream().filter(CropScore::lowConfidence).count());
        Map<String, List<Double>> errors = new LinkedHashMap<>();
        for (CropScore s : scores) {
            s.values().forEach((id, v) -> errors.computeIfAbsent(id, k -> new ArrayList<>()).add(Math.abs(v[1] - v[0])));
        }
        Map<String, Object> mae = new LinkedHashMap<>();
        errors.forEach((id, e) -> mae.put(id, new double[] {e.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), e.size()}));
        out.put("mae", mae);
        List<Double> hka = errors.getOrDefault("R.HKA", List.of());
        out.put("hkaWithin1deg", hka.isEmpty() ? Double.NaN : hka.stream().filter(e -> e <= 1.0).count() / (double) hka.size());
        Map<String, Double> dist = new LinkedHashMap<>();
        for (LegPoint p : LegPoint.values()) {
            dist.put(p.id(), scores.stream().filter(s -> s.distancePx().containsKey(p))
                    .mapToDouble(s -> s.distancePx().get(p)).average().orElse(Double.NaN));
        }
        out.put("landmarkErrorPx", dist);
        out.put("diceFemur", scores.stream().mapToDouble(CropScore::diceFemur).average().orElse(Double.NaN));
        out.put("diceTibia", scores.stream().mapToDouble(CropScore::diceTibia).average().orElse(Double.NaN));
        return out;
    }
}
