package nl.integrity.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.Wellness;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.integrity.platform.PlatformConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The event broker as this instance sees it, and what its outbox holds for it: a wellness check
 * ({@code /q/health/well}, part of {@code /q/health}), not a readiness check. Without the broker an
 * instance still takes requests (the outbox keeps their events until the broker returns), so an outage
 * must not take it out of service; it must show, with how much waits and for how long.
 *
 * <p>Down while the broker does not answer, while the relay's sends fail, or while an event has waited
 * longer than {@code platform.outbox.health.max-wait} (the relay is stuck or cannot keep up).
 */
@Wellness
@ApplicationScoped
public class EventBrokerHealth implements HealthCheck {

    private final OutboxRelay relay;
    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final Duration maxWait;
    private Admin admin;

    EventBrokerHealth(
            OutboxRelay relay,
            AgroalDataSource dataSource,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            PlatformConfig.Outbox config) {
        this.relay = relay;
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.maxWait = config.health().maxWait();
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("event-broker");
        boolean up = true;
        String broker = brokerAnswers();
        response.withData("broker", broker);
        up &= broker.equals("reachable");
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet row =
                        s.executeQuery("select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0) "
                                + "from outbox_message where published_at is null")) {
            row.next();
            long waiting = row.getLong(1);
            long oldest = (long) row.getDouble(2);
            response.withData("outboxWaiting", waiting).withData("outboxOldestWaitSeconds", oldest);
            up &= waiting == 0 || oldest <= maxWait.toSeconds();
        } catch (SQLException e) {
            response.withData("outbox", "unknown: the database did not answer");
            up = false;
        }
        var failingSince = relay.failingSince();
        if (failingSince.isPresent()) {
            response.withData("relayFailingSince", failingSince.get().toString());
            relay.lastFailure().ifPresent(failure -> response.withData("relayLastFailure", failure));
            up = false;
        }
        return response.status(up).build();
    }

    /** "reachable", or why not: the broker's cluster description within two seconds. */
    private String brokerAnswers() {
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .clusterId()
                    .get(3, TimeUnit.SECONDS);
            return "reachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown: interrupted";
        } catch (Exception e) {
            return "unreachable: "
                    + (e.getCause() != null ? e.getCause() : e).getClass().getSimpleName();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            var config = new java.util.HashMap<>(kafkaConfig);
            config.keySet().retainAll(AdminClientConfig.configNames());
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "event-broker-health");
            // Reconnects quietly while the broker is away; a health call never waits longer than its timeout.
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
