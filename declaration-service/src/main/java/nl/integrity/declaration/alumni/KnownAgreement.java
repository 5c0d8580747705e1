package nl.integrity.declaration.alumni;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.declaration.risk.AgreementInForce;

/**
 * A post-employment agreement an alumnus accepted, as alumni-service announced it: fixed once
 * accepted, so the first copy received is the only one.
 */
@Entity
@Table(name = "known_agreement")
public class KnownAgreement extends PanacheEntityBase {

    @Id
    @Column(name = "agreement_id")
    private UUID agreementId;

    @Column(name = "alumnus_id", nullable = false)
    private UUID alumnusId;

    @Column(nullable = false)
    private String organisation;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String code;

    @Column(name = "title_nl", nullable = false)
    private String titleNl;

    @Column(name = "title_en", nullable = false)
    private String titleEn;

    private String sector;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected KnownAgreement() {}

    /** Keeps an accepted agreement; one already kept stays as it is. */
    static void keep(UUID alumnusId, String organisation, AgreementInForce agreement, UUID agreementId, Instant at) {
        if (findByIdOptional(agreementId).isPresent()) {
            return;
        }
        var known = new KnownAgreement();
        known.agreementId = agreementId;
        known.alumnusId = alumnusId;
        known.organisation = organisation;
        known.kind = agreement.kind();
        known.code = agreement.code();
        known.titleNl = agreement.titleNl();
        known.titleEn = agreement.titleEn();
        known.sector = agreement.sector();
        known.startsOn = agreement.startsOn();
        known.endsOn = agreement.endsOn();
        known.receivedAt = at;
        known.persist();
    }

    /** Every agreement the alumnus accepted, whatever its period: the assessment picks those that bind. */
    public static List<AgreementInForce> of(UUID alumnusId) {
        return KnownAgreement.<KnownAgreement>list("alumnusId = ?1 order by startsOn, code", alumnusId).stream()
                .map(a -> new AgreementInForce(a.code, a.kind, a.titleNl, a.titleEn, a.sector, a.startsOn, a.endsOn))
                .toList();
    }

    /** The alumnus was anonymised: their agreements' words (which may name units) go. */
    static void forget(UUID alumnusId) {
        delete("alumnusId", alumnusId);
    }
}
