package org.orthomeasure.core.protocol;

import java.util.Objects;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.SpineLevel;

/**
 * Names one point the user can click, drag or delete: a limb landmark, one femoral-head rim point,
 * one vertebra corner or one end of a manual Cobb line. Landmarks are named, never indexed, except
 * the rim points, which are an unordered list of equals.
 */
public sealed interface PointRef {

    /** The id the user reads, e.g. "R.kneeCenter", "R.femoralHeadRim[2]", "T4.topLeft", "cobb.upper.start". */
    String id();

    /** Short overlay label, e.g. "K", "U1"; empty for rim points and vertebra corners. */
    String label();

    /** A lower-limb landmark. */
    record Limb(LandmarkKey key) implements PointRef {
        public Limb {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String id() {
            return key.id();
        }

        @Override
        public String label() {
            return key.landmark().abbreviation();
        }
    }

    /** The {@code index}-th femoral-head rim point of one side (0-based). */
    record HeadRim(Side side, int index) implements PointRef {
        public HeadRim {
            Objects.requireNonNull(side, "side");
            if (index < 0) {
                throw new IllegalArgumentException("rim point index must be >= 0, got " + index);
            }
        }

        @Override
        public String id() {
            return side.prefix() + "femoralHeadRim[" + index + "]";
        }

        @Override
        public String label() {
            return "";
        }
    }

    /** One corner of a vertebra. */
    record Corner(SpineLevel level, VertebraCorner corner) implements PointRef {
        public Corner {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(corner, "corner");
        }

        @Override
        public String id() {
            return level.name() + "." + corner.id();
        }

        /** Empty: the vertebra outline carries its level's name. */
        @Override
        public String label() {
            return "";
        }
    }

    /** One end of a manual Cobb line. */
    record CobbEnd(CobbLine line, boolean start) implements PointRef {
        public CobbEnd {
            Objects.requireNonNull(line, "line");
        }

        @Override
        public String id() {
            return "cobb." + line.id() + (start ? ".start" : ".end");
        }

        @Override
        public String label() {
            return (line == CobbLine.UPPER ? "U" : "L") + (start ? "1" : "2");
        }
    }

    /** Which of the two manual Cobb lines. */
    enum CobbLine {
        /** Superior endplate of the upper end vertebra. */
        UPPER("upper"),
        /** Inferior endplate of the lower end vertebra. */
        LOWER("lower");

        private final String id;

        CobbLine(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
