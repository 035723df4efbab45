package io.profilekit.core.couchbase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a Couchbase cluster: its connection string, credentials, keyspace and
 * timeouts. Build one with {@link #builder(String)}; the password never appears in
 * {@link #toString()}.
 */
public final class CouchbaseSettings {

    /** How long a key-value operation may take unless set. */
    public static final Duration DEFAULT_KV_TIMEOUT = Duration.ofMillis(2500);
    /** How long a SQL++ statement may take unless set. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    /** How long connecting may take unless set. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String connectionString;
    private final String username;
    private final String password;
    private final CouchbaseKeyspace keyspace;
    private final Duration kvTimeout;
    private final Duration queryTimeout;
    private final Duration connectTimeout;
    private final Path trustCertificate;

    private CouchbaseSettings(Builder builder) {
        connectionString = builder.connectionString;
        username = builder.username;
        password = builder.password;
        keyspace = builder.keyspace;
        kvTimeout = builder.kvTimeout;
        queryTimeout = builder.queryTimeout;
        connectTimeout = builder.connectTimeout;
        trustCertificate = builder.trustCertificate;
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

    /** A PEM file of the CA certificate to trust for TLS, beyond the JVM's and Capella's. */
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
        private Duration kvTimeout = DEFAULT_KV_TIMEOUT;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
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

        /** Default 2.5 seconds. */
        public Builder kvTimeout(Duration value) {
            kvTimeout = positive(value, "kvTimeout");
            return this;
        }

        /** Default 30 seconds. */
        public Builder queryTimeout(Duration value) {
            queryTimeout = positive(value, "queryTimeout");
            return this;
        }

        /** Default 10 seconds. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** A CA certificate (PEM) to trust, for clusters whose certificates it signed. */
        public Builder trustCertificate(Path value) {
            trustCertificate = value;
            return this;
        }

        public CouchbaseSettings build() {
            return new CouchbaseSettings(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
