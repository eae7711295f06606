package dev.incidenttimeline.summary;

import dev.incidenttimeline.projections.ProjectionGroup;
import dev.incidenttimeline.projections.ReadModelResets;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

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
        return new ProjectionGroup(IncidentSummaryProjection.PROCESSING_GROUP, List.of("incident_summary_task",
                "incident_summary_role", "incident_summary_service", "incident_summary"));
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
    public IncidentSummaryProjection incidentSummaryProjection(SummaryStore summaryStore,
                                                               ReadModelResets readModelResets) {
        return new IncidentSummaryProjection(summaryStore, readModelResets);
    }

    /** Replaces an erased person's name in this read model, in the erasure's transaction. */
    @Bean
    @ConditionalOnMissingBean(name = "summaryErasure")
    SummaryErasure summaryErasure(DataSource dataSource) {
        return new SummaryErasure(new JdbcTemplate(dataSource));
    }
}
