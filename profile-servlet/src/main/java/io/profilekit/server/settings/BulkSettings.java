package io.profilekit.server.settings;

/**
 * How {@code generate} and {@code reindex} write: how many profiles they keep in flight at once.
 * Each profile takes a few round trips to Couchbase; one at a time, a remote cluster's round
 * trip sets the pace.
 *
 * @param parallelism profiles in flight at once
 */
public record BulkSettings(int parallelism) {

    public static final Setting PARALLELISM = Setting.of("profile.bulk.parallelism", 64);

    /** The most profiles in flight a setting or option may ask for. */
    public static final int MAX_PARALLELISM = 1024;

    /** Reads them; a malformed one is a {@link ConfigurationException} saying which. */
    public static BulkSettings from(Settings settings) {
        return new BulkSettings(settings.getInt(PARALLELISM, 1, MAX_PARALLELISM));
    }
}
