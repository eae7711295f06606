package dev.incidenttimeline.timeline;

import dev.incidenttimeline.projections.ProjectionGroup;
import dev.incidenttimeline.projections.ReadModelResets;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The timeline read model: its tables (registered as an auto-configuration package, so the host's JPA set-up
 * creates them), its projection, its query handler and its processing group.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class TimelineConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "timelineProjectionGroup")
    public ProjectionGroup timelineProjectionGroup() {
        return new ProjectionGroup(TimelineProjection.PROCESSING_GROUP,
                List.of("timeline_change", "timeline_entry", "timeline_incident"));
    }

    @Bean
    @ConditionalOnMissingBean
    TimelineStore timelineStore(DataSource dataSource) {
        return new TimelineStore(new JdbcTemplate(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    public TimelineQueryHandler timelineQueryHandler(TimelineStore timelineStore, QueryUpdateEmitter queryUpdateEmitter) {
        return new TimelineQueryHandler(timelineStore, queryUpdateEmitter);
    }

    @Bean
    @ConditionalOnMissingBean
    public TimelineProjection timelineProjection(TimelineStore timelineStore,
                                                 TimelineQueryHandler timelineQueryHandler,
                                                 ReadModelResets readModelResets) {
        return new TimelineProjection(timelineStore, timelineQueryHandler, readModelResets);
    }

    /** Replaces an erased person's name in this read model, in the erasure's transaction. */
    @Bean
    @ConditionalOnMissingBean(name = "timelineErasure")
    TimelineErasure timelineErasure(DataSource dataSource) {
        return new TimelineErasure(new JdbcTemplate(dataSource));
    }
}
