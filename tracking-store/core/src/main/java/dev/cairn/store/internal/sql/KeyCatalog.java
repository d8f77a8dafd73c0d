package dev.cairn.store.internal.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interns param and metric key names as small integer ids. Ids are cached only once committed (keys are never
 * deleted), so a rolled-back transaction can never leave a stale id in the cache.
 */
public final class KeyCatalog {
    private final Map<String, Long> committed = new ConcurrentHashMap<>();
    private final Map<Long, String> committedNames = new ConcurrentHashMap<>();

    /** The id of {@code name}, creating it inside {@code tx} when new. */
    public long idFor(Tx tx, String name) throws SQLException {
        Long id = committed.get(name);
        if (id != null) {
            return id;
        }
        Map<String, Long> pending = tx.pendingKeys();
        id = pending.get(name);
        if (id != null) {
            return id;
        }
        Connection c = tx.connection();
        Long existing = lookup(c, name);
        if (existing != null) {
            committed.put(name, existing);
            return existing;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO keys(name) VALUES (?) RETURNING id")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long created = rs.getLong(1);
                if (pending.isEmpty()) {
                    tx.afterCommit(() -> committed.putAll(pending));
                }
                pending.put(name, created);
                return created;
            }
        }
    }

    /** The id of {@code name} if it exists (read-only), else null. */
    public Long find(Connection c, String name) throws SQLException {
        Long id = committed.get(name);
        if (id != null) {
            return id;
        }
        Long found = lookup(c, name);
        return found;
    }

    /**
     * The name of key {@code id}, for bulk reads that select key ids rather than decode the same names on every
     * row. Cached only when read outside a transaction ({@code inTransaction} false): a key created by a
     * transaction that rolls back may see its id given to another name.
     */
    public String name(Connection c, long id, boolean inTransaction) throws SQLException {
        String name = committedNames.get(id);
        if (name != null) {
            return name;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM keys WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no key with id " + id);
                }
                name = rs.getString(1);
            }
        }
        if (!inTransaction) {
            committedNames.put(id, name);
        }
        return name;
    }

    /** Names for ids, for bulk reads. */
    public Map<Long, String> names(Connection c) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM keys");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    private static Long lookup(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM keys WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
