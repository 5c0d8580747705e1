package nl.integrity.platform.testing.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fingerprint of what a service's database holds: per table, the number of rows and a hash of
 * their contents. Columns that the service's own background work changes (the outbox relay marking
 * events published, dispatchers recording attempts) are left out, so that only a request can change it.
 */
public final class DatabaseState implements AutoCloseable {

    private final Connection connection;
    private final String query;

    /**
     * @param volatileColumns per table, the columns background work changes
     * @param ignoredTables   tables background work writes as a whole (scheduled runs, the migrations' history)
     */
    public DatabaseState(
            String jdbcUrl,
            String user,
            String password,
            Map<String, Set<String>> volatileColumns,
            Set<String> ignoredTables) {
        try {
            connection = DriverManager.getConnection(jdbcUrl, user, password);
            List<String> tables = new ArrayList<>();
            try (Statement s = connection.createStatement();
                    ResultSet rows = s.executeQuery(
                            "select table_name from information_schema.tables where table_schema = 'public' "
                                    + "and table_type = 'BASE TABLE' order by table_name")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    if (!table.startsWith("flyway_") && !ignoredTables.contains(table)) {
                        tables.add(table);
                    }
                }
            }
            List<String> parts = new ArrayList<>();
            for (String table : tables) {
                String columns = String.join(",", volatileColumns.getOrDefault(table, Set.of()));
                parts.add(
                        "select '%s', count(*), coalesce(sum(hashtext((to_jsonb(t) - '{%s}'::text[])::text)::bigint), 0) from \"%s\" t"
                                .formatted(table, columns, table));
            }
            query = String.join(" union all ", parts);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the service's database " + jdbcUrl, e);
        }
    }

    /** Table name to "rows:hash". */
    public Map<String, String> fingerprint() {
        Map<String, String> state = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery(query)) {
            while (rows.next()) {
                state.put(rows.getString(1), rows.getLong(2) + ":" + rows.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return state;
    }

    /** The tables whose fingerprint differs. */
    public static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> tables = new ArrayList<>();
        for (var entry : after.entrySet()) {
            if (!entry.getValue().equals(before.get(entry.getKey()))) {
                tables.add(entry.getKey() + " (" + before.get(entry.getKey()) + " -> " + entry.getValue() + ")");
            }
        }
        return tables;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a connection the test opened; nothing to do
        }
    }
}
