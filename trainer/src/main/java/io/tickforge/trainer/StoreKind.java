package io.tickforge.trainer;

import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the topology's state stores keep their data locally. Either way every store is changelogged, so a restarted
 * or moved task gets its state back: a persistent store from its local files (and the changelog's tail), an
 * in-memory one by replaying its changelog. The trainer's state is small (open bars, windows of bars, one schedule
 * record per model), so in-memory stores restore quickly; persistent ones (RocksDB) are the default.
 */
public enum StoreKind {
    /** RocksDB on the Streams state directory. */
    PERSISTENT,
    /** On the heap, rebuilt from the changelog on start. */
    IN_MEMORY;

    /**
     * @param name the store's name
     * @return a supplier of a key-value store of this kind
     */
    public KeyValueBytesStoreSupplier supplier(String name) {
        return this == PERSISTENT ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }
}
