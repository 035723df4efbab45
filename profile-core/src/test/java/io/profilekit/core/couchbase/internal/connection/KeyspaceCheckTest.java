package io.profilekit.core.couchbase.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.couchbase.client.core.cnc.events.config.CollectionMapRefreshFailedEvent;
import com.couchbase.client.core.io.CollectionIdentifier;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.couchbase.MockCouchbase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The keyspace check on the mock's connected cluster: what the mock can answer (no access)
 * it answers through the SDK; a missing scope or collection, which only a real cluster reports,
 * arrives as the SDK's event, built as the SDK builds it.
 */
class KeyspaceCheckTest {

    private static final CollectionIdentifier DEFAULT_COLLECTION = CollectionIdentifier.fromDefault(MockCouchbase.BUCKET);

    private final ConnectionProblems problems = new ConnectionProblems();

    @AfterEach
    void stopInjecting() {
        MockCouchbase.control("/mock/opfail?code=0&count=0");
    }

    @Test
    void passesOnAKeyspaceThatExistsAndLeavesNoDocumentBehind() {
        assertThatCode(() -> check(MockCouchbase.KEYSPACE).verify()).doesNotThrowAnyException();

        assertThat(MockCouchbase.getRaw(KeyspaceCheck.PROBE_KEY)).isEmpty();
    }

    @Test
    void aUserWhoMayNotReadIsToldTheDataReaderRole() {
        MockCouchbase.control("/mock/opfail?code=36&count=-1");

        assertThatThrownBy(() -> check(MockCouchbase.KEYSPACE).verify())
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessage("user 'profiles' may not read documents in profiles._default._default: grant it the "
                        + "Data Reader role");
    }

    @Test
    void aCollectionTheClusterSaysItDoesNotKnowIsNamedWithRunInit() {
        problems.accept(new CollectionMapRefreshFailedEvent(Duration.ZERO, null, DEFAULT_COLLECTION, null,
                CollectionMapRefreshFailedEvent.Reason.UNKNOWN_COLLECTION));

        assertThatThrownBy(() -> check(MockCouchbase.KEYSPACE).verify())
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageStartingWith("collection '_default._default' in bucket 'profiles' does not exist, or "
                        + "user 'profiles' has no role on it: run init");
    }

    @Test
    void aScopeTheClusterSaysItDoesNotKnowIsNamedAsTheScope() {
        problems.accept(new CollectionMapRefreshFailedEvent(Duration.ZERO, null, DEFAULT_COLLECTION, null,
                CollectionMapRefreshFailedEvent.Reason.UNKNOWN_SCOPE));

        assertThatThrownBy(() -> check(MockCouchbase.KEYSPACE).verify())
                .hasMessageStartingWith("scope '_default' in bucket 'profiles' does not exist");
    }

    private KeyspaceCheck check(CouchbaseKeyspace keyspace) {
        return new KeyspaceCheck(MockCouchbase.cluster(), CouchbaseSettings.builder(MockCouchbase.connectionString())
                .credentials(MockCouchbase.BUCKET, MockCouchbase.PASSWORD).keyspace(keyspace).build(), problems);
    }
}
