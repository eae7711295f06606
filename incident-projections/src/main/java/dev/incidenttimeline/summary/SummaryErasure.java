package dev.incidenttimeline.summary;

import dev.incidenttimeline.privacy.ErasableReadModel;
import dev.incidenttimeline.projections.ErasedNames;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/** Replaces an erased person's name in the incident summaries: declared by, role holders, task assignees. */
class SummaryErasure implements ErasableReadModel {

    private final JdbcTemplate jdbc;

    SummaryErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long replaceName(String organisation, String name, String pseudonym) {
        String incidents = ErasedNames.incidentsOf(organisation);
        Object[] scope = ErasedNames.organisationParameters(organisation);
        long rows = 0;
        for (String column : List.of("incident_summary.declared_by", "incident_summary_role.person",
                "incident_summary_task.assignee", "incident_summary_task.completed_by")) {
            String table = column.substring(0, column.indexOf('.'));
            String field = column.substring(column.indexOf('.') + 1);
            List<Object> parameters = new ArrayList<>(List.of(pseudonym, name));
            parameters.addAll(List.of(scope));
            rows += jdbc.update("update " + table + " set " + field + " = ? where " + field + " = ? and " + incidents,
                    parameters.toArray());
        }
        return rows;
    }
}
