package dev.incidenttimeline.privacy;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets an {@link Erasure} run between, never during, work on this node that reads people's names and writes them
 * back later. Taking a snapshot is such work: it reads an incident's events (names decrypted) and then stores the
 * incident as one value (names encrypted again). Had an erasure deleted a person's key in between, encrypting the
 * name again would give the person a new key, and the snapshot would keep the erased name readable for good (README,
 * finding 37).
 *
 * <p>Such work runs in {@link #outsideErasures}; an erasure waits for the work that runs and holds new work back until
 * it has deleted the keys and this node has forgotten them. Work on other nodes is not held back: they read with the
 * keys they have cached until those expire ({@link PersonalDataProperties#keyCacheExpiry()}), as they did before.
 */
public class ErasureLock {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** Runs work that reads names and writes them back, with no erasure in between (many such at once). */
    public void outsideErasures(Runnable work) {
        lock.readLock().lock();
        try {
            work.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs an erasure once no work runs in {@link #outsideErasures}, one erasure at a time. */
    <T> T exclusively(Supplier<T> erasure) {
        lock.writeLock().lock();
        try {
            return erasure.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether an erasure waits for work in {@link #outsideErasures} to finish. */
    boolean erasureWaits() {
        return lock.hasQueuedThreads();
    }
}
