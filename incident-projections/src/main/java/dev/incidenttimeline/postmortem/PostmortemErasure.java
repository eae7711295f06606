package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.privacy.ErasableReadModel;
import dev.incidenttimeline.projections.ErasedNames;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces an erased person's name in the postmortem facts: the actor (except an alert's source), the person of a
 * role change (subject), the previous holder (text of a role assignment), the customer of a report and the owner of
 * an action item (detail). The facts keep no organisation: the incident summaries say which incidents are whose.
 */
class PostmortemErasure implements ErasableReadModel {

    private final JdbcTemplate jdbc;

    PostmortemErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long replaceName(String organisation, String name, String pseudonym) {
        String incidents = ErasedNames.incidentsOf(organisation);
        Object[] scope = ErasedNames.organisationParameters(organisation);
        return update("actor", "kind <> 'ALERT_LINKED'", name, pseudonym, incidents, scope)
                + update("subject", "kind in ('ROLE_ASSIGNED', 'ROLE_LEFT')", name, pseudonym, incidents, scope)
                + update("text", "kind = 'ROLE_ASSIGNED'", name, pseudonym, incidents, scope)
                + update("detail", "kind in ('CUSTOMER_REPORT_LINKED', 'ACTION_ITEM_ADDED')", name, pseudonym,
                incidents, scope);
    }

    private long update(String column, String kinds, String name, String pseudonym, String incidents,
                        Object[] scope) {
        List<Object> parameters = new ArrayList<>(List.of(pseudonym, name));
        parameters.addAll(List.of(scope));
        return jdbc.update("update postmortem_fact set " + column + " = ? where " + column + " = ? and " + kinds
                + " and " + incidents, parameters.toArray());
    }
}
