package io.profilekit.server.settings;

import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.couchbase.Durability;
import io.profilekit.core.couchbase.ListingConsistency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which store to serve and, for Couchbase, how to reach it, from profilekit's settings and the
 * seed's {@code COUCHBASE_*} environment variables (read where profilekit's own are unset, so
 * a deployment of the seed keeps its configuration).
 *
 * @param couchbase how to reach the cluster; empty for the in-memory store
 */
public record StoreSettings(Optional<CouchbaseSettings> couchbase) {

    public static final Setting STORE = Setting.of("profile.store");
    public static final Setting CONNECTION_STRING = Setting.of("profile.db.connection-string");
    public static final Setting USERNAME = Setting.of("profile.db.username");
    public static final Setting PASSWORD = Setting.of("profile.db.password");
    public static final Setting BUCKET = Setting.of("profile.db.bucket", CouchbaseKeyspace.defaults().bucket());
    public static final Setting SCOPE = Setting.of("profile.db.scope", CouchbaseKeyspace.defaults().scope());
    public static final Setting PROFILES_COLLECTION = Setting.of("profile.db.profiles-collection",
            CouchbaseKeyspace.defaults().profiles());
    public static final Setting IMAGES_COLLECTION = Setting.of("profile.db.images-collection",
            CouchbaseKeyspace.defaults().images());
    public static final Setting AUTH_COLLECTION = Setting.of("profile.db.auth-collection",
            CouchbaseKeyspace.defaults().auth());
    public static final Setting LOOKUPS_COLLECTION = Setting.of("profile.db.lookups-collection",
            CouchbaseKeyspace.defaults().lookups());
    public static final Setting KV_TIMEOUT = Setting.of("profile.db.kv-timeout",
            Settings.format(CouchbaseSettings.DEFAULT_KV_TIMEOUT));
    public static final Setting QUERY_TIMEOUT = Setting.of("profile.db.query-timeout",
            Settings.format(CouchbaseSettings.DEFAULT_QUERY_TIMEOUT));
    public static final Setting CONNECT_TIMEOUT = Setting.of("profile.db.connect-timeout",
            Settings.format(CouchbaseSettings.DEFAULT_CONNECT_TIMEOUT));
    public static final Setting DDL_TIMEOUT = Setting.of("profile.db.ddl-timeout",
            Settings.format(CouchbaseSettings.DEFAULT_DDL_TIMEOUT));
    public static final Setting WAN_DEVELOPMENT = Setting.of("profile.db.wan-development", false);
    public static final Setting TRUST_CERTIFICATE = Setting.of("profile.db.trust-certificate");
    public static final Setting DURABILITY = Setting.of("profile.db.durability", "none");
    public static final Setting LISTING_CONSISTENCY = Setting.of("profile.db.listing-consistency", "at_plus");

    private static final Map<String, Durability> DURABILITY_LEVELS = Map.of(
            "none", Durability.NONE,
            "majority", Durability.MAJORITY,
            "majorityandpersisttoactive", Durability.MAJORITY_AND_PERSIST_TO_ACTIVE,
            "persisttomajority", Durability.PERSIST_TO_MAJORITY);

    /** The seed's variables, read where profilekit's own settings are unset. */
    public static final Setting SEED_HOST = Setting.of("COUCHBASE_HOST");
    public static final Setting SEED_TLS = Setting.of("COUCHBASE_TLS", true);
    public static final Setting SEED_NETWORK = Setting.of("COUCHBASE_NETWORK", false);
    public static final Setting SEED_USER = Setting.of("COUCHBASE_USER");
    public static final Setting SEED_PASSWORD = Setting.of("COUCHBASE_PASSWORD");
    public static final Setting SEED_BUCKET = Setting.of("COUCHBASE_BUCKET");

    /** Reads the settings; a missing or malformed one is a {@link ConfigurationException} saying which. */
    public static StoreSettings from(Settings settings) {
        Optional<String> connection = settings.get(CONNECTION_STRING.name()).or(() -> seedConnection(settings));
        String store = settings.get(STORE.name(), connection.isPresent() ? "couchbase" : "memory")
                .toLowerCase(Locale.ROOT);
        return switch (store) {
            case "memory" -> new StoreSettings(Optional.empty());
            case "couchbase" -> new StoreSettings(Optional.of(couchbase(settings, connection.orElseThrow(() ->
                    new ConfigurationException(STORE.name() + " is couchbase but " + CONNECTION_STRING.name()
                            + " is not set")))));
            default -> throw new ConfigurationException(STORE.name() + " must be memory or couchbase, not '"
                    + store + "'");
        };
    }

    /** The seed's connection: {@code COUCHBASE_HOST}, over TLS unless {@code COUCHBASE_TLS} is false. */
    private static Optional<String> seedConnection(Settings settings) {
        return settings.get(SEED_HOST.name()).map(host ->
                (settings.getBoolean(SEED_TLS) ? "couchbases://" : "couchbase://") + host
                        + (settings.getBoolean(SEED_NETWORK) ? "?network=external" : ""));
    }

    private static Durability durability(Settings settings) {
        String value = settings.get(DURABILITY);
        Durability level = DURABILITY_LEVELS.get(value.toLowerCase(Locale.ROOT));
        if (level == null) {
            throw new ConfigurationException(DURABILITY.name() + " must be none, majority, "
                    + "majorityAndPersistToActive or persistToMajority, not '" + value + "'");
        }
        return level;
    }

    private static ListingConsistency listingConsistency(Settings settings) {
        String value = settings.get(LISTING_CONSISTENCY);
        try {
            return ListingConsistency.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(LISTING_CONSISTENCY.name()
                    + " must be at_plus, request_plus or not_bounded, not '" + value + "'");
        }
    }

    private static Optional<Duration> explicitDuration(Settings settings, Setting setting) {
        return settings.get(setting.name()).map(text -> settings.getDuration(setting));
    }

    private static CouchbaseSettings couchbase(Settings settings, String connection) {
        String user = settings.get(USERNAME.name()).or(() -> settings.get(SEED_USER.name()))
                .orElseThrow(() -> new ConfigurationException(USERNAME.name() + " is not set"));
        String password = settings.get(PASSWORD.name()).or(() -> settings.get(SEED_PASSWORD.name()))
                .orElseThrow(() -> new ConfigurationException(PASSWORD.name() + " is not set"));
        CouchbaseKeyspace keyspace = keyspace(settings);
        CouchbaseSettings.Builder builder = CONNECTION_STRING.apply(() -> CouchbaseSettings.builder(connection))
                .credentials(user, password)
                .keyspace(keyspace)
                .ddlTimeout(settings.getDuration(DDL_TIMEOUT))
                .durability(durability(settings))
                .listingConsistency(listingConsistency(settings))
                .wanDevelopment(settings.getBoolean(WAN_DEVELOPMENT));
        // Unset timeouts are left to CouchbaseSettings, whose defaults depend on wan-development.
        explicitDuration(settings, KV_TIMEOUT).ifPresent(builder::kvTimeout);
        explicitDuration(settings, QUERY_TIMEOUT).ifPresent(builder::queryTimeout);
        explicitDuration(settings, CONNECT_TIMEOUT).ifPresent(builder::connectTimeout);
        settings.get(TRUST_CERTIFICATE.name()).map(Path::of).ifPresent(builder::trustCertificate);
        return builder.build();
    }

    /**
     * The keyspace the settings name. The scope {@code _default} (a server without collections,
     * CouchbaseMock) makes {@code _default} every collection that is not named.
     */
    private static CouchbaseKeyspace keyspace(Settings settings) {
        String scope = settings.get(SCOPE);
        boolean defaultScope = CouchbaseKeyspace.DEFAULT.equals(scope);
        try {
            return new CouchbaseKeyspace(
                    settings.get(BUCKET.name()).or(() -> settings.get(SEED_BUCKET.name())).orElse(BUCKET.defaultValue()),
                    scope,
                    collection(settings, PROFILES_COLLECTION, defaultScope),
                    collection(settings, IMAGES_COLLECTION, defaultScope),
                    collection(settings, AUTH_COLLECTION, defaultScope),
                    collection(settings, LOOKUPS_COLLECTION, defaultScope));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + " (" + BUCKET.name() + ", " + SCOPE.name()
                    + " or a profile.db.*-collection setting)");
        }
    }

    private static String collection(Settings settings, Setting collection, boolean defaultScope) {
        return settings.get(collection.name()).orElse(defaultScope ? CouchbaseKeyspace.DEFAULT : collection.defaultValue());
    }
}
