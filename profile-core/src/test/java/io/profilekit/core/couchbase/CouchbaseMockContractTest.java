package io.profilekit.core.couchbase;

import io.profilekit.core.spi.ProfileStore;
import io.profilekit.core.testkit.ProfileStoreCompatibilityKit;

/**
 * The store contract against Couchbase through the real SDK and CouchbaseMock. Listing all
 * profiles needs SQL++ and search needs the Search service, which the mock lacks: those cases
 * are skipped here and run in {@link CouchbaseServerContractTest} where Docker is available.
 */
class CouchbaseMockContractTest extends ProfileStoreCompatibilityKit {

    @Override
    protected ProfileStore openEmptyStore() {
        MockCouchbase.flush();
        return CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE);
    }

    @Override
    public boolean supportsListing() {
        return false;
    }

    @Override
    public boolean supportsSearch() {
        return false;
    }
}
