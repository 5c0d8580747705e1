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
    public Long id;

    @Column(name = "alumnus_id", nullable = false)
    public UUID alumnusId;

    @Column(nullable = false)
    public boolean given;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(nullable = false)
    public String channel;

    /** Oldest first. */
    public static List<NetworkConsent> history(UUID alumnusId) {
        return list("alumnusId = ?1 order by id", alumnusId);
    }

    /** No row yet means no consent: the network is opt-in. */
    public static boolean current(List<NetworkConsent> history) {
        return !history.isEmpty() && history.get(history.size() - 1).given;
    }
}
