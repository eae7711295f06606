package dev.incidenttimeline.processing;

import dev.incidenttimeline.embedding.IncidentCoreProperties;
import dev.incidenttimeline.operations.DeadLetters;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;

/**
 * The beans of event processing on one or several nodes, imported by the core auto-configuration (which runs before
 * Axon's, so these replace Axon's token store and dead-letter queue provider). Settings:
 * {@code incident.core.processing.*} and Axon's {@code axon.eventhandling.tokenstore.claim-timeout}.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ProcessingNodes processingNodes(DataSource dataSource, IncidentCoreProperties properties) {
        IncidentCoreProperties.Processing processing = properties.processing();
        return new ProcessingNodes(dataSource, nodeName(processing), processing.heartbeatInterval(),
                processing.nodeTimeout());
    }

    /**
     * The tables of {@code db/migration/V1__axon_infrastructure.sql}: Axon's JDBC defaults are the JPA entities'
     * field names ({@code TokenEntry.processorName}), the migration has Spring Boot's snake-case names of them.
     */
    static final TokenSchema MIGRATED_TOKEN_TABLE = TokenSchema.builder()
                                                             .setTokenTable("token_entry")
                                                             .setProcessorNameColumn("processor_name")
                                                             .setSegmentColumn("segment")
                                                             .setTokenColumn("token")
                                                             .setTokenTypeColumn("token_type")
                                                             .setTimestampColumn("timestamp")
                                                             .setOwnerColumn("owner")
                                                             .build();

    /** The same for the saga tables. */
    static final SagaSchema MIGRATED_SAGA_TABLES = SagaSchema.builder()
                                                             .sagaEntryTable("saga_entry")
                                                             .associationValueEntryTable("association_value_entry")
                                                             .sagaIdColumn("saga_id")
                                                             .sagaTypeColumn("saga_type")
                                                             .revisionColumn("revision")
                                                             .serializedSagaColumn("serialized_saga")
                                                             .associationKeyColumn("association_key")
                                                             .associationValueColumn("association_value")
                                                             .build();

    /**
     * Axon's JDBC token store on {@link #MIGRATED_TOKEN_TABLE}, with this node's name as the owner of the segments it
     * claims. Every processor stores its token once per batch, and live a batch is often one event: the JPA token
     * store's JPQL update cost more than the update itself (and a third of the notification processor's time).
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(Serializer serializer, ObjectProvider<ConnectionProvider> connectionProvider,
                                 DataSource dataSource, TokenStoreProperties tokenStoreProperties,
                                 ProcessingNodes nodes) {
        return JdbcTokenStore.builder()
                             .connectionProvider(connections(connectionProvider, dataSource))
                             .schema(MIGRATED_TOKEN_TABLE)
                             .serializer(serializer)
                             .claimTimeout(tokenStoreProperties.getClaimTimeout())
                             .nodeId(nodes.nodeName())
                             .build();
    }

    /**
     * Axon's JDBC saga store on {@link #MIGRATED_SAGA_TABLES} (the database numbers the association rows, migration
     * {@code V1_5}), asked once per batch which sagas an association belongs to ({@link BatchCachingSagaStore}). It
     * replaced the JPA saga store for the same reason as the token store: JPQL lookups, loads and updates per
     * batch, and live a batch is often one event.
     */
    @Bean
    @ConditionalOnMissingBean(SagaStore.class)
    public SagaStore<Object> sagaStore(Serializer serializer, ObjectProvider<ConnectionProvider> connectionProvider,
                                       DataSource dataSource) {
        return new BatchCachingSagaStore(JdbcSagaStore.builder()
                                                      .connectionProvider(connections(connectionProvider, dataSource))
                                                      .sqlSchema(new GenericSagaSqlSchema(MIGRATED_SAGA_TABLES))
                                                      .serializer(serializer)
                                                      .build());
    }

    @Bean
    @ConditionalOnMissingBean
    public FairShareSegments fairShareSegments(ProcessingNodes nodes, TokenStore tokenStore,
                                               TransactionManager transactionManager,
                                               IncidentCoreProperties properties) {
        IncidentCoreProperties.Processing processing = properties.processing();
        return new FairShareSegments(nodes, tokenStore, transactionManager, processing.segments(),
                processing.heartbeatInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    public PooledProcessingDefaults pooledProcessingDefaults(FairShareSegments fairShare,
                                                             IncidentCoreProperties properties,
                                                             TokenStoreProperties tokenStoreProperties) {
        IncidentCoreProperties.Processing processing = properties.processing();
        return new PooledProcessingDefaults(fairShare, processing.segments(), processing.tokenClaimInterval(),
                tokenStoreProperties.getClaimTimeout(), processing.deadLetterQueue(), processing.withoutDeadLetters(),
                processing.batchSize());
    }

    /** A JPA dead-letter queue (table {@code dead_letter_entry}) for every processing group not excluded. */
    @Bean
    @ConditionalOnMissingBean(DeadLetterQueueProviderConfigurerModule.class)
    public DeadLetterQueues deadLetterQueues(EventProcessorProperties eventProcessorProperties,
                                             IncidentCoreProperties properties,
                                             EntityManagerProvider entityManagerProvider,
                                             TransactionManager transactionManager,
                                             Serializer genericSerializer,
                                             @Qualifier("eventSerializer") Serializer eventSerializer) {
        IncidentCoreProperties.Processing processing = properties.processing();
        return new DeadLetterQueues(eventProcessorProperties, processing.deadLetterQueue(),
                processing.withoutDeadLetters(),
                group -> configuration -> JpaSequencedDeadLetterQueue.builder()
                                                                     .processingGroup(group)
                                                                     .entityManagerProvider(entityManagerProvider)
                                                                     .transactionManager(transactionManager)
                                                                     .genericSerializer(genericSerializer)
                                                                     .eventSerializer(eventSerializer)
                                                                     .build());
    }

    @Bean
    @ConditionalOnMissingBean
    public DeadLetters deadLetters(EventProcessingConfiguration eventProcessingConfiguration,
                                   TransactionManager transactionManager) {
        return new DeadLetters(eventProcessingConfiguration, transactionManager);
    }

    /**
     * The event store's connections (those of the running Spring transaction, one per unit of work), or the same
     * kind from the data source when a host brought its own event store.
     */
    private static ConnectionProvider connections(ObjectProvider<ConnectionProvider> connectionProvider,
                                                  DataSource dataSource) {
        return connectionProvider.getIfAvailable(() -> new UnitOfWorkAwareConnectionProviderWrapper(
                new SpringDataSourceConnectionProvider(dataSource)));
    }

    private static String nodeName(IncidentCoreProperties.Processing processing) {
        String configured = processing.nodeName();
        return configured == null || configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName()
                : configured;
    }
}
