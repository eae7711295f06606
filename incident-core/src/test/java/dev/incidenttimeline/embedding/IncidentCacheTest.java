package dev.incidenttimeline.embedding;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.ehcache.CacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident cache the auto-configuration builds: bounded by its setting, holding what it keeps strongly. */
class IncidentCacheTest {

    private final IncidentCoreAutoConfiguration configuration = new IncidentCoreAutoConfiguration();
    private final CacheManager manager = configuration.incidentCacheManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void neverHoldsMoreThanItsSizeAndKeepsWhatItHoldsThroughCollections() {
        Cache cache = cacheOf(3);
        IntStream.range(0, 10).forEach(i -> cache.put("incident-" + i, new Object()));
        List<String> held = IntStream.range(0, 10).mapToObj(i -> "incident-" + i).filter(cache::containsKey).toList();
        assertThat(held).hasSizeBetween(1, 3);

        // A weak-reference cache loses such entries at a collection; this one must not.
        System.gc();
        assertThat(held).allMatch(cache::containsKey);
    }

    @Test
    void zeroKeepsAxonsWeakReferenceCache() {
        assertThat(cacheOf(0)).isInstanceOf(WeakReferenceCache.class);
    }

    private Cache cacheOf(int cachedIncidents) {
        IncidentCoreProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("incident.core.cached-incidents", String.valueOf(cachedIncidents))))
                .bindOrCreate("incident.core", IncidentCoreProperties.class);
        return configuration.incidentCache(properties,
                new StaticListableBeanFactory(Map.of("incidentCacheManager", manager)).getBeanProvider(CacheManager.class));
    }
}
