package dev.incidenttimeline.processing;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many segments of a processor this node may hold: its fair share, the processor's segments divided by the live
 * {@link ProcessingNodes} and rounded up. A pooled streaming processor asks before every claim: above its share it
 * releases segments (so a node that joins gets work), below it claims free ones (so the segments of a node that
 * died move to the others once their claims time out). Two nodes and four segments: two each; one node: all four.
 */
public class FairShareSegments implements MaxSegmentProvider {

    private final ProcessingNodes nodes;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final int configuredSegments;
    private final Duration refreshInterval;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, SegmentCount> segmentCounts = new ConcurrentHashMap<>();

    public FairShareSegments(ProcessingNodes nodes, TokenStore tokenStore, TransactionManager transactionManager,
                             int configuredSegments, Duration refreshInterval) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
        this.configuredSegments = configuredSegments;
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
    }

    @Override
    public int getMaxSegments(String processorName) {
        int segments = segments(processorName);
        int live = nodes.liveNodes();
        return Math.max(1, (segments + live - 1) / live);
    }

    /** The processor's segments as stored (an operator may have split or merged them), re-read now and then. */
    private int segments(String processorName) {
        long now = clock.millis();
        SegmentCount known = segmentCounts.get(processorName);
        if (known != null && now - known.readAt() < refreshInterval.toMillis()) {
            return known.segments();
        }
        int segments;
        try {
            segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(processorName)).length;
        } catch (RuntimeException unreadable) {
            segments = known != null ? known.segments() : 0;
        }
        // No segments yet: the processor has not initialised its tokens, which it does with the configured count.
        int count = segments > 0 ? segments : configuredSegments;
        segmentCounts.put(processorName, new SegmentCount(count, now));
        return count;
    }

    private record SegmentCount(int segments, long readAt) {
    }
}
