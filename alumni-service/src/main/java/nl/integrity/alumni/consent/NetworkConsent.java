package nl.integrity.alumni.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One change of an alumnus' consent for the alumni network (newsletters, events, contact). The
 * newest row counts; the rows together are the history the alumnus and the office can show.
 * Declarations do not rest on this consent but on the legal obligation.
 */
@Entity
@Table(name = "network_consent")
public class NetworkConsent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "alumnus_id", nullable = false)
    private UUID alumnusId;

    @Column(nullable = false)
    private boolean given;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false)
    private String channel;

    protected NetworkConsent() {}

    /**
     * The alumnus' choice, as the next row of their {@code history}; empty when it is what already
     * holds. A first refusal is recorded too, so the history shows the alumnus was asked and answered.
     */
    static Optional<NetworkConsent> choose(
            List<NetworkConsent> history, UUID alumnusId, boolean given, String channel, Instant at) {
        Objects.requireNonNull(alumnusId, "alumnusId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        if (!history.isEmpty() && current(history) == given) {
            return Optional.empty();
        }
        var change = new NetworkConsent();
        change.alumnusId = alumnusId;
        change.given = given;
        change.changedAt = at;
        change.channel = channel;
        return Optional.of(change);
    }

    boolean given() {
        return given;
    }

    Instant changedAt() {
        return changedAt;
    }

    String channel() {
        return channel;
    }

    /** Oldest first. */
    public static List<NetworkConsent> history(UUID alumnusId) {
        return list("alumnusId = ?1 order by id", alumnusId);
    }

    /** No row yet means no consent: the network is opt-in. */
    static boolean current(List<NetworkConsent> history) {
        return !history.isEmpty() && history.get(history.size() - 1).given;
    }

    /** Removes the alumnus' whole consent history (their record is anonymised). */
    public static void forget(UUID alumnusId) {
        delete("alumnusId", alumnusId);
    }
}
