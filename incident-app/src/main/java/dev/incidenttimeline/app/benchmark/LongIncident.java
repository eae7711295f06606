package dev.incidenttimeline.app.benchmark;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;
import org.axonframework.common.caching.Cache;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Section 4: what a command costs on an incident with thousands of timeline entries, next to the same command on
 * a fresh incident. The long incident is built through the gateway, so its snapshots are taken as in production.
 */
final class LongIncident {

    private final IncidentGateway gateway;
    private final Cache cache;
    private final AtomicInteger notes = new AtomicInteger();
    private IncidentId longIncident;
    private final List<IncidentId> fresh = new ArrayList<>();

    LongIncident(IncidentGateway gateway, Cache cache) {
        this.gateway = gateway;
        this.cache = cache;
    }

    /** Declares the long incident and writes its entries; returns the commands/s of writing them. */
    double build(int entries, int freshIncidents) {
        longIncident = declare("A very long incident");
        for (int i = 0; i < freshIncidents; i++) {
            fresh.add(declare("A fresh incident"));
        }
        long start = System.nanoTime();
        for (int i = 0; i < entries; i++) {
            note(longIncident);
        }
        return entries / ((System.nanoTime() - start) / 1e9);
    }

    /** The long incident, once built. */
    IncidentId longIncident() {
        return longIncident;
    }

    /** Latencies (ns) of {@code ops} notes, alternating between the long incident and the fresh ones. */
    long[][] latencies(int ops) {
        long[] onLong = new long[ops];
        long[] onFresh = new long[ops];
        for (int i = 0; i < ops; i++) {
            onLong[i] = timed(longIncident, false);
            onFresh[i] = timed(fresh.get(i % fresh.size()), false);
        }
        return new long[][] {onLong, onFresh};
    }

    /** Latencies (ns) of notes sent right after the incident was dropped from the cache: a load from the store. */
    long[][] coldLatencies(int ops) {
        long[] onLong = new long[ops];
        long[] onFresh = new long[ops];
        for (int i = 0; i < ops; i++) {
            onLong[i] = timed(longIncident, true);
            onFresh[i] = timed(fresh.get(i % fresh.size()), true);
        }
        return new long[][] {onLong, onFresh};
    }

    private long timed(IncidentId incident, boolean evict) {
        if (evict) {
            cache.remove(incident.value());
        }
        long start = System.nanoTime();
        note(incident);
        return System.nanoTime() - start;
    }

    private void note(IncidentId incident) {
        // No time given: the aggregate takes it from the app's clock, as for a note typed in live.
        gateway.send(IncidentStory.note(incident, notes.incrementAndGet(), null).command());
    }

    private IncidentId declare(String title) {
        Instant at = Instant.now().minus(Duration.ofDays(2));
        return gateway.declare(new DeclareIncident(null, title, Severity.SEV2, List.of("checkout"),
                DetectionSource.MONITORING, null, null, "alice", false, at, null));
    }
}
