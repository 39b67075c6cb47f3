package org.orthomeasure.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import org.orthomeasure.core.geometry.Point2;
import org.orthomeasure.core.landmarks.SpineLevel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Suggests the 17 vertebrae T1..L5 (4 corners each) on an AP spine film in two stages, on the frame of the film
 * where {@link SpineLocator} finds the spine (padding cut, further frames tried when the first look is unsure;
 * the corners are mapped back to the film's px). Stage 1, the whole frame letterboxed into
 * {@code spine-landmarks.onnx} (trained by {@code training/train_spine.py}; pre-processing
 * {@link SpinePreprocessor}, decoding {@link SpineDecoder}), finds each vertebra and its heat-map spread and
 * peak: the locator's look (the frame filling the input) gives the spread and peak, a second look at the
 * training films' mean scale ({@link #placed}) the vertebrae. Stage 2, {@link VertebraRefiner}
 * ({@code vertebra-corners.onnx}), looks again at each vertebra in a patch at about twice the resolution,
 * walking down the spine from the stage-1 T1 centre (the mean of its 4 corners) by the stage-1 steps between
 * centres, and finds the corners there.
 * Corners are returned in the film's pixel coordinates with a confidence ({@link SpineConfidence}: stage-1
 * spread and peak, plausibility of the refined corners). One instance holds two ONNX Runtime sessions
 * (thread-safe for concurrent {@link #detect} calls); close it when done.
 */
public final class SpineLandmarkDetector implements AutoCloseable {

    /** Classpath location of the stage-1 model and its sidecar note. */
    public static final String MODEL_RESOURCE = "spine-landmarks.onnx";
    public static final String NOTE_RESOURCE = "spine-landmarks.json";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelSpec spec;
    private final VertebraRefiner refiner;
    private final SpineRegionModel regionModel;

    private SpineLandmarkDetector(OrtEnvironment env, OrtSession session, ModelSpec spec, VertebraRefiner refiner,
                                  SpineRegionModel regionModel) {
        this.env = env;
        this.session = session;
        this.spec = spec;
        this.refiner = refiner;
        this.regionModel = regionModel;
    }

    /** Loads the three bundled models (landmarks, corners, locator; about 0.5 s). */
    public static SpineLandmarkDetector loadDefault() throws DetectorException {
        ModelSpec spec;
        byte[] model;
        try {
            Optional<byte[]> note = OnnxSessions.resource(NOTE_RESOURCE);
            Optional<byte[]> onnx = OnnxSessions.resource(MODEL_RESOURCE);
            if (note.isEmpty() || onnx.isEmpty()) {
                throw new DetectorException("the spine landmark model is missing from the application");
            }
            spec = ModelSpec.read(new ByteArrayInputStream(note.get()));
            model = onnx.get();
        } catch (IOException e) {
            throw new DetectorException("cannot read the spine landmark model: " + e.getMessage(), e);
        }
        VertebraRefiner refiner = VertebraRefiner.loadDefault();
        SpineRegionModel regionModel;
        try {
            regionModel = SpineRegionModel.loadDefault();
        } catch (DetectorException e) {
            refiner.close();
            throw e;
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            return new SpineLandmarkDetector(env, OnnxSessions.open(env, model), spec, refiner, regionModel);
        } catch (OrtException e) {
            refiner.close();
            regionModel.close();
            throw new DetectorException("cannot start ONNX Runtime for the spine model: " + e.getMessage(), e);
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The second-stage model's geometry. */
    public RefineSpec refineSpec() {
        return refiner.spec();
    }

    /**
     * Detects the vertebrae on {@code image}. The locator network first looks at the film ({@link #region}); when
     * it reads the film as showing only a run of the levels ({@link SpineRegion#partialRun}: a thoracic-only or
     * lumbar-only film; the run's ends may be a level off), those levels are detected as
     * {@link #detect(GreyImage, SpineLevel, SpineLevel)} does and {@link SpineDetection#wholeSpine()} is false.
     * Otherwise 17 ordered levels in the film's px, with a confidence assessed on the corners returned. The spine
     * is located ({@link #locate}: the frame of the film the two stages then look at, the locator's box the first
     * further frame tried); the corners are the second stage's, found from the first stage's centres, except
     * when
     * <ul>
     *   <li>the first-stage centres coincide (no spacing to size the patches by; only a failed first stage
     *   gives that): the first stage's corners, whose confidence is then low;</li>
     *   <li>the second stage's corners fail the plausibility rules of {@link SpineConfidence} (order, spacing,
     *   height, tilt) that the first stage's pass (rare since the walk, which keeps two levels off one
     *   vertebra): the second stage made the suggestion worse, so the first stage's corners are kept.</li>
     * </ul>
     * {@link SpineDetection#refined()} tells which.
     */
    public SpineDetection detect(GreyImage image) throws DetectorException {
        SpineRegion region = region(image);
        Optional<SpineLevel[]> partial = region.partialRun();
        if (partial.isPresent()) {
            return detect(image, partial.get()[0], partial.get()[1]);
        }
        return wholeSpine(image, region);
    }

    /** The 17 levels on {@code image}, located with what the locator network saw ({@link #detect(GreyImage)}). */
    private SpineDetection wholeSpine(GreyImage image, SpineRegion region) throws DetectorException {
        SpineLocator.Located located = locate(image, region);
        SpineDetection first = placed(located);
        Optional<SpineDetection> refined = refine(located.image(), first);
        SpineDetection chosen = first;
        if (refined.isPresent() && !(refined.get().confidence().low() && !first.confidence().low())) {
            chosen = refined.get();
        }
        return chosen.inFilm(located.frame(), image.width(), image.height());
    }

    /**
     * The mean share of the T1..L5 centre-to-centre path that each of the 16 gaps T1-T2 .. L4-L5 takes, over the
     * 399 training films whose labelled centres run top to bottom (the validation cases left out); they sum to 1.
     */
    static final double[] GAP_SHARE = {0.0437, 0.0476, 0.0510, 0.0534, 0.0551, 0.0560, 0.0568, 0.0582, 0.0608,
        0.0649, 0.0689, 0.0729, 0.0750, 0.0780, 0.0802, 0.0777};

    /**
     * Detects the consecutive levels {@code top..bottom} on a film that shows only those (a thoracic-only or
     * lumbar-only film, the levels as the user names them); {@link #detect(GreyImage)} when they are T1..L5.
     * The first stage, trained on whole spines, spreads its 17 levels over whatever spine the film shows, from
     * the top to the bottom vertebra on it; so here it runs once on the film (padding cut, {@link FilmBorders}; no
     * further frames, which would cut the short spine; the film filling the input, since these centres are a path,
     * not vertebrae: at the training scale the 57 validation cuts came out worse, training/README.md), its 17
     * centres are taken as the path of the visible spine,
     * and the expected centres of {@code top..bottom} are placed along that path at the shares of its length that
     * those levels' gaps take on a whole spine ({@link #GAP_SHARE}, normalised over the levels shown). The second
     * stage then walks down from the first of them ({@link VertebraRefiner}). The first stage's heat maps are
     * spread on such a film, so the confidence comes from the second stage's corner heat maps on the levels shown
     * ({@link SpineConfidence#assessByCorners}); every level keeps, for diagnostics, the median spread and peak of
     * the first stage's {@code n} sharpest maps (n the number of levels shown).
     *
     * @throws IllegalArgumentException when {@code bottom} is above {@code top} or fewer than
     *                                  {@value org.orthomeasure.core.spine.SpineCurves#MIN_VERTEBRAE} levels are asked for
     */
    public SpineDetection detect(GreyImage image, SpineLevel top, SpineLevel bottom) throws DetectorException {
        int n = bottom.ordinal() - top.ordinal() + 1;
        if (n < org.orthomeasure.core.spine.SpineCurves.MIN_VERTEBRAE) {
            throw new IllegalArgumentException("a film showing " + top + " to " + bottom + " has " + Math.max(n, 0)
                    + " vertebrae; at least " + org.orthomeasure.core.spine.SpineCurves.MIN_VERTEBRAE + " are needed");
        }
        if (n == SpineDecoder.LEVELS) {
            return wholeSpine(image, region(image));
        }
        FilmBorders.Content content = FilmBorders.content(image);
        FilmFrame frame = FilmFrame.of(content.x0(), content.y0(), content.x1(), content.y1(), image.width(),
                image.height(), SpineLocator.MAX_FRAME_HEIGHT, false);
        GreyImage frameImage = frame.extract(image);
        SpineDetection first = detectFirstStage(frameImage);
        List<Point2> path = new ArrayList<>(SpineDecoder.LEVELS);
        double[] spread = new double[SpineDecoder.LEVELS];
        double[] peak = new double[SpineDecoder.LEVELS];
        for (int k = 0; k < SpineDecoder.LEVELS; k++) {
            path.add(first.centre(k));
            spread[k] = first.spread(k);
            peak[k] = first.peak(k);
        }
        List<Point2> centres = alongPath(path, top.ordinal(), n);
        List<List<Point2>> corners;
        boolean refined = VertebraPatch.hasSpacing(centres);
        if (refined) {
            corners = refiner.refine(frameImage, centres);
        } else {
            corners = new ArrayList<>();
            for (Point2 c : centres) {
                corners.add(List.of(c, c, c, c));
            }
        }
        double[] s = new double[n];
        double[] p = new double[n];
        java.util.Arrays.fill(s, sharpest(spread, n, true));
        java.util.Arrays.fill(p, sharpest(peak, n, false));
        double[] cornerSpread = new double[n];
        if (refined && VertebraPatch.hasSpacing(VertebraRefiner.means(corners))) {
            cornerSpread = refiner.cornerSpreads(frameImage, corners);
        } else {
            java.util.Arrays.fill(cornerSpread, Double.POSITIVE_INFINITY);
        }
        return SpineDetection.ofLevels(frameImage.width(), frameImage.height(), top, corners, s, p, cornerSpread,
                refined).inFilm(frame, image.width(), image.height());
    }

    /**
     * {@code n} points along the polyline {@code path} (its first to its last point) at the cumulative shares of
     * {@link #GAP_SHARE} for the levels from {@code firstLevel}, normalised so the first point is the path's
     * start and the last its end.
     */
    static List<Point2> alongPath(List<Point2> path, int firstLevel, int n) {
        double[] cum = new double[path.size()];
        for (int k = 1; k < path.size(); k++) {
            cum[k] = cum[k - 1] + path.get(k - 1).distanceTo(path.get(k));
        }
        double total = cum[path.size() - 1];
        double shareSum = 0;
        for (int i = 0; i + 1 < n; i++) {
            shareSum += GAP_SHARE[firstLevel + i];
        }
        List<Point2> out = new ArrayList<>(n);
        double at = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                at += GAP_SHARE[firstLevel + i - 1] / shareSum;
            }
            double target = Math.min(1, at) * total;
            int seg = 1;
            while (seg < path.size() - 1 && cum[seg] < target) {
                seg++;
            }
            double len = cum[seg] - cum[seg - 1];
            double t = len > 0 ? (target - cum[seg - 1]) / len : 0;
            Point2 a = path.get(seg - 1);
            Point2 b = path.get(seg);
            out.add(new Point2(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y())));
        }
        return out;
    }

    /**
     * The median of the {@code n} best of {@code values}: the smallest when {@code smallest}, else the largest (the
     * sharpest of the first stage's 17 heat maps, as many as the film shows levels).
     */
    static double sharpest(double[] values, int n, boolean smallest) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int from = smallest ? 0 : v.length - n;
        return v[from + n / 2];
    }

    /**
     * Where the spine is on {@code image} ({@link SpineLocator}: padding cut, further frames tried when the
     * first is unsure or the spine small in it), with the first stage's detection there in frame px.
     */
    SpineLocator.Located locate(GreyImage image) throws DetectorException {
        return locate(image, region(image));
    }

    /** {@link #locate(GreyImage)} with what the locator network saw on the film ({@link #region}). */
    SpineLocator.Located locate(GreyImage image, SpineRegion region) throws DetectorException {
        return new SpineLocator(this::detectFirstStage, spec.inputWidth(), spec.inputHeight())
                .locate(image, Optional.of(region));
    }

    /** What the locator network ({@link SpineRegionModel}) sees on {@code image}: the spine's box, the levels shown. */
    public SpineRegion region(GreyImage image) throws DetectorException {
        return regionModel.find(image);
    }

    /**
     * The second stage on the centres (corner means) of a first-stage detection, whatever its plausibility;
     * empty when those centres coincide. For {@link #detect}, tests and diagnostics.
     */
    Optional<SpineDetection> refine(GreyImage image, SpineDetection first) throws DetectorException {
        List<Point2> centres = new ArrayList<>(SpineDecoder.LEVELS);
        for (int k = 0; k < SpineDecoder.LEVELS; k++) {
            centres.add(first.centre(k));
        }
        if (!VertebraPatch.hasSpacing(centres)) {
            return Optional.empty();
        }
        return Optional.of(first.withCorners(refiner.refine(image, centres)));
    }

    /**
     * The first stage alone (whole film, coarse corners) as the locator looks: the film filling the input (its
     * heat-map spreads and peaks are those the confidence limits were set on, {@link SpineConfidence}); for
     * {@link SpineLocator}, tests and diagnostics.
     */
    SpineDetection detectFirstStage(GreyImage image) throws DetectorException {
        return detectFirstStage(image, Letterbox.fit(image.width(), image.height(), spec.inputWidth(),
                spec.inputHeight()));
    }

    /** The first stage on {@code image} placed into the input by {@code box}. */
    SpineDetection detectFirstStage(GreyImage image, Letterbox box) throws DetectorException {
        float[] input = SpinePreprocessor.toInput(image, box, spec.inputWidth(), spec.inputHeight());
        Outputs out = run(input);
        SpineDecoder.Decoded decoded = SpineDecoder.decode(spec, out.heat(), out.offsets());
        if (spec.testTimeFlip()) {
            Outputs flipped = run(mirrored(input, spec.inputWidth(), spec.inputHeight()));
            decoded = averageWithMirror(decoded, SpineDecoder.decode(spec, flipped.heat(), flipped.offsets()),
                    spec.inputWidth());
        }
        return SpineDetection.of(image.width(), image.height(), box, decoded);
    }

    /**
     * The first stage's vertebrae on the frame the locator chose, looked at again at the scale the network was
     * trained at ({@link ModelSpec#letterbox}: the film at {@link ModelSpec#inputFill} of the input, centred, where
     * the locator's look has it fill the input): the corners of this second look, with the heat-map spreads and
     * peaks of the locator's look, which the confidence limits were set on (at the training scale the padding's
     * edges make the maps of noise or a blank image as sharp as a film's). The locator's look itself when it is
     * low confidence (no spine to place) or the note's fill is 1.
     */
    SpineDetection placed(SpineLocator.Located located) throws DetectorException {
        SpineDetection look = located.firstStage();
        if (spec.inputFill() == 1 || look.confidence().low()) {
            return look;
        }
        GreyImage frame = located.image();
        return detectFirstStage(frame, spec.letterbox(frame.width(), frame.height())).withSharpnessOf(look);
    }

    /** The stage-2 refiner, for tests and diagnostics. */
    VertebraRefiner refiner() {
        return refiner;
    }

    /** The input mirrored left-right (the letterbox is centred, so this is the mirrored film's input). */
    static float[] mirrored(float[] input, int width, int height) {
        float[] m = new float[input.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                m[y * width + x] = input[y * width + width - 1 - x];
            }
        }
        return m;
    }

    /**
     * The mean of a decoding and that of the mirrored input mapped back: x becomes width - 1 - x and the
     * corners swap sides (TL with TR, BL with BR).
     */
    static SpineDecoder.Decoded averageWithMirror(SpineDecoder.Decoded a, SpineDecoder.Decoded mirrored, int width) {
        int[] swap = {1, 0, 3, 2};
        double[][] corners = new double[SpineDecoder.LEVELS][8];
        double[] spread = new double[SpineDecoder.LEVELS];
        double[] peak = new double[SpineDecoder.LEVELS];
        for (int k = 0; k < SpineDecoder.LEVELS; k++) {
            for (int c = 0; c < 4; c++) {
                int from = swap[c];
                corners[k][2 * c] = (a.corners()[k][2 * c] + (width - 1 - mirrored.corners()[k][2 * from])) / 2;
                corners[k][2 * c + 1] = (a.corners()[k][2 * c + 1] + mirrored.corners()[k][2 * from + 1]) / 2;
            }
            spread[k] = (a.spread()[k] + mirrored.spread()[k]) / 2;
            peak[k] = (a.peak()[k] + mirrored.peak()[k]) / 2;
        }
        return new SpineDecoder.Decoded(corners, spread, peak);
    }

    /** Raw network outputs for one pre-processed input (row-major), for tests and diagnostics. */
    Outputs run(float[] input) throws DetectorException {
        long[] shape = {1, 1, spec.inputHeight(), spec.inputWidth()};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of("image", tensor))) {
            return new Outputs(OnnxSessions.floats(result, "heat", "spine model"),
                    OnnxSessions.floats(result, "offsets", "spine model"));
        } catch (OrtException e) {
            throw new DetectorException("the spine model failed to run: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws DetectorException {
        try {
            session.close();
        } catch (OrtException e) {
            throw new DetectorException("cannot close the spine model session: " + e.getMessage(), e);
        } finally {
            try {
                refiner.close();
            } finally {
                regionModel.close();
            }
        }
    }

    /** The two network outputs, row-major. */
    record Outputs(float[] heat, float[] offsets) {
    }
}
