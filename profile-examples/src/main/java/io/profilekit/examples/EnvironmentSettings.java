package io.profilekit.examples;

import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.CouchbaseSettings;
import java.util.Optional;

/**
 * The Couchbase settings the examples read as profile-server.jar does: from the
 * {@code PROFILE_DB_*} environment variables, with the same defaults (the seed's keyspace).
 */
final class EnvironmentSettings {

    private EnvironmentSettings() {
    }

    /** The cluster {@code PROFILE_DB_CONNECTION_STRING} names, if it is set. */
    static Optional<CouchbaseSettings> couchbase() {
        String connection = System.getenv("PROFILE_DB_CONNECTION_STRING");
        if (connection == null || connection.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CouchbaseSettings.builder(connection)
                .credentials(System.getenv("PROFILE_DB_USERNAME"), System.getenv("PROFILE_DB_PASSWORD"))
                .keyspace(new CouchbaseKeyspace(
                        env("PROFILE_DB_BUCKET", "sample_app"),
                        env("PROFILE_DB_SCOPE", "profiles"),
                        env("PROFILE_DB_PROFILES_COLLECTION", "user_data"),
                        env("PROFILE_DB_IMAGES_COLLECTION", "user_images"),
                        env("PROFILE_DB_AUTH_COLLECTION", "service_auth"),
                        env("PROFILE_DB_LOOKUPS_COLLECTION", "profile_lookups")))
                .build());
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
