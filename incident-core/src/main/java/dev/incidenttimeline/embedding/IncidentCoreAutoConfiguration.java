package dev.incidenttimeline.embedding;

import dev.incidenttimeline.incident.Incident;
import dev.incidenttimeline.notification.NotificationConfiguration;
import dev.incidenttimeline.policy.ResponsePolicyConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * The write side of Incident Timeline in any Spring Boot host: the {@link Incident} aggregate (imported explicitly,
 * so the host needs no component scanning), the clock every command's default time comes
 * from, snapshots and a cache for long incidents, the typed {@link IncidentGateway}, response policies with their
 * persistent deadlines ({@link ResponsePolicyConfiguration}) and outbound notifications
 * ({@link NotificationConfiguration}). Every bean can be replaced by the host.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, AxonDbSchedulerAutoConfiguration.class})
@EnableConfigurationProperties(IncidentCoreProperties.class)
@Import({Incident.class, ResponsePolicyConfiguration.class, NotificationConfiguration.class})
public class IncidentCoreAutoConfiguration {

    /** The clock that gives a command its time when the caller did not say when it happened. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean(name = "incidentSnapshotTrigger")
    public SnapshotTriggerDefinition incidentSnapshotTrigger(Snapshotter snapshotter, IncidentCoreProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * Keeps recently used incidents in memory so a command does not re-read the stream; on several nodes a stale
     * entry is caught by the event store's sequence check and the command is retried by {@link IncidentGateway}.
     */
    @Bean
    @ConditionalOnMissingBean(name = "incidentCache")
    public Cache incidentCache() {
        return new WeakReferenceCache();
    }

    @Bean
    @ConditionalOnMissingBean
    public RejectionInterceptor incidentRejectionInterceptor() {
        return new RejectionInterceptor();
    }

    @Bean
    @ConditionalOnMissingBean
    public IncidentGateway incidentGateway(CommandGateway commandGateway, IncidentCoreProperties properties) {
        return new IncidentGateway(commandGateway, properties.commandAttempts());
    }
}
