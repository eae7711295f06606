package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.metrics.MetricsQueries;
import dev.incidenttimeline.projections.IncidentQueries;
import dev.incidenttimeline.projections.ProjectionGroup;
import dev.incidenttimeline.projections.QueryResults;
import dev.incidenttimeline.summary.FindIncident;
import dev.incidenttimeline.summary.IncidentDetailView;
import dev.incidenttimeline.tenancy.Organisations;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The postmortem read model: its table (registered as an auto-configuration package, so the host's JPA set-up
 * creates it), its projection and processing group, the query handler for postmortems and stakeholder summaries, and
 * {@link PostmortemQueries}.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class PostmortemConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "postmortemProjectionGroup")
    public ProjectionGroup postmortemProjectionGroup() {
        return new ProjectionGroup(PostmortemProjection.PROCESSING_GROUP);
    }

    @Bean
    @ConditionalOnMissingBean
    PostmortemStore postmortemStore(DataSource dataSource) {
        return new PostmortemStore(new JdbcTemplate(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    public PostmortemProjection postmortemProjection(PostmortemStore postmortemStore) {
        return new PostmortemProjection(postmortemStore);
    }

    @Bean
    @ConditionalOnMissingBean
    public PostmortemQueryHandler postmortemQueryHandler(PostmortemStore postmortemStore,
                                                         IncidentQueries incidentQueries,
                                                         MetricsQueries metricsQueries, QueryGateway queryGateway) {
        return new PostmortemQueryHandler(postmortemStore, incidentQueries, id -> metricsQueries.incident(id)
                .map(metrics -> new PostmortemQueryHandler.ResponseMeasures(new KeyDurationsView(
                        metrics.timeToDetect(), metrics.timeToAcknowledge(), metrics.timeToLeader(),
                        metrics.timeToFirstUpdate(), metrics.timeToMitigate(), metrics.timeToResolve(),
                        metrics.impactDuration(), metrics.longestUpdateGap()), metrics.customerFirst())),
                (incidentId, organisation) -> visibleTo(queryGateway, incidentId, organisation));
    }

    /**
     * Whether the incident summaries show the incident to the organisation. The organisation goes on the query
     * explicitly: the one asking for the postmortem, whoever the host's current caller is on this thread.
     */
    private static boolean visibleTo(QueryGateway queryGateway, IncidentId incidentId, String organisation) {
        return QueryResults.await(queryGateway.query(
                new GenericMessage<>(new FindIncident(incidentId),
                        MetaData.with(Organisations.METADATA_KEY, organisation)),
                ResponseTypes.optionalInstanceOf(IncidentDetailView.class))).isPresent();
    }

    @Bean
    @ConditionalOnMissingBean
    public PostmortemQueries postmortemQueries(QueryGateway queryGateway) {
        return new PostmortemQueries(queryGateway);
    }

    /** Replaces an erased person's name in this read model, in the erasure's transaction. */
    @Bean
    @ConditionalOnMissingBean(name = "postmortemErasure")
    PostmortemErasure postmortemErasure(DataSource dataSource) {
        return new PostmortemErasure(new JdbcTemplate(dataSource));
    }
}
