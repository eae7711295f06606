package dev.incidenttimeline.projections;

import dev.incidenttimeline.metrics.MetricsConfiguration;
import dev.incidenttimeline.embedding.IncidentCoreAutoConfiguration;
import dev.incidenttimeline.postmortem.PostmortemConfiguration;
import dev.incidenttimeline.replay.ReplayConfiguration;
import dev.incidenttimeline.summary.SummaryConfiguration;
import dev.incidenttimeline.timeline.TimelineConfiguration;
import dev.incidenttimeline.transfer.TransferConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * The read side of Incident Timeline in any Spring Boot host: the read models (each imported explicitly, with its
 * tables, projection, query handlers and processing group), replay, export and import, and the typed
 * {@link IncidentQueries}. Each read model's processing group runs as a pooled streaming processor that handles
 * {@code incident.projections.batch-size} events per transaction. Every bean can be replaced by the host.
 */
@AutoConfiguration(after = IncidentCoreAutoConfiguration.class, before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(IncidentProjectionsProperties.class)
@Import({
        TimelineConfiguration.class,
        SummaryConfiguration.class,
        MetricsConfiguration.class,
        // read models added by other packages go here, one line each
        PostmortemConfiguration.class,
        ReplayConfiguration.class,
        TransferConfiguration.class
})
public class IncidentProjectionsAutoConfiguration {

    /**
     * Runs every read model's processing group as a pooled streaming processor with the module's batch size and the
     * dead-letter invoker's sequence-identifier cache (it knows which incidents are dead-lettered), on top
     * of the core's processing defaults (segments shared between nodes, dead letters, see
     * {@code incident.core.processing}). A host that wants its own processor settings replaces this bean.
     */
    @Bean
    @ConditionalOnMissingBean(name = "incidentProjectionProcessors")
    public ConfigurerModule incidentProjectionProcessors(ObjectProvider<ProjectionGroup> groups,
                                                         IncidentProjectionsProperties properties,
                                                         ObjectProvider<ReadModelResets> readModelResets) {
        return configurer -> configurer.eventProcessing(processing -> groups.orderedStream().forEach(group -> {
            processing.registerPooledStreamingEventProcessor(group.name(), Configuration::eventStore,
                    (configuration, builder) -> builder.batchSize(properties.batchSize()));
            // Without the cache the dead-letter invoker asks the queue for every event whether its incident is
            // already dead-lettered: a select per event, and on JPA an auto-flush of the batch's entities before it
            // (half of a metrics replay's time). The cache lives per claimed segment, so it is exact on any node.
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(group.name(),
                    (configuration, invoker) -> invoker.enableSequenceIdentifierCache());
            // A reset recorded but not yet carried out (a crash right after it, a reset on another node) is carried
            // out by the first batch of the replay, before it writes.
            if (!group.tables().isEmpty()) {
                processing.registerHandlerInterceptor(group.name(), configuration -> readModelResets.getObject()
                        .interceptor(group));
            }
        }));
    }

    /** Empties a read model after its reset: right after it, or by the first batch of its replay. */
    @Bean
    @ConditionalOnMissingBean
    public ReadModelResets readModelResets(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new ReadModelResets(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager));
    }

    @Bean
    @ConditionalOnMissingBean
    public IncidentQueries incidentQueries(QueryGateway queryGateway) {
        return new IncidentQueries(queryGateway);
    }
}
