package dev.incidenttimeline.postmortem;

/** What a postmortem fact records, and what its generic columns hold for it. */
enum FactKind {
    /** actor: declared by; text: title; detail: severity; subject: detection source; time A: detected at; time B:
     * impact started at; items: services; number A: 1 for a drill. */
    DECLARED,
    /** actor: by; detail: the new severity; text: reason. */
    SEVERITY_CHANGED,
    /** actor: who acknowledged first. */
    ACKNOWLEDGED,
    /** actor: who joined. */
    RESPONDER_JOINED,
    /** actor: by; subject: the person; detail: the role; text: the previous holder. */
    ROLE_ASSIGNED,
    /** subject: the person; detail: the role. */
    ROLE_LEFT,
    /** actor: by; items: services; text: affected customers, one per line; number A: customers; number B: users. */
    IMPACT_RECORDED,
    /** actor: the alert's source; subject: the alert's name; text: its summary. */
    ALERT_LINKED,
    /** actor: by; subject: ticket; detail: customer; time A: callback promised by. */
    CUSTOMER_REPORT_LINKED,
    /** actor: by; subject: ticket; text: outcome. */
    CUSTOMER_CALLED_BACK,
    /** actor: by; text: summary. */
    MITIGATED,
    /** actor: by; text: summary. */
    RESOLVED,
    /** actor: by; text: reason. */
    REOPENED,
    /** actor: by. */
    CLOSED,
    /** actor: by; detail: the milestone; time A: its time; text: reason. */
    MILESTONE_TIME_RECORDED,
    /** actor: by. */
    POSTMORTEM_STARTED,
    /** actor: by; text: the summary. */
    SUMMARY_WRITTEN,
    /** actor: by; text: the factor. */
    FACTOR_RECORDED,
    /** actor: by; text: the lesson. */
    LESSON_RECORDED,
    /** actor: by; subject: the item's id; text: title; detail: owner; due date. */
    ACTION_ITEM_ADDED,
    /** actor: by; subject: the item's id. */
    ACTION_ITEM_COMPLETED,
    /** actor: by. */
    POSTMORTEM_PUBLISHED,
    /** detail: the deadline kind; subject: reference; time A: started at; time B: due at; number A: seconds
     * allowed; text: policy. */
    DEADLINE_MISSED
}
