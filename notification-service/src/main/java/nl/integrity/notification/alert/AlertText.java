package nl.integrity.notification.alert;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** An alert's summary in Dutch and in English, as the office reads it in the portal and in mail. */
public record AlertText(String nl, String en) {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
    private static final Map<String, String> DUTCH_LEVELS = Map.of("LOW", "laag", "MEDIUM", "middel", "HIGH", "hoog",
            "CRITICAL", "kritiek");

    /** A date as Dutch prose writes it (12 januari 2027). */
    public static String dutch(LocalDate date) {
        return date == null ? "onbekend" : DUTCH_DATE.format(date);
    }

    /** A risk level in Dutch words. */
    public static String dutchLevel(String level) {
        return DUTCH_LEVELS.getOrDefault(level, level);
    }
}
