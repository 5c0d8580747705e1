package nl.integrity.platform.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values read from the database, kept per key until {@link ChangeNotices} hears of a change to the
 * tables they come from. For small, rarely changed data read on a hot path (an organisation's
 * risk rules). Values must be immutable: every thread of the instance shares them.
 *
 * <p>An entry remembers the generation read before its value was loaded: a change that commits
 * while it loads moves the generation on, so the entry is never used, and the next read loads
 * again. While changes cannot be heard every read loads.
 */
public final class NoticedCache<K, V> {

    private record Entry<V>(long generation, V value) {}

    private final ChangeNotices notices;
    private final Function<K, V> load;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** A cache that loads with {@code load}, in the caller's transaction. */
    public NoticedCache(ChangeNotices notices, Function<K, V> load) {
        this.notices = notices;
        this.load = load;
    }

    public V get(K key) {
        long generation = notices.generation();
        if (generation < 0) {
            return load.apply(key);
        }
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.generation() == generation) {
            return entry.value();
        }
        V value = load.apply(key);
        entries.merge(
                key,
                new Entry<>(generation, value),
                (held, loaded) -> held.generation() > loaded.generation() ? held : loaded);
        return value;
    }
}
