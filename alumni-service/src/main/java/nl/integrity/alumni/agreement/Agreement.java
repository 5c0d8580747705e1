package nl.integrity.alumni.agreement;

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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.alumni.catalogue.Sector;

/**
 * A post-employment agreement attached to a departure: the template's words with its sector or
 * subject filled in, fixed when proposed. The leaver accepts it; from then on it binds from
 * {@code startsOn} up to (not including) {@code endsOn}, and ends by itself.
 */
@Entity
@Table(name = "agreement")
class Agreement extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "alumnus_id", nullable = false)
    private UUID alumnusId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Organisation organisation;

    @Column(name = "template_id", nullable = false)
    private UUID templateId;

    @Column(name = "template_revision", nullable = false)
    private int templateRevision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgreementKind kind;

    @Column(nullable = false)
    private String code;

    @Column(name = "title_nl", nullable = false)
    private String titleNl;

    @Column(name = "title_en", nullable = false)
    private String titleEn;

    @Column(name = "text_nl", nullable = false)
    private String textNl;

    @Column(name = "text_en", nullable = false)
    private String textEn;

    @Enumerated(EnumType.STRING)
    private Sector sector;

    private String subject;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgreementStatus status;

    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "withdrawn_by")
    private String withdrawnBy;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Version
    private long version;

    protected Agreement() {}

    /** The template's words, with {@code {sector}} and {@code {subject}} filled in, proposed to the alumnus. */
    static Agreement propose(
            UUID alumnusId,
            AgreementTemplate template,
            Sector sector,
            String subject,
            LocalDate startsOn,
            LocalDate endsOn,
            String by,
            Instant at) {
        var words = template.wording();
        var agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.alumnusId = alumnusId;
        agreement.organisation = template.organisation();
        agreement.templateId = template.id();
        agreement.templateRevision = template.revision();
        agreement.kind = template.kind();
        agreement.code = template.code();
        agreement.sector = sector;
        agreement.subject = subject;
        agreement.titleNl = fill(words.titleNl(), sector, subject, "nl");
        agreement.titleEn = fill(words.titleEn(), sector, subject, "en");
        agreement.textNl = fill(words.textNl(), sector, subject, "nl");
        agreement.textEn = fill(words.textEn(), sector, subject, "en");
        agreement.startsOn = startsOn;
        agreement.endsOn = endsOn;
        agreement.status = AgreementStatus.PROPOSED;
        agreement.proposedBy = by;
        agreement.proposedAt = at;
        return agreement;
    }

    private static String fill(String text, Sector sector, String subject, String language) {
        return text.replace("{sector}", sector == null ? "-" : sector.word(language))
                .replace("{subject}", subject == null ? "-" : subject);
    }

    /** @return false when it was accepted before (nothing changes) */
    boolean accept(Instant at) {
        if (status == AgreementStatus.ACCEPTED) {
            return false;
        }
        if (status != AgreementStatus.PROPOSED) {
            throw new AgreementProblems.NotProposed(id, status);
        }
        status = AgreementStatus.ACCEPTED;
        acceptedAt = at;
        return true;
    }

    void withdraw(String by, Instant at) {
        if (status != AgreementStatus.PROPOSED) {
            throw new AgreementProblems.NotProposed(id, status);
        }
        status = AgreementStatus.WITHDRAWN;
        withdrawnBy = by;
        withdrawnAt = at;
    }

    /** Accepted, and binding on this day. */
    boolean inForceOn(LocalDate day) {
        return status == AgreementStatus.ACCEPTED && !day.isBefore(startsOn) && day.isBefore(endsOn);
    }

    UUID id() {
        return id;
    }

    UUID alumnusId() {
        return alumnusId;
    }

    Organisation organisation() {
        return organisation;
    }

    int templateRevision() {
        return templateRevision;
    }

    AgreementKind kind() {
        return kind;
    }

    String code() {
        return code;
    }

    String titleNl() {
        return titleNl;
    }

    String titleEn() {
        return titleEn;
    }

    String textNl() {
        return textNl;
    }

    String textEn() {
        return textEn;
    }

    Sector sector() {
        return sector;
    }

    String subject() {
        return subject;
    }

    LocalDate startsOn() {
        return startsOn;
    }

    LocalDate endsOn() {
        return endsOn;
    }

    AgreementStatus status() {
        return status;
    }

    String proposedBy() {
        return proposedBy;
    }

    Instant proposedAt() {
        return proposedAt;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    String withdrawnBy() {
        return withdrawnBy;
    }

    Instant withdrawnAt() {
        return withdrawnAt;
    }

    static List<Agreement> of(UUID alumnusId) {
        return list("alumnusId = ?1 order by startsOn, proposedAt", alumnusId);
    }

    static Optional<Agreement> of(UUID alumnusId, UUID id) {
        return Agreement.<Agreement>findByIdOptional(id).filter(a -> a.alumnusId.equals(alumnusId));
    }

    /**
     * The record was anonymised: what the office wrote about the person goes. That is the subject
     * (a unit, a body: it may point at one person), in its own column and where the proposal filled
     * it into the titles and texts; kind, code, sector and period stay for statistics.
     */
    static void anonymiseAllOf(UUID alumnusId) {
        getEntityManager()
                .createNativeQuery("""
                        update agreement
                        set title_nl = replace(title_nl, subject, '[...]'), title_en = replace(title_en, subject, '[...]'),
                            text_nl = replace(text_nl, subject, '[...]'), text_en = replace(text_en, subject, '[...]'),
                            subject = null, version = version + 1
                        where alumnus_id = ?1 and subject is not null""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .addSynchronizedQuerySpace("agreement") // flushes only agreements first, not the whole session
                .setParameter(1, alumnusId)
                .executeUpdate();
    }
}
