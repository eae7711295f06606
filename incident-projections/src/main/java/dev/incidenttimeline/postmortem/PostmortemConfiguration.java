package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.metrics.MetricsQueries;
import dev.incidenttimeline.projections.IncidentQueries;
import dev.incidenttimeline.projections.ProjectionGroup;
import dev.incidenttimeline.projections.ReadModelResets;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

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
        return new ProjectionGroup(PostmortemProjection.PROCESSING_GROUP,
                List.of("postmortem_fact", "postmortem_incident"));
    }

    @Bean
    @ConditionalOnMissingBean
    PostmortemStore postmortemStore(DataSource dataSource) {
        return new PostmortemStore(new JdbcTemplate(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    public PostmortemProjection postmortemProjection(PostmortemStore postmortemStore,
                                                     ReadModelResets readModelResets) {
        return new PostmortemProjection(postmortemStore, readModelResets);
    }

    @Bean
    @ConditionalOnMissingBean
    public PostmortemQueryHandler postmortemQueryHandler(PostmortemStore postmortemStore,
                                                         IncidentQueries incidentQueries,
                                                         MetricsQueries metricsQueries) {
        return new PostmortemQueryHandler(postmortemStore, incidentQueries, id -> metricsQueries.incident(id)
                .map(metrics -> new PostmortemQueryHandler.ResponseMeasures(new KeyDurationsView(
                        metrics.timeToDetect(), metrics.timeToAcknowledge(), metrics.timeToLeader(),
                        metrics.timeToFirstUpdate(), metrics.timeToMitigate(), metrics.timeToResolve(),
                        metrics.impactDuration(), metrics.longestUpdateGap()), metrics.customerFirst())));
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
