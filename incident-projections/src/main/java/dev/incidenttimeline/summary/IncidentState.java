package dev.incidenttimeline.summary;

import dev.incidenttimeline.incident.api.*;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One incident's summary while a batch is applied to it: loaded once per batch, changed in memory, written back
 * once. Its status follows the same rules as the aggregate's lifecycle.
 */
final class IncidentState {

    /** A task of the incident. */
    record Task(String title, String assignee, Instant assignedAt, Instant completedAt, String completedBy) {
    }

    /** Who holds a role, since when. */
    record Holder(String person, Instant since) {
    }

    final String incidentId;
    String organisation;
    boolean stored;
    boolean servicesChanged;
    boolean rolesChanged;
    boolean tasksChanged;

    String title;
    IncidentStatus status;
    Severity severity;
    DetectionSource detectedBy;
    boolean drill;
    String declaredBy;
    Instant declaredAt;
    Instant detectedAt;
    Instant impactStartedAt;
    Instant acknowledgedAt;
    Instant mitigatedAt;
    Instant resolvedAt;
    Instant impactEndedAt;
    Instant closedAt;
    boolean acknowledged;
    PostmortemStatus postmortem = PostmortemStatus.NONE;
    Integer customersAffected;
    Long usersAffected;
    long lastSequence = -1;
    Instant lastRecordedAt;
    final TreeSet<String> services = new TreeSet<>();
    final Map<String, Holder> roles = new TreeMap<>();
    final Map<String, Task> tasks = new LinkedHashMap<>();

    IncidentState(String incidentId) {
        this.incidentId = incidentId;
    }

    /** Whether an {@link IncidentDeclared} has been applied (events of an incident never start elsewhere). */
    boolean declared() {
        return status != null;
    }

    /**
     * Applies the event unless it was applied already (a redelivery); the organisation is the declaration's metadata
     * (the incident's), {@code null} for other events.
     */
    void apply(IncidentEvent event, long sequence, Instant recordedAt, String eventOrganisation) {
        if (sequence <= lastSequence) {
            return;
        }
        lastSequence = sequence;
        lastRecordedAt = recordedAt;
        if (event instanceof IncidentDeclared e) {
            organisation = eventOrganisation;
            title = e.title();
            status = IncidentStatus.DECLARED;
            severity = e.severity();
            detectedBy = e.detectedBy();
            drill = e.drill();
            declaredBy = e.declaredBy();
            declaredAt = e.occurredAt();
            detectedAt = e.detectedAt();
            impactStartedAt = e.impactStartedAt();
            addServices(e.services());
        } else if (event instanceof IncidentAcknowledged e) {
            acknowledged = true;
            acknowledgedAt = e.occurredAt();
            if (status == IncidentStatus.DECLARED) {
                status = IncidentStatus.ACKNOWLEDGED;
            }
        } else if (event instanceof RoleAssigned e) {
            roles.put(e.role().name(), new Holder(e.person(), e.occurredAt()));
            rolesChanged = true;
        } else if (event instanceof RoleLeft e) {
            roles.remove(e.role().name());
            rolesChanged = true;
        } else if (event instanceof SeverityChanged e) {
            severity = e.severity();
        } else if (event instanceof ImpactRecorded e) {
            customersAffected = e.customersAffected();
            usersAffected = e.usersAffected();
            addServices(e.services());
        } else if (event instanceof MilestoneTimeRecorded e) {
            switch (e.milestone()) {
                case IMPACT_STARTED -> impactStartedAt = e.time();
                case DETECTED -> detectedAt = e.time();
                case ACKNOWLEDGED -> acknowledgedAt = e.time();
                case MITIGATED -> mitigatedAt = e.time();
                case RESOLVED -> resolvedAt = e.time();
                case IMPACT_ENDED -> impactEndedAt = e.time();
            }
        } else if (event instanceof TaskAssigned e) {
            tasks.put(e.taskId().value(), new Task(e.title(), e.assignee(), e.occurredAt(), null, null));
            tasksChanged = true;
        } else if (event instanceof TaskCompleted e) {
            tasks.computeIfPresent(e.taskId().value(), (id, task) ->
                    new Task(task.title(), task.assignee(), task.assignedAt(), e.occurredAt(), e.by()));
            tasksChanged = true;
        } else if (event instanceof IncidentMitigated e) {
            status = IncidentStatus.MITIGATED;
            mitigatedAt = e.occurredAt();
        } else if (event instanceof IncidentResolved e) {
            status = IncidentStatus.RESOLVED;
            resolvedAt = e.occurredAt();
        } else if (event instanceof IncidentReopened) {
            status = acknowledged ? IncidentStatus.ACKNOWLEDGED : IncidentStatus.DECLARED;
            // The problem is back: the next mitigation and resolution are the ones that count.
            mitigatedAt = null;
            resolvedAt = null;
        } else if (event instanceof PostmortemStarted) {
            postmortem = PostmortemStatus.DRAFT;
        } else if (event instanceof PostmortemPublished) {
            postmortem = PostmortemStatus.PUBLISHED;
        } else if (event instanceof IncidentClosed e) {
            status = IncidentStatus.CLOSED;
            closedAt = e.occurredAt();
        }
    }

    int openTasks() {
        return (int) tasks.values().stream().filter(task -> task.completedAt() == null).count();
    }

    String leader() {
        Holder holder = roles.get(Role.LEADER.name());
        return holder == null ? null : holder.person();
    }

    private void addServices(java.util.List<String> more) {
        if (more != null && services.addAll(more)) {
            servicesChanged = true;
        }
    }
}
