package dev.incidenttimeline.replay;

import dev.incidenttimeline.projections.ProjectionGroup;
import dev.incidenttimeline.projections.ReadModelResets;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One read of the event store, from its first event to its head, handed to the handlers of one or more stopped
 * processors whose tokens were just reset, {@code batchSize} events per transaction. The events are read and
 * deserialized on a thread of their own ({@link ReadAhead}) while the previous batch is handled.
 *
 * <p>Each batch runs in one {@link BatchingUnitOfWork}, so the read models' batch writes work as under the processor,
 * and through the processor's own {@link EventHandlerInvoker}, so dead letters work as under the processor (a
 * handler that fails dead-letters its incident; later events of that incident follow it into the queue). In the same
 * transaction the batch advances every segment's token to the batch's last event, exactly as the processor would have
 * after handling it (a replay token stays a replay token until it passes the position of the reset), and so keeps the
 * claims of those segments alive: another node cannot take them over while the rebuild runs, and if the rebuild
 * stops, the processor resumes after the last batch that committed. Like the processor's batches at a replay token,
 * each batch first empties the model if its reset is still recorded ({@link ReadModelResets#emptyIfRequested}).
 */
final class BulkReplay {

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final TransactionManager transactionManager;
    private final List<Target> targets;
    private final int batchSize;
    private final BooleanSupplier stopped;

    BulkReplay(StreamableMessageSource<TrackedEventMessage<?>> source, TransactionManager transactionManager,
               List<Target> targets, int batchSize, BooleanSupplier stopped) {
        this.source = source;
        this.transactionManager = transactionManager;
        this.targets = targets;
        this.batchSize = batchSize;
        this.stopped = stopped;
    }

    /**
     * Reads every event stored so far (the read ends when no further event is available) and hands it over.
     *
     * @return the number of events read
     */
    long run() {
        long events = 0;
        targets.forEach(target -> target.claim(transactionManager));
        try (ReadAhead reading = ReadAhead.start(source, batchSize, stopped)) {
            List<TrackedEventMessage<?>> batch;
            while (!stopped.getAsBoolean() && (batch = reading.next()) != null) {
                events += batch.size();
                for (Target target : targets) {
                    target.handle(batch, transactionManager);
                }
            }
            return events;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", interrupted);
        }
    }

    /** One stopped processor: its handlers, and the tokens of its segments. */
    static final class Target {

        private final ProjectionGroup group;
        private final String processorName;
        private final EventHandlerInvoker handlers;
        private final TokenStore tokenStore;
        private final ReadModelResets resets;
        private int[] segments = new int[0];
        private TrackingToken[] tokens = new TrackingToken[0];

        private Target(ProjectionGroup group, String processorName, EventHandlerInvoker handlers,
                       TokenStore tokenStore, ReadModelResets resets) {
            this.group = group;
            this.processorName = processorName;
            this.handlers = handlers;
            this.tokenStore = tokenStore;
            this.resets = resets;
        }

        static Target of(ProjectionGroup group, StreamingEventProcessor processor, TokenStore tokenStore,
                         ReadModelResets resets) {
            if (!(processor instanceof AbstractEventProcessor withHandlers)) {
                throw new IllegalArgumentException("The processor of " + group.name() + " does not expose its "
                        + "event handlers");
            }
            return new Target(group, processor.getName(), withHandlers.eventHandlerInvoker(), tokenStore, resets);
        }

        /** Claims every segment (the reset left them claimed by this node) and reads its token. */
        void claim(TransactionManager transactionManager) {
            transactionManager.executeInTransaction(() -> {
                segments = tokenStore.fetchSegments(processorName);
                tokens = Arrays.stream(segments).mapToObj(segment -> tokenStore.fetchToken(processorName, segment))
                        .toArray(TrackingToken[]::new);
            });
        }

        void handle(List<TrackedEventMessage<?>> batch, TransactionManager transactionManager) {
            TrackingToken last = batch.get(batch.size() - 1).trackingToken();
            TrackingToken[] advanced = Arrays.stream(tokens).map(token -> WrappedToken.advance(token, last))
                    .toArray(TrackingToken[]::new);
            BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            unitOfWork.attachTransaction(transactionManager);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                TrackedEventMessage<?> message = unitOfWork.getMessage();
                if (unitOfWork.isFirstMessage()) {
                    resets.emptyIfRequested(group);
                }
                // Like the processor: an event none of the handlers takes is not even offered (nor dead-lettered).
                if (handlers.canHandle(message, Segment.ROOT_SEGMENT)) {
                    handlers.handle(message, Segment.ROOT_SEGMENT);
                }
                if (unitOfWork.isLastMessage()) {
                    // After the read models' own writes of the batch (registered while handling): a JPA model has
                    // then flushed and let go of its entities, so the token updates do not make Hibernate look
                    // through them again.
                    unitOfWork.onPrepareCommit(u -> {
                        for (int i = 0; i < segments.length; i++) {
                            tokenStore.storeToken(advanced[i], processorName, segments[i]);
                        }
                    });
                }
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                throw new IllegalStateException("A batch of the replay of " + processorName + " failed",
                        result.exceptionResult());
            }
            tokens = advanced;
        }

        /** Lets the processor (on this node or another) claim the segments again. */
        void releaseClaims(TransactionManager transactionManager) {
            handlers.segmentReleased(Segment.ROOT_SEGMENT);
            transactionManager.executeInTransaction(() -> {
                for (int segment : segments) {
                    tokenStore.releaseClaim(processorName, segment);
                }
            });
        }
    }
}
