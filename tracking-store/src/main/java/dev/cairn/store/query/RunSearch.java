package dev.cairn.store.query;

import dev.cairn.store.model.Run;
import dev.cairn.store.sql.Database;
import dev.cairn.store.sql.RunRowMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches runs: experiment scope, filter language, ordering, keyset pagination. User values reach SQL only as
 * bound parameters.
 */
public final class RunSearch {
    private final Database db;

    public RunSearch(Database db) {
        this.db = db;
    }

    /** One page of runs matching {@code query}. */
    public RunPage search(RunQuery query) {
        if (query.hasFilter() || !query.orderBy().isEmpty() || query.pageToken() != null) {
            throw new UnsupportedOperationException("filter, order-by and pages are not implemented yet");
        }
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT " + RunRowMapper.COLUMNS + RunRowMapper.FROM + " WHERE 1=1");
            if (!query.includeDeleted()) {
                sql.append(" AND r.lifecycle = 'active' AND e.lifecycle = 'active'");
            }
            if (!query.experiments().isEmpty()) {
                sql.append(" AND e.name IN (").append(String.join(",",
                        java.util.Collections.nCopies(query.experiments().size(), "?"))).append(')');
            }
            sql.append(" ORDER BY r.start_ms DESC, r.seq DESC LIMIT ?");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                for (String name : query.experiments()) {
                    ps.setString(i++, name);
                }
                ps.setInt(i, query.pageSize());
                List<Run> runs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        runs.add(RunRowMapper.map(rs));
                    }
                }
                return new RunPage(runs, null);
            }
        });
    }

    /** Every run matching {@code query}, following pages. */
    public List<Run> searchAll(RunQuery query) {
        List<Run> all = new ArrayList<>();
        RunQuery q = query;
        while (true) {
            RunPage page = search(q);
            all.addAll(page.runs());
            if (page.nextPageToken() == null) {
                return all;
            }
            q = q.after(page.nextPageToken());
        }
    }
}
