package org.orthomeasure.core.measure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a measurement could not be computed: the ids of the landmarks that are missing (or unusable)
 * and an optional note (e.g. "R.femoralCondyleMedial and R.femoralCondyleLateral coincide").
 */
public record Missing(List<String> landmarks, Optional<String> note) {

    public Missing {
        landmarks = List.copyOf(landmarks);
        Objects.requireNonNull(note, "note");
    }

    public static Missing of(List<String> landmarks) {
        return new Missing(landmarks, Optional.empty());
    }

    public static Missing of(List<String> landmarks, String note) {
        return new Missing(landmarks, Optional.ofNullable(note));
    }

    /** "R.kneeCenter, R.ankleCenter" plus the note, for one line of text. */
    public String describe() {
        String s = landmarks.isEmpty() ? "" : "missing " + String.join(", ", landmarks);
        if (note.isPresent()) {
            s = s.isEmpty() ? note.get() : s + " (" + note.get() + ")";
        }
        return s;
    }
}
