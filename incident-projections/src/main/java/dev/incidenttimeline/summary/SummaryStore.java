package dev.incidenttimeline.summary;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentStatus;
import dev.incidenttimeline.incident.api.PostmortemStatus;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.projections.SqlInLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static dev.incidenttimeline.projections.SqlTime.instant;
import static dev.incidenttimeline.projections.SqlTime.toSql;

/**
 * Reads and writes the summary tables with plain JDBC: a batch of events costs four reads (the touched incidents
 * with their services, roles and tasks) and a few batched writes, whatever its size.
 */
class SummaryStore {

    private static final String COLUMNS = "title, status, severity, detected_by, drill, declared_by, declared_at, "
            + "detected_at, impact_started_at, acknowledged_at, mitigated_at, resolved_at, impact_ended_at, closed_at, "
            + "acknowledged, postmortem, customers_affected, users_affected, last_sequence, last_recorded_at, organisation";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    SummaryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The stored states of these incidents; an incident not stored yet is missing from the map. */
    Map<String, IncidentState> load(Collection<String> incidentIds) {
        Map<String, IncidentState> states = new LinkedHashMap<>();
        for (List<String> chunk : SqlInLists.chunks(incidentIds)) {
            MapSqlParameterSource ids = new MapSqlParameterSource("ids", chunk);
            named.query("select * from incident_summary where incident_id in (:ids)", ids, (ResultSet row) -> {
                IncidentState state = state(row);
                states.put(state.incidentId, state);
            });
            named.query("select incident_id, service from incident_summary_service where incident_id in (:ids)", ids,
                    (ResultSet row) -> {
                        states.get(row.getString("incident_id")).services.add(row.getString("service"));
                    });
            named.query("select * from incident_summary_role where incident_id in (:ids)", ids, (ResultSet row) -> {
                states.get(row.getString("incident_id")).roles.put(row.getString("role_name"),
                        new IncidentState.Holder(row.getString("person"), instant(row, "since")));
            });
            named.query("select * from incident_summary_task where incident_id in (:ids) order by assigned_at, task_id",
                    ids, (ResultSet row) -> {
                        states.get(row.getString("incident_id")).tasks.put(row.getString("task_id"),
                                new IncidentState.Task(row.getString("title"), row.getString("assignee"),
                                        instant(row, "assigned_at"), instant(row, "completed_at"),
                                        row.getString("completed_by")));
                    });
        }
        return states;
    }

    /** Writes the states back: new ones inserted, others updated, changed services, roles and tasks replaced. */
    void save(Collection<IncidentState> states) {
        List<IncidentState> fresh = states.stream().filter(state -> !state.stored).toList();
        List<IncidentState> known = states.stream().filter(state -> state.stored).toList();
        jdbc.batchUpdate("insert into incident_summary (" + COLUMNS + ", incident_id) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fresh, 1000, this::bind);
        jdbc.batchUpdate("update incident_summary set " + COLUMNS.replace(",", " = ?,") + " = ? where incident_id = ?",
                known, 1000, this::bind);
        replace("incident_summary_service", "insert into incident_summary_service (incident_id, service) values (?, ?)",
                states.stream().filter(state -> state.servicesChanged).toList(), (state, rows) ->
                        state.services.forEach(service -> rows.add(new Object[] {state.incidentId, service})));
        replace("incident_summary_role",
                "insert into incident_summary_role (incident_id, role_name, person, since) values (?, ?, ?, ?)",
                states.stream().filter(state -> state.rolesChanged).toList(), (state, rows) ->
                        state.roles.forEach((role, holder) -> rows.add(new Object[] {state.incidentId, role,
                                holder.person(), toSql(holder.since())})));
        replace("incident_summary_task", "insert into incident_summary_task (incident_id, task_id, title, assignee, "
                        + "assigned_at, completed_at, completed_by) values (?, ?, ?, ?, ?, ?, ?)",
                states.stream().filter(state -> state.tasksChanged).toList(), (state, rows) ->
                        state.tasks.forEach((taskId, task) -> rows.add(new Object[] {state.incidentId, taskId,
                                task.title(), task.assignee(), toSql(task.assignedAt()), toSql(task.completedAt()),
                                task.completedBy()})));
    }

    /**
     * The ids of the incidents that pass the filter, newest declaration first; only the organisation's when one is
     * given.
     */
    List<String> find(ListIncidents filter, String organisation) {
        StringBuilder sql = new StringBuilder("select s.incident_id from incident_summary s where 1 = 1");
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (organisation != null) {
            sql.append(" and s.organisation = :organisation");
            parameters.addValue("organisation", organisation);
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" and s.status in (:statuses)");
            parameters.addValue("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (!filter.severities().isEmpty()) {
            sql.append(" and s.severity in (:severities)");
            parameters.addValue("severities", filter.severities().stream().map(Enum::name).toList());
        }
        if (!filter.detectedBy().isEmpty()) {
            sql.append(" and s.detected_by in (:sources)");
            parameters.addValue("sources", filter.detectedBy().stream().map(Enum::name).toList());
        }
        if (filter.declaredFrom() != null) {
            sql.append(" and s.declared_at >= :from");
            parameters.addValue("from", toSql(filter.declaredFrom()));
        }
        if (filter.declaredTo() != null) {
            sql.append(" and s.declared_at < :to");
            parameters.addValue("to", toSql(filter.declaredTo()));
        }
        if (filter.service() != null && !filter.service().isBlank()) {
            sql.append(" and exists (select 1 from incident_summary_service v"
                    + " where v.incident_id = s.incident_id and v.service = :service)");
            parameters.addValue("service", filter.service());
        }
        sql.append(" order by s.declared_at desc, s.incident_id fetch first ").append(filter.limit())
                .append(" rows only");
        return named.queryForList(sql.toString(), parameters, String.class);
    }

    private void replace(String table, String insert, List<IncidentState> changed,
                         BiConsumer<IncidentState, List<Object[]>> rowsOf) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("delete from " + table + " where incident_id = ?",
                changed.stream().map(state -> new Object[] {state.incidentId}).toList());
        List<Object[]> rows = new ArrayList<>();
        changed.forEach(state -> rowsOf.accept(state, rows));
        jdbc.batchUpdate(insert, rows);
    }

    private void bind(PreparedStatement statement, IncidentState state) throws SQLException {
        int column = 1;
        statement.setString(column++, state.title);
        statement.setString(column++, state.status.name());
        statement.setString(column++, state.severity.name());
        statement.setString(column++, state.detectedBy.name());
        statement.setBoolean(column++, state.drill);
        statement.setString(column++, state.declaredBy);
        statement.setObject(column++, toSql(state.declaredAt));
        statement.setObject(column++, toSql(state.detectedAt));
        statement.setObject(column++, toSql(state.impactStartedAt));
        statement.setObject(column++, toSql(state.acknowledgedAt));
        statement.setObject(column++, toSql(state.mitigatedAt));
        statement.setObject(column++, toSql(state.resolvedAt));
        statement.setObject(column++, toSql(state.impactEndedAt));
        statement.setObject(column++, toSql(state.closedAt));
        statement.setBoolean(column++, state.acknowledged);
        statement.setString(column++, state.postmortem.name());
        if (state.customersAffected == null) {
            statement.setNull(column++, Types.INTEGER);
        } else {
            statement.setInt(column++, state.customersAffected);
        }
        if (state.usersAffected == null) {
            statement.setNull(column++, Types.BIGINT);
        } else {
            statement.setLong(column++, state.usersAffected);
        }
        statement.setLong(column++, state.lastSequence);
        statement.setObject(column++, toSql(state.lastRecordedAt));
        statement.setString(column++, state.organisation);
        statement.setString(column, state.incidentId);
    }

    private static IncidentState state(ResultSet row) throws SQLException {
        IncidentState state = new IncidentState(row.getString("incident_id"));
        state.stored = true;
        state.title = row.getString("title");
        state.status = IncidentStatus.valueOf(row.getString("status"));
        state.severity = Severity.valueOf(row.getString("severity"));
        state.detectedBy = DetectionSource.valueOf(row.getString("detected_by"));
        state.drill = row.getBoolean("drill");
        state.declaredBy = row.getString("declared_by");
        state.declaredAt = instant(row, "declared_at");
        state.detectedAt = instant(row, "detected_at");
        state.impactStartedAt = instant(row, "impact_started_at");
        state.acknowledgedAt = instant(row, "acknowledged_at");
        state.mitigatedAt = instant(row, "mitigated_at");
        state.resolvedAt = instant(row, "resolved_at");
        state.impactEndedAt = instant(row, "impact_ended_at");
        state.closedAt = instant(row, "closed_at");
        state.acknowledged = row.getBoolean("acknowledged");
        state.postmortem = PostmortemStatus.valueOf(row.getString("postmortem"));
        state.customersAffected = (Integer) row.getObject("customers_affected", Integer.class);
        state.usersAffected = (Long) row.getObject("users_affected", Long.class);
        state.lastSequence = row.getLong("last_sequence");
        state.lastRecordedAt = instant(row, "last_recorded_at");
        state.organisation = row.getString("organisation");
        return state;
    }

}
