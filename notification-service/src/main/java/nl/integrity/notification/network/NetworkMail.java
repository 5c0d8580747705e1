package nl.integrity.notification.network;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.integrity.notification.contact.AlumnusContact;
import nl.integrity.notification.delivery.DeliveryStatus;
import nl.integrity.notification.portal.PortalLinks;

/**
 * Alumni-network mail: queued for the alumni who consented when the mailing is made, and written
 * for each alumnus just before sending, in their language, only if their consent still holds.
 */
@ApplicationScoped
public class NetworkMail {

    /** The delivery event type of network mail. */
    public static final String EVENT_TYPE = "network-mailing";

    private final EntityManager em;
    private final Clock clock;
    private final Template nl;
    private final Template en;
    private final PortalLinks links;

    NetworkMail(
            EntityManager em,
            Clock clock,
            @Location("mail/network-mailing-nl.txt") Template nl,
            @Location("mail/network-mailing-en.txt") Template en,
            PortalLinks links) {
        this.em = em;
        this.clock = clock;
        this.nl = nl;
        this.en = en;
        this.links = links;
    }

    /** One delivery per alumnus of the mailing's organisation who consented and has an address; their number. */
    @Transactional(Transactional.TxType.MANDATORY)
    int queueToConsenting(NetworkMailing mailing) {
        Instant now = clock.instant();
        return em.createNativeQuery("""
                        insert into delivery (id, channel, organisation, recipient, event_id, event_type, payload, status,
                                              attempts, next_attempt_at, created_at, alumnus_id)
                        select gen_random_uuid(), 'EMAIL', c.organisation, ?1 || c.alumnus_id, ?2, ?3,
                               json_build_object('mailing', cast(?2 as uuid), 'alumnusId', c.alumnus_id)::text, 'PENDING', 0,
                               ?4, ?4, c.alumnus_id
                        from alumnus_contact c
                        where c.organisation = ?5 and c.network_consent and not c.anonymised and c.email is not null""")
                .setParameter(1, AlumnusContact.RECIPIENT_PREFIX)
                .setParameter(2, mailing.id())
                .setParameter(3, EVENT_TYPE)
                .setParameter(4, now)
                .setParameter(5, mailing.organisation())
                .executeUpdate();
    }

    /** The deliveries of each mailing by status. */
    @SuppressWarnings("unchecked")
    Map<UUID, Map<DeliveryStatus, Long>> countByStatus(List<UUID> mailings) {
        if (mailings.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery(
                        "select event_id, status, count(*) from delivery where event_id in (?1) group by event_id, status")
                .setParameter(1, mailings)
                .getResultList();
        Map<UUID, Map<DeliveryStatus, Long>> counts = new HashMap<>();
        rows.forEach(r -> counts.computeIfAbsent((UUID) r[0], id -> new EnumMap<>(DeliveryStatus.class))
                .put(DeliveryStatus.valueOf((String) r[1]), ((Number) r[2]).longValue()));
        return counts;
    }

    /** The subject of a mailing in English or Dutch (Dutch when it has no English); empty for a mailing not known. */
    public Optional<String> subject(UUID mailingId, boolean english) {
        return NetworkMailing.<NetworkMailing>findByIdOptional(mailingId)
                .map(m -> english && m.subjectEn() != null ? m.subjectEn() : m.subjectNl());
    }

    /**
     * The mail of this mailing to this alumnus, or empty when it must not go out (any more): consent
     * withdrawn, no address, anonymised, or the mailing unknown. Call in a transaction.
     */
    public Optional<Mail> compose(UUID mailingId, AlumnusContact contact) {
        NetworkMailing mailing = NetworkMailing.findById(mailingId);
        if (mailing == null || mailing.textNl() == null || contact == null || !contact.wantsNetworkMail()) {
            return Optional.empty();
        }
        boolean english = "en".equals(contact.language()) && mailing.hasEnglish();
        String text = (english ? en : nl)
                .data("text", english ? mailing.textEn() : mailing.textNl())
                .data("organisation", mailing.organisation())
                .data("consentLink", links.consent())
                .render();
        return Optional.of(Mail.withText(contact.email(), english ? mailing.subjectEn() : mailing.subjectNl(), text));
    }
}
