package dev.incidenttimeline.notification;

import dev.incidenttimeline.embedding.IncidentCoreProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Outbound notifications in a Spring Boot host: the dispatcher in its own tracking processor starting at the head
 * of the stream, the record of what was sent, and the webhook and Slack adapters when their addresses are set. A
 * host adds its own channels by declaring {@link IncidentNotifier} beans. Imported by the core
 * auto-configuration; off with {@code incident.core.notifications.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "incident.core.notifications", name = "enabled", matchIfMissing = true)
public class NotificationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public NotificationRecords notificationRecords(DataSource dataSource, PlatformTransactionManager transactionManager,
                                                   Clock clock) {
        return new NotificationRecords(dataSource, transactionManager, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "incident.core.notifications.webhook", name = "url")
    public WebhookNotifier webhookNotifier(IncidentCoreProperties properties) {
        return new WebhookNotifier(properties.notifications().webhook(), properties.notifications());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("'${incident.core.notifications.slack.webhook-url:}' != ''"
            + " or '${incident.core.notifications.slack.bot-token:}' != ''")
    public SlackNotifier slackNotifier(IncidentCoreProperties properties, NotificationRecords records) {
        return new SlackNotifier(properties.notifications().slack(), records, properties.notifications());
    }

    @Bean
    @ConditionalOnMissingBean
    public NotificationDispatcher notificationDispatcher(ObjectProvider<IncidentNotifier> notifiers,
                                                         NotificationRecords records, EventStore eventStore,
                                                         IncidentCoreProperties properties) {
        return new NotificationDispatcher(notifiers.orderedStream().toList(), records, eventStore,
                properties.notifications().retry());
    }

    /**
     * A new notifications processor starts at the head: what happened before it existed is not announced. It handles
     * what is waiting in batches of up to {@code incident.core.processing.batch-size} events per transaction (a sent
     * notification is remembered in its own transaction, so a batch that fails later does not send it twice).
     */
    @Bean
    public ConfigurerModule notificationProcessorConfigurer(IncidentCoreProperties properties) {
        int batchSize = properties.processing().batchSize();
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(
                        NotificationDispatcher.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                // Without it the dead-letter invoker asks the queue for every event whether its incident is already
                // dead-lettered (a query per event: more than half of this processor's time). The cache knows which
                // incidents it dead-lettered itself and lives per claimed segment, so it is exact on any node.
                .registerDeadLetteringEventHandlerInvokerConfiguration(NotificationDispatcher.PROCESSING_GROUP,
                        (config, invoker) -> invoker.enableSequenceIdentifierCache()));
    }
}
