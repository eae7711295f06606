package dev.incidenttimeline.operations;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The operator's view of dead letters: the events a read model's handler failed on, kept per processing group until
 * they are retried. Retrying runs the group's own handlers again on each waiting sequence, oldest first; a sequence
 * whose handler fails again stays in the queue with the new cause.
 */
public class DeadLetters {

    private final EventProcessingConfiguration eventProcessing;
    private final TransactionManager transactionManager;

    public DeadLetters(EventProcessingConfiguration eventProcessing, TransactionManager transactionManager) {
        this.eventProcessing = Objects.requireNonNull(eventProcessing, "eventProcessing");
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
    }

    /** The processing groups (read models) that have a dead-letter queue, by name. */
    public List<String> groups() {
        return eventProcessing.eventProcessors().keySet().stream()
                .filter(group -> eventProcessing.deadLetterQueue(group).isPresent())
                .sorted()
                .toList();
    }

    /**
     * Lists the dead letters of a processing group, sequence by sequence, in the order they will be retried.
     *
     * @throws IllegalArgumentException when the group has no dead-letter queue
     */
    public List<DeadLetterView> list(String processingGroup) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        return transactionManager.fetchInTransaction(() -> {
            List<DeadLetterView> letters = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    letters.add(view(processingGroup, letter));
                }
            }
            return letters;
        });
    }

    /** How many events of a processing group are dead-lettered. */
    public long count(String processingGroup) {
        return queue(processingGroup).size();
    }

    /**
     * Retries every waiting sequence of a processing group once (call it after the handler was fixed).
     *
     * @throws IllegalArgumentException when the group has no dead-letter queue
     */
    public DeadLetterRetry retry(String processingGroup) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                eventProcessing.sequencedDeadLetterProcessor(processingGroup).orElseThrow(
                        () -> new IllegalArgumentException("Processing group " + processingGroup
                                + " has no dead-letter processor; is it running on this node?"));
        long sequences = queue.amountOfSequences();
        int processed = 0;
        for (long attempt = 0; attempt < sequences; attempt++) {
            if (processor.processAny()) {
                processed++;
            }
        }
        return new DeadLetterRetry(processingGroup, processed, queue.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        Objects.requireNonNull(processingGroup, "processingGroup");
        return eventProcessing.deadLetterQueue(processingGroup).orElseThrow(
                () -> new IllegalArgumentException("Processing group " + processingGroup
                        + " has no dead-letter queue."));
    }

    private static DeadLetterView view(String processingGroup, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregateId = null;
        Long aggregateSequence = null;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregateId = domainEvent.getAggregateIdentifier();
            aggregateSequence = domainEvent.getSequenceNumber();
        }
        String sequenceIdentifier = letter instanceof JpaDeadLetter<?> stored ? stored.getSequenceIdentifier() : null;
        return new DeadLetterView(processingGroup, sequenceIdentifier, event.getIdentifier(),
                event.getPayloadType().getName(), aggregateId, aggregateSequence,
                letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }
}
