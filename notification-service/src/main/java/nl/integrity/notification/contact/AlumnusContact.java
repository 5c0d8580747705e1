package nl.integrity.notification.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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
    public UUID alumnusId;

    @Column(nullable = false)
    public String organisation;

    public String email;

    /** {@code nl} (default) or {@code en}. */
    @Column(nullable = false)
    public String language = "nl";

    @Column(name = "record_version", nullable = false)
    public long recordVersion = -1;

    @Column(nullable = false)
    public boolean anonymised;

    /** Whether alumni-network mail may go to this alumnus now. */
    public boolean wantsNetworkMail() {
        return networkConsent && !anonymised && email != null;
    }

    /** Consent for alumni-network mail, as last given or withdrawn; false until the alumnus gives it. */
    @Column(name = "network_consent", nullable = false)
    public boolean networkConsent;

    @Column(name = "consent_changed_at")
    public Instant consentChangedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
