package io.profilekit.servlet.internal;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.couchbase.CouchbaseProfileRepository;
import io.profilekit.core.couchbase.MockCouchbase;

/**
 * The resource API's tests on Couchbase, through the real SDK and CouchbaseMock. Listing all
 * profiles or by e-mail needs SQL++, which the mock lacks: those cases are skipped here.
 */
class ProfilesServletOnCouchbaseTest extends ProfilesServletTest {

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
