package io.profilekit.servlet.internal;

import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.spi.ProfileStore;

/**
 * The hostile requests on Couchbase, through the real SDK and CouchbaseMock, which has no
 * SQL++ and no Search service: listings of all profiles and by e-mail, and searches, are 501
 * here, as the API answers a store without those services.
 */
class HostileRequestsOnCouchbaseIT extends HostileRequestsTest {

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
