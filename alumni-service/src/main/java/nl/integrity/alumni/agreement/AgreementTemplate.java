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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;

/**
 * An agreement in an organisation's library, in Dutch and English. Its title and text may name
 * {@code {sector}} or {@code {subject}}, filled in when an office attaches it to a departure. A
 * change raises its revision (on the revision read); a retired template is attached no more.
 */
@Entity
@Table(name = "agreement_template")
class AgreementTemplate extends PanacheEntityBase {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Organisation organisation;

    @Column(nullable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgreementKind kind;

    @Column(name = "title_nl", nullable = false)
    private String titleNl;

    @Column(name = "title_en", nullable = false)
    private String titleEn;

    @Column(name = "text_nl", nullable = false)
    private String textNl;

    @Column(name = "text_en", nullable = false)
    private String textEn;

    @Column(name = "default_months", nullable = false)
    private int defaultMonths;

    @Column(nullable = false)
    private int revision;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private long version;

    protected AgreementTemplate() {}

    /** The words and default duration an administrator writes. */
    record Wording(String titleNl, String titleEn, String textNl, String textEn, int defaultMonths) {}

    static AgreementTemplate create(
            Organisation organisation, String code, AgreementKind kind, Wording wording, String by, Instant at) {
        var template = new AgreementTemplate();
        template.id = UUID.randomUUID();
        template.organisation = organisation;
        template.code = code;
        template.kind = kind;
        template.revision = 0;
        template.apply(wording, by, at);
        return template;
    }

    /**
     * A new revision of the words, on the revision the administrator read.
     *
     * @return false when nothing changed
     */
    boolean change(int expectedRevision, Wording wording, String by, Instant at) {
        if (retiredAt != null) {
            throw new AgreementProblems.Retired(code);
        }
        if (expectedRevision != revision) {
            throw new AgreementProblems.StaleTemplate(code, expectedRevision, revision);
        }
        if (wording.equals(wording())) {
            return false;
        }
        apply(wording, by, at);
        return true;
    }

    private void apply(Wording wording, String by, Instant at) {
        titleNl = wording.titleNl();
        titleEn = wording.titleEn();
        textNl = wording.textNl();
        textEn = wording.textEn();
        defaultMonths = wording.defaultMonths();
        revision++;
        changedBy = by;
        changedAt = at;
    }

    /** @return false when it was retired before */
    boolean retire(String by, Instant at) {
        if (retiredAt != null) {
            return false;
        }
        retiredAt = at;
        changedBy = by;
        changedAt = at;
        return true;
    }

    Wording wording() {
        return new Wording(titleNl, titleEn, textNl, textEn, defaultMonths);
    }

    UUID id() {
        return id;
    }

    Organisation organisation() {
        return organisation;
    }

    String code() {
        return code;
    }

    AgreementKind kind() {
        return kind;
    }

    int revision() {
        return revision;
    }

    Instant retiredAt() {
        return retiredAt;
    }

    String changedBy() {
        return changedBy;
    }

    Instant changedAt() {
        return changedAt;
    }

    static List<AgreementTemplate> library(Organisation organisation, boolean includeRetired) {
        return includeRetired
                ? list("organisation = ?1 order by code", organisation)
                : list("organisation = ?1 and retiredAt is null order by code", organisation);
    }

    /** A template of this organisation; another organisation's is not found. */
    static AgreementTemplate of(Organisation organisation, UUID id) {
        return AgreementTemplate.<AgreementTemplate>findByIdOptional(id)
                .filter(t -> t.organisation == organisation)
                .orElseThrow(() -> new nl.integrity.platform.problem.NotFound("Agreement template", id));
    }

    static Optional<AgreementTemplate> byCode(Organisation organisation, String code) {
        return find("organisation = ?1 and code = ?2", organisation, code).firstResultOptional();
    }
}
