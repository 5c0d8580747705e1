package nl.integrity.notification.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How to reach an alumnus by mail, from {@code alumni.events}: an older record version never
 * overwrites a newer one; after anonymisation the address is gone for good. Whether the alumnus
 * wants alumni-network mail: the newest consent change wins.
 */
@Entity
@Table(name = "alumnus_contact")
public class AlumnusContact extends PanacheEntityBase {

    /** The recipient form of a delivery to an alumnus ({@code alumnus:<id>}): the address is looked up here at sending. */
    public static final String RECIPIENT_PREFIX = "alumnus:";

    @Id
    @Column(name = "alumnus_id")
    private UUID alumnusId;

    @Column(nullable = false)
    private String organisation;

    private String email;

    /** The personnel number in the organisation, as the registry knows it: how an alumnus' own token finds this row. */
    @Column(name = "personnel_number")
    private String personnelNumber;

    /** {@code nl} (default) or {@code en}. */
    @Column(nullable = false)
    private String language = "nl";

    @Column(name = "record_version", nullable = false)
    private long recordVersion = -1;

    @Column(nullable = false)
    private boolean anonymised;

    /** Consent for alumni-network mail, as last given or withdrawn; false until the alumnus gives it. */
    @Column(name = "network_consent", nullable = false)
    private boolean networkConsent;

    @Column(name = "consent_changed_at")
    private Instant consentChangedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AlumnusContact() {}

    /** An alumnus of whom nothing is known yet: no address, Dutch, no consent. Persist it once something is. */
    public static AlumnusContact unknown(UUID alumnusId, String organisation) {
        var contact = new AlumnusContact();
        contact.alumnusId = Objects.requireNonNull(alumnusId, "alumnusId");
        contact.organisation = organisation;
        return contact;
    }

    /**
     * The alumnus' record as of {@code version} (null: the one after the version known): the address
     * (blank for none) and the language ({@code nl} or {@code en}; anything else leaves it as it is).
     * An older or the same version, or any version after anonymisation, changes nothing; whether it
     * changed something.
     */
    public boolean updateRecord(String newEmail, String newLanguage, Long version, Instant now) {
        return updateRecord(newEmail, newLanguage, null, version, now);
    }

    /**
     * As {@link #updateRecord(String, String, Long, Instant)}, with the personnel number the record
     * has in that version (null or blank: the event does not say, the known one stays).
     */
    public boolean updateRecord(
            String newEmail, String newLanguage, String newPersonnelNumber, Long version, Instant now) {
        long newVersion = version == null ? recordVersion + 1 : version;
        if (anonymised || newVersion <= recordVersion) {
            return false;
        }
        email = newEmail == null || newEmail.isBlank() ? null : newEmail.trim();
        if (newPersonnelNumber != null && !newPersonnelNumber.isBlank()) {
            personnelNumber = newPersonnelNumber.trim();
        }
        if ("en".equals(newLanguage) || "nl".equals(newLanguage)) {
            language = newLanguage;
        }
        recordVersion = newVersion;
        updatedAt = now;
        return true;
    }

    /**
     * Consent for network mail given or withdrawn at {@code changedAt}; a change older than the one
     * known (redelivered, or overtaken) changes nothing. Whether it changed something.
     */
    public boolean changeConsent(boolean given, Instant changedAt, Instant now) {
        if (consentChangedAt != null && !changedAt.isAfter(consentChangedAt)) {
            return false;
        }
        networkConsent = given;
        consentChangedAt = changedAt;
        updatedAt = now;
        return true;
    }

    /**
     * The alumnus is anonymised: the address, the personnel number and consent are gone, for good
     * (when the consent changed stays: a date, no one can be found by it).
     */
    public void anonymise(Instant now) {
        anonymised = true;
        email = null;
        personnelNumber = null;
        networkConsent = false;
        updatedAt = now;
    }

    /** Whether alumni-network mail may go to this alumnus now. */
    public boolean wantsNetworkMail() {
        return networkConsent && !anonymised && email != null;
    }

    public String email() {
        return email;
    }

    public String personnelNumber() {
        return personnelNumber;
    }

    public UUID alumnusId() {
        return alumnusId;
    }

    public String organisation() {
        return organisation;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * The alumnus an organisation's personnel number names now (its newest row, should the registry
     * have given the number to someone new after anonymising the first); empty when none is known.
     */
    public static Optional<AlumnusContact> byPersonnelNumber(String organisation, String personnelNumber) {
        return AlumnusContact.<AlumnusContact>find(
                        "organisation = ?1 and personnelNumber = ?2 and anonymised = false order by updatedAt desc",
                        organisation,
                        personnelNumber)
                .firstResultOptional();
    }

    public String language() {
        return language;
    }

    public long recordVersion() {
        return recordVersion;
    }

    public boolean anonymised() {
        return anonymised;
    }

    public boolean networkConsent() {
        return networkConsent;
    }

    public Instant consentChangedAt() {
        return consentChangedAt;
    }
}
