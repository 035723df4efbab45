package io.profilekit.servlet;

import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.CouchbaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Which store to serve and, for Couchbase, how to reach it, from profilekit's settings and the
 * seed's {@code COUCHBASE_*} environment variables (read where profilekit's own are unset, so
 * a deployment of the seed keeps its configuration).
 *
 * @param couchbase how to reach the cluster; empty for the in-memory store
 */
record StoreSettings(Optional<CouchbaseSettings> couchbase) {

    /** Reads the settings; a missing or malformed one is an {@link IllegalArgumentException} saying which. */
    static StoreSettings from(Settings settings) {
        Optional<String> connection = settings.get("profile.db.connection-string").or(() -> seedConnection(settings));
        String store = settings.get("profile.store", connection.isPresent() ? "couchbase" : "memory")
                .toLowerCase(Locale.ROOT);
        return switch (store) {
            case "memory" -> new StoreSettings(Optional.empty());
            case "couchbase" -> new StoreSettings(Optional.of(couchbase(settings, connection.orElseThrow(() ->
                    new IllegalArgumentException("profile.store is couchbase but profile.db.connection-string is not set")))));
            default -> throw new IllegalArgumentException("profile.store must be memory or couchbase, not '" + store + "'");
        };
    }

    /** The seed's connection: {@code COUCHBASE_HOST}, over TLS unless {@code COUCHBASE_TLS} is false. */
    private static Optional<String> seedConnection(Settings settings) {
        return settings.get("COUCHBASE_HOST").map(host ->
                (settings.getBoolean("COUCHBASE_TLS", true) ? "couchbases://" : "couchbase://") + host
                        + (settings.getBoolean("COUCHBASE_NETWORK", false) ? "?network=external" : ""));
    }

    private static CouchbaseSettings couchbase(Settings settings, String connection) {
        String user = settings.get("profile.db.username").or(() -> settings.get("COUCHBASE_USER"))
                .orElseThrow(() -> new IllegalArgumentException("profile.db.username is not set"));
        String password = settings.get("profile.db.password").or(() -> settings.get("COUCHBASE_PASSWORD"))
                .orElseThrow(() -> new IllegalArgumentException("profile.db.password is not set"));
        CouchbaseKeyspace keyspace = new CouchbaseKeyspace(
                settings.get("profile.db.bucket").or(() -> settings.get("COUCHBASE_BUCKET")).orElse("sample_app"),
                settings.get("profile.db.scope", "profiles"),
                settings.get("profile.db.profiles-collection", "user_data"),
                settings.get("profile.db.images-collection", "user_images"),
                settings.get("profile.db.auth-collection", "service_auth"));
        CouchbaseSettings.Builder builder = CouchbaseSettings.builder(connection)
                .credentials(user, password)
                .keyspace(keyspace)
                .kvTimeout(settings.getDuration("profile.db.kv-timeout", Duration.ofMillis(2500)))
                .queryTimeout(settings.getDuration("profile.db.query-timeout", Duration.ofSeconds(30)))
                .connectTimeout(settings.getDuration("profile.db.connect-timeout", Duration.ofSeconds(10)));
        settings.get("profile.db.trust-certificate").map(Path::of).ifPresent(builder::trustCertificate);
        return builder.build();
    }
}
