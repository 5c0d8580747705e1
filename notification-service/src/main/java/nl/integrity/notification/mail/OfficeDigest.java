package nl.integrity.notification.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.integrity.notification.NotificationConfig;
import nl.integrity.notification.alert.Alert;
import nl.integrity.notification.alert.AlertKind;
import nl.integrity.notification.alert.AlertStatus;
import nl.integrity.notification.delivery.Delivery;
import nl.integrity.notification.portal.PortalLinks;
import org.jboss.logging.Logger;

/**
 * The daily digest for integrity offices that chose one ({@code delivery=daily-digest}) instead
 * of a mail per critical alert: once a day, at the office's {@code digest-at}, one mail with every
 * alert raised since the previous digest, the critical ones first, and how many alerts are still
 * open. No new alerts, no mail. Each office and day has one digest row, so instances never send
 * it twice; the mail itself is a delivery like any other (retried, logged).
 */
@ApplicationScoped
class OfficeDigest {

    private static final Logger LOG = Logger.getLogger(OfficeDigest.class);
    /** Alerts listed one by one; beyond this the mail counts them and points at the inbox. */
    static final int LISTED = 100;

    static final String EVENT_TYPE = "office-digest";

    private static final Map<AlertKind, String[]> TITLES = new EnumMap<>(Map.of(
            AlertKind.DECLARATION_SUBMITTED,
                    new String[] {"Nieuwe of gewijzigde melding", "New or changed declaration"},
            AlertKind.HIGH_RISK, new String[] {"Hoog of kritiek risico", "High or critical risk"},
            AlertKind.LATE_DECLARATION, new String[] {"Te late melding", "Late declaration"},
            AlertKind.DECLARATION_MISSING, new String[] {"Melding ontbreekt", "Declaration missing"},
            AlertKind.INFORMATION_RECEIVED, new String[] {"Antwoord van alumnus ontvangen", "Alumnus answered"},
            AlertKind.DECISION_DUE_SOON, new String[] {"Besluit bijna verlopen", "Decision due soon"},
            AlertKind.DECISION_OVERDUE, new String[] {"Besluit te laat", "Decision overdue"},
            AlertKind.WEBHOOK_DISABLED, new String[] {"Webhook uitgeschakeld", "Webhook disabled"},
            AlertKind.AFTERCARE_CONTACT_DUE, new String[] {"Nazorgcontact", "Aftercare contact"},
            AlertKind.AFTERCARE_CONTACT_MISSED, new String[] {"Nazorgcontact gemist", "Aftercare contact missed"}));

    private final NotificationConfig.Mail policy;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Template nl;
    private final Template en;
    private final PortalLinks links;
    private final DateTimeFormatter when;

    OfficeDigest(
            NotificationConfig config,
            EntityManager em,
            ObjectMapper json,
            Clock clock,
            @Location("mail/office-digest-nl.txt") Template nl,
            @Location("mail/office-digest-en.txt") Template en,
            PortalLinks links) {
        this.policy = config.mail();
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.nl = nl;
        this.en = en;
        this.links = links;
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(policy.zone());
    }

    @Scheduled(
            every = "${notification.mail.digest-check:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            run(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("Digest run failed, the next run retries: %s", e.getMessage());
        }
    }

    /** Composes each digest that is due at {@code now} and not yet made; the number made. */
    public int run(Instant now) {
        int made = 0;
        for (var entry : policy.offices().entrySet()) {
            NotificationConfig.Mail.Office office = entry.getValue();
            ZonedDateTime local = now.atZone(policy.zone());
            if (office.delivery() == NotificationConfig.Mail.Delivery.DAILY_DIGEST
                    && !local.toLocalTime().isBefore(office.digestAt())
                    && QuarkusTransaction.requiringNew()
                            .call(() -> compose(entry.getKey(), office, local.toLocalDate(), now))) {
                made++;
            }
        }
        return made;
    }

    /** The digest of this office and day, unless it was made already; whether this call made it. */
    private boolean compose(String organisation, NotificationConfig.Mail.Office office, LocalDate day, Instant now) {
        Instant previousEnd = (Instant)
                em.createNativeQuery("select max(period_end) from office_digest where organisation = ?1", Instant.class)
                        .setParameter(1, organisation)
                        .getSingleResult();
        Instant start = previousEnd != null ? previousEnd : now.minus(Duration.ofDays(1));
        List<Alert> alerts = Alert.list(
                "organisation = ?1 and raisedAt >= ?2 and raisedAt < ?3 order by raisedAt", organisation, start, now);
        UUID deliveryId = alerts.isEmpty() ? null : UUID.randomUUID();
        int claimed = em.createNativeQuery("""
                        insert into office_digest (organisation, digest_date, period_start, period_end, alerts, delivery_id,
                                                   created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?4) on conflict do nothing""")
                .setParameter(1, organisation)
                .setParameter(2, day)
                .setParameter(3, start)
                .setParameter(4, now)
                .setParameter(5, alerts.size())
                .setParameter(6, deliveryId)
                .executeUpdate();
        if (claimed == 0 || deliveryId == null) {
            return claimed == 1; // made already (here or by another instance), or nothing to tell
        }
        boolean dutch = !"en".equals(office.language());
        long open = Alert.count("organisation = ?1 and status <> ?2", organisation, AlertStatus.RESOLVED);
        List<Line> lines = alerts.stream()
                .sorted(Comparator.comparing((Alert a) -> !a.critical()).thenComparing(Alert::raisedAt))
                .limit(LISTED)
                .map(a -> line(a, dutch))
                .toList();
        Map<String, Long> perKind = new LinkedHashMap<>();
        for (AlertKind kind : AlertKind.values()) {
            long n = alerts.stream().filter(a -> a.kind() == kind).count();
            if (n > 0) {
                perKind.put(TITLES.get(kind)[dutch ? 0 : 1], n);
            }
        }
        long critical = alerts.stream().filter(Alert::critical).count();
        String text = (dutch ? nl : en)
                .data("organisation", organisation)
                .data("from", when.format(start))
                .data("until", when.format(now))
                .data("total", alerts.size())
                .data("critical", critical)
                .data("perKind", perKind.entrySet())
                .data("lines", lines)
                .data("unlisted", alerts.size() - lines.size())
                .data("open", open)
                .data("inbox", links.alertInbox())
                .render();
        String subject = dutch
                ? "[Integriteit] Dagoverzicht " + day + ": " + alerts.size() + " nieuwe signalen"
                        + (critical > 0 ? ", " + critical + " kritiek" : "")
                : "[Integrity] Daily digest " + day + ": " + alerts.size() + " new alerts"
                        + (critical > 0 ? ", " + critical + " critical" : "");
        Delivery.pending(
                        deliveryId,
                        Delivery.Channel.EMAIL,
                        organisation,
                        office.address(),
                        UUID.nameUUIDFromBytes(("digest:" + organisation + ":" + day).getBytes(StandardCharsets.UTF_8)),
                        EVENT_TYPE,
                        json.createObjectNode()
                                .put("subject", subject)
                                .put("text", text)
                                .toString(),
                        now)
                .persist();
        return true;
    }

    /** One alert in the digest: what kind, whether critical, when, and the link; the summary only where it names no one. */
    @TemplateData
    public record Line(String title, boolean critical, String raisedAt, String summary, String link) {}

    private Line line(Alert a, boolean dutch) {
        boolean critical = a.critical();
        // Summaries of new declarations name employer and role; the digest leaves those to the portal.
        String summary = a.kind() == AlertKind.DECLARATION_SUBMITTED ? null : a.summaryIn(dutch);
        return new Line(
                TITLES.get(a.kind())[dutch ? 0 : 1], critical, when.format(a.raisedAt()), summary, links.alert(a.id()));
    }
}
