package nl.integrity.alumni.briefing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;

/**
 * A leaver's departure briefing: issued when the departure is registered, acknowledged by the
 * alumnus in the portal (naming the text revision they read), reminded once on the departure date
 * when it was not.
 */
@Entity
@Table(name = "departure_briefing")
class DepartureBriefing extends PanacheEntityBase {

    @Id
    @Column(name = "alumnus_id")
    private UUID alumnusId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Organisation organisation;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "issued_by", nullable = false)
    private String issuedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_text")
    private UUID acknowledgedText;

    @Column(name = "reminded_on")
    private LocalDate remindedOn;

    @Version
    private long version;

    protected DepartureBriefing() {}

    static DepartureBriefing issue(UUID alumnusId, Organisation organisation, String by, Instant at) {
        var briefing = new DepartureBriefing();
        briefing.alumnusId = alumnusId;
        briefing.organisation = organisation;
        briefing.issuedBy = by;
        briefing.issuedAt = at;
        return briefing;
    }

    /**
     * The alumnus read this revision and says so.
     *
     * @return false when they had acknowledged it before (nothing changes)
     */
    boolean acknowledge(BriefingText text, Instant at) {
        if (acknowledgedAt != null) {
            return false;
        }
        acknowledgedAt = at;
        acknowledgedText = text.id();
        return true;
    }

    /**
     * The departure date came without an acknowledgement: remind once.
     *
     * @return false when acknowledged or reminded before
     */
    boolean remind(LocalDate day) {
        if (acknowledgedAt != null || remindedOn != null) {
            return false;
        }
        remindedOn = day;
        return true;
    }

    UUID alumnusId() {
        return alumnusId;
    }

    Organisation organisation() {
        return organisation;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    String issuedBy() {
        return issuedBy;
    }

    Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    UUID acknowledgedText() {
        return acknowledgedText;
    }

    LocalDate remindedOn() {
        return remindedOn;
    }

    static Optional<DepartureBriefing> of(UUID alumnusId) {
        return findByIdOptional(alumnusId);
    }
}
