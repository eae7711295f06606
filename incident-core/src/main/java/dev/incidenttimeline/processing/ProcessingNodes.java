package dev.incidenttimeline.processing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The nodes that process events on the shared database. Each node writes a heartbeat to the {@code processing_node}
 * table and counts the nodes whose heartbeat is recent; {@link FairShareSegments} turns that count into the number
 * of segments this node may hold. Without Axon Server nothing else tells a node that another one joined or died.
 *
 * <p>Heartbeats are wall-clock times of each node (like Axon's token claims), so the nodes' clocks must agree
 * to well within {@code node-timeout}. A node that stops cleanly removes its row at once; one that dies is
 * forgotten after {@code node-timeout}. When the database is unreachable the last known count is kept.
 */
public class ProcessingNodes implements SmartLifecycle {

    /** Starts before Axon's event processors and stops after them, so a stopping node releases its segments first. */
    public static final int PHASE = Integer.MIN_VALUE / 2;

    private static final Logger logger = LoggerFactory.getLogger(ProcessingNodes.class);

    private final JdbcTemplate jdbc;
    private final String nodeName;
    private final Duration heartbeatInterval;
    private final Duration nodeTimeout;
    private final Clock clock = Clock.systemUTC();
    private volatile int liveNodes = 1;
    private volatile ScheduledExecutorService heartbeats;

    public ProcessingNodes(DataSource dataSource, String nodeName, Duration heartbeatInterval, Duration nodeTimeout) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
        this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        this.nodeTimeout = Objects.requireNonNull(nodeTimeout, "nodeTimeout");
        if (nodeTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("node-timeout must be longer than heartbeat-interval");
        }
    }

    /** This node's name, as written to the token store as the owner of its segments. */
    public String nodeName() {
        return nodeName;
    }

    /** How many nodes (this one included) process events right now, as of the last heartbeat. */
    public int liveNodes() {
        return liveNodes;
    }

    /** Writes this node's heartbeat and counts the live nodes; called on a timer, and at start. */
    public void heartbeat() {
        try {
            long now = clock.millis();
            if (jdbc.update("UPDATE processing_node SET heartbeat_at = ? WHERE node_name = ?", now, nodeName) == 0) {
                jdbc.update("INSERT INTO processing_node (node_name, heartbeat_at) VALUES (?, ?)", nodeName, now);
            }
            Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM processing_node WHERE heartbeat_at >= ?",
                    Integer.class, now - nodeTimeout.toMillis());
            liveNodes = Math.max(1, count == null ? 1 : count);
        } catch (RuntimeException failure) {
            logger.warn("Node {} could not write its heartbeat; keeping {} live node(s): {}", nodeName, liveNodes,
                    failure.toString());
        }
    }

    @Override
    public void start() {
        heartbeat();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "processing-node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = heartbeatInterval.toMillis();
        executor.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
        heartbeats = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = heartbeats;
        heartbeats = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        try {
            jdbc.update("DELETE FROM processing_node WHERE node_name = ?", nodeName);
        } catch (RuntimeException failure) {
            logger.warn("Node {} could not remove its heartbeat; the others take over after the node timeout: {}",
                    nodeName, failure.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeats != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
