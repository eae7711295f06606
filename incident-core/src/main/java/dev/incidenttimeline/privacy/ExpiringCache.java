package dev.incidenttimeline.privacy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small concurrent cache whose entries are forgotten after a fixed time (so an erasure on another node takes effect
 * here within that time) and that is emptied when it reaches its bound. A replay asks it for every person field of
 * every event, so a hit must cost a map lookup and a clock read, no lock.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long loadedAtNanos) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long expiryNanos;
    private final int maximumSize;

    ExpiringCache(Duration expiry, int maximumSize) {
        this.expiryNanos = expiry.toNanos();
        this.maximumSize = maximumSize;
    }

    V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAtNanos() < expiryNanos) {
            return entry.value();
        }
        V value = load.apply(key);
        if (entries.size() >= maximumSize) {
            // Rare (more live subjects than the bound): starting over is simpler than tracking use, and cheap.
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now));
        return value;
    }

    void remove(K key) {
        entries.remove(key);
    }

    void clear() {
        entries.clear();
    }
}
