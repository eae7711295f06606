package dev.incidenttimeline.timeline;

import dev.incidenttimeline.privacy.ErasableReadModel;
import dev.incidenttimeline.projections.ErasedNames;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replaces an erased person's name in the timeline: as the actor of entries and changes, as the customer an entry
 * introduces, and inside the texts the timeline generates ("Acknowledged by …", "… is now leader"). Texts people
 * wrote (status updates, notes, summaries) are left as they are.
 */
class TimelineErasure implements ErasableReadModel {

    /** The entries whose text the timeline writes itself, with a person's name in it. */
    private static final String NAMING_KINDS = "('ACKNOWLEDGED', 'RESPONDER_JOINED', 'ROLE_ASSIGNED', 'ROLE_LEFT', "
            + "'MILESTONE_TIME_RECORDED', 'CUSTOMER_REPORT_LINKED', 'CUSTOMER_CALLED_BACK', 'TASK_ASSIGNED', "
            + "'POSTMORTEM_STARTED', 'POSTMORTEM_PUBLISHED', 'CLOSED')";

    private final JdbcTemplate jdbc;

    TimelineErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long replaceName(String organisation, String name, String pseudonym) {
        String incidents = organisation == null
                ? "incident_id in (select incident_id from timeline_incident where organisation is null)"
                : "incident_id in (select incident_id from timeline_incident where organisation = ?)";
        Object[] scope = ErasedNames.organisationParameters(organisation);
        long rows = ErasedNames.replaceInTexts(jdbc, "select text, incident_id, sequence_number, part from "
                        + "timeline_entry where kind in " + NAMING_KINDS + " and position(? in text) > 0 and "
                        + incidents, with(name, scope),
                "update timeline_entry set text = ? where incident_id = ? and sequence_number = ? and part = ?",
                name, pseudonym);
        // An alert's entries name its source, not a person.
        rows += jdbc.update("update timeline_entry set actor = ? where actor = ? and kind not in ('ALERT_LINKED', "
                + "'ALERT_RESOLVED') and " + incidents, with(pseudonym, name, scope));
        rows += jdbc.update("update timeline_entry set subject = ? where subject = ? and kind = "
                + "'CUSTOMER_REPORT_LINKED' and " + incidents, with(pseudonym, name, scope));
        rows += jdbc.update("update timeline_change set actor = ? where actor = ? and " + incidents,
                with(pseudonym, name, scope));
        return rows;
    }

    static Object[] with(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static Object[] with(Object first, Object second, Object[] rest) {
        return with(first, with(second, rest));
    }
}
