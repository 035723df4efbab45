package io.profilekit.core.erasure;

import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.spi.ProfileStore;
import java.util.List;

/**
 * {@link ErasureTest} on Couchbase, through the real SDK and CouchbaseMock, whose every document
 * is read from the mock's own storage; the mock has no Search service, so no search is made.
 */
class ErasureOnCouchbaseTest extends ErasureTest {

    @Override
    ProfileStore openStore() {
        MockCouchbase.flush();
        return CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE);
    }

    @Override
    List<String> everythingHeld(ProfileStore opened) {
        return MockCouchbase.everything();
    }

    @Override
    void searchFor(String text) {
        // CouchbaseMock runs no Search service; a real cluster's index follows the documents.
    }
}
