package dev.incidenttimeline.processing;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Gives every processing group a dead-letter queue, also those that other modules or the host define (Axon's own
 * setting, {@code axon.eventhandling.processors.<name>.dlq.enabled}, needs every group's name). An event a handler
 * fails on is stored in the queue with the cause, later events of the same incident queue up behind it (their order
 * matters), and the group goes on with other incidents. An operator lists and retries them with
 * {@link dev.incidenttimeline.operations.DeadLetters}. Sagas never get one (Axon does not dead-letter sagas).
 *
 * <p>It replaces Axon's {@link DeadLetterQueueProviderConfigurerModule} (same type), so that only one provider is
 * registered.
 */
public class DeadLetterQueues extends DeadLetterQueueProviderConfigurerModule {

    private final boolean enabled;
    private final Set<String> excludedGroups;
    private final Function<String, Function<Configuration, SequencedDeadLetterQueue<EventMessage<?>>>> queues;

    /**
     * @param eventProcessorProperties Axon's processor settings (required by the replaced type)
     * @param enabled                  whether processing groups get a queue at all
     * @param excludedGroups           processing groups that get none
     * @param queues                   builds the queue of a processing group
     */
    public DeadLetterQueues(
            EventProcessorProperties eventProcessorProperties, boolean enabled, Collection<String> excludedGroups,
            Function<String, Function<Configuration, SequencedDeadLetterQueue<EventMessage<?>>>> queues) {
        super(eventProcessorProperties, queues);
        this.enabled = enabled;
        this.excludedGroups = Set.copyOf(excludedGroups);
        this.queues = Objects.requireNonNull(queues, "queues");
    }

    /** Whether the given processing group gets a dead-letter queue. */
    public boolean covers(String processingGroup) {
        return enabled && !excludedGroups.contains(processingGroup);
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing()
                  .registerDeadLetterQueueProvider(group -> covers(group) ? queues.apply(group) : null);
    }
}
