package io.profilekit.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.CouchbaseSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    private static StoreSettings read(Map<String, String> values) {
        return StoreSettings.from(Settings.of(values::get));
    }

    @Test
    void servesMemoryWhenNoDatabaseIsConfigured() {
        assertThat(read(Map.of()).couchbase()).isEmpty();
    }

    @Test
    void servesCouchbaseWhenAConnectionStringIsSet() {
        CouchbaseSettings couchbase = read(Map.of(
                "profile.db.connection-string", "couchbases://cb.example.com",
                "profile.db.username", "app",
                "profile.db.password", "pw",
                "profile.db.kv-timeout", "800ms",
                "profile.db.connect-timeout", "20s")).couchbase().orElseThrow();

        assertThat(couchbase.connectionString()).isEqualTo("couchbases://cb.example.com");
        assertThat(couchbase.username()).isEqualTo("app");
        assertThat(couchbase.password()).isEqualTo("pw");
        assertThat(couchbase.keyspace()).isEqualTo(CouchbaseKeyspace.defaults());
        assertThat(couchbase.kvTimeout()).isEqualTo(Duration.ofMillis(800));
        assertThat(couchbase.connectTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(couchbase.queryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(couchbase.ddlTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(couchbase.wanDevelopment()).isFalse();
    }

    @Test
    void wanDevelopmentLengthensTheTimeoutsLeftUnset() {
        CouchbaseSettings couchbase = read(Map.of(
                "profile.db.connection-string", "couchbases://cb.cloud.couchbase.com",
                "profile.db.username", "app",
                "profile.db.password", "pw",
                "profile.db.wan-development", "true",
                "profile.db.kv-timeout", "5s",
                "profile.db.ddl-timeout", "10m")).couchbase().orElseThrow();

        assertThat(couchbase.wanDevelopment()).isTrue();
        assertThat(couchbase.kvTimeout()).as("set explicitly").isEqualTo(Duration.ofSeconds(5));
        assertThat(couchbase.connectTimeout()).isEqualTo(CouchbaseSettings.WAN_CONNECT_TIMEOUT);
        assertThat(couchbase.queryTimeout()).isEqualTo(CouchbaseSettings.WAN_QUERY_TIMEOUT);
        assertThat(couchbase.ddlTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void readsEveryKeyspaceName() {
        CouchbaseSettings couchbase = read(Map.of(
                "profile.db.connection-string", "couchbase://localhost",
                "profile.db.username", "app", "profile.db.password", "pw",
                "profile.db.bucket", "b", "profile.db.scope", "_default",
                "profile.db.profiles-collection", "_default", "profile.db.images-collection", "_default",
                "profile.db.auth-collection", "_default",
                "profile.db.lookups-collection", "_default")).couchbase().orElseThrow();

        assertThat(couchbase.keyspace()).isEqualTo(CouchbaseKeyspace.defaultCollection("b"));
    }

    @Test
    void theDefaultScopeAloneMeansTheBucketsDefaultCollection() {
        CouchbaseSettings couchbase = read(Map.of(
                "profile.db.connection-string", "couchbase://localhost",
                "profile.db.username", "app", "profile.db.password", "pw",
                "profile.db.bucket", "b", "profile.db.scope", "_default")).couchbase().orElseThrow();

        assertThat(couchbase.keyspace()).isEqualTo(CouchbaseKeyspace.defaultCollection("b"));
    }

    @Test
    void aCollectionNamedInTheDefaultScopeIsKept() {
        CouchbaseSettings couchbase = read(Map.of(
                "profile.db.connection-string", "couchbase://localhost",
                "profile.db.username", "app", "profile.db.password", "pw", "profile.db.scope", "_default",
                "profile.db.profiles-collection", "people")).couchbase().orElseThrow();

        assertThat(couchbase.keyspace().profiles()).isEqualTo("people");
        assertThat(couchbase.keyspace().images()).isEqualTo("_default");
    }

    @Test
    void readsTheSeedsEnvironmentVariables() {
        CouchbaseSettings couchbase = read(Map.of(
                "COUCHBASE_HOST", "db.example.com",
                "COUCHBASE_USER", "Administrator",
                "COUCHBASE_PASSWORD", "password",
                "COUCHBASE_BUCKET", "legacy")).couchbase().orElseThrow();

        assertThat(couchbase.connectionString()).isEqualTo("couchbases://db.example.com");
        assertThat(couchbase.username()).isEqualTo("Administrator");
        assertThat(couchbase.keyspace().bucket()).isEqualTo("legacy");
    }

    @Test
    void theSeedsTlsSwitchChoosesThePlainScheme() {
        CouchbaseSettings couchbase = read(Map.of("COUCHBASE_HOST", "db", "COUCHBASE_TLS", "False",
                "COUCHBASE_USER", "u", "COUCHBASE_PASSWORD", "p")).couchbase().orElseThrow();

        assertThat(couchbase.connectionString()).isEqualTo("couchbase://db");
    }

    @Test
    void profilekitsOwnSettingsWinOverTheSeeds() {
        CouchbaseSettings couchbase = read(Map.of(
                "profile.db.connection-string", "couchbase://new", "COUCHBASE_HOST", "old",
                "profile.db.username", "new-user", "COUCHBASE_USER", "old-user",
                "profile.db.password", "p")).couchbase().orElseThrow();

        assertThat(couchbase.connectionString()).isEqualTo("couchbase://new");
        assertThat(couchbase.username()).isEqualTo("new-user");
    }

    @Test
    void explainsWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> read(Map.of("profile.store", "couchbase")))
                .hasMessage("profile.store is couchbase but profile.db.connection-string is not set");
        assertThatThrownBy(() -> read(Map.of("profile.store", "redis")))
                .hasMessage("profile.store must be memory or couchbase, not 'redis'");
        assertThatThrownBy(() -> read(Map.of("profile.db.connection-string", "couchbase://h")))
                .hasMessage("profile.db.username is not set");
        assertThatThrownBy(() -> read(Map.of("profile.db.connection-string", "http://h",
                "profile.db.username", "u", "profile.db.password", "p")))
                .hasMessageContaining("couchbase://");
        assertThatThrownBy(() -> read(Map.of("profile.db.connection-string", "couchbase://h",
                "profile.db.username", "u", "profile.db.password", "p", "profile.db.kv-timeout", "fast")))
                .hasMessage("profile.db.kv-timeout must be a positive duration such as 2500ms, 10s or 2m, not 'fast'");
        assertThatThrownBy(() -> read(Map.of("profile.db.connection-string", "couchbase://h",
                "profile.db.username", "u", "profile.db.password", "p", "profile.db.bucket", "no spaces")))
                .hasMessageContaining("not a valid Couchbase bucket name");
    }

    @Test
    void memoryCanBeChosenDespiteAConnectionString() {
        assertThat(read(Map.of("profile.store", "memory", "profile.db.connection-string", "couchbase://h"))
                .couchbase()).isEmpty();
    }
}
