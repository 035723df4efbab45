package io.profilekit.core.couchbase;

import io.profilekit.core.AbstractProfileRepositoryTest;
import io.profilekit.core.ProfileRepository;

/**
 * The repository contract against Couchbase through the real SDK and CouchbaseMock. Listing
 * all profiles needs SQL++, which the mock lacks: those cases are skipped here and run in
 * {@link CouchbaseServerContractTest} where Docker is available.
 */
class CouchbaseMockContractTest extends AbstractProfileRepositoryTest {

    @Override
    protected ProfileRepository openEmptyRepository() {
        MockCouchbase.flush();
        return CouchbaseProfileRepository.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE);
    }

    @Override
    public boolean supportsListing() {
        return false;
    }
}
