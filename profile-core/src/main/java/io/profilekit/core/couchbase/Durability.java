package io.profilekit.core.couchbase;

/**
 * How far a write travels before Couchbase acknowledges it; each level adds a replication or
 * disk round trip to every write. Applies to profile, picture and lookup writes alike.
 */
public enum Durability {
    /** Acknowledged once in the active node's memory: the fastest. The default. */
    NONE,
    /** In memory on a majority of the bucket's replicas. */
    MAJORITY,
    /** In memory on a majority, and on the active node's disk. */
    MAJORITY_AND_PERSIST_TO_ACTIVE,
    /** On disk on a majority. */
    PERSIST_TO_MAJORITY
}
