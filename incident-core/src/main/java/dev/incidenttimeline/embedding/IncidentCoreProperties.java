package dev.incidenttimeline.embedding;

import dev.incidenttimeline.notification.NotificationProperties;
import dev.incidenttimeline.policy.ResponsePolicyProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the incident write side and of event processing, under {@code incident.core}.
 *
 * @param snapshotThreshold after how many events an incident's state is snapshotted, so that a long incident
 *                          (thousands of timeline entries) loads as fast as a short one
 * @param cachedIncidents   how many incidents the write side keeps in memory at most (Ehcache evicts one used long ago
 *                          first), so that a command on an incident being worked on does not read
 *                          it from the store again; 0 keeps them only as long as the garbage collector lets it
 *                          (Axon's weak-reference cache: most are gone after the next young collection)
 * @param commandAttempts   how often {@link IncidentGateway} sends a command that lost a race with another change
 *                          of the same incident before it reports a retryable conflict
 * @param policies          response policies and their deadlines ({@code incident.core.policies.*})
 * @param notifications     outbound notifications ({@code incident.core.notifications.*})
 * @param processing        how event processors (read models, policies) share their work between nodes and what
 *                          happens to an event a handler cannot handle
 */
@ConfigurationProperties("incident.core")
public record IncidentCoreProperties(@DefaultValue("250") int snapshotThreshold,
                                     @DefaultValue("1000") int cachedIncidents,
                                     @DefaultValue("5") int commandAttempts,
                                     @DefaultValue ResponsePolicyProperties policies,
                                     @DefaultValue NotificationProperties notifications,
                                     @DefaultValue Processing processing) {

    public IncidentCoreProperties {
        if (cachedIncidents < 0) {
            throw new IllegalArgumentException("incident.core.cached-incidents must not be negative");
        }
    }

    /**
     * Event processing on one or several nodes, under {@code incident.core.processing}. Every processing group runs
     * in a pooled streaming processor whose segments are spread over the live nodes; each node claims its fair share
     * ({@code segments / live nodes}, rounded up) and takes over the segments of a node that stopped.
     *
     * @param nodeName           this node's name in the token store and the node table; must differ between nodes
     *                           (default: the JVM's {@code pid@host})
     * @param segments           how many segments a new processor is split into: the most nodes that can work on
     *                           one processing group at the same time
     * @param tokenClaimInterval how often a processor looks for segments to claim (or to give up for another node)
     * @param heartbeatInterval  how often a node says it is alive in the {@code processing_node} table
     * @param nodeTimeout        after how long without a heartbeat a node counts as gone, so the others take its
     *                           share; its segments move once their claims have timed out
     *                           ({@code axon.eventhandling.tokenstore.claim-timeout}, 10 s by default)
     * @param deadLetterQueue    whether an event a handler fails on goes to the processing group's dead-letter queue
     *                           (and the group moves on) instead of blocking the group until it succeeds
     * @param withoutDeadLetters processing groups that get no dead-letter queue: a failing event there stops that
     *                           group's segment and is retried until it succeeds
     * @param readBatchSize      how many events one query to the event store reads, for a processor and for an
     *                           incident's stream (Axon's default is 100). A processor splits what it read between its
     *                           segments, and a segment handles what has arrived as one batch: pages of 100 left the
     *                           read models' batches at about 50 events during a replay, so that the batch's fixed
     *                           cost (token, commit, existence checks) was paid every 50 events
     * @param batchSize          how many events a processor of the core (the response deadlines, notifications, and
     *                           any processing group the host adds) handles in one transaction at most; a processor
     *                           takes what is waiting, so a quiet stream still gives batches of one. With one
     *                           transaction and one token update per event, these processors cost the command path
     *                           more than the commands themselves. The read models have their own setting
     *                           ({@code incident.projections.batch-size})
     */
    public record Processing(String nodeName,
                             @DefaultValue("4") int segments,
                             @DefaultValue("1s") Duration tokenClaimInterval,
                             @DefaultValue("2s") Duration heartbeatInterval,
                             @DefaultValue("10s") Duration nodeTimeout,
                             @DefaultValue("true") boolean deadLetterQueue,
                             @DefaultValue List<String> withoutDeadLetters,
                             @DefaultValue("1000") int readBatchSize,
                             @DefaultValue("100") int batchSize) {

        public Processing {
            if (segments < 1) {
                throw new IllegalArgumentException("incident.core.processing.segments must be at least 1");
            }
            if (readBatchSize < 1) {
                throw new IllegalArgumentException("incident.core.processing.read-batch-size must be at least 1");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("incident.core.processing.batch-size must be at least 1");
            }
            withoutDeadLetters = withoutDeadLetters == null ? List.of() : List.copyOf(withoutDeadLetters);
        }
    }
}
