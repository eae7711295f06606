package dev.incidenttimeline.embedding;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedCacheTest {

    @Test
    void dropsTheLeastRecentlyUsedEntryWhenFull() {
        BoundedCache cache = new BoundedCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1);      // "b" is now the least recently used

        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void keepsEntriesStronglyUntilRemoved() {
        BoundedCache cache = new BoundedCache(10);
        cache.put("incident", new Object());
        System.gc();

        assertThat(cache.containsKey("incident")).isTrue();
        assertThat(cache.remove("incident")).isTrue();
        assertThat(cache.remove("incident")).isFalse();
        assertThat((Object) cache.get("incident")).isNull();
    }

    @Test
    void putsOnlyWhenAbsentAndComputesOnlyWhenMissing() {
        BoundedCache cache = new BoundedCache(10);

        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat((Integer) cache.computeIfAbsent("a", () -> 3)).isEqualTo(1);
        assertThat((Integer) cache.computeIfAbsent("b", () -> 4)).isEqualTo(4);
        cache.<Integer>computeIfPresent("b", value -> value + 1);
        assertThat((Integer) cache.get("b")).isEqualTo(5);
        cache.<Integer>computeIfPresent("b", value -> null);
        assertThat(cache.containsKey("b")).isFalse();
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void tellsListenersOfChangesAndEvictions() {
        BoundedCache cache = new BoundedCache(1);
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("evicted " + key);
            }
        });

        cache.put("a", 1);
        cache.put("a", 2);
        cache.put("b", 3);
        cache.remove("b");

        assertThat(heard).containsExactly("created a", "updated a", "created b", "evicted a", "removed b");
    }

    @Test
    void refusesASizeBelowOne() {
        assertThatThrownBy(() -> new BoundedCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
