package dev.incidenttimeline.timeline;

import dev.incidenttimeline.incident.api.Visibility;
import dev.incidenttimeline.projections.NewRows;
import dev.incidenttimeline.projections.SqlInLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.incidenttimeline.projections.SqlTime.instant;
import static dev.incidenttimeline.projections.SqlTime.toSql;

/**
 * Reads and writes the timeline tables with plain JDBC: a batch of rows costs at most one subject look-up and one
 * batched insert per table, whatever its size ({@link NewRows}); only when one of its rows is stored already, the
 * existence checks first (one per table, for the entries one per incident of the batch).
 */
class TimelineStore {

    private static final String LINK_SEPARATOR = "\n";
    /** The kinds whose {@code subject} a later entry refers to. */
    private static final Set<EntryKind> INTRODUCING = EnumSet.of(EntryKind.TASK_ASSIGNED, EntryKind.ALERT_LINKED,
            EntryKind.CUSTOMER_REPORT_LINKED);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    TimelineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Stores the rows that are not stored yet (a redelivered event changes nothing), then clears the content of
     * every entry that one of the redactions hides.
     */
    void write(List<EntryRow> entries, List<ChangeRow> changes, Map<String, String> declaredFor) {
        if (!NewRows.insertedAll(jdbc, () -> insert(declaredFor, describe(entries), changes))) {
            Set<String> storedIncidents = existing("timeline_incident", "incident_id", declaredFor.keySet());
            Map<String, String> newIncidents = new HashMap<>(declaredFor);
            newIncidents.keySet().removeAll(storedIncidents);
            Set<TimelineEntry.Key> storedEntries = stored(entries);
            List<EntryRow> newEntries = describe(entries.stream().filter(row -> !storedEntries.contains(row.key()))
                    .toList());
            Set<String> storedChanges = existing("timeline_change", changes.stream().map(ChangeRow::id).toList());
            List<ChangeRow> newChanges = changes.stream().filter(row -> !storedChanges.contains(row.id())).toList();
            insert(newIncidents, newEntries, newChanges);
        }
        // Also for redactions seen before: a replay rewrites the entry's content, which must be cleared again.
        List<ChangeRow> redactions = changes.stream().filter(row -> row.type() == ChangeRow.ChangeType.REDACTED)
                .toList();
        jdbc.batchUpdate("update timeline_entry set text = null, links = null where incident_id = ? and entry_id = ?",
                redactions, 1000, (statement, row) -> {
                    statement.setString(1, row.incidentId());
                    statement.setString(2, row.entryId());
                });
        jdbc.batchUpdate("update timeline_change set previous_text = null, new_text = null "
                        + "where incident_id = ? and entry_id = ?", redactions, 1000, (statement, row) -> {
                    statement.setString(1, row.incidentId());
                    statement.setString(2, row.entryId());
                });
    }

    private void insert(Map<String, String> incidents, List<EntryRow> newEntries, List<ChangeRow> newChanges) {
        jdbc.batchUpdate("insert into timeline_incident (incident_id, organisation) values (?, ?)",
                incidents.entrySet().stream()
                        .map(incident -> new Object[] {incident.getKey(), incident.getValue()}).toList());
        jdbc.batchUpdate("insert into timeline_entry (id, incident_id, sequence_number, part, entry_id, kind, "
                        + "occurred_at, recorded_at, actor, text, visibility, links, ref, subject) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", newEntries, 1000,
                (statement, row) -> {
                    statement.setString(1, row.id());
                    statement.setString(2, row.incidentId());
                    statement.setLong(3, row.sequence());
                    statement.setInt(4, row.part());
                    statement.setString(5, row.entryId());
                    statement.setString(6, row.kind().name());
                    statement.setObject(7, toSql(row.occurredAt()));
                    statement.setObject(8, toSql(row.recordedAt()));
                    statement.setString(9, row.actor());
                    statement.setString(10, row.text());
                    statement.setString(11, row.visibility().name());
                    statement.setString(12, row.links().isEmpty() ? null : String.join(LINK_SEPARATOR, row.links()));
                    statement.setString(13, row.ref());
                    statement.setString(14, row.subject());
                });
        jdbc.batchUpdate("insert into timeline_change (id, incident_id, sequence_number, entry_id, change_type, actor, "
                        + "reason, previous_text, new_text, previous_time, new_time, occurred_at, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", newChanges, 1000,
                (statement, row) -> {
                    statement.setString(1, row.id());
                    statement.setString(2, row.incidentId());
                    statement.setLong(3, row.sequence());
                    statement.setString(4, row.entryId());
                    statement.setString(5, row.type().name());
                    statement.setString(6, row.actor());
                    statement.setString(7, row.reason());
                    statement.setString(8, row.previousText());
                    statement.setString(9, row.newText());
                    statement.setObject(10, toSql(row.previousTime()));
                    statement.setObject(11, toSql(row.newTime()));
                    statement.setObject(12, toSql(row.occurredAt()));
                    statement.setObject(13, toSql(row.recordedAt()));
                });
    }

    /** Whether someone acting for {@code organisation} may see the incident's timeline (it must be declared). */
    boolean visibleTo(String incidentId, String organisation) {
        if (organisation == null) {
            return true;
        }
        List<String> owners = jdbc.queryForList("select organisation from timeline_incident where incident_id = ?",
                String.class, incidentId);
        return !owners.isEmpty() && organisation.equals(owners.get(0));
    }

    List<EntryRow> entries(String incidentId) {
        return jdbc.query("select * from timeline_entry where incident_id = ? order by sequence_number, part",
                (row, index) -> entry(row), incidentId);
    }

    List<ChangeRow> changes(String incidentId) {
        return jdbc.query("select * from timeline_change where incident_id = ? order by sequence_number",
                (row, index) -> change(row), incidentId);
    }

    /** Fills in the text of rows that name what an earlier entry introduced (the title of a completed task). */
    private List<EntryRow> describe(List<EntryRow> rows) {
        if (rows.stream().noneMatch(row -> row.describe() != null)) {
            return rows;
        }
        Map<String, String> subjects = new HashMap<>();
        for (EntryRow row : rows) {
            if (INTRODUCING.contains(row.kind()) && row.subject() != null) {
                subjects.putIfAbsent(subjectKey(row.incidentId(), row.kind(), row.ref()), row.subject());
            }
        }
        Set<String> missingIn = new HashSet<>();
        for (EntryRow row : rows) {
            if (row.describe() != null && !subjects.containsKey(subjectKey(row.incidentId(), introducer(row.kind()),
                    row.ref()))) {
                missingIn.add(row.incidentId());
            }
        }
        // By incident, through the primary key: an index on the reference would cost every insert more than these
        // look-ups cost (an incident holds tens of entries, rarely thousands, and only a few name a subject).
        for (List<String> chunk : SqlInLists.chunks(missingIn)) {
            named.query("select incident_id, kind, ref, subject from timeline_entry where incident_id in (:incidents) "
                            + "and subject is not null order by incident_id, sequence_number, part",
                    new MapSqlParameterSource("incidents", chunk),
                    (ResultSet row) -> {
                        subjects.putIfAbsent(subjectKey(row.getString("incident_id"),
                                EntryKind.valueOf(row.getString("kind")), row.getString("ref")),
                                row.getString("subject"));
                    });
        }
        List<EntryRow> described = new ArrayList<>(rows.size());
        for (EntryRow row : rows) {
            if (row.describe() == null) {
                described.add(row);
            } else {
                String subject = subjects.get(subjectKey(row.incidentId(), introducer(row.kind()), row.ref()));
                described.add(row.withText(row.describe().apply(subject == null ? row.ref() : subject)));
            }
        }
        return described;
    }

    private static EntryKind introducer(EntryKind kind) {
        return switch (kind) {
            case TASK_COMPLETED -> EntryKind.TASK_ASSIGNED;
            case ALERT_RESOLVED -> EntryKind.ALERT_LINKED;
            case CUSTOMER_CALLED_BACK -> EntryKind.CUSTOMER_REPORT_LINKED;
            default -> kind;
        };
    }

    private static String subjectKey(String incidentId, EntryKind kind, String ref) {
        return incidentId + '\u0000' + kind + '\u0000' + ref;
    }

    /** Which of these entries are stored already: per incident, the keys from the batch's first sequence number on. */
    private Set<TimelineEntry.Key> stored(List<EntryRow> entries) {
        Map<String, Long> firstSequence = new HashMap<>();
        entries.forEach(row -> firstSequence.merge(row.incidentId(), row.sequence(), Math::min));
        Set<TimelineEntry.Key> found = new HashSet<>();
        firstSequence.forEach((incidentId, sequence) -> jdbc.query("select sequence_number, part from timeline_entry "
                        + "where incident_id = ? and sequence_number >= ?",
                (ResultSet row) -> {
                    found.add(new TimelineEntry.Key(incidentId, row.getLong(1), row.getInt(2)));
                }, incidentId, sequence));
        return found;
    }

    private Set<String> existing(String table, Collection<String> ids) {
        return existing(table, "id", ids);
    }

    private Set<String> existing(String table, String idColumn, Collection<String> ids) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : SqlInLists.chunks(ids)) {
            found.addAll(named.queryForList("select " + idColumn + " from " + table + " where " + idColumn
                            + " in (:ids)",
                    new MapSqlParameterSource("ids", chunk), String.class));
        }
        return found;
    }


    private static EntryRow entry(ResultSet row) throws SQLException {
        String links = row.getString("links");
        return new EntryRow(row.getString("id"), row.getString("incident_id"), row.getLong("sequence_number"),
                row.getInt("part"), row.getString("entry_id"), EntryKind.valueOf(row.getString("kind")),
                instant(row, "occurred_at"), instant(row, "recorded_at"), row.getString("actor"),
                row.getString("text"), Visibility.valueOf(row.getString("visibility")),
                links == null ? List.of() : Arrays.asList(links.split(LINK_SEPARATOR)), row.getString("ref"),
                row.getString("subject"), null);
    }

    private static ChangeRow change(ResultSet row) throws SQLException {
        return new ChangeRow(row.getString("id"), row.getString("incident_id"), row.getLong("sequence_number"),
                row.getString("entry_id"), ChangeRow.ChangeType.valueOf(row.getString("change_type")),
                row.getString("actor"), row.getString("reason"), row.getString("previous_text"),
                row.getString("new_text"), instant(row, "previous_time"), instant(row, "new_time"),
                instant(row, "occurred_at"), instant(row, "recorded_at"));
    }
}
