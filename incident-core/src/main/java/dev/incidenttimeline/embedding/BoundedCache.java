package dev.incidenttimeline.embedding;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An Axon {@link Cache} that holds up to a fixed number of entries strongly and drops the least recently used one
 * when a new one comes in. Axon's {@code WeakReferenceCache} loses its entries at every young collection, so under
 * load most commands of an incident that is being worked on reloaded it from the store (from its snapshot and the
 * events after it: tens of milliseconds for a long incident); this one keeps the incidents in use and never grows
 * beyond its size.
 *
 * <p>One lock guards the map: every operation is a hash lookup, and commands on one incident are serialized by the
 * aggregate's own lock anyway. Listeners are told of creations, updates, reads, removals and evictions (as
 * "expired"), outside the lock.
 */
public class BoundedCache implements Cache {

    private final int capacity;
    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    /** @param capacity how many entries it holds at most; the least recently used one goes first */
    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** How many entries it holds at most. */
    public int capacity() {
        return capacity;
    }

    /** How many entries it holds now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Objects.requireNonNull(value, "value");
        Object previous;
        Map.Entry<Object, Object> evicted;
        synchronized (entries) {
            previous = entries.put(key, value);
            evicted = evictIfFull();
        }
        if (previous == null) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        } else {
            listeners.forEach(listener -> listener.onEntryUpdated(key, value));
        }
        expired(evicted);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Objects.requireNonNull(value, "value");
        Map.Entry<Object, Object> evicted;
        synchronized (entries) {
            if (entries.putIfAbsent(key, value) != null) {
                return false;
            }
            evicted = evictIfFull();
        }
        listeners.forEach(listener -> listener.onEntryCreated(key, value));
        expired(evicted);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        Object value;
        boolean created = false;
        Map.Entry<Object, Object> evicted = null;
        synchronized (entries) {
            value = entries.get(key);
            if (value == null) {
                value = valueSupplier.get();
                if (value == null) {
                    throw new IllegalArgumentException("Value Supplier of Cache produced a null value for key ["
                            + key + "]!");
                }
                entries.put(key, value);
                created = true;
                evicted = evictIfFull();
            }
        }
        Object result = value;
        if (created) {
            listeners.forEach(listener -> listener.onEntryCreated(key, result));
        } else {
            listeners.forEach(listener -> listener.onEntryRead(key, result));
        }
        expired(evicted);
        return (T) result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated;
        boolean removed;
        synchronized (entries) {
            Object current = entries.get(key);
            if (current == null) {
                return;
            }
            updated = update.apply((V) current);
            removed = updated == null;
            if (removed) {
                entries.remove(key);
            } else {
                entries.put(key, updated);
            }
        }
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        } else {
            listeners.forEach(listener -> listener.onEntryUpdated(key, updated));
        }
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (entries) {
            keys = List.copyOf(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> listeners.forEach(listener -> listener.onEntryRemoved(key)));
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        listeners.add(Objects.requireNonNull(cacheEntryListener, "cacheEntryListener"));
        return () -> listeners.remove(cacheEntryListener);
    }

    /** Under the lock: drops the least recently used entry if there are more than {@link #capacity}. */
    private Map.Entry<Object, Object> evictIfFull() {
        if (entries.size() <= capacity) {
            return null;
        }
        var eldest = entries.entrySet().iterator();
        Map.Entry<Object, Object> first = eldest.next();
        Map.Entry<Object, Object> evicted = Map.entry(first.getKey(), first.getValue());
        eldest.remove();
        return evicted;
    }

    private void expired(Map.Entry<Object, Object> evicted) {
        if (evicted != null) {
            listeners.forEach(listener -> listener.onEntryExpired(evicted.getKey()));
        }
    }
}
