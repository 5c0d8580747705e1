package nl.integrity.notification.network;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.integrity.platform.problem.InvalidField;

/**
 * A mailing to an organisation's alumni network: a newsletter or an invitation, in Dutch and
 * optionally English. It goes only to alumni who consented; each recipient is one delivery.
 */
@Entity
@Table(name = "network_mailing")
public class NetworkMailing extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String organisation;

    @Column(name = "subject_nl", nullable = false)
    private String subjectNl;

    /** Null once removed, after {@code notification.retention.network-mailings}; the subjects stay. */
    @Column(name = "text_nl")
    private String textNl;

    /** Null: English readers get the Dutch text. */
    @Column(name = "subject_en")
    private String subjectEn;

    @Column(name = "text_en")
    private String textEn;

    /** Alumni with consent and an address when the mailing was made. */
    @Column(nullable = false)
    private int recipients;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected NetworkMailing() {}

    /**
     * What a mailing says. Dutch is required; English is optional, but then both the subject and
     * the text (blank is none), or {@link InvalidField} naming the one missing. Subjects are
     * trimmed, texts kept as written.
     */
    record Content(String subjectNl, String textNl, String subjectEn, String textEn) {
        Content {
            subjectEn = blankToNull(subjectEn);
            textEn = blankToNull(textEn);
            if ((subjectEn == null) != (textEn == null)) {
                throw new InvalidField(
                        subjectEn == null ? "subjectEn" : "textEn",
                        "give both the English subject and the English text, or neither");
            }
            subjectNl = subjectNl.trim();
            Objects.requireNonNull(textNl, "textNl");
            subjectEn = subjectEn == null ? null : subjectEn.trim();
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    /** A new mailing of {@code organisation}, written by {@code createdBy}. */
    static NetworkMailing write(String organisation, Content content, String createdBy, Instant now) {
        var m = new NetworkMailing();
        m.id = UUID.randomUUID();
        m.organisation = Objects.requireNonNull(organisation, "organisation");
        m.subjectNl = content.subjectNl();
        m.textNl = content.textNl();
        m.subjectEn = content.subjectEn();
        m.textEn = content.textEn();
        m.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        m.createdAt = Objects.requireNonNull(now, "now");
        return m;
    }

    /** Queued to this many alumni, those with consent and an address now. */
    void queuedFor(int count) {
        recipients = count;
    }

    boolean hasEnglish() {
        return subjectEn != null && textEn != null;
    }

    UUID id() {
        return id;
    }

    String organisation() {
        return organisation;
    }

    String subjectNl() {
        return subjectNl;
    }

    String textNl() {
        return textNl;
    }

    String subjectEn() {
        return subjectEn;
    }

    String textEn() {
        return textEn;
    }

    int recipients() {
        return recipients;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** A page of the organisation's mailings, newest first. */
    static List<NetworkMailing> pageOf(String organisation, int page, int size) {
        return NetworkMailing.<NetworkMailing>find("organisation = ?1 order by createdAt desc, id", organisation)
                .page(page, size)
                .list();
    }

    static long countOf(String organisation) {
        return count("organisation", organisation);
    }
}
