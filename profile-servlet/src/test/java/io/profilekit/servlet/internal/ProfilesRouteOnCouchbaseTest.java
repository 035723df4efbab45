package io.profilekit.servlet.internal;

import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.spi.ProfileStore;

/**
 * The resource API's tests on Couchbase, through the real SDK and CouchbaseMock. Listing all
 * profiles or by e-mail needs SQL++, which the mock lacks: those cases are skipped here.
 */
class ProfilesRouteOnCouchbaseTest extends ProfilesRouteTest {

    @Override
    ProfileStore openStore() {
        MockCouchbase.flush();
        return CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE);
    }

    @Override
    boolean listsEverything() {
        return false;
    }
}
