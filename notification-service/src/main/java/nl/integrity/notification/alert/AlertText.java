package nl.integrity.notification.alert;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** An alert's summary in Dutch and in English, as the office reads it in the portal and in mail. */
public record AlertText(String nl, String en) {

    private static final DateTimeFormatter DUTCH_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

    /** A date as the language writes it in a sentence: 12 januari 2027 in Dutch, 2027-01-12 in English. */
    public static String date(LocalDate date, boolean dutch) {
        return dutch ? DUTCH_DATE.format(date) : date.toString();
    }
}
