package dev.incidenttimeline.timeline;

import dev.incidenttimeline.incident.api.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static dev.incidenttimeline.timeline.ChangeRow.ChangeType.AMENDED;
import static dev.incidenttimeline.timeline.ChangeRow.ChangeType.PINNED;
import static dev.incidenttimeline.timeline.ChangeRow.ChangeType.REDACTED;
import static dev.incidenttimeline.timeline.ChangeRow.ChangeType.UNPINNED;

/**
 * Turns one incident event into the timeline rows it gives, with the actor and the text in plain words. Postmortem
 * content (summary, contributing factors, lessons, action items) is not part of the timeline: the postmortem view
 * shows it.
 */
final class TimelineEntries {

    private final String eventId;
    private final String incidentId;
    private final long sequence;
    private final Instant recordedAt;
    private final Consumer<EntryRow> entries;
    private final Consumer<ChangeRow> changes;
    private int part;

    private TimelineEntries(IncidentEvent event, String eventId, long sequence, Instant recordedAt,
                            Consumer<EntryRow> entries, Consumer<ChangeRow> changes) {
        this.eventId = eventId;
        this.incidentId = event.incidentId().value();
        this.sequence = sequence;
        this.recordedAt = recordedAt;
        this.entries = entries;
        this.changes = changes;
    }

    /** Hands the rows that {@code event} gives to {@code entries} and {@code changes}. */
    static void translate(IncidentEvent event, String eventId, long sequence, Instant recordedAt,
                          Consumer<EntryRow> entries, Consumer<ChangeRow> changes) {
        new TimelineEntries(event, eventId, sequence, recordedAt, entries, changes).translate(event);
    }

    private void translate(IncidentEvent event) {
        if (event instanceof IncidentDeclared e) {
            String services = e.services().isEmpty() ? "" : " on " + String.join(", ", e.services());
            entry(EntryKind.DECLARED, e.occurredAt(), e.declaredBy(), "Declared " + e.severity() + " incident \""
                    + e.title() + "\"" + services + ", detected by " + source(e.detectedBy())
                    + (e.drill() ? " (a drill)" : ""));
            if (e.detectedAt() != null && !e.detectedAt().equals(e.occurredAt())) {
                entry(EntryKind.DETECTED, e.detectedAt(), null, "Detected by " + source(e.detectedBy()));
            }
            if (e.impactStartedAt() != null) {
                entry(EntryKind.IMPACT_STARTED, e.impactStartedAt(), null, "Impact started");
            }
        } else if (event instanceof IncidentAcknowledged e) {
            entry(EntryKind.ACKNOWLEDGED, e.occurredAt(), e.by(), "Acknowledged by " + e.by());
        } else if (event instanceof ResponderJoined e) {
            entry(EntryKind.RESPONDER_JOINED, e.occurredAt(), e.person(), e.person() + " joined the response");
        } else if (event instanceof RoleAssigned e) {
            String handover = e.previousHolder() == null ? "" : " (handed over from " + e.previousHolder() + ")";
            entry(EntryKind.ROLE_ASSIGNED, e.occurredAt(), e.by() == null ? e.person() : e.by(),
                    e.person() + " is now " + roleName(e.role()) + handover);
        } else if (event instanceof RoleLeft e) {
            entry(EntryKind.ROLE_LEFT, e.occurredAt(), e.person(), e.person() + " stepped out as " + roleName(e.role()));
        } else if (event instanceof StatusUpdatePosted e) {
            add(EntryKind.STATUS_UPDATE, e.entryId(), e.occurredAt(), e.author(), e.text(), e.visibility(), e.links(),
                    null, null, null);
        } else if (event instanceof TimelineNoteAdded e) {
            add(EntryKind.NOTE, e.entryId(), e.occurredAt(), e.author(), e.text(), Visibility.INTERNAL, e.links(),
                    null, null, null);
        } else if (event instanceof EntryAmended e) {
            change(e.entryId(), AMENDED, e.by(), e.reason(), e.previousText(), e.newText(), e.previousTime(),
                    e.newTime(), e.occurredAt());
        } else if (event instanceof EntryRedacted e) {
            change(e.entryId(), REDACTED, e.by(), e.reason(), null, null, null, null, e.occurredAt());
        } else if (event instanceof EntryPinned e) {
            change(e.entryId(), PINNED, e.by(), null, null, null, null, null, e.occurredAt());
        } else if (event instanceof EntryUnpinned e) {
            change(e.entryId(), UNPINNED, e.by(), null, null, null, null, null, e.occurredAt());
        } else if (event instanceof SeverityChanged e) {
            entry(EntryKind.SEVERITY_CHANGED, e.occurredAt(), e.by(), "Severity changed from " + e.previousSeverity()
                    + " to " + e.severity() + ": " + e.reason());
        } else if (event instanceof ImpactRecorded e) {
            entry(EntryKind.IMPACT_RECORDED, e.occurredAt(), e.by(), impact(e));
        } else if (event instanceof MilestoneTimeRecorded e) {
            String previous = e.previousTime() == null ? "" : " (before: " + e.previousTime() + ")";
            String reason = e.reason() == null ? "" : ": " + e.reason();
            entry(EntryKind.MILESTONE_TIME_RECORDED, e.time(), e.by(),
                    milestone(e.milestone()) + " at " + e.time() + previous + ", recorded by " + e.by() + reason);
        } else if (event instanceof AlertLinked e) {
            String summary = e.summary() == null ? "" : ": " + e.summary();
            add(EntryKind.ALERT_LINKED, null, e.occurredAt(), e.source(), "Alert " + e.name() + " fired" + summary,
                    Visibility.INTERNAL, List.of(), alertRef(e.source(), e.fingerprint()), e.name(), null);
        } else if (event instanceof AlertResolved e) {
            add(EntryKind.ALERT_RESOLVED, null, e.occurredAt(), e.source(), null, Visibility.INTERNAL, List.of(),
                    alertRef(e.source(), e.fingerprint()), null, name -> "Alert " + name + " resolved");
        } else if (event instanceof CustomerReportLinked e) {
            String callback = e.callbackPromisedBy() == null ? "" : "; callback promised by " + e.callbackPromisedBy();
            add(EntryKind.CUSTOMER_REPORT_LINKED, null, e.occurredAt(), e.by() == null ? e.customer() : e.by(),
                    e.customer() + " reported it (ticket " + e.ticketId() + ")" + callback, Visibility.INTERNAL,
                    List.of(), e.ticketId(), e.customer(), null);
        } else if (event instanceof CustomerCalledBack e) {
            String outcome = e.outcome() == null ? "" : ": " + e.outcome();
            add(EntryKind.CUSTOMER_CALLED_BACK, null, e.occurredAt(), e.by(), null, Visibility.INTERNAL, List.of(),
                    e.ticketId(), null,
                    customer -> e.by() + " called back " + customer + " (ticket " + e.ticketId() + ")" + outcome);
        } else if (event instanceof TaskAssigned e) {
            add(EntryKind.TASK_ASSIGNED, null, e.occurredAt(), e.by() == null ? e.assignee() : e.by(),
                    "Task \"" + e.title() + "\" assigned to " + e.assignee(), Visibility.INTERNAL, List.of(),
                    e.taskId().value(), e.title(), null);
        } else if (event instanceof TaskCompleted e) {
            add(EntryKind.TASK_COMPLETED, null, e.occurredAt(), e.by(), null, Visibility.INTERNAL, List.of(),
                    e.taskId().value(), null, title -> "Task \"" + title + "\" done");
        } else if (event instanceof IncidentMitigated e) {
            entry(EntryKind.MITIGATED, e.occurredAt(), e.by(), "Mitigated: " + e.summary());
        } else if (event instanceof IncidentResolved e) {
            entry(EntryKind.RESOLVED, e.occurredAt(), e.by(), "Resolved: " + e.summary());
        } else if (event instanceof IncidentReopened e) {
            entry(EntryKind.REOPENED, e.occurredAt(), e.by(), "Reopened: " + e.reason());
        } else if (event instanceof PostmortemStarted e) {
            entry(EntryKind.POSTMORTEM_STARTED, e.occurredAt(), e.by(), "Postmortem started by " + e.by());
        } else if (event instanceof PostmortemPublished e) {
            entry(EntryKind.POSTMORTEM_PUBLISHED, e.occurredAt(), e.by(), "Postmortem published by " + e.by());
        } else if (event instanceof IncidentClosed e) {
            entry(EntryKind.CLOSED, e.occurredAt(), e.by(), "Closed by " + e.by());
        } else if (event instanceof ResponseDeadlineMissed e) {
            entry(EntryKind.DEADLINE_MISSED, e.occurredAt(), null, missed(e));
        }
    }

    private void entry(EntryKind kind, Instant occurredAt, String actor, String text) {
        add(kind, null, occurredAt, actor, text, Visibility.INTERNAL, List.of(), null, null, null);
    }

    private void add(EntryKind kind, EntryId entryId, Instant occurredAt, String actor, String text,
                     Visibility visibility, List<String> links, String ref, String subject,
                     Function<String, String> describe) {
        String id = part == 0 ? eventId : eventId + "/" + part;
        entries.accept(new EntryRow(id, incidentId, sequence, part, entryId == null ? null : entryId.value(), kind,
                occurredAt, recordedAt, actor, text, visibility, links == null ? List.of() : List.copyOf(links), ref,
                subject, describe));
        part++;
    }

    private void change(EntryId entryId, ChangeRow.ChangeType type, String actor, String reason, String previousText,
                        String newText, Instant previousTime, Instant newTime, Instant occurredAt) {
        changes.accept(new ChangeRow(eventId, incidentId, sequence, entryId.value(), type, actor, reason, previousText,
                newText, previousTime, newTime, occurredAt, recordedAt));
    }

    private static String impact(ImpactRecorded e) {
        List<String> parts = new ArrayList<>();
        if (e.customersAffected() != null) {
            parts.add(e.customersAffected() + " customers");
        }
        if (e.usersAffected() != null) {
            parts.add(e.usersAffected() + " users");
        }
        String text = "Impact: " + (parts.isEmpty() ? "not counted yet" : String.join(", ", parts) + " affected");
        if (!e.services().isEmpty()) {
            text += "; services " + String.join(", ", e.services());
        }
        if (!e.affectedCustomers().isEmpty()) {
            text += "; customers " + String.join(", ", e.affectedCustomers());
        }
        return text;
    }

    private static String missed(ResponseDeadlineMissed e) {
        String what = switch (e.kind()) {
            case ACKNOWLEDGE -> "Acknowledgement";
            case FIRST_UPDATE -> "First status update";
            case UPDATE_CADENCE -> "Next status update";
            case MITIGATE -> "Mitigation";
            case CUSTOMER_CALLBACK -> "Callback for ticket " + e.reference();
        };
        String allowed = e.allowed() == null ? "" : " (" + e.allowed().toMinutes() + " min allowed"
                + (e.policy() == null ? "" : " by policy " + e.policy()) + ")";
        return what + " was due at " + e.dueAt() + " and had not happened" + allowed;
    }

    private static String alertRef(String source, String fingerprint) {
        return source + "/" + fingerprint;
    }

    private static String source(DetectionSource source) {
        return switch (source) {
            case ALERT -> "an alert";
            case CUSTOMER -> "a customer";
            case MONITORING -> "monitoring";
            case MANUAL -> "hand";
        };
    }

    private static String roleName(Role role) {
        return role.name().toLowerCase().replace('_', ' ');
    }

    private static String milestone(Milestone milestone) {
        String words = milestone.name().toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
