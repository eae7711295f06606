package dev.incidenttimeline.processing;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Makes every event processor a pooled streaming processor that shares its segments with the other nodes: the
 * configured number of segments for a new processor, its fair share of them for this node
 * ({@link FairShareSegments}), claims renewed well within the token store's claim timeout, so a busy node never
 * loses a segment it still works on, and batches of up to {@code batch-size} events per transaction (Axon's default
 * is one: a transaction and a token update per event and processor, which on a busy write side cost more than the
 * commands themselves; a processor takes only what is waiting, so this adds no delay). A processor configured by name
 * ({@code axon.eventhandling.processors.<name>.*}) gets these defaults first and its own settings on top.
 *
 * <p>Processing groups without a dead-letter queue get Axon's propagating error handler instead of its default,
 * which logs a failure and skips the event: the segment stops and retries the event until it succeeds.
 *
 * <p>A saga's processor gets these defaults too, so it would start at the beginning of the event stream: a module
 * that adds a saga registers its own configuration for it (with {@code initialToken} at the head).
 */
public class PooledProcessingDefaults implements ConfigurerModule {

    private final FairShareSegments fairShare;
    private final int segments;
    private final Duration tokenClaimInterval;
    private final Duration claimTimeout;
    private final boolean deadLetterQueues;
    private final List<String> groupsWithoutDeadLetters;
    private final int batchSize;

    public PooledProcessingDefaults(FairShareSegments fairShare, int segments, Duration tokenClaimInterval,
                                    Duration claimTimeout, boolean deadLetterQueues,
                                    Collection<String> groupsWithoutDeadLetters, int batchSize) {
        this.fairShare = Objects.requireNonNull(fairShare, "fairShare");
        this.segments = segments;
        this.tokenClaimInterval = Objects.requireNonNull(tokenClaimInterval, "tokenClaimInterval");
        this.claimTimeout = Objects.requireNonNull(claimTimeout, "claimTimeout");
        this.deadLetterQueues = deadLetterQueues;
        this.groupsWithoutDeadLetters = List.copyOf(groupsWithoutDeadLetters);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.batchSize = batchSize;
    }

    @Override
    public void configureModule(Configurer configurer) {
        // Axon renews an idle segment's claim after this long (default 5 s); it must stay below the claim timeout.
        long claimExtensionThreshold = Math.max(100, Math.min(5_000, claimTimeout.toMillis() / 3));
        EventProcessingConfigurer processing = configurer.eventProcessing();
        processing.usingPooledStreamingEventProcessors()
                  .registerPooledStreamingEventProcessorConfiguration(
                          (configuration, builder) -> builder.initialSegmentCount(segments)
                                                             .maxSegmentProvider(fairShare)
                                                             .tokenClaimInterval(tokenClaimInterval.toMillis())
                                                             .claimExtensionThreshold(claimExtensionThreshold)
                                                             .batchSize(batchSize));
        if (deadLetterQueues) {
            groupsWithoutDeadLetters.forEach(group -> processing.registerListenerInvocationErrorHandler(
                    group, configuration -> PropagatingErrorHandler.instance()));
        } else {
            processing.registerDefaultListenerInvocationErrorHandler(
                    configuration -> PropagatingErrorHandler.instance());
        }
    }
}
