package io.profilekit.core.couchbase;

/**
 * What a listing (all profiles, by e-mail) waits for before the query service reads its index,
 * which the index service updates a moment after each write.
 */
public enum ListingConsistency {
    /**
     * This instance's own writes: a client that wrote a profile through an instance finds it in
     * that instance's next listing, without waiting for the rest of the cluster's writes. Another
     * instance's writes may appear a moment later. The default.
     */
    AT_PLUS,
    /** Every write made anywhere before the listing; its latency grows with the cluster's write rate. */
    REQUEST_PLUS,
    /** Whatever the index holds now: fastest, and may miss profiles written a moment ago. */
    NOT_BOUNDED
}
