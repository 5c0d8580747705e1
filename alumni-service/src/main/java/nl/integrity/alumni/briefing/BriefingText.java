package nl.integrity.alumni.briefing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;

/**
 * One revision of the general part of an organisation's departure briefing, in one language.
 * Administrators change it by adding a revision; a revision never changes, so what an alumnus
 * acknowledged can always be shown as they read it.
 */
@Entity
@Table(name = "briefing_text")
class BriefingText extends PanacheEntityBase {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Organisation organisation;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private int revision;

    @Column(nullable = false)
    private String introduction;

    @Column(name = "what_to_declare", nullable = false)
    private String whatToDeclare;

    @Column(name = "how_to_declare", nullable = false)
    private String howToDeclare;

    @Column(nullable = false)
    private String contact;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected BriefingText() {}

    /** The four parts an administrator writes. */
    record Parts(String introduction, String whatToDeclare, String howToDeclare, String contact) {}

    /** The revision after this one, with these parts. */
    BriefingText next(Parts parts, String by, Instant at) {
        var text = new BriefingText();
        text.id = UUID.randomUUID();
        text.organisation = organisation;
        text.language = language;
        text.revision = revision + 1;
        text.introduction = parts.introduction();
        text.whatToDeclare = parts.whatToDeclare();
        text.howToDeclare = parts.howToDeclare();
        text.contact = parts.contact();
        text.changedBy = by;
        text.changedAt = at;
        return text;
    }

    Parts parts() {
        return new Parts(introduction, whatToDeclare, howToDeclare, contact);
    }

    UUID id() {
        return id;
    }

    Organisation organisation() {
        return organisation;
    }

    String language() {
        return language;
    }

    int revision() {
        return revision;
    }

    String changedBy() {
        return changedBy;
    }

    Instant changedAt() {
        return changedAt;
    }

    /** The revision in use: the newest. Every organisation has one per language from the start. */
    static Optional<BriefingText> current(Organisation organisation, String language) {
        return find("organisation = ?1 and language = ?2 order by revision desc", organisation, language)
                .firstResultOptional();
    }

    /** Every revision, newest first. */
    static List<BriefingText> history(Organisation organisation, String language) {
        return list("organisation = ?1 and language = ?2 order by revision desc", organisation, language);
    }
}
