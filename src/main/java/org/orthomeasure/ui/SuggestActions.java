package org.orthomeasure.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.orthomeasure.core.landmarks.LandmarkKey;
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Side;
import org.orthomeasure.core.landmarks.Protocol;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.detect.SpineDetection;
import org.orthomeasure.detect.SpineRegion;
import org.orthomeasure.detect.SpineSuggester;
import org.orthomeasure.detect.longleg.LegLayout;
import org.orthomeasure.detect.longleg.LegSuggestion;
import org.orthomeasure.detect.longleg.LongLegDetection;
import org.orthomeasure.detect.longleg.LongLegSuggester;
import org.orthomeasure.detect.longleg.SuggestedLandmarks;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.ui.session.Session;

/**
 * "Suggest landmarks" (issues 5 and 11): runs the vertebra detector ({@link SpineSuggester}) on a spine
 * film, or the long-leg detector ({@link LongLegSuggester}) on a long-leg film, each on its own worker
 * thread so the window never freezes, and fills the 17 vertebrae T1–L5, or every lower-limb landmark of
 * each leg, as editable suggestions (the session's suggested levels and landmarks), or attaches either
 * as the hidden reference of check mode. A
 * low-confidence suggestion is placed only when the user says so, and then flagged by a warning that
 * stays until every suggestion is confirmed (and comes back when an undo makes them suggestions again);
 * "Accept all" then asks first. A result for a film no longer on screen is dropped. The model is loaded
 * on first use. FX thread only, except the detector's worker.
 */
public final class SuggestActions implements AutoCloseable {

    private final Session session;
    private final Dialogs dialogs;
    private final Consumer<String> status;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    /** The low-confidence warning of the last suggestion placed on this film; empty when none. */
    private String suggestionWarning = "";
    private SpineSuggester suggester;
    private LongLegSuggester legSuggester;

    public SuggestActions(Session session, Dialogs dialogs, Consumer<String> status) {
        this.session = session;
        this.dialogs = dialogs;
        this.status = status;
        session.suggestionCountProperty().addListener((o, a, b) -> warning.set(b.intValue() == 0 ? "" : suggestionWarning));
        session.radiographProperty().addListener((o, a, b) -> {
            suggestionWarning = "";
            warning.set("");
        });
    }

    /** True while the detector runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The low-confidence warning of the suggestion on screen; empty when none. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /**
     * Fills the vertebrae the user has not confirmed with the detector's suggestion (one undo step);
     * switches the two-line Cobb protocol to the vertebrae protocol. Completes on the FX thread.
     */
    public CompletableFuture<Void> suggestLandmarks() {
        if (session.radiograph() != null && session.protocol().kind() == Protocol.LONG_LEG) {
            return suggestLegLandmarks();
        }
        return suggest(SpineLevel.T1, SpineLevel.L5);
    }

    /**
     * "Suggest landmarks for the levels shown": asks which levels the film shows ("T1-T12", "T12-L5"; a
     * thoracic-only or lumbar-only film) and suggests only those, as {@link #suggestLandmarks} does the 17. The
     * answer offered is what the locator network reads on the film ({@link SpineRegion#shownRun}, T1-L5 when it
     * reads no run). A range that is not one gives a one-line error and nothing changes. Completes on the FX
     * thread.
     */
    public CompletableFuture<Void> suggestLevelsShown() {
        String title = "Suggest landmarks for the levels shown";
        Radiograph film = session.radiograph();
        if (!spineSuggestionPossible(title, film)) {
            return CompletableFuture.completedFuture(null);
        }
        return onWorker(title, film, "Reading the levels the film shows …", () -> suggester.region(film))
                .thenCompose(r -> r.map(t -> askLevels(title, t.value()))
                        .orElse(CompletableFuture.completedFuture(null)));
    }

    private CompletableFuture<Void> askLevels(String title, SpineRegion region) {
        String read = region.shownRun().map(a -> a[0] + "-" + a[1]).orElse("T1-L5");
        Optional<String> answer = dialogs.askText(title,
                "Levels on this film, top to bottom (e.g. T1-T12 for a thoracic film, T12-L5 for a lumbar one):",
                read);
        if (answer.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        SpineLevel[] range;
        try {
            range = SpineLevel.range(answer.get(), org.orthomeasure.core.spine.SpineCurves.MIN_VERTEBRAE);
        } catch (IllegalArgumentException e) {
            dialogs.showError(title, e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return suggest(range[0], range[1]);
    }

    private CompletableFuture<Void> suggest(SpineLevel top, SpineLevel bottom) {
        return detect("Suggest landmarks", top, bottom).thenAccept(result -> result.ifPresent(r -> {
            List<Vertebra> vertebrae = r.value().vertebrae().orElseThrow();
            var low = r.value().confidence().lowConfidenceReason();
            if (low.isPresent() && !dialogs.confirm("Suggest landmarks", "Low confidence: " + plain(low.get())
                    + ". This may not be an AP spine film, or the vertebrae are not clear. Place the suggested "
                    + "vertebrae anyway, to be checked and moved one by one?")) {
                status.accept("No vertebrae placed: the suggestion has low confidence (" + low.get() + ")");
                return;
            }
            if (session.protocol().variant() != LandmarkProtocol.Variant.ALL_VERTEBRAE) {
                session.protocolProperty().set(LandmarkProtocol.allVertebrae());
            }
            int filled = session.applySuggestion(vertebrae).size();
            var conf = r.value().confidence();
            boolean read = top == SpineLevel.T1 && bottom == SpineLevel.L5 && !r.value().wholeSpine();
            String levelsRead = read ? "The film seems to show only " + r.value().levelRange()
                    + " (read from the film): check the level names; Tools > Vertebra labels one level down / up"
                    + " moves them all." : "";
            suggestionWarning = conf.lowConfidenceReason().map(why -> "⚠ Low confidence: " + plain(why)
                    + ". The suggested vertebrae are probably wrong: check and move every one before using the values."
                    + (read ? " " + levelsRead : ""))
                    .orElse(levelsRead);
            warning.set(session.suggested().isEmpty() ? "" : suggestionWarning);
            status.accept(String.format(Locale.ROOT, "%d vertebrae suggested in %d ms (confidence %.2f%s)%s%s", filled,
                    r.millis(), conf.score(), conf.low() ? ", LOW" : "",
                    filled < vertebrae.size() ? "; " + (vertebrae.size() - filled) + " you placed were kept" : "",
                    read ? "; levels " + r.value().levelRange() + " only, read from the film" : ""));
        }));
    }

    /**
     * The long-leg suggestion (issue 11): every lower-limb landmark of each leg the protocol reads, for the
     * legs the film shows (its laterality and shape; the protocol's one leg on a one-leg film that does not
     * say which; a film mirrored against the AP convention, by its Patient Orientation, is detected as such).
     * A leg the detector is unsure of is placed only when the user says so, and then flagged; the user's own
     * landmarks are kept. Completes on the FX thread.
     */
    private CompletableFuture<Void> suggestLegLandmarks() {
        Set<Side> sides = session.protocol().sides();
        return detectLegs("Suggest landmarks").thenAccept(r -> r.ifPresent(d ->
                placeLegs("Suggest landmarks", d.value(), sides, d.millis())));
    }

    /**
     * Runs the long-leg detector on the film on screen, for the legs it shows (its laterality and shape; the
     * protocol's one leg on a one-leg film that does not say which; mirrored by its Patient Orientation).
     * Completes on the FX thread; empty, after the user was told why, when there is nothing to use.
     */
    private CompletableFuture<Optional<Timed<LongLegDetection>>> detectLegs(String title) {
        Radiograph film = session.radiograph();
        if (running.get()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Set<Side> sides = session.protocol().sides();
        Optional<LegLayout> layout = LegLayout.fromFilm(film.width(), film.height(), film.header().laterality())
                .or(() -> sides.size() == 1 ? Optional.of(LegLayout.oneLeg(sides.iterator().next())) : Optional.empty());
        if (layout.isEmpty()) {
            dialogs.showError(title, "This film shows one leg and does not say which: choose the right-leg or "
                    + "left-leg protocol, then try again.");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (legSuggester == null) {
            legSuggester = LongLegSuggester.start();
        }
        boolean mirrored = session.optionsProperty().get().filmMirrored();
        return onWorker(title, film, "Finding the bones of the legs …",
                () -> legSuggester.suggest(film, layout.get().withMirrored(mirrored)));
    }

    /** A detector's result and how long it took from the click, in ms. */
    private record Timed<T>(T value, long millis) {
    }

    /**
     * Starts {@code job} (a detector's future for {@code film}) and completes on the FX thread with its result,
     * or empty when it failed (the user is told why) or another film was opened meanwhile (dropped). The
     * running flag is set while it works.
     */
    private <T> CompletableFuture<Optional<Timed<T>>> onWorker(String title, Radiograph film, String working,
                                                              java.util.function.Supplier<CompletableFuture<T>> job) {
        running.set(true);
        status.accept(working);
        long t0 = System.nanoTime();
        CompletableFuture<Optional<Timed<T>>> done = new CompletableFuture<>();
        job.get().whenComplete((d, e) -> Platform.runLater(() -> {
            running.set(false);
            if (session.radiograph() != film) {
                done.complete(Optional.empty()); // another film was opened meanwhile
            } else if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                status.accept("No suggestion: " + cause.getMessage());
                dialogs.showError(title, "No suggestion: " + plain(String.valueOf(cause.getMessage())));
                done.complete(Optional.empty());
            } else {
                done.complete(Optional.of(new Timed<>(d, (System.nanoTime() - t0) / 1_000_000)));
            }
        }));
        return done;
    }

    /** Places the legs of {@code d} that {@code sides} reads, asking first about any leg of low confidence. */
    private void placeLegs(String title, LongLegDetection d, Set<Side> sides, long millis) {
        List<LegSuggestion> legs = d.legs().stream().filter(l -> sides.contains(l.side())).toList();
        List<LegSuggestion> found = legs.stream().filter(l -> !l.points().isEmpty()).toList();
        if (found.isEmpty()) {
            String why = legs.stream().map(l -> l.side().word() + " leg: " + l.lowConfidenceReason()
                    .orElse("no landmark found")).collect(Collectors.joining("; "));
            status.accept("No suggestion: " + (why.isEmpty() ? "the film shows no leg the protocol reads" : why));
            dialogs.showError(title, "No suggestion: " + plain(why.isEmpty()
                    ? "the film shows no leg the protocol reads" : why) + ". This may not be a standing long-leg film.");
            return;
        }
        List<LegSuggestion> low = found.stream().filter(LegSuggestion::low).toList();
        List<LegSuggestion> placed = found;
        if (!low.isEmpty()) {
            String reasons = low.stream().map(l -> capital(l.side().word()) + " leg: " + plain(l.lowConfidenceReason()
                    .orElseThrow())).collect(Collectors.joining(".\n"));
            boolean anyway = dialogs.confirm(title, "Low confidence.\n" + reasons + ".\nPlace the suggested landmarks of "
                    + (low.size() == 1 ? "this leg" : "these legs") + " anyway, to be checked and moved one by one?");
            if (!anyway) {
                placed = found.stream().filter(l -> !l.low()).toList();
                if (placed.isEmpty()) {
                    status.accept("No landmarks placed: the suggestion has low confidence ("
                            + low.stream().map(l -> l.side().word() + " leg: " + l.lowConfidenceReason().orElseThrow())
                            .collect(Collectors.joining("; ")) + ")");
                    return;
                }
            }
        }
        SuggestedLandmarks s = SuggestedLandmarks.of(LandmarkSet.empty(), placed);
        Set<LandmarkKey> keys = new LinkedHashSet<>();
        for (String id : s.suggested()) {
            LandmarkKey.ofFileId(id).ifPresent(keys::add);
        }
        if (keys.stream().anyMatch(k -> !k.landmark().isCore())
                && session.protocol().steps().stream().noneMatch(org.orthomeasure.core.protocol.Step::optional)) {
            // the suggestion places the extended set too: the landmark list shows it, so it can be checked
            session.protocolProperty().set(LandmarkProtocol.longLeg(session.protocol().sides(), true));
        }
        int filled = session.applyLandmarkSuggestion(s.landmarks(), keys).size();
        List<LegSuggestion> lowPlaced = placed.stream().filter(LegSuggestion::low).toList();
        suggestionWarning = lowPlaced.isEmpty() ? "" : "⚠ Low confidence, " + lowPlaced.stream()
                .map(l -> l.side().word() + " leg: " + plain(l.lowConfidenceReason().orElseThrow()))
                .collect(Collectors.joining("; ")) + ". Its suggested landmarks are probably wrong: check and move "
                + "every one before using the values.";
        warning.set(session.suggestionCountProperty().get() == 0 ? "" : suggestionWarning);
        String legsText = placed.stream().map(l -> String.format(Locale.ROOT, "%s leg %.2f%s", l.side().word(),
                l.legConfidence(), l.low() ? " LOW" : "")).collect(Collectors.joining(", "));
        int kept = keys.size() - filled;
        List<LegSuggestion> placedLegs = placed;
        List<String> notPlaced = found.stream().filter(l -> !placedLegs.contains(l)).map(l -> l.side().word() + " leg")
                .toList();
        status.accept(String.format(Locale.ROOT, "%d landmarks suggested in %d ms (confidence: %s; %s)%s%s", filled,
                millis, legsText, d.model(), kept > 0 ? "; " + kept + " you placed were kept" : "",
                notPlaced.isEmpty() ? "" : "; not placed (low confidence): " + String.join(", ", notPlaced)));
    }

    private static String capital(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /**
     * Attaches the detector's suggestion as the hidden reference reading (check mode): the vertebrae on a spine
     * film, every landmark of the legs the protocol reads on a long-leg film (a leg of low confidence too, named
     * so in the reference's name). Completes on the FX thread.
     */
    public CompletableFuture<Void> suggestionAsReference() {
        var mostly = session.mostlySuggestedWarning();
        if (mostly.isPresent() && !dialogs.confirm("Compare with the app's suggestion", "Your reading is mostly the "
                + "suggestion itself: " + mostly.get() + " Compare anyway?")) {
            status.accept("Not compared: most of your landmarks are the app's unconfirmed suggestion");
            return CompletableFuture.completedFuture(null);
        }
        if (session.radiograph() != null && session.protocol().kind() == Protocol.LONG_LEG) {
            return legReference();
        }
        return detect("Compare with suggestion", SpineLevel.T1, SpineLevel.L5).thenAccept(result -> result.ifPresent(r -> {
            LandmarkSet set = LandmarkSet.empty();
            for (Vertebra v : r.value().vertebrae().orElseThrow()) {
                set = set.withVertebra(v);
            }
            var conf = r.value().confidence();
            session.setReference(Reading.of(set), String.format(Locale.ROOT, "%s (confidence %.2f%s)",
                    Session.SUGGESTION_REFERENCE, conf.score(), conf.low() ? ", LOW" : ""));
            status.accept("The app's suggestion is the reference reading (hidden: finish your reading, then Reveal)"
                    + conf.lowConfidenceReason().map(w -> "; low confidence: " + w).orElse(""));
        }));
    }

    /** The long-leg suggestion as the hidden reference reading. */
    private CompletableFuture<Void> legReference() {
        String title = "Compare with the app's suggestion";
        Set<Side> sides = session.protocol().sides();
        return detectLegs(title).thenAccept(r -> r.ifPresent(d -> {
            List<LegSuggestion> legs = d.value().legs().stream()
                    .filter(l -> sides.contains(l.side()) && !l.points().isEmpty()).toList();
            if (legs.isEmpty()) {
                dialogs.showError(title, "No suggestion: no leg the protocol reads was found on this film.");
                return;
            }
            LandmarkSet set = SuggestedLandmarks.of(LandmarkSet.empty(), legs).landmarks();
            String conf = legs.stream().map(l -> String.format(Locale.ROOT, "%s leg %.2f%s", l.side().word(),
                    l.legConfidence(), l.low() ? " LOW" : "")).collect(Collectors.joining(", "));
            session.setReference(Reading.of(set), Session.SUGGESTION_REFERENCE + " (" + conf + ")");
            status.accept("The app's suggestion is the reference reading (hidden: finish your reading, then Reveal)"
                    + legs.stream().filter(LegSuggestion::low).map(l -> "; low confidence, " + l.side().word() + " leg: "
                    + l.lowConfidenceReason().orElseThrow()).collect(Collectors.joining()));
        }));
    }

    /** Accepts every suggested vertebra and landmark as it is; asks first when the suggestion had low confidence. */
    public void acceptAll() {
        int n = session.suggestionCountProperty().get();
        if (n == 0) {
            return;
        }
        String what = what(session.suggested().size(), session.suggestedLandmarks().size());
        if (!warning.get().isEmpty() && !dialogs.confirm("Accept all suggestions",
                "The suggestion has low confidence. Accept all " + what + " as they are?")) {
            return;
        }
        session.acceptAllSuggestions();
        status.accept(what + " accepted");
    }

    /** "17 suggested vertebrae", "30 suggested landmarks", or both. */
    private static String what(int vertebrae, int landmarks) {
        List<String> parts = new java.util.ArrayList<>();
        if (vertebrae > 0) {
            parts.add(vertebrae + " suggested vertebrae");
        }
        if (landmarks > 0) {
            parts.add(landmarks + " suggested landmark" + (landmarks == 1 ? "" : "s"));
        }
        return String.join(" and ", parts);
    }

    /**
     * A detector's reason without its technical figures in parentheses, for dialogs: "no clear
     * vertebrae found (median heat-map spread 143 px)" reads "no clear vertebrae found". The status
     * line keeps the figures.
     */
    static String plain(String reason) {
        return reason.replaceAll("\\s*\\([^()]*\\d[^()]*\\)", "").strip();
    }

    /**
     * Whether a spine suggestion can start on {@code film}: a film is open, no suggestion is running, the protocol
     * is a spine one (a one-line error otherwise); starts the suggester when it is not running yet.
     */
    private boolean spineSuggestionPossible(String title, Radiograph film) {
        if (film == null) {
            dialogs.showError(title, "Open a spine film first");
            return false;
        }
        if (running.get()) {
            return false;
        }
        if (session.protocol().kind() != Protocol.SPINE) {
            dialogs.showError(title, "Suggestions are for AP spine films: choose a scoliosis protocol first");
            return false;
        }
        if (suggester == null) {
            suggester = SpineSuggester.start();
        }
        return true;
    }

    private CompletableFuture<Optional<Timed<SpineDetection>>> detect(String title, SpineLevel top, SpineLevel bottom) {
        Radiograph film = session.radiograph();
        if (!spineSuggestionPossible(title, film)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        boolean whole = top == SpineLevel.T1 && bottom == SpineLevel.L5;
        return onWorker(title, film, "Finding the vertebrae …",
                () -> whole ? suggester.suggest(film) : suggester.suggest(film, top, bottom)).thenApply(r -> r.filter(t -> {
                    if (t.value().vertebrae().isPresent()) {
                        return true;
                    }
                    String msg = "No suggestion: " + t.value().confidence().lowConfidenceReason()
                            .orElse("no usable vertebrae found");
                    status.accept(msg);
                    dialogs.showError(title, plain(msg));
                    return false;
                }));
    }

    @Override
    public void close() {
        if (suggester != null) {
            suggester.close();
        }
        if (legSuggester != null) {
            legSuggester.close();
        }
    }
}
