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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.incidenttimeline.projections.SqlTime.instant;
import static dev.incidenttimeline.projections.SqlTime.toSql;

/**
 * Reads and writes {@code postmortem_fact} and {@code postmortem_incident} (whose incident it is) with plain JDBC: a
 * batch costs one batched insert per table, whatever its size ({@link NewRows}); only when one of its rows is stored
 * already, existence checks first: one per incident of the batch for the facts, one per 500 incidents for their
 * organisations.
 */
class PostmortemStore {

    private static final int IN_LIST = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    PostmortemStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Stores the facts and the incidents' organisations that are not stored yet: a redelivered event changes nothing.
     *
     * @param declaredFor the incidents declared in this batch and their organisations (a value may be {@code null})
     */
    void write(List<FactRow> facts, Map<String, String> declaredFor) {
        if (facts.isEmpty() || NewRows.insertedAll(jdbc, () -> insert(facts, declaredFor))) {
            return;
        }
        Set<PostmortemFact.Key> storedFacts = stored(facts);
        List<FactRow> freshFacts = new ArrayList<>();
        for (FactRow fact : facts) {
            if (storedFacts.add(fact.key())) {
                freshFacts.add(fact);
            }
        }
        Map<String, String> freshIncidents = new HashMap<>(declaredFor);
        freshIncidents.keySet().removeAll(stored("postmortem_incident", "incident_id", declaredFor.keySet()));
        insert(freshFacts, freshIncidents);
    }

    /** Whether someone acting for {@code organisation} may see the incident's postmortem (it must be declared). */
    boolean visibleTo(String incidentId, String organisation) {
        if (organisation == null) {
            return true;
        }
        List<String> owners = jdbc.queryForList("select organisation from postmortem_incident where incident_id = ?",
                String.class, incidentId);
        return !owners.isEmpty() && organisation.equals(owners.get(0));
    }

    /** Which of these facts are stored already: per incident, the keys from the batch's first sequence number on. */
    private Set<PostmortemFact.Key> stored(List<FactRow> facts) {
        Map<String, Long> firstSequence = new HashMap<>();
        facts.forEach(fact -> firstSequence.merge(fact.incidentId(), fact.sequence(), Math::min));
        Set<PostmortemFact.Key> found = new HashSet<>();
        firstSequence.forEach((incidentId, sequence) -> found.addAll(jdbc.queryForList("select sequence_number "
                        + "from postmortem_fact where incident_id = ? and sequence_number >= ?", Long.class,
                incidentId, sequence).stream().map(stored -> new PostmortemFact.Key(incidentId, stored)).toList()));
        return found;
    }

    private Set<String> stored(String table, String idColumn, Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            stored.addAll(named.queryForList("select " + idColumn + " from " + table + " where " + idColumn
                            + " in (:ids)",
                    new MapSqlParameterSource("ids", all.subList(from, Math.min(all.size(), from + IN_LIST))),
                    String.class));
        }
        return stored;
    }

    private void insert(List<FactRow> fresh, Map<String, String> incidents) {
        jdbc.batchUpdate("insert into postmortem_incident (incident_id, organisation) values (?, ?)",
                incidents.entrySet().stream()
                        .map(incident -> new Object[] {incident.getKey(), incident.getValue()}).toList());
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
