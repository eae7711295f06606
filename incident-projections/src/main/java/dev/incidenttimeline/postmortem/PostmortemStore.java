package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.projections.NewRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.incidenttimeline.projections.SqlTime.instant;
import static dev.incidenttimeline.projections.SqlTime.toSql;

/**
 * Reads and writes {@code postmortem_fact} with plain JDBC: a batch of facts costs one batched insert, whatever its
 * size ({@link NewRows}); only when one of them is stored already, one existence check per 500 rows first.
 */
class PostmortemStore {

    private static final int IN_LIST = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    PostmortemStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Stores the facts that are not stored yet: a redelivered event changes nothing. */
    void write(List<FactRow> facts) {
        if (facts.isEmpty() || NewRows.insertedAll(jdbc, () -> insert(facts))) {
            return;
        }
        Set<String> stored = new HashSet<>();
        List<String> ids = facts.stream().map(FactRow::id).toList();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            stored.addAll(named.queryForList("select id from postmortem_fact where id in (:ids)",
                    new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST))),
                    String.class));
        }
        List<FactRow> fresh = new ArrayList<>();
        for (FactRow fact : facts) {
            if (stored.add(fact.id())) {
                fresh.add(fact);
            }
        }
        insert(fresh);
    }

    private void insert(List<FactRow> fresh) {
        jdbc.batchUpdate("insert into postmortem_fact (id, incident_id, sequence_number, kind, occurred_at, "
                        + "recorded_at, actor, subject, text, detail, items, time_a, time_b, number_a, number_b, "
                        + "due_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fresh, 1000,
                (statement, row) -> {
                    statement.setString(1, row.id());
                    statement.setString(2, row.incidentId());
                    statement.setLong(3, row.sequence());
                    statement.setString(4, row.kind().name());
                    statement.setObject(5, toSql(row.occurredAt()));
                    statement.setObject(6, toSql(row.recordedAt()));
                    statement.setString(7, row.actor());
                    statement.setString(8, row.subject());
                    statement.setString(9, row.text());
                    statement.setString(10, row.detail());
                    statement.setString(11, row.items());
                    statement.setObject(12, toSql(row.timeA()));
                    statement.setObject(13, toSql(row.timeB()));
                    setLong(statement, 14, row.numberA());
                    setLong(statement, 15, row.numberB());
                    if (row.dueDate() == null) {
                        statement.setNull(16, Types.DATE);
                    } else {
                        statement.setDate(16, Date.valueOf(row.dueDate()));
                    }
                });
    }

    /** Empties the read model (before a replay). */
    void reset() {
        jdbc.update("delete from postmortem_fact");
    }

    /** An incident's facts in the order they were stored. */
    List<FactRow> facts(String incidentId) {
        return jdbc.query("select * from postmortem_fact where incident_id = ? order by sequence_number",
                (row, index) -> fact(row), incidentId);
    }

    private static void setLong(java.sql.PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static FactRow fact(ResultSet row) throws SQLException {
        Date dueDate = row.getDate("due_date");
        return new FactRow(row.getString("id"), row.getString("incident_id"), row.getLong("sequence_number"),
                FactKind.valueOf(row.getString("kind")), instant(row, "occurred_at"), instant(row, "recorded_at"),
                row.getString("actor"), row.getString("subject"), row.getString("text"), row.getString("detail"),
                row.getString("items"), instant(row, "time_a"), instant(row, "time_b"),
                row.getObject("number_a", Long.class), row.getObject("number_b", Long.class),
                dueDate == null ? null : dueDate.toLocalDate());
    }
}
