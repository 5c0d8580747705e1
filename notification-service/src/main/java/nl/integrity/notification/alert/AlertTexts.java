package nl.integrity.notification.alert;

import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes one sentence of {@link AlertMessages} in both languages, as an {@link AlertText}. */
@ApplicationScoped
public class AlertTexts {

    private final AlertMessages english;
    private final AlertMessages dutch;

    AlertTexts(AlertMessages english, @Localized("nl") AlertMessages dutch) {
        this.english = english;
        this.dutch = dutch;
    }

    /** A sentence, given the language's messages and whether the language is Dutch (for dates and words). */
    @FunctionalInterface
    public interface Sentence {
        String in(AlertMessages messages, boolean dutch);
    }

    public AlertText of(Sentence sentence) {
        return new AlertText(sentence.in(dutch, true), sentence.in(english, false));
    }
}
