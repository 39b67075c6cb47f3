package org.orthomeasure.detect.longleg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.detect.GreyImage;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Films exported with other grey levels than the training crops (the acceptance films are exports without
 * CLAHE): the 25 real test crops under gamma, contrast and brightness changes keep every leg measured that
 * the crop itself measures, with HKA close to the crop's own.
 */
class PhotometricVariantsTest {

    private static LongLegDetector detector;

    @BeforeAll
    static void load() throws Exception {
        detector = LongLegDetector.loadDefault();
    }

    @AfterAll
    static void close() throws Exception {
        detector.close();
    }

    private static double hka(LegSuggestion leg) {
        return OaiCrops.hka(leg);
    }

    @Test
    void greyLevelChangesKeepEveryLegMeasuredWithItsHka() throws Exception {
        Map<String, DoubleUnaryOperator> variants = new LinkedHashMap<>();
        variants.put("gamma 0.7", v -> 255 * Math.pow(v / 255, 0.7));
        variants.put("gamma 1.4", v -> 255 * Math.pow(v / 255, 1.4));
        variants.put("contrast 0.6", v -> 128 + 0.6 * (v - 128));
        variants.put("darker -40", v -> v - 40);
        variants.put("brighter +30", v -> v + 30);
        List<String> lost = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        for (var e : variants.entrySet()) {
            double worst = 0;
            double sum = 0;
            int n = 0;
            for (OaiLegsDataset.Crop c : OaiCrops.test()) {
                GreyImage g = OaiCrops.grey(c);
                LegSuggestion base = detector.detect(g, LegLayout.oneLeg(Side.R)).leg(Side.R).orElseThrow();
                if (base.low()) {
                    continue;
                }
                float[] v = OaiCrops.values(g);
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) Math.max(0, Math.min(255, e.getValue().applyAsDouble(v[i])));
                }
                LegSuggestion leg = detector.detect(GreyImage.of(g.width(), g.height(), v), LegLayout.oneLeg(Side.R))
                        .leg(Side.R).orElseThrow();
                if (leg.low()) {
                    lost.add(e.getKey() + " " + c.name() + ": " + leg.problems());
                    continue;
                }
                double d = Math.abs(hka(leg) - hka(base));
                worst = Math.max(worst, d);
                sum += d;
                n++;
            }
            log.append(String.format(Locale.ROOT, "%-13s HKA change mean %.2f, worst %.2f deg over %d legs%n", e.getKey(),
                    sum / n, worst, n));
        }
        System.out.print(log);
        assertTrue(lost.isEmpty(), lost + "\n" + log);
    }
}
