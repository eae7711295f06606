package dev.incidenttimeline.replay;

import dev.incidenttimeline.projections.IncidentProjectionsProperties;
import dev.incidenttimeline.projections.ProjectionGroup;
import dev.incidenttimeline.projections.ReadModelResets;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

/** The replayer of this module's read models. */
@Configuration(proxyBeanMethods = false)
public class ReplayConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ProjectionReplayer projectionReplayer(@Lazy EventProcessingConfiguration eventProcessingConfiguration,
                                                 EventStore eventStore, TokenStore tokenStore,
                                                 TransactionManager transactionManager,
                                                 ObjectProvider<ProjectionGroup> groups,
                                                 ReadModelResets readModelResets,
                                                 IncidentProjectionsProperties properties,
                                                 JdbcTemplate jdbc, Serializer serializer) {
        // The serializer the token store of incident-core writes the tokens with (its primary one).
        return new ProjectionReplayer(eventProcessingConfiguration, eventStore, tokenStore,
                new StoredTokens(jdbc, serializer), transactionManager, groups.orderedStream().toList(),
                readModelResets, properties.replayBatchSize());
    }
}
