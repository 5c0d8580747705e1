package nl.integrity.notification.network;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A mailing to an organisation's alumni network: a newsletter or an invitation, in Dutch and
 * optionally English. It goes only to alumni who consented; each recipient is one delivery.
 */
@Entity
@Table(name = "network_mailing")
public class NetworkMailing extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "subject_nl", nullable = false)
    public String subjectNl;

    @Column(name = "text_nl", nullable = false)
    public String textNl;

    /** Null: English readers get the Dutch text. */
    @Column(name = "subject_en")
    public String subjectEn;

    @Column(name = "text_en")
    public String textEn;

    /** Alumni with consent and an address when the mailing was made. */
    @Column(nullable = false)
    public int recipients;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    boolean hasEnglish() {
        return subjectEn != null && textEn != null;
    }
}
