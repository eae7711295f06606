package dev.incidenttimeline.summary;

import dev.incidenttimeline.projections.ProjectionGroup;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The incident summaries read model: its tables (registered as an auto-configuration package, so the host's JPA
 * set-up creates them), its projection, its query handler and its processing group.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class SummaryConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "summaryProjectionGroup")
    public ProjectionGroup summaryProjectionGroup() {
        return new ProjectionGroup(IncidentSummaryProjection.PROCESSING_GROUP);
    }

    @Bean
    @ConditionalOnMissingBean
    SummaryStore summaryStore(DataSource dataSource) {
        return new SummaryStore(new JdbcTemplate(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    public SummaryQueryHandler summaryQueryHandler(SummaryStore summaryStore) {
        return new SummaryQueryHandler(summaryStore);
    }

    @Bean
    @ConditionalOnMissingBean
    public IncidentSummaryProjection incidentSummaryProjection(SummaryStore summaryStore) {
        return new IncidentSummaryProjection(summaryStore);
    }

    /** Replaces an erased person's name in this read model, in the erasure's transaction. */
    @Bean
    @ConditionalOnMissingBean(name = "summaryErasure")
    SummaryErasure summaryErasure(DataSource dataSource) {
        return new SummaryErasure(new JdbcTemplate(dataSource));
    }
}
