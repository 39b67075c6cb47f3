package org.orthomeasure.ui.text;

import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LimbLandmark;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.plausibility.PlausibilityFlag;
import org.orthomeasure.core.protocol.PointRef;
import org.orthomeasure.core.protocol.VertebraCorner;
import org.orthomeasure.report.ReportText;

/**
 * The words a radiologist reads for the app's points and findings: "Right femoral condyle, medial",
 * "T4, top-left corner", "Upper endplate line, 1st end"; never an internal id. The one place the UI
 * names landmarks, so that it can later read the names from the core's measurement definitions.
 */
public final class ClinicalText {

    private ClinicalText() {
    }

    /** "Right" or "Left". */
    public static String side(Side side) {
        return side == Side.R ? "Right" : "Left";
    }

    /** The landmark's name without side, lower case: "femoral condyle, medial" ({@link LimbLandmark#words}). */
    public static String landmark(LimbLandmark l) {
        return l.words();
    }

    /** "Right femoral condyle, medial". */
    public static String landmark(LandmarkKey key) {
        return side(key.side()) + " " + landmark(key.landmark());
    }

    /** The name of any point the user places: limb landmark, rim point, vertebra corner or Cobb line end. */
    public static String point(PointRef ref) {
        if (ref instanceof PointRef.Limb l) {
            return landmark(l.key());
        }
        if (ref instanceof PointRef.HeadRim r) {
            return side(r.side()) + " femoral head, rim point " + (r.index() + 1);
        }
        if (ref instanceof PointRef.Corner c) {
            return c.level().name() + ", " + corner(c.corner());
        }
        PointRef.CobbEnd e = (PointRef.CobbEnd) ref;
        return (e.line() == PointRef.CobbLine.UPPER ? "Upper" : "Lower") + " endplate line, " + (e.start() ? "1st" : "2nd") + " end";
    }

    /**
     * {@code text} with every landmark id in it ("R.femoralCondyleMedial", "L.femoralHeadRim[2]")
     * replaced by its name; other words stay as they are (the report's wording, {@link ReportText#withNames}).
     */
    public static String withNames(String text) {
        return ReportText.withNames(text);
    }

    /**
     * A protocol step's title in the landmark list: "Right femoral head centre (H)" for a limb
     * landmark, the step's own title otherwise ("Upper endplate line, 1st end", "T4 top-left corner").
     */
    public static String stepTitle(org.orthomeasure.core.protocol.Step step) {
        if (step.target() instanceof PointRef.Limb l) {
            return landmark(l.key()) + " (" + l.key().landmark().abbreviation() + ")";
        }
        return step.title();
    }

    /** "top-left corner". */
    public static String corner(VertebraCorner c) {
        return switch (c) {
            case TOP_LEFT -> "top-left corner";
            case TOP_RIGHT -> "top-right corner";
            case BOTTOM_LEFT -> "bottom-left corner";
            case BOTTOM_RIGHT -> "bottom-right corner";
        };
    }

    /**
     * One line saying what is implausible and which landmark to check, e.g. "Right tibial plateau,
     * medial: 240 mm from the knee centre (expected within 48 mm)".
     */
    public static String plausibility(PlausibilityFlag f) {
        return org.orthomeasure.report.ReportText.plausibility(f); // one wording for the panel and the report
    }
}
