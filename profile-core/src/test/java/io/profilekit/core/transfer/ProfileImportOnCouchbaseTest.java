package io.profilekit.core.transfer;

import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.spi.ProfileStore;

/** The imports of {@link ProfileImportTest} on Couchbase, through the real SDK and CouchbaseMock. */
class ProfileImportOnCouchbaseTest extends ProfileImportTest {

    @Override
    ProfileStore openStore() {
        MockCouchbase.flush();
        return CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE);
    }
}
