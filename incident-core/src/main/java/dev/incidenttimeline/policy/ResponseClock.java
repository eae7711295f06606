package dev.incidenttimeline.policy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.incidenttimeline.incident.api.CustomerCalledBack;
import dev.incidenttimeline.incident.api.CustomerReportLinked;
import dev.incidenttimeline.incident.api.DeadlineKind;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentClosed;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentMitigated;
import dev.incidenttimeline.incident.api.IncidentReopened;
import dev.incidenttimeline.incident.api.IncidentResolved;
import dev.incidenttimeline.incident.api.SeverityChanged;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.StatusUpdatePosted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The response clock of one incident: fed the incident's events in order, it says which deadlines are running now
 * ({@link #running()}). Free of any framework and of the wall clock, so the same rule drives the live deadlines
 * and a what-if replay.
 *
 * <ul>
 *   <li>The incident <em>starts</em> at its declaration, or earlier at the first customer report (detection by a
 *   customer, or a linked report with an earlier time): the SLA clock starts when the customer told us.</li>
 *   <li>{@code ACKNOWLEDGE} and {@code MITIGATE} run from the start until the incident is acknowledged,
 *   respectively mitigated; after a reopen the mitigation clock starts again at the reopening.</li>
 *   <li>{@code FIRST_UPDATE} runs from the declaration until the first status update; {@code UPDATE_CADENCE} from
 *   each status update (or the reopening) until the next one.</li>
 *   <li>Resolution stops all of these; {@code CUSTOMER_CALLBACK}, one per linked report, runs until that customer
 *   is called back, by the promised time or after the policy's callback time.</li>
 *   <li>Closing stops everything. A severity change switches to the new severity's policy.</li>
 * </ul>
 *
 * Stored as JSON in the deadline saga, hence the field access for Jackson.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class ResponseClock {

    /**
     * The events {@link #apply} takes into account; it ignores every other event. Whoever keeps a clock needs to be
     * shown only these ({@link ResponseDeadlineSaga} handles exactly these).
     */
    public static final Set<Class<? extends IncidentEvent>> EVENTS = Set.of(IncidentDeclared.class,
            SeverityChanged.class, IncidentAcknowledged.class, StatusUpdatePosted.class, IncidentMitigated.class,
            IncidentResolved.class, IncidentReopened.class, CustomerReportLinked.class, CustomerCalledBack.class,
            IncidentClosed.class);

    /** The name a missed callback carries when the customer was promised a time. */
    public static final String PROMISE = "promise";

    private Severity severity;
    private List<String> services = List.of();
    private ResponsePolicy policy;
    private Instant declaredAt;
    private Instant startedAt;
    private Instant mitigationClockFrom;
    private Instant acknowledgedAt;
    private Instant lastUpdateAt;
    private boolean mitigated;
    private boolean resolved;
    private boolean reopened;
    private boolean closed;
    private final Map<String, Callback> callbacks = new LinkedHashMap<>();
    private final TreeSet<String> calledBack = new TreeSet<>();

    /** A customer report that asks for a callback. */
    record Callback(Instant reportedAt, Instant promisedBy) {
    }

    /** Whether the incident was declared (events before that are ignored). */
    public boolean isStarted() {
        return declaredAt != null;
    }

    /**
     * Takes one event of the incident into account.
     *
     * @param event    any event of the incident; those not in {@link #EVENTS} are ignored
     * @param policies where the policy for the incident's severity and services comes from
     */
    public void apply(Object event, ResponsePolicies policies) {
        if (event instanceof IncidentDeclared declared) {
            severity = declared.severity();
            services = declared.services() == null ? List.of() : List.copyOf(declared.services());
            policy = policies.forIncident(severity, services);
            declaredAt = declared.occurredAt();
            startedAt = declaredAt;
            if (declared.detectedBy() == DetectionSource.CUSTOMER && declared.detectedAt() != null) {
                startedAt = earlier(startedAt, declared.detectedAt());
            }
            mitigationClockFrom = startedAt;
            return;
        }
        if (!isStarted()) {
            return;
        }
        if (event instanceof SeverityChanged changed) {
            severity = changed.severity();
            policy = policies.forIncident(severity, services);
        } else if (event instanceof IncidentAcknowledged acknowledged) {
            acknowledgedAt = acknowledgedAt == null ? acknowledged.occurredAt() : acknowledgedAt;
        } else if (event instanceof StatusUpdatePosted update) {
            lastUpdateAt = later(lastUpdateAt, update.occurredAt());
        } else if (event instanceof IncidentMitigated) {
            mitigated = true;
        } else if (event instanceof IncidentResolved) {
            resolved = true;
        } else if (event instanceof IncidentReopened reopened) {
            resolved = false;
            mitigated = false;
            this.reopened = true;
            mitigationClockFrom = reopened.occurredAt();
            if (lastUpdateAt != null) {
                lastUpdateAt = later(lastUpdateAt, reopened.occurredAt());
            }
        } else if (event instanceof CustomerReportLinked report) {
            callbacks.putIfAbsent(report.ticketId(), new Callback(report.occurredAt(), report.callbackPromisedBy()));
            startedAt = earlier(startedAt, report.occurredAt());
            if (!reopened) {
                mitigationClockFrom = startedAt;
            }
        } else if (event instanceof CustomerCalledBack callback) {
            calledBack.add(callback.ticketId());
        } else if (event instanceof IncidentClosed) {
            closed = true;
        }
    }

    /** The deadlines running now, in a stable order. */
    public List<ResponseDeadline> running() {
        List<ResponseDeadline> running = new ArrayList<>();
        if (!isStarted() || closed) {
            return running;
        }
        if (!resolved) {
            if (acknowledgedAt == null) {
                add(running, DeadlineKind.ACKNOWLEDGE, startedAt, policy.acknowledgeWithin());
            }
            if (lastUpdateAt == null) {
                add(running, DeadlineKind.FIRST_UPDATE, declaredAt, policy.firstUpdateWithin());
            } else {
                add(running, DeadlineKind.UPDATE_CADENCE, lastUpdateAt, policy.updateEvery());
            }
            if (!mitigated) {
                add(running, DeadlineKind.MITIGATE, mitigationClockFrom, policy.mitigateWithin());
            }
        }
        callbacks.forEach((ticket, callback) -> {
            if (calledBack.contains(ticket)) {
                return;
            }
            if (callback.promisedBy() != null) {
                running.add(new ResponseDeadline(DeadlineKind.CUSTOMER_CALLBACK, ticket, callback.reportedAt(),
                        callback.promisedBy(), PROMISE));
            } else if (policy.callbackWithin() != null) {
                running.add(new ResponseDeadline(DeadlineKind.CUSTOMER_CALLBACK, ticket, callback.reportedAt(),
                        callback.reportedAt().plus(policy.callbackWithin()), policy.name()));
            }
        });
        return running;
    }

    private void add(List<ResponseDeadline> running, DeadlineKind kind, Instant from, Duration within) {
        if (within != null) {
            running.add(new ResponseDeadline(kind, null, from, from.plus(within), policy.name()));
        }
    }

    private static Instant earlier(Instant one, Instant other) {
        return other.isBefore(one) ? other : one;
    }

    private static Instant later(Instant one, Instant other) {
        return one == null || other.isAfter(one) ? other : one;
    }
}
