package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.IncidentId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** The typed way to ask for postmortems and stakeholder summaries, for hosts that do not want Axon's query bus. */
public class PostmortemQueries {

    private final QueryGateway queryGateway;

    public PostmortemQueries(QueryGateway queryGateway) {
        this.queryGateway = Objects.requireNonNull(queryGateway, "queryGateway");
    }

    /** An incident's postmortem, empty if the incident is not known (yet). */
    public Optional<PostmortemView> postmortem(FindPostmortem query) {
        return join(() -> queryGateway.query(query, ResponseTypes.optionalInstanceOf(PostmortemView.class)).join());
    }

    /** An incident's summary for the company, empty if the incident is not known (yet). */
    public Optional<StakeholderSummaryView> stakeholderSummary(IncidentId incidentId) {
        return join(() -> queryGateway.query(new FindStakeholderSummary(incidentId),
                ResponseTypes.optionalInstanceOf(StakeholderSummaryView.class)).join());
    }

    private static <T> T join(Supplier<T> call) {
        try {
            return call.get();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failure;
        }
    }
}
