package dev.incidenttimeline.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Supplier;

/**
 * Collects what a read model's handlers want to write while the events of one processor batch are handled, and
 * writes it once, just before the batch's transaction commits (with the processor's token). A replay then costs a
 * few statements per batch instead of a few per event.
 *
 * <p>Outside a unit of work (a handler called directly) the work is written at once.
 */
public final class BatchWork {

    /** What a read model writes at the end of a batch. */
    public interface Flushable {

        /** Writes everything collected; called once per batch, inside its transaction. */
        void flush();

        /** Called after the batch's transaction committed, e.g. to tell live subscribers. */
        default void committed() {
        }
    }

    private BatchWork() {
    }

    /**
     * The work collected for the current batch under {@code key}, created (and scheduled to be written before the
     * commit) on first use.
     */
    public static <B extends Flushable> B current(String key, Supplier<B> newBatch) {
        if (!CurrentUnitOfWork.isStarted()) {
            return newBatch.get();
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(key, k -> {
            B batch = newBatch.get();
            unitOfWork.onPrepareCommit(u -> batch.flush());
            unitOfWork.afterCommit(u -> batch.committed());
            return batch;
        });
    }

    /** Writes the batch now if there is no unit of work that will do it before its commit. */
    public static void flushIfUnmanaged(Flushable batch) {
        if (!CurrentUnitOfWork.isStarted()) {
            batch.flush();
            batch.committed();
        }
    }
}
