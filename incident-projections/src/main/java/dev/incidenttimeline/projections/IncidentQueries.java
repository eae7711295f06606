package dev.incidenttimeline.projections;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.summary.FindIncident;
import dev.incidenttimeline.summary.IncidentDetailView;
import dev.incidenttimeline.summary.IncidentSummaryView;
import dev.incidenttimeline.summary.ListIncidents;
import dev.incidenttimeline.timeline.FindTimeline;
import dev.incidenttimeline.timeline.TimelineView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed way to query the read models for hosts that do not want to know Axon. Every call goes through Axon's
 * query bus (so a host may also send the query messages itself). Read models are eventually consistent: what was
 * just sent through {@code IncidentGateway} shows up a moment later.
 *
 * <pre>{@code
 * TimelineView now = queries.timeline(FindTimeline.of(id));
 * TimelineView at22 = queries.timeline(FindTimeline.of(id).asKnownAt(Instant.parse("2026-03-02T22:00:00Z")));
 * List<IncidentSummaryView> open = queries.incidents(ListIncidents.all()
 *         .withStatuses(Set.of(IncidentStatus.DECLARED, IncidentStatus.ACKNOWLEDGED)));
 * Optional<IncidentDetailView> detail = queries.incident(id);
 * }</pre>
 */
public class IncidentQueries {

    private final QueryGateway queryGateway;

    public IncidentQueries(QueryGateway queryGateway) {
        this.queryGateway = Objects.requireNonNull(queryGateway, "queryGateway");
    }

    /** An incident's timeline; empty entries if the incident is not known (yet). */
    public TimelineView timeline(FindTimeline query) {
        return QueryResults.await(queryGateway.query(query, ResponseTypes.instanceOf(TimelineView.class)));
    }

    /** The incidents that pass the filter, newest declaration first. */
    public List<IncidentSummaryView> incidents(ListIncidents query) {
        return QueryResults.await(
                queryGateway.query(query, ResponseTypes.multipleInstancesOf(IncidentSummaryView.class)));
    }

    /** One incident's current state, or empty if it is not known (yet). */
    public Optional<IncidentDetailView> incident(IncidentId incidentId) {
        return QueryResults.await(queryGateway.query(new FindIncident(incidentId),
                ResponseTypes.optionalInstanceOf(IncidentDetailView.class)));
    }

    /**
     * A live timeline: the current view, then a refreshed view each time new events of the incident are handled.
     * Close it when done.
     */
    public LiveTimeline watchTimeline(FindTimeline query) {
        SubscriptionQueryResult<TimelineView, TimelineView> result = queryGateway.subscriptionQuery(query,
                ResponseTypes.instanceOf(TimelineView.class), ResponseTypes.instanceOf(TimelineView.class));
        return new LiveTimeline(result);
    }

    /** A subscription to an incident's timeline. */
    public static final class LiveTimeline implements AutoCloseable {

        private final SubscriptionQueryResult<TimelineView, TimelineView> result;

        private LiveTimeline(SubscriptionQueryResult<TimelineView, TimelineView> result) {
            this.result = result;
        }

        /** The timeline when the subscription started. */
        public TimelineView current() {
            return result.initialResult().block();
        }

        /** The refreshed timelines, one per batch of new events of the incident. */
        public Flux<TimelineView> updates() {
            return result.updates();
        }

        @Override
        public void close() {
            result.cancel();
        }
    }

}
