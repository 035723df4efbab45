package io.profilekit.core.couchbase;

import io.profilekit.core.spi.ProfileStore;
import io.profilekit.core.testkit.ProfileStoreCompatibilityKit;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The store contract, listing included, against a real Couchbase Server in Docker, with the
 * seed's scoped collections. Skipped, saying so, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class CouchbaseServerContractTest extends ProfileStoreCompatibilityKit {

    @Override
    protected ProfileStore openEmptyStore() {
        CouchbaseServer.empty();
        return CouchbaseProfileStore.of(CouchbaseServer.cluster(), CouchbaseServer.KEYSPACE);
    }
}
