package dev.incidenttimeline.incident;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.incidenttimeline.incident.api.*;
import dev.incidenttimeline.privacy.PersonalData;
import dev.incidenttimeline.privacy.PersonalDataOwner;
import dev.incidenttimeline.tenancy.Organisations;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.incidenttimeline.incident.Input.MAX_NAME;
import static dev.incidenttimeline.incident.Input.MAX_TEXT;
import static dev.incidenttimeline.incident.Input.invalid;
import static dev.incidenttimeline.incident.Input.optional;
import static dev.incidenttimeline.incident.Input.required;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One incident, from its declaration to its close, rebuilt from its events.
 *
 * <p>An incident is <em>declared</em> (from an alert, a customer report, monitoring or by hand), then
 * <em>acknowledged</em> by a responder; a leader and other roles are assigned and handed over, work is split into
 * tasks, status updates are posted and notes added. Once the impact is stopped it is <em>mitigated</em>, once the
 * service is well again <em>resolved</em> (and <em>reopened</em> if the problem comes back). Then a postmortem is
 * drafted (summary, contributing factors, lessons, action items), <em>published</em>, and the incident
 * <em>closed</em>; after that nothing can be added, though an entry can still be redacted.
 *
 * <p>Every command is checked before anything is applied, so a refused command stores nothing. Times come with the
 * command or from the injected {@link Clock}; a time in the future is refused. A command carrying a
 * {@code sourceId} that this incident has seen already (a redelivered webhook, a re-run import) changes nothing.
 */
@Aggregate(snapshotTriggerDefinition = "incidentSnapshotTrigger", cache = "incidentCache")
// A snapshot is this object as JSON: Jackson must see the private fields (and nothing else), or a snapshot is empty
// and a long incident can no longer be loaded once it drops out of the cache.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Incident implements PersonalDataOwner {

    /** How far ahead of our clock a caller's clock may be before its time counts as "in the future". */
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofSeconds(30);

    @AggregateIdentifier
    private IncidentId id;
    /** The organisation it was declared for ({@code null} without tenancy); it never changes. */
    private String organisation;
    private Lifecycle lifecycle;
    private Severity severity;
    private Instant declaredAt;
    private Instant detectedAt;
    private Instant impactStartedAt;
    private Instant impactEndedAt;
    private Instant acknowledgedAt;
    private Instant mitigatedAt;
    private Instant resolvedAt;
    // Names in a snapshot are stored encrypted like those in the events, so erasing a person needs no snapshot deleted.
    @PersonalData
    private final Set<String> responders = new HashSet<>();
    @PersonalData
    private final Map<Role, String> roles = new HashMap<>();
    private final Map<EntryId, Entry> entries = new HashMap<>();
    private final Map<TaskId, Boolean> tasksDone = new HashMap<>();
    private final Map<ActionItemId, Boolean> actionItemsDone = new HashMap<>();
    private final Map<String, Boolean> alertsFiring = new HashMap<>();
    private final Set<String> customerTickets = new HashSet<>();
    private final Map<String, Instant> customersCalledBack = new HashMap<>();
    private final Set<String> sourceIds = new HashSet<>();

    /** A person's entry on the timeline, as far as the rules need it. */
    private record Entry(boolean statusUpdate, String text, Instant time, boolean pinned, boolean redacted) {
    }

    protected Incident() {
        // for Axon: instances are rebuilt from events
    }

    /** The names in a snapshot of this incident belong to the people of its organisation. */
    @Override
    public String personalDataOrganisation() {
        return organisation;
    }

    // ---- rules before every command ----------------------------------------------------------------------------

    /**
     * Runs before every command handler of this aggregate. A command of another organisation is answered as if the
     * incident did not exist, so that nobody learns the ids of other organisations' incidents (a command without an
     * organisation comes from the host itself). The same external fact delivered twice (a re-fired alert, a retried
     * webhook, a re-run import) is recognised by its {@code sourceId} and changes nothing: the command succeeds
     * without a new event.
     */
    @CommandHandlerInterceptor
    Object guard(CommandMessage<?> message, InterceptorChain chain) throws Exception {
        sameOrganisation(message);
        if (message.getPayload() instanceof IncidentCommand command && alreadySeen(command.sourceId())) {
            return null;
        }
        return chain.proceed();
    }

    private void sameOrganisation(CommandMessage<?> command) {
        String asking = Organisations.of(command);
        if (id == null || Organisations.mayAccess(asking, organisation)) {
            return;
        }
        if (command.getPayload() instanceof DeclareIncident) {
            throw new IncidentRejected(ErrorCode.INCIDENT_ALREADY_DECLARED, "Incident " + id
                    + " has been declared already.");
        }
        throw new IncidentRejected(ErrorCode.INCIDENT_NOT_FOUND, "There is no incident " + id + ".");
    }

    // ---- declaring -------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeclareIncident command, Clock clock) {
        if (id != null) {
            throw new IncidentRejected(ErrorCode.INCIDENT_ALREADY_DECLARED,
                    "Incident " + command.incidentId() + " has been declared already.");
        }
        required(command.incidentId(), "incidentId");
        String title = required(command.title(), "title", MAX_NAME);
        required(command.severity(), "severity");
        List<String> services = Input.names(command.services(), "services");
        required(command.detectedBy(), "detectedBy");
        String declaredBy = required(command.declaredBy(), "declaredBy", MAX_NAME);
        sourceId(command.sourceId());
        Instant declared = occurredAt(command.occurredAt(), clock);
        Instant detected = command.detectedAt() == null ? declared : notInFuture(command.detectedAt(), clock);
        Instant impactStarted = command.impactStartedAt() == null ? null
                : notInFuture(command.impactStartedAt(), clock);
        notBefore(declared, detected, "the declaration", "the detection");
        if (impactStarted != null) {
            notBefore(detected, impactStarted, "the detection", "the start of impact");
        }
        apply(new IncidentDeclared(command.incidentId(), title, command.severity(), services, command.detectedBy(),
                detected, impactStarted, declaredBy, command.drill(), declared, command.sourceId()));
    }

    @EventSourcingHandler
    void on(IncidentDeclared event, @MetaDataValue(Organisations.METADATA_KEY) String organisation) {
        id = event.incidentId();
        this.organisation = organisation;
        lifecycle = Lifecycle.declared();
        severity = event.severity();
        declaredAt = event.occurredAt();
        detectedAt = event.detectedAt();
        impactStartedAt = event.impactStartedAt();
        responders.add(event.declaredBy());
        seen(event.sourceId());
    }

    // ---- responding ------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(AcknowledgeIncident command, Clock clock) {
        lifecycle.require(Transition.ACKNOWLEDGE);
        String by = required(command.by(), "by", MAX_NAME);
        Instant at = afterDeclaration(command.occurredAt(), clock, "acknowledgement");
        if (acknowledgedAt == null) {
            apply(new IncidentAcknowledged(id, by, at, command.sourceId()));
        } else if (!responders.contains(by)) {
            apply(new ResponderJoined(id, by, at, command.sourceId()));
        }
    }

    @EventSourcingHandler
    void on(IncidentAcknowledged event) {
        lifecycle = lifecycle.after(Transition.ACKNOWLEDGE);
        acknowledgedAt = event.occurredAt();
        responders.add(event.by());
        seen(event.sourceId());
    }

    @EventSourcingHandler
    void on(ResponderJoined event) {
        responders.add(event.person());
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(AssignRole command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        Role role = required(command.role(), "role");
        required(role.name(), "role", MAX_NAME);
        String person = required(command.person(), "person", MAX_NAME);
        String by = optional(command.by(), "by", MAX_NAME);
        Instant at = afterDeclaration(command.occurredAt(), clock, "role assignment");
        String holder = roles.get(role);
        if (person.equals(holder)) {
            return;
        }
        apply(new RoleAssigned(id, role, person, holder, by, at, command.sourceId()));
    }

    @EventSourcingHandler
    void on(RoleAssigned event) {
        roles.put(event.role(), event.person());
        responders.add(event.person());
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(LeaveRole command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        Role role = required(command.role(), "role");
        String person = required(command.person(), "person", MAX_NAME);
        Instant at = afterDeclaration(command.occurredAt(), clock, "leaving a role");
        if (!person.equals(roles.get(role))) {
            throw new IncidentRejected(ErrorCode.UNKNOWN_REFERENCE,
                    person + " does not hold the role " + role + " on incident " + id + ".");
        }
        apply(new RoleLeft(id, role, person, at, command.sourceId()));
    }

    @EventSourcingHandler
    void on(RoleLeft event) {
        roles.remove(event.role());
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(PostStatusUpdate command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        EntryId entryId = newEntry(command.entryId());
        String author = required(command.author(), "author", MAX_NAME);
        String text = required(command.text(), "text", MAX_TEXT);
        Visibility visibility = required(command.visibility(), "visibility");
        List<String> links = Input.links(command.links());
        Instant at = afterDeclaration(command.occurredAt(), clock, "status update");
        apply(new StatusUpdatePosted(id, entryId, author, text, visibility, links, at, command.sourceId()));
    }

    @EventSourcingHandler
    void on(StatusUpdatePosted event) {
        entries.put(event.entryId(), new Entry(true, event.text(), event.occurredAt(), false, false));
        responders.add(event.author());
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(AddTimelineNote command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        EntryId entryId = newEntry(command.entryId());
        String author = required(command.author(), "author", MAX_NAME);
        String text = required(command.text(), "text", MAX_TEXT);
        List<String> links = Input.links(command.links());
        // Notes may be backdated before the declaration: "the deploy went out at 21:02" is context.
        Instant at = occurredAt(command.occurredAt(), clock);
        apply(new TimelineNoteAdded(id, entryId, author, text, links, at, command.sourceId()));
    }

    @EventSourcingHandler
    void on(TimelineNoteAdded event) {
        entries.put(event.entryId(), new Entry(false, event.text(), event.occurredAt(), false, false));
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(AmendEntry command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        Entry entry = existingEntry(command.entryId());
        if (entry.redacted()) {
            throw new IncidentRejected(ErrorCode.ENTRY_REDACTED,
                    "Entry " + command.entryId() + " was redacted; it can no longer be amended.");
        }
        String by = required(command.by(), "by", MAX_NAME);
        String reason = optional(command.reason(), "reason", MAX_TEXT);
        String newText = command.newText() == null ? entry.text() : required(command.newText(), "newText", MAX_TEXT);
        Instant newTime = entry.time();
        if (command.newTime() != null) {
            newTime = notInFuture(command.newTime(), clock);
            if (entry.statusUpdate()) {
                notBefore(newTime, declaredAt, "a status update", "the declaration");
            }
        }
        Instant at = occurredAt(command.occurredAt(), clock);
        if (newText.equals(entry.text()) && newTime.equals(entry.time())) {
            return;
        }
        apply(new EntryAmended(id, command.entryId(), entry.text(), newText, entry.time(), newTime, by, reason, at,
                command.sourceId()));
    }

    @EventSourcingHandler
    void on(EntryAmended event) {
        entries.computeIfPresent(event.entryId(), (entryId, entry) ->
                new Entry(entry.statusUpdate(), event.newText(), event.newTime(), entry.pinned(), false));
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(RedactEntry command, Clock clock) {
        lifecycle.require(Transition.REDACT);
        Entry entry = existingEntry(command.entryId());
        String by = required(command.by(), "by", MAX_NAME);
        String reason = optional(command.reason(), "reason", MAX_TEXT);
        Instant at = occurredAt(command.occurredAt(), clock);
        if (entry.redacted()) {
            return;
        }
        apply(new EntryRedacted(id, command.entryId(), by, reason, at, command.sourceId()));
    }

    @EventSourcingHandler
    void on(EntryRedacted event) {
        entries.computeIfPresent(event.entryId(), (entryId, entry) ->
                new Entry(entry.statusUpdate(), null, entry.time(), entry.pinned(), true));
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(PinEntry command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        Entry entry = existingEntry(command.entryId());
        String by = required(command.by(), "by", MAX_NAME);
        Instant at = occurredAt(command.occurredAt(), clock);
        if (!entry.pinned()) {
            apply(new EntryPinned(id, command.entryId(), by, at, command.sourceId()));
        }
    }

    @EventSourcingHandler
    void on(EntryPinned event) {
        pin(event.entryId(), true);
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(UnpinEntry command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        Entry entry = existingEntry(command.entryId());
        String by = required(command.by(), "by", MAX_NAME);
        Instant at = occurredAt(command.occurredAt(), clock);
        if (entry.pinned()) {
            apply(new EntryUnpinned(id, command.entryId(), by, at, command.sourceId()));
        }
    }

    @EventSourcingHandler
    void on(EntryUnpinned event) {
        pin(event.entryId(), false);
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(ChangeSeverity command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        Severity newSeverity = required(command.severity(), "severity");
        String reason = required(command.reason(), "reason", MAX_TEXT);
        String by = required(command.by(), "by", MAX_NAME);
        Instant at = afterDeclaration(command.occurredAt(), clock, "severity change");
        if (newSeverity != severity) {
            apply(new SeverityChanged(id, severity, newSeverity, reason, by, at, command.sourceId()));
        }
    }

    @EventSourcingHandler
    void on(SeverityChanged event) {
        severity = event.severity();
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(RecordImpact command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        List<String> services = Input.names(command.services(), "services");
        Input.notNegative(command.customersAffected(), "customersAffected");
        Input.notNegative(command.usersAffected(), "usersAffected");
        List<String> customers = Input.names(command.affectedCustomers(), "affectedCustomers");
        String by = required(command.by(), "by", MAX_NAME);
        Instant at = occurredAt(command.occurredAt(), clock);
        apply(new ImpactRecorded(id, services, command.customersAffected(), command.usersAffected(), customers, by, at,
                command.sourceId()));
    }

    @EventSourcingHandler
    void on(ImpactRecorded event) {
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(RecordMilestoneTime command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        Milestone milestone = required(command.milestone(), "milestone");
        Instant time = notInFuture(required(command.time(), "time"), clock);
        String by = required(command.by(), "by", MAX_NAME);
        String reason = optional(command.reason(), "reason", MAX_TEXT);
        Instant at = occurredAt(command.occurredAt(), clock);
        Instant previous = milestoneTime(milestone);
        checkMilestoneOrder(milestone, time);
        if (!time.equals(previous)) {
            apply(new MilestoneTimeRecorded(id, milestone, previous, time, by, reason, at, command.sourceId()));
        }
    }

    @EventSourcingHandler
    void on(MilestoneTimeRecorded event) {
        switch (event.milestone()) {
            case IMPACT_STARTED -> impactStartedAt = event.time();
            case DETECTED -> detectedAt = event.time();
            case ACKNOWLEDGED -> acknowledgedAt = event.time();
            case MITIGATED -> mitigatedAt = event.time();
            case RESOLVED -> resolvedAt = event.time();
            case IMPACT_ENDED -> impactEndedAt = event.time();
        }
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(LinkAlert command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        String source = required(command.source(), "source", MAX_NAME);
        String fingerprint = required(command.fingerprint(), "fingerprint", MAX_NAME);
        String name = required(command.name(), "name", MAX_NAME);
        String summary = optional(command.summary(), "summary", MAX_TEXT);
        var labels = Input.labels(command.labels());
        Instant firedAt = occurredAt(command.occurredAt(), clock);
        if (Boolean.TRUE.equals(alertsFiring.get(alertKey(source, fingerprint)))) {
            return;
        }
        apply(new AlertLinked(id, source, fingerprint, name, summary, labels, firedAt, command.sourceId()));
    }

    @EventSourcingHandler
    void on(AlertLinked event) {
        alertsFiring.put(alertKey(event.source(), event.fingerprint()), true);
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(ResolveAlert command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        String source = required(command.source(), "source", MAX_NAME);
        String fingerprint = required(command.fingerprint(), "fingerprint", MAX_NAME);
        Instant resolvedAt = occurredAt(command.occurredAt(), clock);
        Boolean firing = alertsFiring.get(alertKey(source, fingerprint));
        if (firing == null) {
            throw new IncidentRejected(ErrorCode.UNKNOWN_REFERENCE,
                    "No alert " + source + "/" + fingerprint + " is linked to incident " + id + ".");
        }
        if (firing) {
            apply(new AlertResolved(id, source, fingerprint, resolvedAt, command.sourceId()));
        }
    }

    @EventSourcingHandler
    void on(AlertResolved event) {
        alertsFiring.put(alertKey(event.source(), event.fingerprint()), false);
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(LinkCustomerReport command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        String ticketId = required(command.ticketId(), "ticketId", MAX_NAME);
        String customer = required(command.customer(), "customer", MAX_NAME);
        String contact = optional(command.callbackContact(), "callbackContact", MAX_NAME);
        String by = optional(command.by(), "by", MAX_NAME);
        Instant reportedAt = occurredAt(command.occurredAt(), clock);
        if (command.callbackPromisedBy() != null) {
            notBefore(command.callbackPromisedBy(), reportedAt, "the promised callback", "the report");
        }
        if (customerTickets.contains(ticketId)) {
            return;
        }
        apply(new CustomerReportLinked(id, ticketId, customer, contact, command.callbackPromisedBy(), by, reportedAt,
                command.sourceId()));
    }

    @EventSourcingHandler
    void on(CustomerReportLinked event) {
        customerTickets.add(event.ticketId());
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(RecordCustomerCallback command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        String ticketId = required(command.ticketId(), "ticketId", MAX_NAME);
        String by = required(command.by(), "by", MAX_NAME);
        String outcome = optional(command.outcome(), "outcome", MAX_TEXT);
        Instant at = occurredAt(command.occurredAt(), clock);
        if (!customerTickets.contains(ticketId)) {
            throw new IncidentRejected(ErrorCode.UNKNOWN_REFERENCE,
                    "No customer report " + ticketId + " is linked to incident " + id + ".");
        }
        apply(new CustomerCalledBack(id, ticketId, by, outcome, at, command.sourceId()));
    }

    @EventSourcingHandler
    void on(CustomerCalledBack event) {
        customersCalledBack.merge(event.ticketId(), event.occurredAt(), ResponseFacts::earlier);
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(AssignTask command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        TaskId taskId = required(command.taskId(), "taskId");
        String title = required(command.title(), "title", MAX_TEXT);
        String assignee = required(command.assignee(), "assignee", MAX_NAME);
        String by = optional(command.by(), "by", MAX_NAME);
        Instant at = afterDeclaration(command.occurredAt(), clock, "task");
        if (tasksDone.containsKey(taskId)) {
            throw invalid("task " + taskId + " exists already");
        }
        apply(new TaskAssigned(id, taskId, title, assignee, by, at, command.sourceId()));
    }

    @EventSourcingHandler
    void on(TaskAssigned event) {
        tasksDone.put(event.taskId(), false);
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(CompleteTask command, Clock clock) {
        lifecycle.require(Transition.RECORD);
        TaskId taskId = required(command.taskId(), "taskId");
        String by = required(command.by(), "by", MAX_NAME);
        Instant at = afterDeclaration(command.occurredAt(), clock, "task completion");
        Boolean done = tasksDone.get(taskId);
        if (done == null) {
            throw new IncidentRejected(ErrorCode.UNKNOWN_REFERENCE, "Incident " + id + " has no task " + taskId + ".");
        }
        if (!done) {
            apply(new TaskCompleted(id, taskId, by, at, command.sourceId()));
        }
    }

    @EventSourcingHandler
    void on(TaskCompleted event) {
        tasksDone.put(event.taskId(), true);
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(MitigateIncident command, Clock clock) {
        lifecycle.require(Transition.MITIGATE);
        String by = required(command.by(), "by", MAX_NAME);
        String summary = required(command.summary(), "summary", MAX_TEXT);
        Instant at = afterDeclaration(command.occurredAt(), clock, "mitigation");
        apply(new IncidentMitigated(id, by, summary, at, command.sourceId()));
    }

    @EventSourcingHandler
    void on(IncidentMitigated event) {
        lifecycle = lifecycle.after(Transition.MITIGATE);
        mitigatedAt = event.occurredAt();
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(ResolveIncident command, Clock clock) {
        lifecycle.require(Transition.RESOLVE);
        String by = required(command.by(), "by", MAX_NAME);
        String summary = required(command.summary(), "summary", MAX_TEXT);
        Instant at = afterDeclaration(command.occurredAt(), clock, "resolution");
        if (mitigatedAt != null) {
            notBefore(at, mitigatedAt, "the resolution", "the mitigation");
        }
        apply(new IncidentResolved(id, by, summary, at, command.sourceId()));
    }

    @EventSourcingHandler
    void on(IncidentResolved event) {
        lifecycle = lifecycle.after(Transition.RESOLVE);
        resolvedAt = event.occurredAt();
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(ReopenIncident command, Clock clock) {
        lifecycle.require(Transition.REOPEN);
        String by = required(command.by(), "by", MAX_NAME);
        String reason = required(command.reason(), "reason", MAX_TEXT);
        Instant at = occurredAt(command.occurredAt(), clock);
        notBefore(at, resolvedAt, "the reopening", "the resolution");
        apply(new IncidentReopened(id, by, reason, at, command.sourceId()));
    }

    @EventSourcingHandler
    void on(IncidentReopened event) {
        lifecycle = lifecycle.after(Transition.REOPEN);
        // The problem is back: the next mitigation and resolution are the ones that count.
        mitigatedAt = null;
        resolvedAt = null;
        seen(event.sourceId());
    }

    // ---- response deadlines (scheduled by dev.incidenttimeline.policy) --------------------------------------

    @CommandHandler
    void handle(RecordMissedDeadline command) {
        lifecycle.require(Transition.RECORD);
        DeadlineKind kind = required(command.kind(), "kind");
        Instant dueAt = required(command.dueAt(), "dueAt");
        sourceId(required(command.sourceId(), "sourceId", MAX_NAME));
        if (ResponseFacts.met(kind, command.reference(), command.startedAt(), dueAt, acknowledgedAt, mitigatedAt,
                resolvedAt, statusUpdateTimes(), customersCalledBack)) {
            return;
        }
        apply(new ResponseDeadlineMissed(id, kind, command.reference(), command.startedAt(), dueAt, command.allowed(),
                command.policy(), dueAt, command.sourceId()));
    }

    @EventSourcingHandler
    void on(ResponseDeadlineMissed event) {
        seen(event.sourceId());
    }

    private List<Instant> statusUpdateTimes() {
        return entries.values().stream().filter(Entry::statusUpdate).map(Entry::time).toList();
    }

    // ---- the postmortem --------------------------------------------------------------------------------------

    @CommandHandler
    void handle(StartPostmortem command, Clock clock) {
        lifecycle.require(Transition.START_POSTMORTEM);
        String by = required(command.by(), "by", MAX_NAME);
        apply(new PostmortemStarted(id, by, afterDeclaration(command.occurredAt(), clock, "postmortem"),
                command.sourceId()));
    }

    @EventSourcingHandler
    void on(PostmortemStarted event) {
        lifecycle = lifecycle.after(Transition.START_POSTMORTEM);
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(WritePostmortemSummary command, Clock clock) {
        lifecycle.require(Transition.EDIT_POSTMORTEM);
        String summary = required(command.summary(), "summary", MAX_TEXT);
        String by = required(command.by(), "by", MAX_NAME);
        apply(new PostmortemSummaryWritten(id, summary, by, occurredAt(command.occurredAt(), clock),
                command.sourceId()));
    }

    @EventSourcingHandler
    void on(PostmortemSummaryWritten event) {
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(RecordContributingFactor command, Clock clock) {
        lifecycle.require(Transition.EDIT_POSTMORTEM);
        String factor = required(command.factor(), "factor", MAX_TEXT);
        String by = required(command.by(), "by", MAX_NAME);
        apply(new ContributingFactorRecorded(id, factor, by, occurredAt(command.occurredAt(), clock),
                command.sourceId()));
    }

    @EventSourcingHandler
    void on(ContributingFactorRecorded event) {
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(RecordLessonLearned command, Clock clock) {
        lifecycle.require(Transition.EDIT_POSTMORTEM);
        String lesson = required(command.lesson(), "lesson", MAX_TEXT);
        String by = required(command.by(), "by", MAX_NAME);
        apply(new LessonLearnedRecorded(id, lesson, by, occurredAt(command.occurredAt(), clock), command.sourceId()));
    }

    @EventSourcingHandler
    void on(LessonLearnedRecorded event) {
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(AddActionItem command, Clock clock) {
        lifecycle.require(Transition.EDIT_POSTMORTEM);
        ActionItemId itemId = required(command.actionItemId(), "actionItemId");
        String title = required(command.title(), "title", MAX_TEXT);
        String owner = required(command.owner(), "owner", MAX_NAME);
        required(command.dueDate(), "dueDate");
        String by = required(command.by(), "by", MAX_NAME);
        Instant at = occurredAt(command.occurredAt(), clock);
        if (actionItemsDone.containsKey(itemId)) {
            throw invalid("action item " + itemId + " exists already");
        }
        apply(new ActionItemAdded(id, itemId, title, owner, command.dueDate(), by, at, command.sourceId()));
    }

    @EventSourcingHandler
    void on(ActionItemAdded event) {
        actionItemsDone.put(event.actionItemId(), false);
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(CompleteActionItem command, Clock clock) {
        lifecycle.require(Transition.COMPLETE_ACTION_ITEM);
        ActionItemId itemId = required(command.actionItemId(), "actionItemId");
        String by = required(command.by(), "by", MAX_NAME);
        Instant at = occurredAt(command.occurredAt(), clock);
        Boolean done = actionItemsDone.get(itemId);
        if (done == null) {
            throw new IncidentRejected(ErrorCode.UNKNOWN_REFERENCE,
                    "Incident " + id + " has no action item " + itemId + ".");
        }
        if (!done) {
            apply(new ActionItemCompleted(id, itemId, by, at, command.sourceId()));
        }
    }

    @EventSourcingHandler
    void on(ActionItemCompleted event) {
        actionItemsDone.put(event.actionItemId(), true);
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(PublishPostmortem command, Clock clock) {
        lifecycle.require(Transition.PUBLISH_POSTMORTEM);
        String by = required(command.by(), "by", MAX_NAME);
        apply(new PostmortemPublished(id, by, occurredAt(command.occurredAt(), clock), command.sourceId()));
    }

    @EventSourcingHandler
    void on(PostmortemPublished event) {
        lifecycle = lifecycle.after(Transition.PUBLISH_POSTMORTEM);
        seen(event.sourceId());
    }

    @CommandHandler
    void handle(CloseIncident command, Clock clock) {
        lifecycle.require(Transition.CLOSE);
        String by = required(command.by(), "by", MAX_NAME);
        Instant at = occurredAt(command.occurredAt(), clock);
        notBefore(at, resolvedAt, "closing", "the resolution");
        apply(new IncidentClosed(id, by, at, command.sourceId()));
    }

    @EventSourcingHandler
    void on(IncidentClosed event) {
        lifecycle = lifecycle.after(Transition.CLOSE);
        seen(event.sourceId());
    }

    // ---- rules shared by the handlers ------------------------------------------------------------------------

    /** Whether this incident has recorded a fact from this source id already; an overlong id is bad input. */
    private boolean alreadySeen(String sourceId) {
        sourceId(sourceId);
        return sourceId != null && sourceIds.contains(sourceId);
    }

    private void seen(String sourceId) {
        if (sourceId != null) {
            sourceIds.add(sourceId);
        }
    }

    private static void sourceId(String sourceId) {
        optional(sourceId, "sourceId", MAX_NAME);
    }

    /** When the command's fact happened: as given, or now; never in the future. */
    private static Instant occurredAt(Instant given, Clock clock) {
        return given == null ? clock.instant() : notInFuture(given, clock);
    }

    private static Instant notInFuture(Instant time, Clock clock) {
        Instant now = clock.instant();
        if (time.isAfter(now.plus(ALLOWED_CLOCK_SKEW))) {
            throw new IncidentRejected(ErrorCode.TIME_IN_FUTURE,
                    "The time " + time + " is in the future (it is now " + now + ").");
        }
        return time;
    }

    private Instant afterDeclaration(Instant given, Clock clock, String what) {
        Instant at = occurredAt(given, clock);
        notBefore(at, declaredAt, "the " + what, "the declaration");
        return at;
    }

    private static void notBefore(Instant time, Instant earliest, String what, String reference) {
        if (earliest != null && time.isBefore(earliest)) {
            throw new IncidentRejected(ErrorCode.TIME_OUT_OF_ORDER,
                    "The time of " + what + " (" + time + ") is before " + reference + " (" + earliest + ").");
        }
    }

    private EntryId newEntry(EntryId entryId) {
        required(entryId, "entryId");
        if (entries.containsKey(entryId)) {
            throw invalid("entry " + entryId + " exists already");
        }
        return entryId;
    }

    private Entry existingEntry(EntryId entryId) {
        Entry entry = entries.get(required(entryId, "entryId"));
        if (entry == null) {
            throw new IncidentRejected(ErrorCode.UNKNOWN_REFERENCE,
                    "Incident " + id + " has no timeline entry " + entryId + ".");
        }
        return entry;
    }

    private void pin(EntryId entryId, boolean pinned) {
        entries.computeIfPresent(entryId, (key, entry) ->
                new Entry(entry.statusUpdate(), entry.text(), entry.time(), pinned, entry.redacted()));
    }

    private Instant milestoneTime(Milestone milestone) {
        return switch (milestone) {
            case IMPACT_STARTED -> impactStartedAt;
            case DETECTED -> detectedAt;
            case ACKNOWLEDGED -> acknowledgedAt;
            case MITIGATED -> mitigatedAt;
            case RESOLVED -> resolvedAt;
            case IMPACT_ENDED -> impactEndedAt;
        };
    }

    /**
     * A corrected milestone must keep the story in order: impact starts no later than it is detected or ends,
     * detection comes no later than the declaration, the response milestones come after it, and a milestone that
     * has not happened yet cannot be given a time (it is recorded by its own command).
     */
    private void checkMilestoneOrder(Milestone milestone, Instant time) {
        switch (milestone) {
            case IMPACT_STARTED -> {
                notBefore(detectedAt, time, "the detection", "the start of impact");
                if (impactEndedAt != null) {
                    notBefore(impactEndedAt, time, "the end of impact", "the start of impact");
                }
            }
            case DETECTED -> {
                notBefore(declaredAt, time, "the declaration", "the detection");
                notBefore(time, impactStartedAt, "the detection", "the start of impact");
            }
            case ACKNOWLEDGED, MITIGATED, RESOLVED -> {
                if (milestoneTime(milestone) == null) {
                    throw new IncidentRejected(ErrorCode.INVALID_TRANSITION, "Incident " + id + " has not been "
                            + milestone.name().toLowerCase() + "; it cannot be given a time for that yet.");
                }
                notBefore(time, declaredAt, "the " + milestone.name().toLowerCase() + " milestone", "the declaration");
                if (milestone == Milestone.MITIGATED && resolvedAt != null) {
                    notBefore(resolvedAt, time, "the resolution", "the mitigation");
                }
                if (milestone == Milestone.RESOLVED && mitigatedAt != null) {
                    notBefore(time, mitigatedAt, "the resolution", "the mitigation");
                }
            }
            case IMPACT_ENDED -> notBefore(time, impactStartedAt, "the end of impact", "the start of impact");
        }
    }

    /** One key per (source, fingerprint); the length prefix keeps "a/b" + "c" apart from "a" + "b/c". */
    static String alertKey(String source, String fingerprint) {
        return source.length() + ":" + source + "/" + fingerprint;
    }
}
