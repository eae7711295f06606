package dev.incidenttimeline.tenancy;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.MultiCorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Carries the organisation on commands and queries (from the host's {@link CurrentOrganisation}) and from a command
 * onto the events it causes (and onto commands sent while handling those events).
 */
@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    /** No tenancy unless the host declares its own {@link CurrentOrganisation}. */
    @Bean
    @ConditionalOnMissingBean
    public CurrentOrganisation currentOrganisation() {
        return CurrentOrganisation.NONE;
    }

    @Bean
    @ConditionalOnMissingBean(name = "organisationOnCommands")
    public MessageDispatchInterceptor<CommandMessage<?>> organisationOnCommands(CurrentOrganisation current) {
        return new OrganisationMetaData<>(current);
    }

    @Bean
    @ConditionalOnMissingBean(name = "organisationOnQueries")
    public MessageDispatchInterceptor<QueryMessage<?, ?>> organisationOnQueries(CurrentOrganisation current) {
        return new OrganisationMetaData<>(current);
    }

    /**
     * Copies the organisation from a message to every message it causes. It includes Axon's
     * {@link MessageOriginProvider} (correlation and trace ids) because a correlation provider bean of the host's
     * makes Axon drop its own default one.
     */
    @Bean
    @ConditionalOnMissingBean(name = "incidentCorrelationData")
    public CorrelationDataProvider incidentCorrelationData() {
        return new MultiCorrelationDataProvider<>(List.of(new MessageOriginProvider(),
                new SimpleCorrelationDataProvider(Organisations.METADATA_KEY)));
    }
}
