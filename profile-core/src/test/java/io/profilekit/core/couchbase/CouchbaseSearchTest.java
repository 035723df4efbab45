package io.profilekit.core.couchbase;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.ProfileException;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.StoreConfigurationException;
import org.junit.jupiter.api.Test;

/** Search through the real SDK on a cluster without the Search service (CouchbaseMock has none). */
class CouchbaseSearchTest {

    @Test
    void aClusterWithoutTheSearchServiceIsNamedAtOnceNotScanned() {
        MockCouchbase.flush();
        ProfileRepository repository = ProfileRepository.of(
                CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE));

        assertThatThrownBy(() -> repository.search(SearchQuery.of("ada")))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("runs no Search service")
                .extracting(error -> ((ProfileException) error).reason())
                .isEqualTo(ProfileException.Reason.STORE_LACKS_SERVICE);
    }
}
