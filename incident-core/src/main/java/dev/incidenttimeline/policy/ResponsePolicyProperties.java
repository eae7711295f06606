package dev.incidenttimeline.policy;

import dev.incidenttimeline.incident.api.Severity;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the response policies, under {@code incident.core.policies}. Without any setting the built-in pace
 * applies (see {@link ResponsePolicies#DEFAULTS}).
 *
 * @param enabled    whether deadlines are scheduled at all; with {@code false} nothing is scheduled and no
 *                   db-scheduler runs
 * @param severities the pace per severity, e.g. {@code incident.core.policies.severities.SEV1.acknowledge-within=5m};
 *                   a field left out keeps the built-in value, {@code 0} turns that deadline off
 * @param services   overrides per service and severity, e.g.
 *                   {@code incident.core.policies.services.payments.SEV2.mitigate-within=1h}; when an incident
 *                   touches several services with overrides, the strictest value of each field applies
 * @param scheduler  how the persistent deadline scheduler polls its table
 */
public record ResponsePolicyProperties(@DefaultValue("true") boolean enabled,
                                       Map<Severity, Pace> severities,
                                       Map<String, Map<Severity, Pace>> services,
                                       @DefaultValue Scheduler scheduler) {

    public ResponsePolicyProperties {
        severities = severities == null ? Map.of() : Map.copyOf(severities);
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /**
     * One pace. A {@code null} field means "not set here", {@code 0} means "no such deadline".
     *
     * @param acknowledgeWithin how long after the incident started someone must acknowledge it
     * @param firstUpdateWithin how long after the declaration the first status update must be posted
     * @param updateEvery       the longest gap between two status updates until the incident is resolved
     * @param mitigateWithin    how long after the incident started it must be mitigated
     * @param callbackWithin    how long after a customer report its customer must be called back when the report
     *                          promised no time (a promised time always counts)
     */
    public record Pace(Duration acknowledgeWithin,
                       Duration firstUpdateWithin,
                       Duration updateEvery,
                       Duration mitigateWithin,
                       Duration callbackWithin) {
    }

    /**
     * The db-scheduler that fires deadlines. Only used when the host does not define its own
     * {@code com.github.kagkarlsson.scheduler.Scheduler} bean.
     *
     * @param pollingInterval   how often each node looks for due deadlines (the worst delay of a firing)
     * @param heartbeatInterval how often a node marks the deadlines it is firing as alive; a deadline whose node
     *                          died is fired again by another node after a few missed heartbeats
     * @param threads           how many deadlines a node fires at the same time
     * @param tableName         the db-scheduler table (created by the library's Flyway migration)
     */
    public record Scheduler(@DefaultValue("10s") Duration pollingInterval,
                            @DefaultValue("1m") Duration heartbeatInterval,
                            @DefaultValue("2") int threads,
                            @DefaultValue("scheduled_tasks") String tableName) {
    }
}
