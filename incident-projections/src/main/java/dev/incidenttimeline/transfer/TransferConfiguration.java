package dev.incidenttimeline.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidenttimeline.privacy.PersonalDataKeys;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Export and import of events as JSON lines. */
@Configuration(proxyBeanMethods = false)
public class TransferConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public EventExporter incidentEventExporter(EventStore eventStore,
                                               @Qualifier("eventSerializer") Serializer eventSerializer,
                                               PersonalDataKeys personalDataKeys) {
        return new EventExporter(eventStore, eventSerializer, exportJson(), personalDataKeys);
    }

    @Bean
    @ConditionalOnMissingBean
    public EventImporter incidentEventImporter(EventStore eventStore,
                                               @Qualifier("eventSerializer") Serializer eventSerializer,
                                               TransactionManager transactionManager,
                                               PersonalDataKeys personalDataKeys) {
        return new EventImporter(eventStore, eventSerializer, exportJson(), transactionManager, personalDataKeys);
    }

    /** One line per event, times as ISO-8601 text: stable whatever the host's own JSON settings are. */
    static ObjectMapper exportJson() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
