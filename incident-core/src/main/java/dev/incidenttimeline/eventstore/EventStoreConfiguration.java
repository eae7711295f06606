package dev.incidenttimeline.eventstore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidenttimeline.embedding.IncidentCoreProperties;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The event store's storage engine, imported by the core auto-configuration (which runs before Axon's, so Axon's JPA
 * and JDBC engines back off). A host's own engine, event store or event bus replaces it, as it would replace Axon's.
 *
 * <p>Axon's JDBC engine rather than its JPA engine: on the command path the JPA engine paid for Hibernate's persist
 * and flush of every event and for a round trip to {@code domain_event_entry_seq} before every insert; the JDBC engine
 * sends one batched insert and the column default (migration {@code V1_4}) takes the global index from the same
 * sequence. Axon's JPA entities of the event tables stay registered although nothing writes through them: Hibernate
 * then still validates both tables against the migration, and JPQL can still count events.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean({EventStorageEngine.class, EventBus.class, EventStore.class})
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class EventStoreConfiguration {

    /**
     * The tables of {@code db/migration/V1__axon_infrastructure.sql}: Axon's JDBC defaults are the entity's field
     * names ({@code DomainEventEntry.globalIndex}), the migration has Spring Boot's snake-case names of them.
     */
    static final EventSchema MIGRATED_TABLES = EventSchema.builder()
                                                          .eventTable("domain_event_entry")
                                                          .snapshotTable("snapshot_event_entry")
                                                          .globalIndexColumn("global_index")
                                                          .eventIdentifierColumn("event_identifier")
                                                          .aggregateIdentifierColumn("aggregate_identifier")
                                                          .sequenceNumberColumn("sequence_number")
                                                          .typeColumn("type")
                                                          .timestampColumn("time_stamp")
                                                          .payloadTypeColumn("payload_type")
                                                          .payloadRevisionColumn("payload_revision")
                                                          .payloadColumn("payload")
                                                          .metaDataColumn("meta_data")
                                                          .build();

    /**
     * Connections for the engine as Axon's {@code JdbcAutoConfiguration} makes them: the connection of the Spring
     * transaction that is running (the command's, or a processor batch's with its token and sagas), one per unit of
     * work. The token store and the saga store use them too.
     */
    @Bean
    @ConditionalOnMissingBean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /**
     * Axon's JDBC storage engine as Axon's auto-configuration builds it, on {@link #MIGRATED_TABLES}, reading
     * {@code incident.core.processing.read-batch-size} events per query instead of 100; gaps in the global index
     * (a rolled-back insert leaves one) are handled with Axon's defaults.
     *
     * <p>The persistence exception resolver is Axon's {@code SQLErrorCodesResolver} for the host's database (the one
     * the JPA engine had), not the JDBC engine's default: that one only recognises an
     * {@code SQLIntegrityConstraintViolationException}, which PostgreSQL's driver never throws, so two nodes
     * appending the same sequence number would see an {@code EventStoreException} instead of a
     * {@code ConcurrencyException} that {@code IncidentGateway} retries.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer, RevisionResolver revisionResolver,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 IncidentCoreProperties properties) {
        int readBatchSize = properties.processing().readBatchSize();
        return JdbcEventStorageEngine.builder()
                                     .snapshotSerializer(snapshotSerializer(defaultSerializer, revisionResolver))
                                     .upcasterChain(configuration.upcasterChain())
                                     .persistenceExceptionResolver(persistenceExceptionResolver)
                                     .eventSerializer(eventSerializer)
                                     .snapshotFilter(configuration.snapshotFilter())
                                     .connectionProvider(connectionProvider)
                                     .transactionManager(transactionManager)
                                     .schema(MIGRATED_TABLES)
                                     .batchSize(readBatchSize)
                                     // Events are never deleted and an incident's sequence numbers have no holes, so
                                     // a short page of its stream is the last one (the JPA engine's rule too); the
                                     // JDBC engine's default asks once more for an empty page on every load.
                                     .finalAggregateBatchPredicate(page -> page.size() < readBatchSize)
                                     .build();
    }

    /**
     * The serializer of incidents' snapshots: the default serializer's object mapper (with every module on it, so
     * names stay encrypted), copied without Jackson's table of field names. Jackson keeps every field name it parses
     * in that table, made for a few hundred property names that repeat; a snapshot's maps are keyed by entry, task and
     * alert ids, tens of thousands of distinct names in a long incident, and looking them up in the table took 55 % of
     * loading such a snapshot (README, finding 36). The JSON is the same, so stored snapshots read as before.
     */
    static Serializer snapshotSerializer(Serializer defaultSerializer, RevisionResolver revisionResolver) {
        if (!(defaultSerializer instanceof JacksonSerializer jackson)) {
            return defaultSerializer;
        }
        ObjectMapper general = jackson.getObjectMapper();
        // A factory built with the feature off: its name tables are made without canonicalization from the start.
        ObjectMapper objectMapper = general.copyWith(general.getFactory().rebuild()
                                                            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                                                            .build());
        return JacksonSerializer.builder()
                                .objectMapper(objectMapper)
                                .converter(jackson.getConverter())
                                .revisionResolver(revisionResolver)
                                .build();
    }
}
