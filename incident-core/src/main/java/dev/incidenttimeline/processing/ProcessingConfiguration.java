package dev.incidenttimeline.processing;

import dev.incidenttimeline.embedding.IncidentCoreProperties;
import dev.incidenttimeline.operations.DeadLetters;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jpa.JpaSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
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

    /** Axon's JPA token store, with this node's name as the owner of the segments it claims. */
    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                                 TokenStoreProperties tokenStoreProperties, ProcessingNodes nodes) {
        return JpaTokenStore.builder()
                            .entityManagerProvider(entityManagerProvider)
                            .serializer(serializer)
                            .claimTimeout(tokenStoreProperties.getClaimTimeout())
                            .nodeId(nodes.nodeName())
                            .build();
    }

    /**
     * Axon's JPA saga store (tables {@code saga_entry}, {@code association_value_entry}), asked once per batch which
     * sagas an association belongs to ({@link BatchCachingSagaStore}).
     */
    @Bean
    @ConditionalOnMissingBean(SagaStore.class)
    public SagaStore<Object> sagaStore(Serializer serializer, EntityManagerProvider entityManagerProvider) {
        return new BatchCachingSagaStore(JpaSagaStore.builder()
                                                     .entityManagerProvider(entityManagerProvider)
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

    private static String nodeName(IncidentCoreProperties.Processing processing) {
        String configured = processing.nodeName();
        return configured == null || configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName()
                : configured;
    }
}
