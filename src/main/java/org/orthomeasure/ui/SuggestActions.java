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
import org.orthomeasure.core.landmarks.LandmarkSet;
import org.orthomeasure.core.landmarks.Protocol;
import org.orthomeasure.core.landmarks.SpineLevel;
import org.orthomeasure.core.landmarks.Vertebra;
import org.orthomeasure.core.protocol.LandmarkProtocol;
import org.orthomeasure.core.protocol.Reading;
import org.orthomeasure.detect.SpineDetection;
import org.orthomeasure.detect.SpineSuggester;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.ui.session.Session;

/**
 * "Suggest landmarks" (issue 5): runs the vertebra detector ({@link SpineSuggester}, on its own worker
 * thread, so the window never freezes) and fills the 17 vertebrae T1–L5 as editable suggestions (the
 * session's suggested levels), or attaches the suggestion as the hidden reference of check mode. A
 * low-confidence suggestion is placed only when the user says so, and then flagged by a warning that
 * stays until every vertebra is confirmed (and comes back when an undo makes them suggestions again);
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

    public SuggestActions(Session session, Dialogs dialogs, Consumer<String> status) {
        this.session = session;
        this.dialogs = dialogs;
        this.status = status;
        session.suggestedProperty().addListener((o, a, b) -> warning.set(b.isEmpty() ? "" : suggestionWarning));
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
        return suggest(SpineLevel.T1, SpineLevel.L5);
    }

    /**
     * "Suggest landmarks for the levels shown": asks which levels the film shows ("T1-T12", "T12-L5"; a
     * thoracic-only or lumbar-only film) and suggests only those, as {@link #suggestLandmarks} does the 17.
     * A range that is not one gives a one-line error and nothing changes. Completes on the FX thread.
     */
    public CompletableFuture<Void> suggestLevelsShown() {
        Optional<String> answer = dialogs.askText("Suggest landmarks for the levels shown",
                "Levels on this film, top to bottom (e.g. T1-T12 for a thoracic film, T12-L5 for a lumbar one):",
                "T1-L5");
        if (answer.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        SpineLevel[] range;
        try {
            range = SpineLevel.range(answer.get(), org.orthomeasure.core.spine.SpineCurves.MIN_VERTEBRAE);
        } catch (IllegalArgumentException e) {
            dialogs.showError("Suggest landmarks for the levels shown", e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return suggest(range[0], range[1]);
    }

    private CompletableFuture<Void> suggest(SpineLevel top, SpineLevel bottom) {
        return detect("Suggest landmarks", top, bottom).thenAccept(result -> result.ifPresent(r -> {
            List<Vertebra> vertebrae = r.detection().vertebrae().orElseThrow();
            var low = r.detection().confidence().lowConfidenceReason();
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
            var conf = r.detection().confidence();
            suggestionWarning = conf.lowConfidenceReason().map(why -> "⚠ Low confidence: " + plain(why)
                    + ". The suggested vertebrae are probably wrong: check and move every one before using the values.")
                    .orElse("");
            warning.set(session.suggested().isEmpty() ? "" : suggestionWarning);
            status.accept(String.format(Locale.ROOT, "%d vertebrae suggested in %d ms (confidence %.2f%s)%s", filled,
                    r.millis(), conf.score(), conf.low() ? ", LOW" : "",
                    filled < vertebrae.size() ? "; " + (vertebrae.size() - filled) + " you placed were kept" : ""));
        }));
    }

    /** Attaches the detector's suggestion as the hidden reference reading (check mode). Completes on the FX thread. */
    public CompletableFuture<Void> suggestionAsReference() {
        var mostly = session.mostlySuggestedWarning();
        if (mostly.isPresent() && !dialogs.confirm("Compare with the app's suggestion", "Your reading is mostly the "
                + "suggestion itself: " + mostly.get() + " Compare anyway?")) {
            status.accept("Not compared: most of your vertebrae are the app's unconfirmed suggestion");
            return CompletableFuture.completedFuture(null);
        }
        return detect("Compare with suggestion", SpineLevel.T1, SpineLevel.L5).thenAccept(result -> result.ifPresent(r -> {
            LandmarkSet set = LandmarkSet.empty();
            for (Vertebra v : r.detection().vertebrae().orElseThrow()) {
                set = set.withVertebra(v);
            }
            var conf = r.detection().confidence();
            session.setReference(Reading.of(set), String.format(Locale.ROOT, "%s (confidence %.2f%s)",
                    Session.SUGGESTION_REFERENCE, conf.score(), conf.low() ? ", LOW" : ""));
            status.accept("The app's suggestion is the reference reading (hidden: finish your reading, then Reveal)"
                    + conf.lowConfidenceReason().map(w -> "; low confidence: " + w).orElse(""));
        }));
    }

    /** Accepts every suggested vertebra as it is; asks first when the suggestion had low confidence. */
    public void acceptAll() {
        if (session.suggested().isEmpty()) {
            return;
        }
        if (!warning.get().isEmpty() && !dialogs.confirm("Accept all suggestions",
                "The suggestion has low confidence. Accept all " + session.suggested().size()
                        + " suggested vertebrae as they are?")) {
            return;
        }
        int n = session.suggested().size();
        session.acceptAllSuggestions();
        status.accept(n + " suggested vertebrae accepted");
    }

    /**
     * A detector's reason without its technical figures in parentheses, for dialogs: "no clear
     * vertebrae found (median heat-map spread 143 px)" reads "no clear vertebrae found". The status
     * line keeps the figures.
     */
    static String plain(String reason) {
        return reason.replaceAll("\\s*\\([^()]*\\d[^()]*\\)", "").strip();
    }

    private record Result(SpineDetection detection, long millis) {
    }

    private CompletableFuture<Optional<Result>> detect(String title, SpineLevel top, SpineLevel bottom) {
        Radiograph film = session.radiograph();
        if (film == null) {
            dialogs.showError(title, "Open a spine film first");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (running.get()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (session.protocol().kind() != Protocol.SPINE) {
            dialogs.showError(title, "Suggestions are for AP spine films: choose a scoliosis protocol first");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (suggester == null) {
            suggester = SpineSuggester.start();
        }
        running.set(true);
        status.accept("Finding the vertebrae …");
        long t0 = System.nanoTime();
        CompletableFuture<Optional<Result>> done = new CompletableFuture<>();
        boolean whole = top == SpineLevel.T1 && bottom == SpineLevel.L5;
        (whole ? suggester.suggest(film) : suggester.suggest(film, top, bottom)).whenComplete((d, e) -> Platform.runLater(() -> {
            running.set(false);
            if (session.radiograph() != film) {
                done.complete(Optional.empty()); // another film was opened meanwhile
            } else if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                String msg = "No suggestion: " + cause.getMessage();
                status.accept(msg);
                dialogs.showError(title, "No suggestion: " + plain(String.valueOf(cause.getMessage())));
                done.complete(Optional.empty());
            } else if (d.vertebrae().isEmpty()) {
                String msg = "No suggestion: " + d.confidence().lowConfidenceReason().orElse("no usable vertebrae found");
                status.accept(msg);
                dialogs.showError(title, plain(msg));
                done.complete(Optional.empty());
            } else {
                done.complete(Optional.of(new Result(d, (System.nanoTime() - t0) / 1_000_000)));
            }
        }));
        return done;
    }

    @Override
    public void close() {
        if (suggester != null) {
            suggester.close();
        }
    }
}
