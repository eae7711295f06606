package dev.incidenttimeline.replay;

import dev.incidenttimeline.projections.ProjectionGroup;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The replayer of this module's read models. */
@Configuration(proxyBeanMethods = false)
public class ReplayConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ProjectionReplayer projectionReplayer(@Lazy EventProcessingConfiguration eventProcessingConfiguration,
                                                 EventStore eventStore, ObjectProvider<ProjectionGroup> groups) {
        return new ProjectionReplayer(eventProcessingConfiguration, eventStore, groups.orderedStream().toList());
    }
}
