package io.profilekit.servlet.internal;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.couchbase.CouchbaseProfileRepository;
import io.profilekit.core.couchbase.MockCouchbase;

/**
 * The hostile requests on Couchbase, through the real SDK and CouchbaseMock, which has no
 * SQL++: listings of all profiles and by e-mail are 503 here, as the API answers a store that
 * cannot list.
 */
class HostileRequestsOnCouchbaseTest extends HostileRequestsTest {

    @Override
    ProfileRepository openRepository() {
        MockCouchbase.flush();
        return CouchbaseProfileRepository.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE);
    }

    @Override
    boolean listsEverything() {
        return false;
    }
}
