package nl.integrity.alumni.registry;

import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;

/**
 * What the registry tells the rest of the service about a person's login, in the transaction that
 * changed the record: a new record, new contact details, or an anonymised one. The login follows
 * (the {@code account} package), without the registry knowing how.
 */
public record LoginFacts(
        UUID alumnusId,
        Organisation organisation,
        String personnelNumber,
        String fullName,
        String email,
        String language,
        Change change) {

    public enum Change {
        REGISTERED,
        CONTACT,
        ANONYMISED
    }

    /** The record was anonymised: its login goes. */
    public static LoginFacts anonymised(Alumnus alumnus) {
        return new LoginFacts(alumnus.id(), alumnus.organisation(), null, null, null, null, Change.ANONYMISED);
    }

    /** The login as the record says it should be now; empty for a record that no longer exists or was anonymised. */
    public static java.util.Optional<LoginFacts> current(UUID alumnusId) {
        return Alumnus.<Alumnus>findByIdOptional(alumnusId)
                .filter(a -> a.status() != AlumnusStatus.ANONYMISED)
                .map(a -> of(a, Change.CONTACT));
    }

    static LoginFacts of(Alumnus alumnus, Change change) {
        return new LoginFacts(
                alumnus.id(),
                alumnus.organisation(),
                alumnus.personnelNumber(),
                alumnus.fullName(),
                alumnus.email(),
                alumnus.language(),
                change);
    }
}
