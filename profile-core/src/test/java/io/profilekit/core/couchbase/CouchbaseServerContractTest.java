package io.profilekit.core.couchbase;

import io.profilekit.core.AbstractProfileRepositoryTest;
import io.profilekit.core.ProfileRepository;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The repository contract, listing included, against a real Couchbase Server in Docker, with
 * the seed's scoped collections. Skipped, saying so, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class CouchbaseServerContractTest extends AbstractProfileRepositoryTest {

    @Override
    protected ProfileRepository openEmptyRepository() {
        CouchbaseServer.empty();
        return CouchbaseProfileRepository.of(CouchbaseServer.cluster(), CouchbaseServer.KEYSPACE);
    }
}
