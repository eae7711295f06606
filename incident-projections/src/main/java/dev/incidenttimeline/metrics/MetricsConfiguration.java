package dev.incidenttimeline.metrics;

import dev.incidenttimeline.projections.ProjectionGroup;
import dev.incidenttimeline.projections.ReadModelResets;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The response-metrics read model (plain JDBC, no entities): the catalogue of metric definitions (the standard ones
 * plus every {@link MetricDefinition} bean of the host), the projection on a pooled streaming processor, the query
 * handlers and the {@link MetricsQueries} facade. Every bean can be replaced by the host;
 * {@code incident.projections.metrics.enabled=false} leaves it all out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "incident.projections.metrics", name = "enabled", havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsConfiguration {

    /**
     * The standard definitions, then the host's {@link MetricDefinition} beans (a bean with a standard name and a
     * higher version replaces the standard definition).
     */
    @Bean
    @ConditionalOnMissingBean
    public MetricCatalog metricCatalog(ObjectProvider<MetricDefinition> hostDefinitions) {
        List<MetricDefinition> definitions = new ArrayList<>(StandardMetrics.all());
        hostDefinitions.orderedStream().forEach(definitions::add);
        return new MetricCatalog(definitions);
    }

    @Bean
    @ConditionalOnMissingBean
    public MetricsProjection metricsProjection(DataSource dataSource, PlatformTransactionManager transactionManager,
                                               MetricCatalog catalog, ReadModelResets readModelResets) {
        return new MetricsProjection(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager),
                catalog, readModelResets);
    }

    @Bean
    @ConditionalOnMissingBean
    public MetricsRecomputation metricsRecomputation(DataSource dataSource,
                                                     PlatformTransactionManager transactionManager,
                                                     MetricCatalog catalog) {
        return new MetricsRecomputation(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager),
                catalog);
    }

    /**
     * Brings the values of the past up to the catalogue once the application is ready, in the background, if a
     * definition was added or changed since they were computed ({@code incident.projections.metrics.recompute-on-start}).
     */
    @Bean
    @ConditionalOnMissingBean(name = "metricsRecomputationOnStart")
    @ConditionalOnProperty(prefix = "incident.projections.metrics", name = "recompute-on-start", havingValue = "true",
            matchIfMissing = true)
    public ApplicationListener<ApplicationReadyEvent> metricsRecomputationOnStart(
            MetricsRecomputation recomputation) {
        return ready -> recomputation.startIfBehindCatalog();
    }

    @Bean
    @ConditionalOnMissingBean
    public MetricsQueryHandler metricsQueryHandler(DataSource dataSource, PlatformTransactionManager transactionManager,
                                                   MetricCatalog catalog, MetricsProperties properties) {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        // One snapshot for all the statements of a query: an incident's row and its lazily loaded values (or a
        // report's incidents and values) must come from the same committed batch. Under READ COMMITTED a batch that
        // commits between them showed e.g. the new time to first update next to the old customerFirst.
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return new MetricsQueryHandler(new JdbcTemplate(dataSource), readOnly, catalog, properties.reportCacheSize(),
                properties.valueIndex());
    }

    /** Loads the report index in the background once the application is ready, not at the first report. */
    @Bean
    @ConditionalOnMissingBean(name = "metricValueIndexLoader")
    public ApplicationListener<ApplicationReadyEvent> metricValueIndexLoader(MetricsQueryHandler handler) {
        return ready -> handler.startLoadingIndex();
    }

    @Bean
    @ConditionalOnMissingBean
    public MetricsQueries metricsQueries(QueryGateway queryGateway) {
        return new MetricsQueries(queryGateway);
    }

    /**
     * The metrics projection's processing group: it runs like every read model's, a pooled streaming processor with
     * {@code incident.projections.batch-size} and the core's segment settings, and is part of every replay.
     */
    @Bean
    @ConditionalOnMissingBean(name = "metricsProjectionGroup")
    public ProjectionGroup metricsProjectionGroup() {
        return new ProjectionGroup(MetricsProjection.PROCESSING_GROUP,
                // metrics_change last: a reader that sees its counter gone loads the model again, and by then it is
                // empty (on H2 each table is emptied in a transaction of its own).
                List.of("metrics_value", "metrics_fact", "metrics_incident_service", "metrics_incident",
                        "metrics_change"));
    }
}
