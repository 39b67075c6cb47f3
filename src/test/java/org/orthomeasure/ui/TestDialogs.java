package org.orthomeasure.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Scripted answers for the workstation's questions; every error shown is recorded. */
public final class TestDialogs implements Dialogs {

    public final Deque<Path> files = new ArrayDeque<>();
    public final Deque<Double> numbers = new ArrayDeque<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> prompts = new ArrayList<>();

    @Override
    public Optional<Path> chooseImage(Optional<Path> initialFolder) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String extension, Path suggested) {
        prompts.add(title);
        return Optional.ofNullable(files.poll());
    }

    @Override
    public OptionalDouble askPositiveNumber(String title, String prompt, double suggested) {
        prompts.add(prompt);
        Double d = numbers.poll();
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    @Override
    public Optional<Path> chooseLandmarkFile(Optional<Path> initialFolder) {
        return Optional.ofNullable(files.poll());
    }

    public final Deque<String> texts = new ArrayDeque<>();
    /** The answers offered with each question asked by {@link #askText}, in order. */
    public final java.util.List<String> offered = new java.util.ArrayList<>();

    @Override
    public Optional<String> askText(String title, String prompt, String suggested) {
        prompts.add(prompt);
        offered.add(suggested);
        return Optional.ofNullable(texts.poll());
    }

    /** Answers to confirmations, in order; none left means "yes". */
    public final Deque<Boolean> confirmations = new ArrayDeque<>();

    @Override
    public boolean confirm(String title, String message) {
        prompts.add(message);
        Boolean b = confirmations.poll();
        return b == null || b;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    /** Information shown (e.g. Help), in order. */
    public final List<String> infos = new ArrayList<>();

    @Override
    public void showInfo(String title, String message) {
        infos.add(message);
    }
}
