package dev.incidenttimeline.policy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import dev.incidenttimeline.embedding.IncidentCoreProperties;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/**
 * Response policies in a Spring Boot host: the policies from {@code incident.core.policies}, the deadline saga,
 * the what-if replay and, unless the host has its own, the db-scheduler {@link Scheduler} that Axon's
 * {@code AxonDbSchedulerAutoConfiguration} turns into the deadline manager. Imported by the core
 * auto-configuration; off with {@code incident.core.policies.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "incident.core.policies", name = "enabled", matchIfMissing = true)
@Import(ResponseDeadlineSaga.class)
public class ResponsePolicyConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ResponsePolicies responsePolicies(IncidentCoreProperties properties) {
        return new ResponsePolicies(properties.policies());
    }

    @Bean
    @ConditionalOnMissingBean
    public WhatIfReplay whatIfReplay(EventStore eventStore, Clock clock) {
        return new WhatIfReplay(eventStore, clock);
    }

    /**
     * A db-scheduler on the host's database that reads the time from the library's {@link Clock}. Several nodes
     * share its table; each due deadline is picked by one node only (an optimistic lock on its row).
     */
    @Bean
    @ConditionalOnMissingBean
    public Scheduler responseDeadlineScheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, Clock clock,
                                               IncidentCoreProperties properties) {
        ResponsePolicyProperties.Scheduler settings = properties.policies().scheduler();
        List<Task<?>> knownTasks = tasks.orderedStream().toList();
        // Like db-scheduler's own Spring support: schedule within the caller's transaction when there is one.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), knownTasks)
                .tableName(settings.tableName())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .threads(settings.threads())
                .clock(clock::instant)
                .alwaysPersistTimestampInUTC()
                .commitWhenAutocommitDisabled(false)
                .build();
    }

    /**
     * Axon's db-scheduler deadline manager (as {@code AxonDbSchedulerAutoConfiguration} builds it, with the
     * scheduler's life left to {@link ResponseDeadlineSchedulerLifecycle}), tolerant of cancelling a deadline that
     * is firing.
     */
    @Bean
    @ConditionalOnMissingBean
    public DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration configuration,
                                           @Qualifier("eventSerializer") Serializer serializer,
                                           TransactionManager transactionManager,
                                           DeadlineManagerSpanFactory spanFactory) {
        DbSchedulerDeadlineManager.Builder builder = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false);
        return new TolerantDbSchedulerDeadlineManager(builder, scheduler);
    }

    @Bean
    @ConditionalOnMissingBean
    public ResponseDeadlineSchedulerLifecycle responseDeadlineSchedulerLifecycle(Scheduler scheduler) {
        return new ResponseDeadlineSchedulerLifecycle(scheduler);
    }

    /**
     * Starts the scheduler once Axon runs (so a deadline that fires finds its saga and the command bus) and stops
     * it before Axon shuts down.
     */
    public static class ResponseDeadlineSchedulerLifecycle implements SmartLifecycle {

        /**
         * After Axon's configuration (Spring phase {@code Integer.MAX_VALUE - 3072}: it subscribes the command
         * handlers and starts the processors), before Spring Boot's web server ({@code Integer.MAX_VALUE - 2048}).
         * Started earlier, a deadline that fell due while the application was down fires at once, finds no handler
         * for the command it sends, and db-scheduler retries it only minutes later.
         */
        static final int PHASE = Integer.MAX_VALUE - 2560;

        private final Scheduler scheduler;
        private volatile boolean running;

        public ResponseDeadlineSchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            if (!scheduler.getSchedulerState().isStarted()) {
                scheduler.start();
            }
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            if (!scheduler.getSchedulerState().isShuttingDown()) {
                scheduler.stop();
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return PHASE;
        }
    }
}
