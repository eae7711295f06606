package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.projections.SqlInLists;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static dev.incidenttimeline.projections.SqlTime.instant;
import static dev.incidenttimeline.projections.SqlTime.toSql;

/**
 * Reads and writes the metrics tables with plain JDBC: a batch of events costs four reads (the touched incidents with
 * their services, facts and values) and a few batched writes of what changed, whatever its size. Through Hibernate, a
 * replay spent most of its time finding, dirty-checking and writing the entities one by one.
 */
final class MetricsStore {

    /**
     * The increment of the id sequences ({@code V2_1__metrics.sql}); each value taken from one stands for this many
     * ids.
     */
    private static final int ALLOCATION_SIZE = 50;

    private static final int BATCH_SIZE = 1000;

    private static final String VALUE_COLUMNS = "definition_version, value_millis, inconsistent, started_at, "
            + "start_event_id, stopped_at, stop_event_id, declared_at, drill, severity, detected_by, organisation";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Ids factIds = new Ids("metrics_fact_seq");
    private final Ids valueIds = new Ids("metrics_value_seq");

    /** Whether the database is PostgreSQL (which has its own syntax for a sequence's next value); null until known. */
    private volatile Boolean postgres;

    MetricsStore(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * The stored incidents among these, as {@link #load(Collection)} reads them, locked until the transaction ends,
     * in the order of their ids: so that a processor batch and a {@link MetricsRecomputation} never compute the same
     * incident from facts and values the other is about to change (both would insert a metric new to it, for one).
     * Every writer takes its incidents in this order, so two of them cannot wait for each other. The lock is taken by
     * the read of the incidents' rows itself ({@code for update}).
     */
    Map<String, MetricsIncident> lockAndLoad(Collection<String> incidentIds) {
        Map<String, MetricsIncident> incidents = new LinkedHashMap<>();
        for (List<String> chunk : SqlInLists.chunks(new TreeSet<>(incidentIds))) {
            load("incident_id in (:ids)", new MapSqlParameterSource("ids", chunk), true, incidents);
        }
        return incidents;
    }

    /**
     * The last id of the next page of up to {@code limit} stored incidents after {@code after} (null: from the
     * first), in id order; null when there are none.
     */
    String pageEnd(String after, int limit) {
        List<String> page = jdbc.queryForList("select incident_id from metrics_incident"
                + (after == null ? "" : " where incident_id > ?") + " order by incident_id offset " + (limit - 1)
                + " rows fetch first 1 rows only", String.class, after == null ? new Object[0] : new Object[] {after});
        if (!page.isEmpty()) {
            return page.get(0);
        }
        // Fewer than limit left: the page ends at the last one.
        return jdbc.queryForObject("select max(incident_id) from metrics_incident"
                + (after == null ? "" : " where incident_id > ?"), String.class,
                after == null ? new Object[0] : new Object[] {after});
    }

    /**
     * The stored incidents with ids after {@code after} (null: from the first) up to {@code last}, locked as
     * {@link #lockAndLoad} locks them: a page read by ranges of the key, without IN lists. Only the incidents locked
     * are returned: one a batch stores in the range meanwhile was not, and that batch (or the next one for it)
     * computes it.
     */
    Map<String, MetricsIncident> lockAndLoadPage(String after, String last) {
        String range = (after == null ? "" : "incident_id > :after and ") + "incident_id <= :last";
        Map<String, MetricsIncident> incidents = new LinkedHashMap<>();
        load(range, new MapSqlParameterSource("after", after).addValue("last", last), true, incidents);
        return incidents;
    }

    /** The stored incidents among these, with their services, facts and values; one not stored is missing. */
    Map<String, MetricsIncident> load(Collection<String> incidentIds) {
        Map<String, MetricsIncident> incidents = new LinkedHashMap<>();
        for (List<String> chunk : SqlInLists.chunks(incidentIds)) {
            load("incident_id in (:ids)", new MapSqlParameterSource("ids", chunk), false, incidents);
        }
        return incidents;
    }

    /**
     * Adds the incidents the condition selects to {@code incidents}, with their services, facts and values; with
     * {@code lock}, their rows are locked in id order as they are read.
     */
    private void load(String condition, MapSqlParameterSource parameters, boolean lock,
                      Map<String, MetricsIncident> incidents) {
        int before = incidents.size();
        named.query("select incident_id, declared_at, severity, detected_by, drill, organisation, customer_first,"
                + " last_sequence from metrics_incident where " + condition
                + (lock ? " order by incident_id for update" : ""), parameters, (ResultSet row) -> {
                    MetricsIncident incident = new MetricsIncident(row.getString("incident_id"),
                            instant(row, "declared_at"), severity(row), detectedBy(row), row.getBoolean("drill"),
                            row.getString("organisation"), row.getBoolean("customer_first"),
                            row.getLong("last_sequence"));
                    incidents.put(incident.incidentId(), incident);
                });
        if (incidents.size() == before) {
            return;
        }
        // A row of an incident not selected above is skipped: one a batch stored meanwhile, in a page's range
        // (and so not locked by it).
        named.query("select incident_id, service from metrics_incident_service where " + condition, parameters,
                (ResultSet row) -> {
                    MetricsIncident incident = incidents.get(row.getString("incident_id"));
                    if (incident != null) {
                        incident.load(row.getString("service"));
                    }
                });
        named.query("select id, incident_id, kind, fact_key, event_sequence, happened_at, event_id,"
                + " origin_event_id, occurred_at, recorded_at from metrics_fact where " + condition, parameters,
                (ResultSet row) -> {
                    MetricsIncident incident = incidents.get(row.getString("incident_id"));
                    if (incident != null) {
                        incident.load(new MetricsFact(row.getLong("id"), FactKind.valueOf(row.getString("kind")),
                                row.getString("fact_key"), row.getLong("event_sequence"), instant(row, "happened_at"),
                                row.getString("event_id"), row.getString("origin_event_id"),
                                instant(row, "occurred_at"), instant(row, "recorded_at")));
                    }
                });
        named.query("select id, incident_id, metric, " + VALUE_COLUMNS + " from metrics_value where " + condition,
                parameters, (ResultSet row) -> {
                    MetricsIncident incident = incidents.get(row.getString("incident_id"));
                    if (incident != null) {
                        incident.load(new MetricsValue(row.getLong("id"), row.getString("metric"),
                                new MetricsValue.Columns(row.getInt("definition_version"),
                                        row.getObject("value_millis", Long.class), row.getBoolean("inconsistent"),
                                        instant(row, "started_at"), row.getString("start_event_id"),
                                        instant(row, "stopped_at"), row.getString("stop_event_id"),
                                        instant(row, "declared_at"), row.getBoolean("drill"), severity(row),
                                        detectedBy(row), row.getString("organisation"))));
                    }
                });
    }

    /**
     * Writes what changed: new incidents inserted, the others updated (their last sequence number moved), new
     * services and facts inserted, moved facts updated, values inserted, updated or deleted where they differ.
     */
    void save(Collection<MetricsIncident> incidents) {
        String incidentColumns = "declared_at, severity, detected_by, drill, organisation, customer_first, "
                + "last_sequence";
        ParameterizedPreparedStatementSetter<MetricsIncident> incidentRow = (statement, incident) -> {
            statement.setObject(1, toSql(incident.declaredAt()));
            setName(statement, 2, incident.severity());
            setName(statement, 3, incident.detectedBy());
            statement.setBoolean(4, incident.drill());
            statement.setString(5, incident.organisation());
            statement.setBoolean(6, incident.customerFirst());
            statement.setLong(7, incident.lastSequence());
            statement.setString(8, incident.incidentId());
        };
        batch("insert into metrics_incident (" + incidentColumns + ", incident_id) values (?, ?, ?, ?, ?, ?, ?, ?)",
                incidents.stream().filter(incident -> !incident.stored()).toList(), incidentRow);
        batch("update metrics_incident set " + incidentColumns.replace(",", " = ?,") + " = ? where incident_id = ?",
                incidents.stream().filter(MetricsIncident::stored).toList(), incidentRow);

        batch("insert into metrics_incident_service (incident_id, service) values (?, ?)",
                incidents.stream().flatMap(incident -> incident.newServices().stream()
                        .map(service -> new String[] {incident.incidentId(), service})).toList(),
                (statement, row) -> {
                    statement.setString(1, row[0]);
                    statement.setString(2, row[1]);
                });

        saveFacts(incidents);
        saveValues(incidents);
    }

    private void saveFacts(Collection<MetricsIncident> incidents) {
        record Row(String incidentId, MetricsFact fact) {
        }
        List<Row> fresh = incidents.stream().flatMap(incident -> incident.facts().stream().filter(MetricsFact::isNew)
                .map(fact -> new Row(incident.incidentId(), fact))).toList();
        // A new fact moved within the batch is inserted where it is now.
        List<MetricsFact> moved = incidents.stream().flatMap(incident -> incident.facts().stream())
                .filter(fact -> fact.moved() && !fact.isNew()).toList();
        fresh.forEach(row -> row.fact().storedAs(factIds.next()));
        batch("insert into metrics_fact (id, incident_id, fact_name, kind, fact_key, event_sequence, happened_at,"
                + " event_id, origin_event_id, occurred_at, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fresh, (statement, row) -> {
                    MetricsFact fact = row.fact();
                    statement.setLong(1, fact.id());
                    statement.setString(2, row.incidentId());
                    statement.setString(3, fact.name());
                    statement.setString(4, fact.kind().name());
                    statement.setString(5, fact.key());
                    statement.setLong(6, fact.sequence());
                    statement.setObject(7, toSql(fact.at()));
                    statement.setString(8, fact.eventId());
                    statement.setString(9, fact.originEventId());
                    statement.setObject(10, toSql(fact.occurredAt()));
                    statement.setObject(11, toSql(fact.recordedAt()));
                });
        batch("update metrics_fact set happened_at = ?, event_id = ? where id = ?", moved, (statement, fact) -> {
            statement.setObject(1, toSql(fact.at()));
            statement.setString(2, fact.eventId());
            statement.setLong(3, fact.id());
        });
    }

    private void saveValues(Collection<MetricsIncident> incidents) {
        record Row(String incidentId, MetricsValue value) {
        }
        List<Row> fresh = incidents.stream().flatMap(incident -> incident.values().stream().filter(MetricsValue::isNew)
                .map(value -> new Row(incident.incidentId(), value))).toList();
        List<MetricsValue> changed = incidents.stream().flatMap(incident -> incident.values().stream())
                .filter(value -> !value.isNew() && value.changed()).toList();
        batch("delete from metrics_value where id = ?",
                incidents.stream().flatMap(incident -> incident.dropped().stream()).toList(),
                (statement, value) -> statement.setLong(1, value.id()));
        fresh.forEach(row -> row.value().storedAs(valueIds.next()));
        batch("insert into metrics_value (" + VALUE_COLUMNS + ", id, incident_id, metric)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fresh, (statement, row) -> {
                    bind(statement, row.value());
                    statement.setString(14, row.incidentId());
                    statement.setString(15, row.value().metric());
                });
        batch("update metrics_value set " + VALUE_COLUMNS.replace(",", " = ?,") + " = ? where id = ?", changed,
                this::bind);
    }

    /** The columns of a value, then its id (13 parameters). */
    private void bind(PreparedStatement statement, MetricsValue value) throws SQLException {
        MetricsValue.Columns columns = value.columns();
        statement.setInt(1, columns.version());
        if (columns.valueMillis() == null) {
            statement.setNull(2, Types.BIGINT);
        } else {
            statement.setLong(2, columns.valueMillis());
        }
        statement.setBoolean(3, columns.inconsistent());
        statement.setObject(4, toSql(columns.startedAt()));
        statement.setString(5, columns.startEventId());
        statement.setObject(6, toSql(columns.stoppedAt()));
        statement.setString(7, columns.stopEventId());
        statement.setObject(8, toSql(columns.declaredAt()));
        statement.setBoolean(9, columns.drill());
        setName(statement, 10, columns.severity());
        setName(statement, 11, columns.detectedBy());
        statement.setString(12, columns.organisation());
        statement.setLong(13, value.id());
    }

    private <T> void batch(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> binder) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, BATCH_SIZE, binder);
        }
    }

    private static void setName(PreparedStatement statement, int index, Enum<?> value) throws SQLException {
        statement.setString(index, value == null ? null : value.name());
    }

    private static Severity severity(ResultSet row) throws SQLException {
        String severity = row.getString("severity");
        return severity == null ? null : Severity.valueOf(severity);
    }

    private static DetectionSource detectedBy(ResultSet row) throws SQLException {
        String detectedBy = row.getString("detected_by");
        return detectedBy == null ? null : DetectionSource.valueOf(detectedBy);
    }

    private String nextValue(String sequence) {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName()));
        }
        return postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
    }

    /**
     * Row ids from a sequence, handed out the way Hibernate's pooled optimizer did when it wrote these tables: each
     * value taken is the highest id of a block of {@link #ALLOCATION_SIZE}. So the ids never collide with rows it
     * wrote, nor with single values taken by others. Shared by the processor's threads.
     */
    private final class Ids {

        private final String sequence;
        private long next = 1;
        private long last = 0;

        Ids(String sequence) {
            this.sequence = sequence;
        }

        synchronized long next() {
            if (next > last) {
                long value = jdbc.queryForObject(nextValue(sequence), Long.class);
                if (value < ALLOCATION_SIZE) {
                    // The sequence's first value (it starts at 1): the block runs from it up to the next value.
                    next = value;
                    last = jdbc.queryForObject(nextValue(sequence), Long.class);
                } else {
                    next = value - ALLOCATION_SIZE + 1;
                    last = value;
                }
            }
            return next++;
        }
    }
}
