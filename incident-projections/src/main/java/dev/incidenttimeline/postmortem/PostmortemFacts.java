package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Turns one incident event into the postmortem fact it gives, if any. */
final class PostmortemFacts {

    private final String eventId;
    private final String incidentId;
    private final long sequence;
    private final Instant recordedAt;

    private PostmortemFacts(IncidentEvent event, String eventId, long sequence, Instant recordedAt) {
        this.eventId = eventId;
        this.incidentId = event.incidentId().value();
        this.sequence = sequence;
        this.recordedAt = recordedAt;
    }

    /** The fact {@code event} gives, or {@code null} when the postmortem does not need it. */
    static FactRow translate(IncidentEvent event, String eventId, long sequence, Instant recordedAt) {
        return new PostmortemFacts(event, eventId, sequence, recordedAt).translate(event);
    }

    private FactRow translate(IncidentEvent event) {
        if (event instanceof IncidentDeclared e) {
            return row(FactKind.DECLARED, e.occurredAt(), e.declaredBy(), e.detectedBy().name(), e.title(),
                    e.severity().name(), lines(e.services()), e.detectedAt(), e.impactStartedAt(), e.drill() ? 1L : 0L,
                    null, null);
        } else if (event instanceof SeverityChanged e) {
            return row(FactKind.SEVERITY_CHANGED, e.occurredAt(), e.by(), null, e.reason(), e.severity().name());
        } else if (event instanceof IncidentAcknowledged e) {
            return row(FactKind.ACKNOWLEDGED, e.occurredAt(), e.by(), null, null, null);
        } else if (event instanceof ResponderJoined e) {
            return row(FactKind.RESPONDER_JOINED, e.occurredAt(), e.person(), null, null, null);
        } else if (event instanceof RoleAssigned e) {
            return row(FactKind.ROLE_ASSIGNED, e.occurredAt(), e.by(), e.person(), e.previousHolder(), e.role().name());
        } else if (event instanceof RoleLeft e) {
            return row(FactKind.ROLE_LEFT, e.occurredAt(), null, e.person(), null, e.role().name());
        } else if (event instanceof ImpactRecorded e) {
            return row(FactKind.IMPACT_RECORDED, e.occurredAt(), e.by(), null, lines(e.affectedCustomers()), null,
                    lines(e.services()), null, null, e.customersAffected() == null ? null
                            : e.customersAffected().longValue(), e.usersAffected(), null);
        } else if (event instanceof AlertLinked e) {
            return row(FactKind.ALERT_LINKED, e.occurredAt(), e.source(), e.name(), e.summary(), null);
        } else if (event instanceof CustomerReportLinked e) {
            return row(FactKind.CUSTOMER_REPORT_LINKED, e.occurredAt(), e.by(), e.ticketId(), null, e.customer(), null,
                    e.callbackPromisedBy(), null, null, null, null);
        } else if (event instanceof CustomerCalledBack e) {
            return row(FactKind.CUSTOMER_CALLED_BACK, e.occurredAt(), e.by(), e.ticketId(), e.outcome(), null);
        } else if (event instanceof IncidentMitigated e) {
            return row(FactKind.MITIGATED, e.occurredAt(), e.by(), null, e.summary(), null);
        } else if (event instanceof IncidentResolved e) {
            return row(FactKind.RESOLVED, e.occurredAt(), e.by(), null, e.summary(), null);
        } else if (event instanceof IncidentReopened e) {
            return row(FactKind.REOPENED, e.occurredAt(), e.by(), null, e.reason(), null);
        } else if (event instanceof IncidentClosed e) {
            return row(FactKind.CLOSED, e.occurredAt(), e.by(), null, null, null);
        } else if (event instanceof MilestoneTimeRecorded e) {
            return row(FactKind.MILESTONE_TIME_RECORDED, e.occurredAt(), e.by(), null, e.reason(), e.milestone().name(),
                    null, e.time(), null, null, null, null);
        } else if (event instanceof PostmortemStarted e) {
            return row(FactKind.POSTMORTEM_STARTED, e.occurredAt(), e.by(), null, null, null);
        } else if (event instanceof PostmortemSummaryWritten e) {
            return row(FactKind.SUMMARY_WRITTEN, e.occurredAt(), e.by(), null, e.summary(), null);
        } else if (event instanceof ContributingFactorRecorded e) {
            return row(FactKind.FACTOR_RECORDED, e.occurredAt(), e.by(), null, e.factor(), null);
        } else if (event instanceof LessonLearnedRecorded e) {
            return row(FactKind.LESSON_RECORDED, e.occurredAt(), e.by(), null, e.lesson(), null);
        } else if (event instanceof ActionItemAdded e) {
            return row(FactKind.ACTION_ITEM_ADDED, e.occurredAt(), e.by(), e.actionItemId().value(), e.title(),
                    e.owner(), null, null, null, null, null, e.dueDate());
        } else if (event instanceof ActionItemCompleted e) {
            return row(FactKind.ACTION_ITEM_COMPLETED, e.occurredAt(), e.by(), e.actionItemId().value(), null, null);
        } else if (event instanceof PostmortemPublished e) {
            return row(FactKind.POSTMORTEM_PUBLISHED, e.occurredAt(), e.by(), null, null, null);
        } else if (event instanceof ResponseDeadlineMissed e) {
            return row(FactKind.DEADLINE_MISSED, e.occurredAt(), null, e.reference(), e.policy(), e.kind().name(),
                    null, e.startedAt(), e.dueAt(), e.allowed() == null ? null : e.allowed().toSeconds(), null, null);
        }
        return null;
    }

    private FactRow row(FactKind kind, Instant occurredAt, String actor, String subject, String text, String detail) {
        return row(kind, occurredAt, actor, subject, text, detail, null, null, null, null, null, null);
    }

    private FactRow row(FactKind kind, Instant occurredAt, String actor, String subject, String text, String detail,
                        String items, Instant timeA, Instant timeB, Long numberA, Long numberB, LocalDate dueDate) {
        return new FactRow(eventId, incidentId, sequence, kind, occurredAt, recordedAt, actor, subject, text, detail,
                items, timeA, timeB, numberA, numberB, dueDate);
    }

    private static String lines(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join("\n", values);
    }
}
