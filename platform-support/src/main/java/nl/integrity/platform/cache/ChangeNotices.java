package nl.integrity.platform.cache;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Tells this instance that data its caches hold may have changed, whichever instance changed it.
 * A table whose rows are cached carries a trigger that calls {@code pg_notify('cache_invalidation',
 * ...)}; PostgreSQL delivers the notice when the changing transaction commits, to every connection
 * listening on the channel, one per instance, which this class holds outside the pool.
 *
 * <p>Each notice moves the {@link #generation() generation} on, and a {@link NoticedCache} entry
 * made at an earlier generation is not used again. While the listening connection is down this
 * instance cannot hear of changes: {@link #generation()} is then {@code -1} and caches read
 * through, until the connection is back (which moves the generation on again). A connection that
 * fails silently is found by a check after {@value #POLL_MILLIS} ms without a notice.
 *
 * <p>The listener starts with the first cache read, so a service that caches nothing holds no
 * connection for it.
 */
@ApplicationScoped
public class ChangeNotices {

    public static final String CHANNEL = "cache_invalidation";

    static final int POLL_MILLIS = 5_000;
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(ChangeNotices.class);

    private final String url;
    private final Properties credentials = new Properties();
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread listener;

    ChangeNotices(
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.application.name") String application,
            TransactionSynchronizationRegistry transactions) {
        this.url = url;
        this.transactions = transactions;
        user.ifPresent(u -> credentials.setProperty("user", u));
        password.ifPresent(p -> credentials.setProperty("password", p));
        credentials.setProperty("ApplicationName", application + " cache notices");
        credentials.setProperty("tcpKeepAlive", "true");
    }

    /** The current generation, or {@code -1} while changes cannot be heard (then nothing may be cached). */
    public long generation() {
        if (listener == null) {
            start();
        }
        return listening ? generation.get() : -1;
    }

    /**
     * Moves the generation on when the current transaction ends: the notice of a change made here
     * comes back a moment after the commit, and the caller's next request may be quicker.
     */
    public void afterThisTransaction() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    generation.incrementAndGet();
                }
            }
        });
    }

    private synchronized void start() {
        if (listener == null && !stopped) {
            listener = new Thread(this::listen, "cache-change-notices");
            listener.setDaemon(true);
            listener.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        boolean reported = false; // one warning per loss, not one per attempt to reconnect
        while (!stopped) {
            try (Connection connection = DriverManager.getConnection(url, credentials)) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                generation.incrementAndGet(); // whatever changed while nobody listened
                listening = true;
                if (reported) {
                    LOG.info("Listening for cache notices again");
                    reported = false;
                }
                PGConnection notices = connection.unwrap(PGConnection.class);
                while (!stopped) {
                    var received = notices.getNotifications(POLL_MILLIS);
                    if (received != null && received.length > 0) {
                        generation.incrementAndGet();
                    } else if (!connection.isValid(2)) {
                        break;
                    }
                }
            } catch (SQLException e) {
                if (!stopped && !reported) {
                    LOG.warnf(
                            "Not listening for cache notices (SQL state %s); caches read through until back",
                            e.getSQLState());
                    reported = true;
                }
            } finally {
                listening = false;
                generation.incrementAndGet();
            }
            if (!stopped) {
                LockSupport.parkNanos(RETRY.toNanos()); // before connecting again
            }
        }
    }
}
