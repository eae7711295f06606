package dev.incidenttimeline.embedding;

import dev.incidenttimeline.eventstore.EventStoreConfiguration;
import dev.incidenttimeline.incident.Incident;
import dev.incidenttimeline.notification.NotificationConfiguration;
import dev.incidenttimeline.policy.ResponsePolicyConfiguration;
import dev.incidenttimeline.privacy.ErasureLock;
import dev.incidenttimeline.privacy.PersonalDataConfiguration;
import dev.incidenttimeline.processing.ProcessingConfiguration;
import dev.incidenttimeline.tenancy.CurrentOrganisation;
import dev.incidenttimeline.tenancy.TenancyConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * The write side of Incident Timeline in any Spring Boot host: the {@link Incident} aggregate (imported explicitly,
 * so the host needs no component scanning), the clock every command's default time comes
 * from, snapshots and a cache for long incidents, the typed {@link IncidentGateway}; the storage mapping of
 * Axon's tables (created by the Flyway migration {@code db/migration/V1__axon_infrastructure.sql}); the event
 * store's JDBC storage engine on them ({@link EventStoreConfiguration}); event processing shared between nodes
 * ({@link ProcessingConfiguration}); response policies with their persistent
 * deadlines ({@link ResponsePolicyConfiguration}), outbound notifications ({@link NotificationConfiguration}) and
 * person names stored encrypted per person so that a person can be erased ({@link PersonalDataConfiguration}).
 * Every bean can be replaced by the host.
 *
 * <p>Runs before Axon's auto-configurations so that its storage engine, token store, dead-letter queues and deadline
 * scheduler replace Axon's.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JpaAutoConfiguration.class,
        JpaEventStoreAutoConfiguration.class, JdbcAutoConfiguration.class, AxonDbSchedulerAutoConfiguration.class})
@EnableConfigurationProperties({IncidentCoreProperties.class, TokenStoreProperties.class})
@Import({Incident.class, TenancyConfiguration.class, EventStoreConfiguration.class, ProcessingConfiguration.class,
        ResponsePolicyConfiguration.class, NotificationConfiguration.class, PersonalDataConfiguration.class})
public class IncidentCoreAutoConfiguration {

    /**
     * The mapping file that makes Hibernate store Axon's payloads, metadata and tokens as plain binary columns
     * ({@code bytea} on PostgreSQL, not large objects) and number events one by one; see the file for why.
     */
    public static final String AXON_MAPPING = "META-INF/incident-timeline/axon-orm.xml";

    /** Adds {@link #AXON_MAPPING} to the host's persistence unit. */
    @Bean
    @ConditionalOnMissingBean(name = "incidentAxonMapping")
    public EntityManagerFactoryBuilderCustomizer incidentAxonMapping() {
        return builder -> builder.addPersistenceUnitPostProcessors(unit -> unit.addMappingFileName(AXON_MAPPING));
    }

    /** The clock that gives a command its time when the caller did not say when it happened. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** A snapshot of an incident every {@code incident.core.snapshot-threshold} events. */
    @Bean
    @ConditionalOnMissingBean(name = "incidentSnapshotTrigger")
    public SnapshotTriggerDefinition incidentSnapshotTrigger(Snapshotter snapshotter,
                                                             IncidentCoreProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * Axon's snapshotter as Axon's auto-configuration builds it, with the {@link SnapshotThread} as its executor: the
     * command that crossed the threshold does not wait for the snapshot, and Axon itself hands the snapshot over only
     * once that command's unit of work has committed.
     */
    @Bean
    @ConditionalOnMissingBean(Snapshotter.class)
    public SpringAggregateSnapshotter incidentSnapshotter(org.axonframework.config.Configuration configuration,
                                                          HandlerDefinition handlerDefinition,
                                                          ParameterResolverFactory parameterResolverFactory,
                                                          EventStore eventStore, TransactionManager transactionManager,
                                                          SnapshotterSpanFactory spanFactory,
                                                          SnapshotThread snapshotThread) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotThread.executor())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public SnapshotThread incidentSnapshotThread(ErasureLock erasures) {
        return new SnapshotThread(erasures);
    }

    /**
     * Keeps up to {@code incident.core.cached-incidents} incidents in memory, held strongly, so a command does not
     * re-read the stream (Axon's {@code WeakReferenceCache} lost them at every young collection); on several nodes a
     * stale entry is caught by the event store's sequence check and the command is retried by
     * {@link IncidentGateway}. An Ehcache heap store through Axon's own adapter; 0 keeps the weak-reference cache.
     */
    @Bean
    @ConditionalOnMissingBean(name = "incidentCache")
    public Cache incidentCache(IncidentCoreProperties properties, ObjectProvider<CacheManager> incidentCacheManager) {
        if (properties.cachedIncidents() == 0) {
            return new WeakReferenceCache();
        }
        // Axon's adapter takes Ehcache's implementation type, which is what the manager creates.
        return new EhCache3Adapter((Ehcache) incidentCacheManager.getObject().createCache("incidents",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(properties.cachedIncidents()))));
    }

    /** Owns the incident cache's store, closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "incidentCacheManager")
    public CacheManager incidentCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    /** Reads an incident command's target from {@code incidentId()} instead of its annotations, per command. */
    @Bean
    @ConditionalOnMissingBean(CommandTargetResolver.class)
    public CommandTargetResolver incidentCommandTargetResolver() {
        return new IncidentCommandTargetResolver();
    }

    @Bean
    @ConditionalOnMissingBean
    public RejectionInterceptor incidentRejectionInterceptor() {
        return new RejectionInterceptor();
    }

    @Bean
    @ConditionalOnMissingBean
    public IncidentGateway incidentGateway(CommandGateway commandGateway, IncidentCoreProperties properties,
                                           CurrentOrganisation currentOrganisation) {
        return new IncidentGateway(commandGateway, properties.commandAttempts(), currentOrganisation);
    }
}
