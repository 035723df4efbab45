package io.profilekit.core.couchbase;

import static io.profilekit.core.internal.Durations.positive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a Couchbase cluster: its connection string, credentials, keyspace, timeouts
 * and TLS trust. Build one with {@link #builder(String)}; the password never appears in
 * {@link #toString()}.
 *
 * <p>The timeouts' defaults suit an application in the cluster's region. From a laptop or
 * another region, {@link Builder#wanDevelopment(boolean)} applies the SDK's
 * {@code wan-development} profile, whose defaults are longer; a timeout set explicitly wins
 * either way.
 */
public final class CouchbaseSettings {

    /** How long a key-value operation may take unless set. */
    public static final Duration DEFAULT_KV_TIMEOUT = Duration.ofMillis(2500);
    /** How long a SQL++ statement may take unless set. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    /** How long connecting may take unless set. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long {@code init} may spend on one index statement, or waiting for collections and
     * indexes to come online, unless set.
     */
    public static final Duration DEFAULT_DDL_TIMEOUT = Duration.ofMinutes(5);
    /** The key-value timeout of the SDK's {@code wan-development} profile. */
    public static final Duration WAN_KV_TIMEOUT = Duration.ofSeconds(20);
    /** The query timeout of the SDK's {@code wan-development} profile. */
    public static final Duration WAN_QUERY_TIMEOUT = Duration.ofSeconds(120);
    /** The connect timeout of the SDK's {@code wan-development} profile. */
    public static final Duration WAN_CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private final String connectionString;
    private final String username;
    private final String password;
    private final CouchbaseKeyspace keyspace;
    private final Duration kvTimeout;
    private final Duration queryTimeout;
    private final Duration connectTimeout;
    private final Duration ddlTimeout;
    private final boolean wanDevelopment;
    private final Durability durability;
    private final ListingConsistency listingConsistency;
    private final Path trustCertificate;

    private CouchbaseSettings(Builder builder) {
        connectionString = builder.connectionString;
        username = builder.username;
        password = builder.password;
        keyspace = builder.keyspace;
        wanDevelopment = builder.wanDevelopment;
        kvTimeout = orDefault(builder.kvTimeout, DEFAULT_KV_TIMEOUT, WAN_KV_TIMEOUT);
        queryTimeout = orDefault(builder.queryTimeout, DEFAULT_QUERY_TIMEOUT, WAN_QUERY_TIMEOUT);
        connectTimeout = orDefault(builder.connectTimeout, DEFAULT_CONNECT_TIMEOUT, WAN_CONNECT_TIMEOUT);
        ddlTimeout = builder.ddlTimeout;
        durability = builder.durability;
        listingConsistency = builder.listingConsistency;
        trustCertificate = builder.trustCertificate;
    }

    private Duration orDefault(Duration explicit, Duration regional, Duration wan) {
        if (explicit != null) {
            return explicit;
        }
        return wanDevelopment ? wan : regional;
    }

    /**
     * Settings for the cluster at {@code connectionString}: {@code couchbase://host} or, with
     * TLS, {@code couchbases://host} (Capella needs TLS).
     */
    public static Builder builder(String connectionString) {
        return new Builder(connectionString);
    }

    public String connectionString() {
        return connectionString;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public CouchbaseKeyspace keyspace() {
        return keyspace;
    }

    /** How long a key-value operation may take before it counts as failed. */
    public Duration kvTimeout() {
        return kvTimeout;
    }

    /** How long a SQL++ query may take. */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    /** How long opening the cluster may take before {@code connect} gives up. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long one index statement, or waiting for collections and indexes, may take in {@code init}. */
    public Duration ddlTimeout() {
        return ddlTimeout;
    }

    /** The durability of every profile, picture and lookup write; {@link Durability#NONE} unless set. */
    public Durability durability() {
        return durability;
    }

    /** What a listing waits for; {@link ListingConsistency#AT_PLUS} unless set. */
    public ListingConsistency listingConsistency() {
        return listingConsistency;
    }

    /** Whether the SDK's {@code wan-development} profile applies. */
    public boolean wanDevelopment() {
        return wanDevelopment;
    }

    /** A PEM file of CA certificates to trust for TLS, in addition to the JVM's and Capella's. */
    public Optional<Path> trustCertificate() {
        return Optional.ofNullable(trustCertificate);
    }

    @Override
    public String toString() {
        return "CouchbaseSettings[" + connectionString + " as " + username + ", " + keyspace + "]";
    }

    /** Builds {@link CouchbaseSettings}. */
    public static final class Builder {
        private final String connectionString;
        private String username = "";
        private String password = "";
        private CouchbaseKeyspace keyspace = CouchbaseKeyspace.defaults();
        private Duration kvTimeout;
        private Duration queryTimeout;
        private Duration connectTimeout;
        private Duration ddlTimeout = DEFAULT_DDL_TIMEOUT;
        private boolean wanDevelopment;
        private Durability durability = Durability.NONE;
        private ListingConsistency listingConsistency = ListingConsistency.AT_PLUS;
        private Path trustCertificate;

        private Builder(String connectionString) {
            if (connectionString == null
                    || !(connectionString.startsWith("couchbase://") || connectionString.startsWith("couchbases://"))) {
                throw new IllegalArgumentException(
                        "a Couchbase connection string starts with couchbase:// or couchbases://");
            }
            this.connectionString = connectionString;
        }

        /** The cluster user and its password. */
        public Builder credentials(String user, String secret) {
            username = Objects.requireNonNull(user, "user");
            password = Objects.requireNonNull(secret, "secret");
            return this;
        }

        public Builder keyspace(CouchbaseKeyspace value) {
            keyspace = Objects.requireNonNull(value, "keyspace");
            return this;
        }

        /** Default 2.5 seconds (20 with {@link #wanDevelopment}). */
        public Builder kvTimeout(Duration value) {
            kvTimeout = positive(value, "kvTimeout");
            return this;
        }

        /** Default 30 seconds (120 with {@link #wanDevelopment}). */
        public Builder queryTimeout(Duration value) {
            queryTimeout = positive(value, "queryTimeout");
            return this;
        }

        /** Default 10 seconds (20 with {@link #wanDevelopment}). */
        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** Default 5 minutes. */
        public Builder ddlTimeout(Duration value) {
            ddlTimeout = positive(value, "ddlTimeout");
            return this;
        }

        /**
         * The durability of every profile and lookup write: {@code NONE} (the default: acknowledged
         * once in the active node's memory), {@code MAJORITY} (in memory on a majority of
         * replicas), {@code MAJORITY_AND_PERSIST_TO_ACTIVE}, or {@code PERSIST_TO_MAJORITY} (on
         * disk on a majority). Each level adds a replication or disk round trip to every write.
         */
        public Builder durability(Durability value) {
            durability = Objects.requireNonNull(value, "durability");
            return this;
        }

        /** What a listing waits for; see {@link ListingConsistency}. */
        public Builder listingConsistency(ListingConsistency value) {
            listingConsistency = Objects.requireNonNull(value, "listingConsistency");
            return this;
        }

        /**
         * Applies the SDK's {@code wan-development} profile: longer timeouts for a cluster far
         * away (a laptop to Capella). Timeouts set on this builder still win.
         */
        public Builder wanDevelopment(boolean value) {
            wanDevelopment = value;
            return this;
        }

        /**
         * A PEM file of CA certificates to trust, for clusters whose certificates they signed;
         * trusted in addition to the JVM's and Capella's, never instead.
         */
        public Builder trustCertificate(Path value) {
            trustCertificate = value;
            return this;
        }

        public CouchbaseSettings build() {
            return new CouchbaseSettings(this);
        }
    }
}
