package dev.incidenttimeline.embedding;

import dev.incidenttimeline.privacy.ErasureLock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The thread incidents' snapshots are taken on, instead of the thread of the command that crossed the threshold.
 * Axon takes a snapshot on the caller's thread by default, after the command's commit but before the caller gets its
 * answer: the snapshot is the whole incident read back and written as JSON, so on an incident of 10,000 entries
 * every 250th command waited 110–200 ms for it (README, finding 34).
 *
 * <p>One thread: Axon takes one snapshot of an incident at a time anyway, and snapshots are few. When the application
 * stops, the snapshots already asked for are taken (for up to 10 seconds) and later requests are dropped: a snapshot
 * is only a shortcut for loading an incident, so a dropped one costs the next load a few more events, nothing else.
 * Not an {@code Executor} bean on purpose: one would make Spring Boot leave out the host's own task executor.
 *
 * <p>Each snapshot is taken outside erasures ({@link ErasureLock}): it reads the incident's names and writes them back
 * later, and an erasure in between would give the erased person a new key (README, finding 37).
 */
public class SnapshotThread implements DisposableBean {

    private final ThreadPoolTaskExecutor thread = new ThreadPoolTaskExecutor();
    private final ErasureLock erasures;

    public SnapshotThread(ErasureLock erasures) {
        this.erasures = Objects.requireNonNull(erasures, "erasures");
        thread.setThreadNamePrefix("incident-snapshot-");
        thread.setCorePoolSize(1);
        thread.setMaxPoolSize(1);
        thread.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        thread.setWaitForTasksToCompleteOnShutdown(true);
        thread.setAwaitTerminationSeconds(10);
        thread.initialize();
    }

    /**
     * Runs each task given on this thread, outside erasures: the executor of Axon's snapshotter, which hands a
     * snapshot over only once the command that asked for it has committed.
     */
    public Executor executor() {
        return task -> execute(() -> erasures.outsideErasures(task));
    }

    void execute(Runnable task) {
        thread.execute(task);
    }

    @Override
    public void destroy() {
        thread.shutdown();
    }
}
