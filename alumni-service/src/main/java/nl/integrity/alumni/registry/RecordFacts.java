package nl.integrity.alumni.registry;

import java.time.LocalDate;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;

/**
 * What the registry tells the rest of the service about a person's record, in the transaction that
 * changed it: a new record, new contact details, or an anonymised one. What belongs to the person
 * beside the record follows, without the registry knowing how: their login (the {@code account}
 * package) and their departure briefing (the {@code briefing} package) and aftercare (the {@code aftercare} package).
 */
public record RecordFacts(
        UUID alumnusId,
        Organisation organisation,
        String personnelNumber,
        String fullName,
        String email,
        String language,
        LocalDate departureDate,
        DepartureReason departureReason,
        LocalDate windowEnd,
        Change change) {

    public enum Change {
        REGISTERED,
        CONTACT,
        ANONYMISED
    }

    /** The record was anonymised: its login goes, and nothing personal is left to follow. */
    public static RecordFacts anonymised(Alumnus alumnus) {
        return new RecordFacts(
                alumnus.id(), alumnus.organisation(), null, null, null, null, null, null, null, Change.ANONYMISED);
    }

    /** The facts as the record holds them now; empty for a record that no longer exists or was anonymised. */
    public static java.util.Optional<RecordFacts> current(UUID alumnusId) {
        return Alumnus.<Alumnus>findByIdOptional(alumnusId)
                .filter(a -> a.status() != AlumnusStatus.ANONYMISED)
                .map(a -> of(a, Change.CONTACT));
    }

    static RecordFacts of(Alumnus alumnus, Change change) {
        return new RecordFacts(
                alumnus.id(),
                alumnus.organisation(),
                alumnus.personnelNumber(),
                alumnus.fullName(),
                alumnus.email(),
                alumnus.language(),
                alumnus.departureDate(),
                alumnus.departureReason(),
                alumnus.obligationWindow().map(ObligationWindow::end).orElse(null),
                change);
    }
}
