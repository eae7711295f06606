package dev.incidenttimeline.incident;

/**
 * What a command does to an incident's life, as far as {@link Lifecycle} cares.
 */
enum Transition {
    ACKNOWLEDGE("acknowledge"),
    MITIGATE("mitigate"),
    RESOLVE("resolve"),
    REOPEN("reopen"),
    /** Anything responders add while the incident is not closed: updates, notes, roles, tasks, alerts, impact. */
    RECORD("change"),
    START_POSTMORTEM("start the postmortem of"),
    EDIT_POSTMORTEM("edit the postmortem of"),
    PUBLISH_POSTMORTEM("publish the postmortem of"),
    COMPLETE_ACTION_ITEM("complete an action item of"),
    CLOSE("close"),
    /** Removing content for privacy or safety is always possible, even on a closed incident. */
    REDACT("redact an entry of");

    private final String verb;

    Transition(String verb) {
        this.verb = verb;
    }

    String verb() {
        return verb;
    }
}
