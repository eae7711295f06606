package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.projections.QueryResults;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.Objects;
import java.util.Optional;

/** The typed way to ask for postmortems and stakeholder summaries, for hosts that do not want Axon's query bus. */
public class PostmortemQueries {

    private final QueryGateway queryGateway;

    public PostmortemQueries(QueryGateway queryGateway) {
        this.queryGateway = Objects.requireNonNull(queryGateway, "queryGateway");
    }

    /** An incident's postmortem, empty if the incident is not known (yet). */
    public Optional<PostmortemView> postmortem(FindPostmortem query) {
        return QueryResults.await(queryGateway.query(query, ResponseTypes.optionalInstanceOf(PostmortemView.class)));
    }

    /** An incident's summary for the company, empty if the incident is not known (yet). */
    public Optional<StakeholderSummaryView> stakeholderSummary(IncidentId incidentId) {
        return QueryResults.await(queryGateway.query(new FindStakeholderSummary(incidentId),
                ResponseTypes.optionalInstanceOf(StakeholderSummaryView.class)));
    }

}
